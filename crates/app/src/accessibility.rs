//! "Barriere melden": anyone (signed in or not, with an address for the answer or without)
//! reports a barrier; the report reaches the installation's accessibility contact (the address
//! in the accessibility statement) and the organisers' list, with the deadline to answer (one
//! month); they mark it answered, and the worker reminds the contact a week before the deadline.

use crate::notify as mail;
use crate::{App, Error, Result};
use chrono::{DateTime, Duration, Months, Utc};
use domain::access::Actor;
use domain::error::Errors;
use domain::values::{Email, Locale};
use domain::{FieldError, Reason};
use store::accessibility::Report;
use store::{AuditEntry, Effects};
use uuid::Uuid;

pub use store::accessibility::Report as AccessibilityReport;

/// The longest description and note, and the longest page address.
pub const MAX_TEXT: usize = 5000;
pub const MAX_PAGE: usize = 500;

/// A report's deadline: one month after it came (BITV 2.0 § 7 and the Länder acts).
const ANSWER_WITHIN: Months = Months::new(1);

/// The contact is reminded this long before the deadline.
pub const REMIND_BEFORE: Duration = Duration::days(7);

/// At most this many reports in [`FLOOD_WINDOW`] across the installation: the form needs no
/// sign-in and no CAPTCHA, so a flood is stopped here.
const FLOOD_LIMIT: i64 = 30;
const FLOOD_WINDOW: Duration = Duration::minutes(10);

/// A report as typed.
#[derive(Debug, Clone, Default)]
pub struct ReportInput {
    /// The page (an address of this site) where the barrier is.
    pub page: String,
    pub description: String,
    /// Optional: where the answer goes.
    pub email: String,
}

fn text_field(errs: &mut Errors, field: &'static str, raw: &str, max: usize) -> String {
    let text = raw.trim().to_owned();
    if text.is_empty() {
        errs.push(FieldError::new(field, Reason::Required));
    } else if text.chars().count() > max {
        errs.push(FieldError::new(field, Reason::TooLong { max }));
    }
    text
}

/// Keeps a report and sends it to the accessibility contact (and a receipt to the reporter who
/// gave an address); the deadline to answer.
pub async fn report(app: &App, lang: Locale, input: &ReportInput) -> Result<DateTime<Utc>> {
    let mut errs = Errors::default();
    // A page of this site, as a path: the text goes into mails, and must not carry anything
    // else (the receipt goes to any address typed in).
    let typed = input.page.trim();
    let typed = typed.strip_prefix(app.config.base_url.as_str()).unwrap_or(typed);
    let page = text_field(&mut errs, "barrier_page", typed, MAX_PAGE);
    let on_site = page.starts_with('/')
        && !page.starts_with("//")
        && !page.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\');
    if !page.is_empty() && !on_site {
        errs.push(FieldError::new("barrier_page", Reason::NotThisSite));
    }
    let description = text_field(&mut errs, "barrier_description", &input.description, MAX_TEXT);
    let email = match input.email.trim() {
        "" => None,
        raw => errs.take(Email::parse("reply_email", raw)),
    };
    errs.into_result()?;
    let now = store::now();
    if store::accessibility::count_since(&app.db, now - FLOOD_WINDOW).await? >= FLOOD_LIMIT {
        return Err(Error::TooManyAttempts { retry_after_seconds: 600 });
    }
    let deadline = now.checked_add_months(ANSWER_WITHIN).unwrap_or(now + Duration::days(31));
    let r = Report {
        id: Uuid::now_v7(),
        created_at: now,
        page,
        description,
        email: email.map(|e| e.to_string()),
        deadline,
        answered_at: None,
        answered_by: None,
        answer_note: None,
    };
    let mut effects = Effects::audit(AuditEntry::new(None, "accessibility.reported", "accessibility_report", r.id));
    let due = crate::i18n::local_date(deadline);
    if let Some(contact) = crate::legal::get(app).await?.map(|l| l.accessibility_email.to_string()) {
        let reply = r.email.clone().unwrap_or_else(|| crate::i18n::t(Locale::De, "accessibility-report-anonymous"));
        let link = app.config.link("/accessibility/reports");
        effects.mails.push(mail::accessibility_report(&contact, &r.page, &r.description, &reply, &due, &link));
    }
    if let Some(reporter) = &r.email {
        effects.mails.push(mail::accessibility_receipt(lang, reporter, &r.page, &due));
    }
    store::accessibility::create(&app.db, &r, &effects).await?;
    Ok(deadline)
}

/// Every report, open ones first (organisers, who answer for the accessibility contact).
pub async fn list(app: &App, actor: &Actor) -> Result<Vec<Report>> {
    actor.ensure_organiser()?;
    Ok(store::accessibility::list(&app.db).await?)
}

/// Marks a report answered, with an optional note of how (organisers).
pub async fn mark_answered(app: &App, actor: &Actor, id: Uuid, note: &str) -> Result<()> {
    actor.ensure_organiser()?;
    let note = note.trim();
    if note.chars().count() > MAX_TEXT {
        return Err(Error::field("answer_note", Reason::TooLong { max: MAX_TEXT }));
    }
    let effects =
        Effects::audit(AuditEntry::new(Some(actor.user_id), "accessibility.answered", "accessibility_report", id));
    let note = (!note.is_empty()).then_some(note);
    store::accessibility::mark_answered(&app.db, id, actor.user_id, note, store::now(), &effects).await.map_err(|e| {
        match e {
            store::StoreError::Conflict => Error::Conflict("already-answered"),
            e => e.into(),
        }
    })
}

/// The worker: reminds the accessibility contact of each open report a week before its
/// deadline, once. How many reminders went out.
pub async fn run_reminders(app: &App) -> Result<usize> {
    let now = store::now();
    let Some(contact) = crate::legal::get(app).await?.map(|l| l.accessibility_email.to_string()) else {
        return Ok(0);
    };
    let mut sent = 0;
    for r in store::accessibility::to_remind(&app.db, now + REMIND_BEFORE).await? {
        let link = app.config.link("/accessibility/reports");
        let received = crate::i18n::local_date(r.created_at);
        let due = crate::i18n::local_date(r.deadline);
        let effects = Effects::audit(AuditEntry::new(None, "accessibility.reminded", "accessibility_report", r.id))
            .with_mail(mail::accessibility_reminder(&contact, &r.page, &received, &due, &link));
        if store::accessibility::mark_reminded(&app.db, r.id, now, &effects).await? {
            sent += 1;
        }
    }
    Ok(sent)
}
