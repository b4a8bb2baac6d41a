//! How long the installation keeps each class of personal data ([`Periods`], set in the
//! configuration with the defaults of `docs/privacy.md`), and the worker that erases what is
//! past its period.

use crate::i18n::{t, t_args};
use crate::{App, Download, Error, Result};
use documents::{ReportInput, ReportSection};

/// The record of processing activities: a titled document of headed sections.
pub type ProcessingRecord = ReportInput;
use chrono::{DateTime, Months, Utc};
use domain::access::Actor;
use domain::values::IsoWeek;
use domain::values::Locale;

/// A period of retention: days, or calendar months (years are twelve months).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Days(u32),
    Months(u32),
}

impl Period {
    /// `7d`, `12m` or `6y`.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (at, _) = text.char_indices().last()?;
        let (number, unit) = text.split_at(at);
        let n: u32 = number.parse().ok()?;
        match unit {
            "d" => Some(Period::Days(n)),
            "m" => Some(Period::Months(n)),
            "y" => Some(Period::Months(n.checked_mul(12)?)),
            _ => None,
        }
    }

    /// The moment the period ends when it starts at `start`.
    pub fn after(self, start: DateTime<Utc>) -> DateTime<Utc> {
        match self {
            Period::Days(d) => start + chrono::Duration::days(i64::from(d)),
            Period::Months(m) => start.checked_add_months(Months::new(m)).unwrap_or(DateTime::<Utc>::MAX_UTC),
        }
    }

    /// The moment the period, ending now, started: what began before it is past its period.
    pub fn before(self, now: DateTime<Utc>) -> DateTime<Utc> {
        match self {
            Period::Days(d) => now - chrono::Duration::days(i64::from(d)),
            Period::Months(m) => now.checked_sub_months(Months::new(m)).unwrap_or(DateTime::<Utc>::MIN_UTC),
        }
    }

    /// As written in the configuration (`6y`, `90d`).
    pub fn code(self) -> String {
        match self {
            Period::Days(d) => format!("{d}d"),
            Period::Months(m) if m % 12 == 0 => format!("{}y", m / 12),
            Period::Months(m) => format!("{m}m"),
        }
    }
}

/// The retention period of each class of data (`JOBTAUSCH_RETENTION`, e.g.
/// `unverified=7d,check_ins=90d,mails=30d,proposals=1y,swaps=6y,events=1y`). Sessions and links in mails
/// go when they expire; audit entries go with their object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Periods {
    /// Accounts whose address was never confirmed, after sign-up; invitations, after they
    /// expired or were accepted; failed sign-ins, after the first of them.
    pub unverified: Period,
    /// Daily check-ins with their help-request notes, after the swap week.
    pub check_ins: Period,
    /// Mails in the outbox, after they were sent.
    pub mails: Period,
    /// Declined, withdrawn and cancelled proposals that were never confirmed, after they ended.
    pub proposals: Period,
    /// Confirmed swaps with their agreements, after the week: then they keep only pseudonyms.
    pub swaps: Period,
    /// Who registered for an event, attended it and met whom in its Tauschrunden, after the
    /// event ended (the event itself stays, without them).
    pub events: Period,
}

impl Default for Periods {
    fn default() -> Self {
        Self {
            unverified: Period::Days(7),
            check_ins: Period::Days(90),
            mails: Period::Days(30),
            proposals: Period::Months(12),
            swaps: Period::Months(72),
            events: Period::Months(12),
        }
    }
}

impl Periods {
    /// The classes by their names in the configuration, with their periods.
    pub fn classes(&self) -> [(&'static str, Period); 6] {
        [
            ("unverified", self.unverified),
            ("check_ins", self.check_ins),
            ("mails", self.mails),
            ("proposals", self.proposals),
            ("swaps", self.swaps),
            ("events", self.events),
        ]
    }

    /// The defaults with the classes `text` names set otherwise (`class=period`, comma
    /// separated). An unknown class or period is refused with what was not understood.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut periods = Self::default();
        for item in text.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let (class, period) = item.split_once('=').ok_or_else(|| format!("{item:?}: expected class=period"))?;
            let period = Period::parse(period).ok_or_else(|| format!("{period:?}: expected e.g. 7d, 12m or 6y"))?;
            let slot = match class.trim() {
                "unverified" => &mut periods.unverified,
                "check_ins" => &mut periods.check_ins,
                "mails" => &mut periods.mails,
                "proposals" => &mut periods.proposals,
                "swaps" => &mut periods.swaps,
                "events" => &mut periods.events,
                other => {
                    return Err(format!(
                        "{other:?}: not a class of data (unverified, check_ins, mails, proposals, swaps, events)"
                    ));
                }
            };
            *slot = period;
        }
        Ok(periods)
    }
}

/// What one run of the retention worker erased, class by class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Swept {
    pub sessions: u64,
    pub unverified_accounts: u64,
    /// Invitations expired or accepted, failed sign-ins past the period.
    pub invitations_and_failed_logins: u64,
    pub check_ins: u64,
    pub mails: u64,
    pub proposals: u64,
    /// Employers' applications never confirmed, or refused.
    pub applications: u64,
    pub swaps_pseudonymised: u64,
    pub tombstones: u64,
    /// Registrations and places in Tauschrunden of past events.
    pub event_attendance: u64,
}

/// The retention worker: erases what is past its period at `now` (a test moves the clock).
/// Each class is its own transaction; an account that cannot be erased yet (a week under way)
/// is left for a later run.
pub async fn run(app: &App, now: DateTime<Utc>) -> Result<Swept> {
    let periods = app.config.retention;
    let db = &app.db;
    let mut swept = Swept {
        sessions: store::retention::expired_sessions(db, now, now - app.config.sessions.idle).await?,
        ..Swept::default()
    };
    let (accounts, rows) = store::retention::unverified(db, periods.unverified.before(now)).await?;
    swept.invitations_and_failed_logins = rows;
    for user in accounts {
        // One account that cannot go now (a week under way, a change meanwhile) does not hold
        // back the others, nor the other classes.
        match crate::privacy::erase_unverified(app, user).await {
            Ok(()) => swept.unverified_accounts += 1,
            Err(e) => tracing::warn!(%user, error = ?e, "retention: an unconfirmed account stays for now"),
        }
    }
    swept.check_ins = store::retention::check_ins(db, &first_week_kept(periods.check_ins, now)).await?;
    swept.mails = store::retention::sent_mails(db, periods.mails.before(now)).await?;
    swept.proposals = store::retention::ended_proposals(db, periods.proposals.before(now)).await?;
    // An employer's application: unconfirmed like an unconfirmed account, refused like a
    // declined proposal.
    swept.applications =
        store::retention::applications(db, periods.unverified.before(now), periods.proposals.before(now)).await?;
    swept.swaps_pseudonymised =
        store::retention::pseudonymise_swaps(db, &first_week_kept(periods.swaps, now), crate::privacy::pseudonym)
            .await?;
    swept.event_attendance = store::retention::event_attendance(db, periods.events.before(now)).await?;
    swept.tombstones = store::retention::spent_tombstones(db, now).await?;
    if swept != Swept::default() {
        tracing::info!(?swept, "retention: erased what is past its period");
    }
    Ok(swept)
}

/// The first week whose data of a class with `period` (counted from the week's end) is still
/// kept at `now`: every week before it ended longer ago than the period.
fn first_week_kept(period: Period, now: DateTime<Utc>) -> String {
    let start = period.before(now);
    IsoWeek::of(crate::i18n::berlin(start).date_naive()).to_string()
}

/// The record of processing activities (Verzeichnis von Verarbeitungstätigkeiten, Art. 30
/// Abs. 1 DSGVO) of this installation, made from its legal details and its settings
/// (retention periods, sessions, providers) in `lang`.
pub async fn processing_record(app: &App, actor: &Actor, lang: Locale) -> Result<ProcessingRecord> {
    actor.ensure_organiser()?;
    let tr = |key: &str| t(lang, key);
    let legal = crate::legal::get(app).await?;
    let controller = match &legal {
        Some(l) => ReportSection {
            heading: tr("vvt-controller"),
            paragraphs: Vec::new(),
            items: [
                ("vvt-controller-name", Some(l.operator_name.to_string())),
                ("vvt-controller-address", Some(l.operator_address.to_string())),
                ("vvt-controller-represented", l.represented_by.as_ref().map(ToString::to_string)),
                ("vvt-controller-contact", Some(l.contact_email.to_string())),
                (
                    "vvt-dpo",
                    Some(
                        format!(
                            "{} {}",
                            l.dpo_name.as_ref().map(ToString::to_string).unwrap_or_default(),
                            l.dpo_contact
                        )
                        .trim()
                        .to_owned(),
                    ),
                ),
                ("vvt-supervisory", Some(l.supervisory_authority.to_string())),
            ]
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (tr(k), v)))
            .collect(),
            ..ReportSection::default()
        },
        None => ReportSection {
            heading: tr("vvt-controller"),
            paragraphs: vec![tr("vvt-controller-missing")],
            ..ReportSection::default()
        },
    };
    let mut purposes = vec![tr("vvt-purposes-text"), tr("vvt-basis-text")];
    if let Some(basis) = legal.as_ref().and_then(|l| l.legal_basis.as_ref()) {
        purposes.push(basis.to_string());
    }
    let listed = |keys: &[&str]| keys.iter().map(|k| (tr(&format!("{k}-label")), tr(k))).collect::<Vec<_>>();
    let providers = store::sso::provider_count(&app.db).await?;
    let mut data = listed(&[
        "vvt-data-account",
        "vvt-data-profile",
        "vvt-data-swaps",
        "vvt-data-week",
        "vvt-data-events",
        "vvt-data-use",
    ]);
    data.push((tr("vvt-data-sso-label"), t_args(lang, "vvt-data-sso", &[("count", crate::i18n::count(providers))])));
    let periods = app.config.retention;
    let mut retention: Vec<(String, String)> = periods
        .classes()
        .iter()
        .map(|(class, period)| (tr(&format!("vvt-retention-{class}")), period_words(lang, *period, class)))
        .collect();
    retention.extend(listed(&["vvt-retention-sessions", "vvt-retention-audit", "vvt-retention-erasure"]));
    let sessions = app.config.sessions;
    let toms = vec![
        (tr("vvt-tom-access-label"), tr("vvt-tom-access")),
        (tr("vvt-tom-secrets-label"), tr("vvt-tom-secrets")),
        (
            tr("vvt-tom-sessions-label"),
            t_args(
                lang,
                "vvt-tom-sessions",
                &[
                    ("idle", crate::i18n::arg(sessions.idle.num_minutes())),
                    ("absolute", crate::i18n::arg(sessions.absolute.num_hours())),
                ],
            ),
        ),
        (
            tr("vvt-tom-transport-label"),
            tr(if app.config.behind_tls { "vvt-tom-transport-tls" } else { "vvt-tom-transport-plain" }),
        ),
        (tr("vvt-tom-audit-label"), tr("vvt-tom-audit")),
        (tr("vvt-tom-pseudonyms-label"), tr("vvt-tom-pseudonyms")),
        (tr("vvt-tom-backup-label"), tr("vvt-tom-backup")),
    ];
    let section = |heading: &str, paragraphs: Vec<String>, items: Vec<(String, String)>| ReportSection {
        heading: tr(heading),
        paragraphs,
        items,
        ..ReportSection::default()
    };
    let now = store::now();
    Ok(ReportInput {
        lang: lang.as_str().to_owned(),
        title: tr("vvt-title"),
        lead: t_args(lang, "vvt-lead", &[("date", crate::i18n::arg(crate::i18n::local_date(now)))]),
        sections: vec![
            controller,
            section("vvt-purposes", purposes, Vec::new()),
            section("vvt-subjects", vec![tr("vvt-subjects-text")], Vec::new()),
            section("vvt-data", Vec::new(), data),
            section("vvt-recipients", vec![tr("vvt-recipients-text"), tr("vvt-transfers-text")], Vec::new()),
            section("vvt-retention", vec![tr("vvt-retention-text")], retention),
            section("vvt-toms", Vec::new(), toms),
        ],
        footer: legal
            .as_ref()
            .map_or_else(|| tr("vvt-title"), |l| format!("{} · {}", tr("vvt-title"), l.operator_name)),
        created: chrono::SubsecRound::trunc_subsecs(now, 0),
    })
}

/// The same as a tagged PDF for the files.
pub async fn processing_record_pdf(app: &App, actor: &Actor, lang: Locale) -> Result<Download> {
    let input = processing_record(app, actor, lang).await?;
    let day = crate::i18n::berlin(input.created).format("%Y-%m-%d");
    let bytes = tokio::task::spawn_blocking(move || documents::report_pdf(&input))
        .await
        .map_err(|e| Error::internal("record PDF", e))?
        .map_err(|e| Error::internal("record PDF", e))?;
    Ok(Download { name: format!("verarbeitungsverzeichnis-{day}.pdf"), media_type: "application/pdf", bytes })
}

/// "90 Tage nach der Tauschwoche": a class's period in words.
fn period_words(lang: Locale, period: Period, class: &str) -> String {
    let (key, n) = match period {
        Period::Days(d) => ("vvt-days", d),
        Period::Months(m) if m % 12 == 0 => ("vvt-years", m / 12),
        Period::Months(m) => ("vvt-months", m),
    };
    let span = t_args(lang, key, &[("count", crate::i18n::count(usize::try_from(n).unwrap_or(usize::MAX)))]);
    t_args(lang, &format!("vvt-after-{class}"), &[("span", crate::i18n::arg(span))])
}

/// When a swap week is over: the Monday after it, 00:00 in Germany.
pub fn week_end(week: IsoWeek) -> DateTime<Utc> {
    let monday = week.monday() + chrono::Duration::days(7);
    let local = monday.and_hms_opt(0, 0, 0).unwrap_or_default();
    local
        .and_local_timezone(chrono_tz::Europe::Berlin)
        .earliest()
        .map_or_else(|| local.and_utc(), |t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_read_as_written() {
        assert_eq!(Period::parse("7d"), Some(Period::Days(7)));
        assert_eq!(Period::parse("6y"), Some(Period::Months(72)));
        assert_eq!(Period::parse("y"), None);
        assert_eq!(Period::parse("7w"), None);
        assert_eq!(Period::parse("30€"), None, "a typo is refused, not a panic");
        assert_eq!(Period::parse(""), None);
        let p = Periods::parse("mails=14d, swaps=10y").unwrap();
        assert_eq!((p.mails, p.swaps, p.check_ins), (Period::Days(14), Period::Months(120), Period::Days(90)));
        assert!(Periods::parse("emails=3d").unwrap_err().contains("not a class"));
        assert_eq!(Period::Months(72).code(), "6y");
        let start: DateTime<Utc> = "2027-03-15T00:00:00Z".parse().unwrap();
        assert_eq!(Period::Months(72).after(start).to_rfc3339(), "2033-03-15T00:00:00+00:00");
        assert_eq!(Period::Months(72).before(Period::Months(72).after(start)), start);
    }

    #[test]
    fn a_week_ends_at_the_next_monday_in_germany() {
        let week = IsoWeek::parse("week", "2027-W11").unwrap();
        assert_eq!(week_end(week).to_rfc3339(), "2027-03-21T23:00:00+00:00");
    }
}
