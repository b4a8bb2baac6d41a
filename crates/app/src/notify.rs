//! Every inbox message and e-mail Jobtausch writes, in the recipient's language. They go into
//! the outbox with the change that causes them (as [`Effects`] of its transaction); the worker
//! of the binary sends the mails.
//!
//! Account mails ([`verify`], [`reset`], ...) are mails only. What happens to a swap reaches
//! the people it concerns twice: as an inbox message and as a mail with a link to the swap
//! ([`swap`]) or to its week ([`week`]); [`for_events`] decides who hears of which event.

use crate::i18n::{Arg, arg, t_args, week_label, week_short};
use crate::names::Names;
use crate::{App, Result};
use domain::after::AccessItem;
use domain::org::PolicyRule;
use domain::swap::{Event, Swap};
use domain::values::{IsoWeek, Locale};
use domain::week::BriefingDay;
use domain::{SwapId, UserId};
use std::collections::HashMap;
use store::contacts::Contact;
use store::{AuditEntry, Effects, InboxItem, MailAttachment, OutboxMail};

fn account_mail(kind: &'static str, lang: Locale, to: &str, args: &[(&str, &str)]) -> OutboxMail {
    let args: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (*k, arg(v))).collect();
    OutboxMail {
        kind,
        recipient: to.to_owned(),
        subject: t_args(lang, &format!("mail-{kind}-subject"), &args),
        body: t_args(lang, &format!("mail-{kind}-body"), &args),
        attachment: None,
    }
}

/// The link that confirms a new account's address.
pub fn verify(lang: Locale, to: &str, name: &str, link: &str) -> OutboxMail {
    account_mail("verify", lang, to, &[("name", name), ("link", link)])
}

/// The link that sets a new password.
pub fn reset(lang: Locale, to: &str, name: &str, link: &str) -> OutboxMail {
    account_mail("reset", lang, to, &[("name", name), ("link", link)])
}

/// Sent instead of a second account, so that sign-up does not reveal who has an account.
pub fn already_registered(lang: Locale, to: &str, login_link: &str) -> OutboxMail {
    account_mail("already", lang, to, &[("link", login_link)])
}

/// An organisation's invitation to join.
/// An invitation to an organisation, naming the role it comes with (`role`, in words).
pub fn invitation(lang: Locale, to: &str, org: &str, inviter: &str, role: &str, link: &str) -> OutboxMail {
    account_mail("invite", lang, to, &[("org", org), ("inviter", inviter), ("role", role), ("link", link)])
}

/// A report of a barrier, to the installation's accessibility contact.
pub fn accessibility_report(to: &str, page: &str, text: &str, reply: &str, deadline: &str, link: &str) -> OutboxMail {
    let args = [("page", page), ("text", text), ("reply", reply), ("deadline", deadline), ("link", link)];
    account_mail("accessibility-report", Locale::De, to, &args)
}

/// The receipt of a report of a barrier, to the reporter who gave an address.
pub fn accessibility_receipt(lang: Locale, to: &str, page: &str, deadline: &str) -> OutboxMail {
    account_mail("accessibility-receipt", lang, to, &[("page", page), ("deadline", deadline)])
}

/// A reminder to the accessibility contact of a report whose deadline comes near.
pub fn accessibility_reminder(to: &str, page: &str, received: &str, deadline: &str, link: &str) -> OutboxMail {
    let args = [("page", page), ("received", received), ("deadline", deadline), ("link", link)];
    account_mail("accessibility-reminder", Locale::De, to, &args)
}

/// A mail about an event (`mail-{kind}-subject`, `mail-{kind}-body`), with its calendar when
/// the person has a place.
pub fn event(kind: &'static str, to: &Contact, args: &[(&str, Arg)], attachment: Option<MailAttachment>) -> OutboxMail {
    OutboxMail {
        kind,
        recipient: to.email.clone(),
        subject: fitting_subject(to.locale, kind, args),
        body: t_args(to.locale, &format!("mail-{kind}-body"), args),
        attachment,
    }
}

/// The subject `mail-{kind}-subject` in at most [`SUBJECT_MAX`] characters: a title (of an
/// event or a story, up to 120 characters) too long for it is cut at a word and ends in "…";
/// the text names it whole.
fn fitting_subject(lang: Locale, kind: &str, args: &[(&str, Arg)]) -> String {
    let key = format!("mail-{kind}-subject");
    let subject = t_args(lang, &key, args);
    let over = subject.chars().count().saturating_sub(SUBJECT_MAX);
    let title = args.iter().find_map(|(name, value)| match value {
        fluent_templates::fluent_bundle::FluentValue::String(title) if *name == "title" => Some(title.as_ref()),
        _ => None,
    });
    let Some(title) = title.filter(|_| over > 0) else { return subject };
    let keep = title.chars().count().saturating_sub(over + 1);
    let mut cut: String = title.chars().take(keep).collect();
    // Cut inside a word: that word goes.
    if title.chars().nth(keep).is_some_and(|c| !c.is_whitespace())
        && let Some(space) = cut.rfind(char::is_whitespace).filter(|at| *at > 0)
    {
        cut.truncate(space);
    }
    let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:–-".contains(c));
    let args: Vec<(&str, Arg)> = args
        .iter()
        .map(|(name, value)| (*name, if *name == "title" { arg(format!("{cut}…")) } else { value.clone() }))
        .collect();
    t_args(lang, &key, &args)
}

/// The link that confirms the address of an employer's application to join.
pub fn application_confirm(lang: Locale, to: &str, org: &str, link: &str) -> OutboxMail {
    account_mail("application-confirm", lang, to, &[("org", org), ("link", link)])
}

/// An application waits for the organisers (new, or answered).
pub fn application_waiting(lang: Locale, to: &str, org: &str, answered: bool, link: &str) -> OutboxMail {
    let kind = if answered { "application-answered" } else { "application-waiting" };
    account_mail(kind, lang, to, &[("org", org), ("link", link)])
}

/// The organisers ask the applicant a question.
pub fn application_question(lang: Locale, to: &str, org: &str, question: &str, link: &str) -> OutboxMail {
    account_mail("application-question", lang, to, &[("org", org), ("question", question), ("link", link)])
}

/// The application was approved: the invitation to become the organisation's first admin.
pub fn application_approved(lang: Locale, to: &str, name: &str, org: &str, link: &str, until: &str) -> OutboxMail {
    account_mail("application-approved", lang, to, &[("name", name), ("org", org), ("link", link), ("until", until)])
}

/// The application was refused, with the reason.
pub fn application_refused(lang: Locale, to: &str, org: &str, reason: &str) -> OutboxMail {
    account_mail("application-refused", lang, to, &[("org", org), ("reason", reason)])
}

/// An out-of-band notice about a security-relevant change of one's account.
pub fn security_notice(lang: Locale, to: &str, name: &str, what: &str) -> OutboxMail {
    account_mail("notice", lang, to, &[("name", name), ("what", what)])
}

/// What a message about a swap is filed as: its inbox kind, its mail kind, and the page of
/// the swap it links to.
struct Topic {
    inbox: &'static str,
    mail: &'static str,
    path: String,
    /// The mail's subject: what happened, in short.
    subject: String,
    /// Said in the mail only, after the text (a proposal's own words).
    mail_only: Option<String>,
}

/// The longest subject a mail gets (RFC 5322's recommended line length).
pub const SUBJECT_MAX: usize = 78;

/// A mail subject about a swap's week: "Jobtausch KW 06/2027: {subject-kind}", never longer
/// than [`SUBJECT_MAX`] characters (a long name is cut with "…").
fn subject(lang: Locale, week: IsoWeek, kind: &str, name: &str) -> String {
    let what = t_args(lang, &format!("subject-{kind}"), &[("name", arg(name))]);
    let full = t_args(lang, "mail-swap-subject", &[("week", arg(week_short(lang, week))), ("what", arg(what))]);
    if full.chars().count() <= SUBJECT_MAX {
        full
    } else {
        let mut cut: String = full.chars().take(SUBJECT_MAX - 1).collect();
        cut.push('…');
        cut
    }
}

/// An inbox message and a mail ("Jobtausch: {text}", greeting, text, link) for one person.
fn message(
    app: &App,
    fx: &mut Effects,
    to: &Contact,
    swap: SwapId,
    topic: Topic,
    text: String,
    attachment: Option<MailAttachment>,
) {
    let mail_text = match &topic.mail_only {
        Some(more) => format!("{text}\n\n{more}"),
        None => text.clone(),
    };
    let body = t_args(
        to.locale,
        "mail-swap-body",
        &[("name", arg(&to.name)), ("text", arg(mail_text)), ("link", arg(app.config.link(&topic.path)))],
    );
    fx.inbox.push(InboxItem { user: to.id, swap: Some(swap), kind: topic.inbox, text: text.clone() });
    // Who takes a daily digest hears of what needs no action there (a calendar to file comes
    // at once).
    if to.digest && attachment.is_none() && DIGEST_KINDS.contains(&topic.inbox) {
        return;
    }
    fx.mails.push(OutboxMail {
        kind: topic.mail,
        recipient: to.email.clone(),
        subject: topic.subject,
        body,
        attachment,
    });
}

/// The notices that ask nothing of their reader: with a daily digest they come collected.
pub const DIGEST_KINDS: &[&str] = &[
    "accepted",
    "approvals-requested",
    "body-informed",
    "approved",
    "consented",
    "signed",
    "confirmed",
    "ended",
    "week-began",
    "evaluated",
];

/// The hour (Berlin time) the daily digests go out.
pub const DIGEST_HOUR: u32 = 7;

/// Makes the daily digests that are due at `now`: one mail per person who takes them, with
/// the notices that needed no action since their last one (none when there were none).
/// Several instances may run this side by side; each digest is made once. Returns how many
/// mails were queued.
pub async fn send_digests(app: &App, now: chrono::DateTime<chrono::Utc>) -> Result<usize> {
    let today = crate::i18n::berlin(now).date_naive();
    let at = |day: chrono::NaiveDate| {
        domain::week::berlin_to_utc(day, chrono::NaiveTime::from_hms_opt(DIGEST_HOUR, 0, 0).unwrap_or_default())
    };
    let boundary = if now >= at(today) { at(today) } else { at(today - chrono::Days::new(1)) };
    let mut sent = 0;
    for (user, previous) in store::inbox::digests_due(&app.db, boundary).await? {
        sent += make_digest(app, user, previous, now).await?;
    }
    Ok(sent)
}

/// Makes `user`'s digest of what came after `previous` (their last one) up to `now`; returns
/// how many mails were queued (none when nothing came, or another worker made it).
pub(crate) async fn make_digest(
    app: &App,
    user: UserId,
    previous: Option<chrono::DateTime<chrono::Utc>>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<usize> {
    let since = previous.unwrap_or(now - chrono::Duration::days(1));
    let items = store::inbox::between(&app.db, user, since, now, DIGEST_KINDS).await?;
    let mut fx = Effects::default();
    if !items.is_empty()
        && let Some(to) = store::contacts::of(&app.db, &[user]).await?.pop()
    {
        fx.mails.push(digest(app, &to, &items, crate::i18n::berlin(now).date_naive()));
    }
    Ok(if store::inbox::digest_made(&app.db, user, previous, now, &fx).await? { fx.mails.len() } else { 0 })
}

/// One day's digest: each notice with the link to its swap.
fn digest(app: &App, to: &Contact, items: &[Notification], day: chrono::NaiveDate) -> OutboxMail {
    let lang = to.locale;
    let list = items
        .iter()
        .map(|n| match n.swap_id {
            Some(swap) => format!("– {}\n  {}", n.text, app.config.link(&format!("/swaps/{swap}"))),
            None => format!("– {}", n.text),
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    OutboxMail {
        kind: "digest",
        recipient: to.email.clone(),
        subject: t_args(lang, "mail-digest-subject", &[("date", arg(day.format("%d.%m.%Y")))]),
        body: t_args(
            lang,
            "mail-digest-body",
            &[
                ("name", arg(&to.name)),
                ("items", arg(list)),
                ("settings", arg(app.config.link("/inbox#mail-settings"))),
            ],
        ),
        attachment: None,
    }
}

/// A short message with a link of its own (no greeting): a deputy named, a call for help.
fn short_message(
    fx: &mut Effects,
    to: &Contact,
    swap: &Swap,
    kinds: (&'static str, &'static str),
    text: String,
    link: String,
) {
    let (inbox_kind, mail_kind) = kinds;
    fx.inbox.push(InboxItem { user: to.id, swap: Some(swap.id), kind: inbox_kind, text: text.clone() });
    fx.mails.push(OutboxMail {
        kind: mail_kind,
        recipient: to.email.clone(),
        subject: subject(to.locale, swap.week, inbox_kind, ""),
        body: format!("{text}\n\n{link}\n"),
        attachment: None,
    });
}

/// What happened to a swap (`note-{kind}`), for one person, with a link to the swap.
/// `actor` is the name of who did it.
pub fn swap(
    app: &App,
    fx: &mut Effects,
    to: &Contact,
    swap: &Swap,
    kind: &'static str,
    names: &Names,
    actor: Option<&str>,
) {
    swap_with(app, fx, to, swap, kind, names, actor, None);
}

/// [`swap`], with a file for the person (their calendar of the swap, every event cancelled).
#[allow(clippy::too_many_arguments)]
fn swap_with(
    app: &App,
    fx: &mut Effects,
    to: &Contact,
    swap: &Swap,
    kind: &'static str,
    names: &Names,
    actor: Option<&str>,
    attachment: Option<MailAttachment>,
) {
    let reason = crate::i18n::end_reason(to.locale, swap.end_reason.as_deref().unwrap_or_default());
    let text = t_args(
        to.locale,
        &format!("note-{kind}"),
        &[
            ("name", arg(actor.unwrap_or("Jobtausch"))),
            ("week", arg(week_label(to.locale, swap.week))),
            ("names", arg(names.member_names(swap))),
            ("orgs", arg(names.org_names(swap))),
            ("reason", arg(reason)),
        ],
    );
    let subject = subject(to.locale, swap.week, kind, actor.unwrap_or_default());
    // The proposal's own words reach, by mail, the one person it is for (never a ring's third).
    let mail_only = swap.message.as_deref().filter(|_| kind == "proposed" && swap.members.len() == 2).map(|words| {
        t_args(to.locale, "note-proposal-message", &[("name", arg(actor.unwrap_or_default())), ("message", arg(words))])
    });
    let topic = Topic { inbox: kind, mail: "swap", path: format!("/swaps/{}", swap.id), subject, mail_only };
    message(app, fx, to, swap.id, topic, text, attachment);
}

/// What changed in a planned week, for those who hear of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanChangeKind {
    /// The briefing time of every day ahead.
    Rescheduled,
    BriefingMoved,
    BriefingCancelled,
    AppointmentAdded,
    AppointmentCancelled,
}

/// What a message about a swap's week says.
#[derive(Debug, Clone)]
pub enum WeekNotice<'a> {
    /// The week is planned (the calendar comes along).
    Planned,
    /// The week begins tomorrow.
    Ahead,
    /// Today's briefing.
    BriefingToday(&'a BriefingDay),
    /// Access granted to a guest is to be revoked now the week is over.
    RevokeAccess { item: AccessItem, guest: &'a str },
    /// Someone changed the plan: `what` is the change in short (a time, a day, an appointment).
    PlanChanged { change: PlanChangeKind, by: &'a str, what: String },
}

/// A message about a swap's week, with a link to the week plan and the swap's calendar
/// attached where there is one.
pub fn week(
    app: &App,
    fx: &mut Effects,
    to: &Contact,
    swap: &Swap,
    notice: WeekNotice<'_>,
    attachment: Option<MailAttachment>,
) {
    let lang = to.locale;
    let (kind, text) = match notice {
        WeekNotice::Planned => {
            ("week-planned", t_args(lang, "note-week-planned", &[("week", arg(week_label(lang, swap.week)))]))
        }
        WeekNotice::Ahead => {
            ("week-ahead", t_args(lang, "note-week-ahead", &[("week", arg(week_label(lang, swap.week)))]))
        }
        WeekNotice::BriefingToday(b) => (
            "briefing",
            t_args(
                lang,
                "note-briefing-today",
                &[("time", arg(b.start.format("%H:%M"))), ("link", arg(b.link.as_ref().map_or("–", |l| l.as_str())))],
            ),
        ),
        WeekNotice::RevokeAccess { item, guest } => {
            let item = crate::i18n::t(lang, &format!("access-item-{}", item.code()));
            ("revoke", t_args(lang, "note-revoke-access", &[("item", arg(item)), ("name", arg(guest))]))
        }
        WeekNotice::PlanChanged { change, by, what } => {
            let key = match change {
                PlanChangeKind::Rescheduled => "note-briefings-rescheduled",
                PlanChangeKind::BriefingMoved => "note-briefing-moved",
                PlanChangeKind::BriefingCancelled => "note-briefing-cancelled",
                PlanChangeKind::AppointmentAdded => "note-appointment-added",
                PlanChangeKind::AppointmentCancelled => "note-appointment-cancelled",
            };
            ("plan-changed", t_args(lang, key, &[("name", arg(by)), ("what", arg(what))]))
        }
    };
    let subject = subject(lang, swap.week, kind, "");
    let topic = Topic { inbox: kind, mail: "week", path: format!("/swaps/{}/week", swap.id), subject, mail_only: None };
    message(app, fx, to, swap.id, topic, text, attachment);
}

/// A member named `deputy` to stand in for them during the week.
pub fn deputy_named(app: &App, fx: &mut Effects, deputy: &Contact, by: &str, swap: &Swap) {
    let text = t_args(
        deputy.locale,
        "note-deputy-named",
        &[("name", arg(by)), ("week", arg(week_label(deputy.locale, swap.week)))],
    );
    short_message(fx, deputy, swap, ("deputy", "week"), text, app.config.link(&format!("/swaps/{}/week", swap.id)));
}

/// A member asked for help in their daily check-in: the organisers hear of it.
pub fn help_needed(app: &App, fx: &mut Effects, organiser: &Contact, person: &str, swap: &Swap) {
    let text = t_args(
        organiser.locale,
        "note-help-needed",
        &[("name", arg(person)), ("week", arg(week_label(organiser.locale, swap.week)))],
    );
    short_message(fx, organiser, swap, ("help", "help"), text, app.config.link("/help-requests"));
}

/// The holders of `role` in `org` who may decide on `swap`: not its members (four eyes).
pub(crate) async fn deciders(app: &App, swap: &Swap, org: domain::OrgId, role: &str) -> Result<Vec<Contact>> {
    let holders = store::contacts::role_holders(&app.db, org, role).await?;
    Ok(holders.into_iter().filter(|c| !swap.is_member(c.id)).collect())
}

/// Who may take each decision a swap waits for, by (organisation, role): the approvers and the
/// members of each body whose consent is pending, not the swap's members (four eyes); in one
/// query.
pub(crate) type DecidersByOrg = std::collections::HashMap<(domain::OrgId, String), Vec<Contact>>;

pub(crate) async fn deciders_by_org(app: &App, swap: &Swap) -> Result<DecidersByOrg> {
    let mut roles = vec!["approver".to_owned()];
    for step in consent_pending(swap) {
        let role = format!("body:{}", step.body.code());
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    let mut by: DecidersByOrg = DecidersByOrg::new();
    for (org, role, c) in store::contacts::role_holders_in(&app.db, &swap.organisations(), &roles).await? {
        if !swap.is_member(c.id) {
            by.entry((org, role)).or_default().push(c);
        }
    }
    Ok(by)
}

fn consent_pending(swap: &Swap) -> impl Iterator<Item = &domain::swap::BodyStep> {
    swap.bodies.iter().filter(|b| b.rule == PolicyRule::Consent && b.status == domain::swap::BodyStatus::Pending)
}

/// The decisions of a swap nobody may take: (organisation, role) where every holder of the
/// role is a member of the swap, or there is none. Only while the swap waits for decisions.
pub(crate) async fn missing_deciders(app: &App, swap: &Swap) -> Result<Vec<(domain::OrgId, String)>> {
    if swap.state != domain::swap::SwapState::ApprovalsPending {
        return Ok(Vec::new());
    }
    Ok(missing_among(swap, &deciders_by_org(app, swap).await?))
}

/// [`missing_deciders`] with who may decide already looked up.
pub(crate) fn missing_among(swap: &Swap, deciders: &DecidersByOrg) -> Vec<(domain::OrgId, String)> {
    let mut missing = Vec::new();
    if swap.state != domain::swap::SwapState::ApprovalsPending {
        return missing;
    }
    let nobody = |org: domain::OrgId, role: &str| deciders.get(&(org, role.to_owned())).is_none_or(Vec::is_empty);
    for org in swap.organisations() {
        let pending = swap.approvals.iter().any(|a| a.org == org && a.is_pending() && a.delegate.is_none());
        if pending && nobody(org, "approver") {
            missing.push((org, "approver".to_owned()));
        }
    }
    for step in consent_pending(swap) {
        let role = format!("body:{}", step.body.code());
        if nobody(step.org, &role) && !missing.contains(&(step.org, role.clone())) {
            missing.push((step.org, role));
        }
    }
    missing
}

/// An approval was given: which one, so that two approvals of one organisation (sending and
/// receiving side) are two different messages.
fn approved(app: &App, fx: &mut Effects, to: &Contact, swap: &Swap, names: &Names, actor: Option<&str>, i: usize) {
    let lang = to.locale;
    let Some(a) = swap.approvals.get(i) else { return };
    let person = swap.legs().get(a.leg).map(|l| names.person(l.person)).unwrap_or_default();
    let text = t_args(
        lang,
        "note-approved",
        &[
            ("name", arg(actor.unwrap_or("Jobtausch"))),
            ("week", arg(week_label(lang, swap.week))),
            ("org", arg(names.org(a.org))),
            ("side", arg(crate::i18n::t(lang, &format!("side-in-text-{}", a.side.code())))),
            ("person", arg(person)),
        ],
    );
    let subject = subject(lang, swap.week, "approved", actor.unwrap_or_default());
    let topic =
        Topic { inbox: "approved", mail: "swap", path: format!("/swaps/{}", swap.id), subject, mail_only: None };
    message(app, fx, to, swap.id, topic, text, None);
}

/// Nobody at `org` may take a decision of `swap` in `role`: someone must be named.
fn decider_missing(
    app: &App,
    fx: &mut Effects,
    to: &Contact,
    swap: &Swap,
    names: &Names,
    org: domain::OrgId,
    role: &str,
) {
    let lang = to.locale;
    let text = t_args(
        lang,
        "note-decider-missing",
        &[
            ("week", arg(week_label(lang, swap.week))),
            ("names", arg(names.member_names(swap))),
            ("org", arg(names.org(org))),
            ("role", arg(crate::i18n::t(lang, &format!("role-{}", role.replace(':', "-"))))),
        ],
    );
    let subject = subject(lang, swap.week, "decider-missing", "");
    let topic =
        Topic { inbox: "decider-missing", mail: "swap", path: format!("/swaps/{}", swap.id), subject, mail_only: None };
    message(app, fx, to, swap.id, topic, text, None);
}

/// The audit records of a swap's events and the notifications of everyone they concern.
/// `actor` did it (none: the system did); `cancelled_calendars` holds each member's calendar
/// of the swap with every event cancelled, for a swap called off after its week was planned.
pub(crate) async fn for_events(
    app: &App,
    swap: &Swap,
    actor: Option<(UserId, &str)>,
    events: &[Event],
    cancelled_calendars: &HashMap<UserId, MailAttachment>,
) -> Result<Effects> {
    let mut fx = Effects::default();
    let actor_id = actor.map(|(id, _)| id);
    let actor_name = actor.map(|(_, n)| n);
    for e in events {
        let detail = serde_json::to_string(e).unwrap_or_default();
        fx.audit.push(AuditEntry::new(actor_id, e.action(), "swap", swap.id).detail(detail));
    }
    let names = Names::of_swap(app, swap).await?;
    let members = names.members(swap);
    let others: Vec<&Contact> = members.iter().filter(|c| Some(c.id) != actor_id).collect();
    for e in events {
        let tell = |fx: &mut Effects, to: &Contact, kind: &'static str| {
            self::swap(app, fx, to, swap, kind, &names, actor_name);
        };
        match e {
            Event::Proposed { .. } => others.iter().for_each(|c| tell(&mut fx, c, "proposed")),
            Event::Accepted { .. } => others.iter().for_each(|c| tell(&mut fx, c, "accepted")),
            Event::ApprovalsRequested => {
                members.iter().for_each(|c| tell(&mut fx, c, "approvals-requested"));
                for org in swap.organisations() {
                    for c in deciders(app, swap, org, "approver").await? {
                        tell(&mut fx, &c, "approval-needed");
                    }
                }
                for step in swap.bodies.iter().filter(|b| b.rule == PolicyRule::Consent) {
                    let role = format!("body:{}", step.body.code());
                    for c in deciders(app, swap, step.org, &role).await? {
                        tell(&mut fx, &c, "consent-needed");
                    }
                }
                // Where nobody may decide, the organisation's admins and the organisers must
                // name someone.
                for (org, role) in missing_deciders(app, swap).await? {
                    let mut told = deciders(app, swap, org, "org_admin").await?;
                    told.extend(store::contacts::organisers(&app.db).await?);
                    for c in told {
                        decider_missing(app, &mut fx, &c, swap, &names, org, &role);
                    }
                }
            }
            Event::BodyInformed { org, body } => {
                let role = format!("body:{}", body.code());
                for c in store::contacts::role_holders(&app.db, *org, &role).await? {
                    tell(&mut fx, &c, "body-informed");
                }
            }
            Event::Approved { approval, .. } => {
                for c in &members {
                    approved(app, &mut fx, c, swap, &names, actor_name, *approval);
                }
            }
            Event::BodyConsented { .. } => members.iter().for_each(|c| tell(&mut fx, c, "consented")),
            Event::Delegated { to, .. } => {
                for c in store::contacts::of(&app.db, &[*to]).await? {
                    tell(&mut fx, &c, "delegated");
                }
            }
            Event::AgreementGenerated { .. } => members.iter().for_each(|c| tell(&mut fx, c, "sign-needed")),
            Event::Signed { .. } => others.iter().for_each(|c| tell(&mut fx, c, "signed")),
            Event::Confirmed | Event::Declined { .. } | Event::Withdrawn { .. } | Event::Cancelled { .. } => {
                let kind = if matches!(e, Event::Confirmed) { "confirmed" } else { "ended" };
                for c in &members {
                    // A planned week called off: each member's own events come along,
                    // cancelled, for their calendar (and so at once, never in a digest).
                    let calendar =
                        cancelled_calendars.get(&c.id).cloned().filter(|_| matches!(e, Event::Cancelled { .. }));
                    swap_with(app, &mut fx, c, swap, kind, &names, actor_name, calendar);
                }
                // The bodies asked for their consent hear of the outcome too.
                for step in swap.bodies.iter().filter(|b| b.rule == PolicyRule::Consent) {
                    let role = format!("body:{}", step.body.code());
                    for c in deciders(app, swap, step.org, &role).await? {
                        if Some(c.id) != actor_id {
                            tell(&mut fx, &c, kind);
                        }
                    }
                }
                // The approvers of the organisations hear of the outcome once there were approvals.
                if !swap.approvals.is_empty() {
                    for org in swap.organisations() {
                        for c in deciders(app, swap, org, "approver").await? {
                            if Some(c.id) != actor_id {
                                tell(&mut fx, &c, kind);
                            }
                        }
                    }
                }
            }
            Event::WeekBegan => members.iter().for_each(|c| tell(&mut fx, c, "week-began")),
            Event::WeekCompleted => members.iter().for_each(|c| tell(&mut fx, c, "week-completed")),
            Event::Evaluated => members.iter().for_each(|c| tell(&mut fx, c, "evaluated")),
            Event::ApprovalDeclined { .. }
            | Event::BodyRefused { .. }
            | Event::Expired { .. }
            | Event::AgreementRequested => {}
        }
    }
    // One message per person for what happened, however many events said it.
    let mut seen = std::collections::HashSet::new();
    fx.mails.retain(|m| seen.insert((m.recipient.clone(), m.subject.clone(), m.body.clone())));
    let mut seen = std::collections::HashSet::new();
    fx.inbox.retain(|n| seen.insert((n.user, n.text.clone())));
    Ok(fx)
}

/// A message of a person's inbox.
pub use store::inbox::Notification;

/// The inbox of `me`, newest first.
pub async fn inbox(app: &App, me: &crate::Account) -> Result<Vec<Notification>> {
    Ok(store::inbox::of_user(&app.db, me.id).await?)
}

/// Marks every message of `me` read.
pub async fn mark_read(app: &App, me: &crate::Account) -> Result<()> {
    Ok(store::inbox::mark_read(&app.db, me.id).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_title_is_cut_at_a_word_to_keep_the_subject_short() {
        let title = "Zweiter Versuch: Was eine Woche Bürgeramt lehrt, und warum wir es wieder tun würden";
        let args = [("name", arg("Lena Wolf")), ("by", arg("Ingo Lehmann")), ("title", arg(title)), ("link", arg("x"))];
        for lang in [Locale::De, Locale::En] {
            let subject = fitting_subject(lang, "story-drafted", &args);
            assert!(subject.chars().count() <= SUBJECT_MAX, "{subject}");
            let expected = match lang {
                // Cut inside "lehrt": the word goes.
                Locale::De => "Jobtausch: Bitte stimmen Sie „Zweiter Versuch: Was eine Woche Bürgeramt…“ zu",
                // Cut after "lehrt,": the comma goes.
                Locale::En => "Jobtausch: please approve \"Zweiter Versuch: Was eine Woche Bürgeramt lehrt…\"",
            };
            assert_eq!(subject, expected);
            let body = t_args(lang, "mail-story-drafted-body", &args);
            assert!(body.contains(title), "the text names the title whole: {body}");
        }
        let short = [("title", arg("Vom Rechenzentrum ins Bürgeramt"))];
        assert_eq!(
            fitting_subject(Locale::De, "story-published", &short),
            "Jobtausch: „Vom Rechenzentrum ins Bürgeramt“ ist veröffentlicht"
        );
    }
}
