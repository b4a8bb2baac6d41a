//! The swap week as the pages, the calendar feeds and the worker see it: the plan made when a
//! swap is confirmed ([`ensure_plan`]), who may change which part of it, and the calendar
//! events of a person ([`events_for_user`]) or of one swap ([`events_for_swap`]).

use crate::AppState;
use crate::error::AppResult;
use crate::i18n::t_args;
use chrono::{DateTime, Utc};
use documents::calendar::{CalendarEvent, EventStatus};
use domain::after::{AccessItem, AccessState, AdminItem};
use domain::org::Region;
use domain::swap::{Swap, SwapState};
use domain::values::Locale;
use domain::week::{BriefingSettings, WeekPlan};
use domain::{OrgId, UserId};
use fluent_templates::fluent_bundle::FluentValue;
use store::week::{AccessEntry, AdminEntry, NewPlan};
use store::{AuditEntry, Effects};

/// The host organisation's federal state of every member's leg (member `i` is hosted by
/// member `i + 1`'s organisation), in member order: what the plan's holidays depend on.
pub async fn member_regions(state: &AppState, swap: &Swap) -> AppResult<Vec<Region>> {
    let mut out = Vec::with_capacity(swap.members.len());
    for m in &swap.members {
        out.push(store::orgs::get(&state.db, m.org).await?.region);
    }
    Ok(out)
}

/// The week plan (days, holidays per leg) of a swap.
pub async fn week_plan(state: &AppState, swap: &Swap) -> AppResult<WeekPlan> {
    Ok(WeekPlan::from_member_regions(swap.week, &member_regions(state, swap).await?))
}

/// Whether the swap has reached the point where its week is planned.
pub fn has_plan(swap: &Swap) -> bool {
    matches!(swap.state, SwapState::Confirmed | SwapState::InProgress | SwapState::Completed | SwapState::Evaluated)
}

/// Makes the plan of a confirmed swap if it has none: daily briefings at the default time on
/// every day the swap runs, the access checklist of every guest (owned by the person they
/// replace, due the Friday before, to be revoked on the week's Friday) and the administrative
/// checklist of every leg. Safe to call again: the store makes it once.
pub async fn ensure_plan(state: &AppState, swap: &Swap) -> AppResult<bool> {
    if !has_plan(swap) {
        return Ok(false);
    }
    let plan = week_plan(state, swap).await?;
    let settings = BriefingSettings::default();
    let briefings = plan.briefings(&settings);
    let n = swap.members.len();
    let access: Vec<AccessEntry> = (0..n)
        .flat_map(|i| {
            let (guest, host) = (swap.members[i].user, swap.members[(i + 1) % n].user);
            AccessItem::ALL.iter().map(move |item| AccessEntry {
                guest,
                item: *item,
                owner: host,
                due: AccessItem::default_due(swap.week),
                state: AccessState::Open,
                revoke_due: AccessItem::revoke_due(swap.week),
            })
        })
        .collect();
    let admin: Vec<AdminEntry> = (0..n)
        .flat_map(|leg| {
            AdminItem::ALL.iter().map(move |item| AdminEntry { leg, item: *item, value: String::new(), done: false })
        })
        .collect();
    let mut effects = Effects::audit(AuditEntry::new(None, "swap.week_planned", "swap", swap.id));
    // Everyone hears that the week is planned, with its calendar, in the plan's transaction.
    let names = Names::of(state, swap).await?;
    let stored: Vec<store::week::StoredBriefing> =
        briefings.iter().map(|b| store::week::StoredBriefing { day: b.clone(), updated_at: store::now() }).collect();
    let users: Vec<UserId> = swap.members.iter().map(|m| m.user).collect();
    for c in store::swaps::contacts(&state.db, &users).await? {
        let events = swap_events(&state.config.base_url, swap, c.id, c.locale, &names, &stored, &[]);
        let text = t_args(
            c.locale,
            "note-week-planned",
            &[("week", FluentValue::from(crate::swaps::week_label(c.locale, swap.week)))],
        );
        push_note(state, &mut effects, &c, swap, "week-planned", text, attachment(swap, c.locale, &events));
    }
    let new = NewPlan { settings: &settings, briefings: &briefings, access: &access, admin: &admin };
    Ok(store::week::create_plan(&state.db, swap.id, &new, &effects).await?)
}

/// The member who hosts `guest` (whose place the guest takes), and the deputy of that member.
pub fn host_of(swap: &Swap, guest: UserId) -> Option<UserId> {
    let n = swap.members.len();
    swap.members.iter().position(|m| m.user == guest).map(|i| swap.members[(i + 1) % n].user)
}

/// Names of the people and organisations of a swap's week, looked up once: the members and
/// their organisations, and whoever else a page adds (deputies, owners of access items).
pub(crate) struct Names {
    people: std::collections::HashMap<UserId, String>,
    orgs: std::collections::HashMap<OrgId, String>,
}

impl Names {
    pub(crate) async fn of(state: &AppState, swap: &Swap) -> AppResult<Names> {
        let users: Vec<UserId> = swap.members.iter().map(|m| m.user).collect();
        let people = store::swaps::contacts(&state.db, &users).await?.into_iter().map(|c| (c.id, c.name)).collect();
        let mut orgs = std::collections::HashMap::new();
        for o in swap.organisations() {
            orgs.insert(o, store::orgs::get(&state.db, o).await?.name);
        }
        Ok(Names { people, orgs })
    }

    /// Looks up the people not known yet.
    pub(crate) async fn include(&mut self, state: &AppState, users: impl IntoIterator<Item = UserId>) -> AppResult<()> {
        let mut missing: Vec<UserId> = users.into_iter().filter(|u| !self.people.contains_key(u)).collect();
        missing.sort();
        missing.dedup();
        for c in store::swaps::contacts(&state.db, &missing).await? {
            self.people.insert(c.id, c.name);
        }
        Ok(())
    }

    pub(crate) fn person(&self, u: UserId) -> String {
        self.people.get(&u).cloned().unwrap_or_default()
    }

    pub(crate) fn org(&self, o: OrgId) -> String {
        self.orgs.get(&o).cloned().unwrap_or_default()
    }
}

/// The calendar events of one swap for one member: the daily briefings and the appointments
/// planned for them as a guest. A swap cancelled after it was planned shows every event as
/// cancelled, so that subscribed calendars drop them.
pub async fn events_for_swap(
    state: &AppState,
    swap: &Swap,
    viewer: UserId,
    lang: Locale,
) -> AppResult<Vec<CalendarEvent>> {
    if !swap.is_member(viewer) {
        return Ok(Vec::new());
    }
    let briefings = store::week::briefings(&state.db, swap.id).await?;
    if briefings.is_empty() {
        return Ok(Vec::new());
    }
    let appointments = store::week::appointments(&state.db, swap.id).await?;
    let names = Names::of(state, swap).await?;
    Ok(swap_events(&state.config.base_url, swap, viewer, lang, &names, &briefings, &appointments))
}

/// The events of `viewer` in a swap from its briefings and appointments (see
/// [`events_for_swap`]).
fn swap_events(
    base_url: &str,
    swap: &Swap,
    viewer: UserId,
    lang: Locale,
    names: &Names,
    briefings: &[store::week::StoredBriefing],
    appointments: &[store::week::StoredAppointment],
) -> Vec<CalendarEvent> {
    let swap_cancelled = swap.state.is_ended();
    let others: Vec<String> = swap.members.iter().filter(|m| m.user != viewer).map(|m| names.person(m.user)).collect();
    let link = format!("{base_url}/swaps/{}/week", swap.id);
    let mut out = Vec::new();
    for b in briefings {
        let d = &b.day;
        let summary = t_args(lang, "ics-briefing-summary", &[("names", FluentValue::from(others.join(", ")))]);
        let mut description = t_args(lang, "ics-briefing-description", &[("link", FluentValue::from(link.clone()))]);
        if let Some(l) = &d.link {
            description.push('\n');
            description.push_str(&t_args(
                lang,
                "ics-video-link",
                &[("link", FluentValue::from(l.as_str().to_owned()))],
            ));
        }
        out.push(CalendarEvent {
            uid: d.uid(swap.id),
            sequence: d.sequence + u32::from(swap_cancelled),
            start: d.start_utc(),
            end: d.end_utc(),
            summary,
            description: Some(description),
            location: d.link.as_ref().map(|l| l.as_str().to_owned()),
            url: d.link.as_ref().map(|l| l.as_str().to_owned()),
            status: if d.cancelled || swap_cancelled { EventStatus::Cancelled } else { EventStatus::Confirmed },
            dtstamp: b.updated_at,
        });
    }
    let host_org =
        swap.members.iter().position(|m| m.user == viewer).map(|i| swap.members[(i + 1) % swap.members.len()].org);
    for a in appointments.iter().filter(|a| a.guest == viewer) {
        let ap = &a.appointment;
        let kind = crate::i18n::t(lang, &format!("appointment-kind-{}", ap.kind.code()));
        let org = host_org.map(|o| names.org(o)).unwrap_or_default();
        let mut description = format!("{kind} · {org}");
        if let Some(note) = &ap.note_for_guest {
            description.push('\n');
            description.push_str(note.as_str());
        }
        let url = match &ap.venue {
            domain::week::Venue::Link(l) => Some(l.as_str().to_owned()),
            domain::week::Venue::Place(_) => None,
        };
        out.push(CalendarEvent {
            uid: format!("appointment-{}@jobtausch", a.id),
            sequence: a.sequence + u32::from(swap_cancelled),
            start: ap.start_utc(),
            end: ap.end_utc(),
            summary: ap.title.as_str().to_owned(),
            description: Some(description),
            location: Some(ap.venue.as_str().to_owned()),
            url,
            status: if a.cancelled || swap_cancelled { EventStatus::Cancelled } else { EventStatus::Confirmed },
            dtstamp: a.updated_at,
        });
    }
    out.sort_by(|x, y| x.start.cmp(&y.start).then(x.uid.cmp(&y.uid)));
    out
}

/// A swap's events as an e-mail attachment (`None` when there are none or it cannot be
/// written; the mail goes without it then).
fn attachment(swap: &Swap, lang: Locale, events: &[CalendarEvent]) -> Option<store::MailAttachment> {
    if events.is_empty() {
        return None;
    }
    let name =
        t_args(lang, "calendar-swap-name", &[("week", FluentValue::from(crate::swaps::week_label(lang, swap.week)))]);
    match documents::calendar_ics(&name, events) {
        Ok(body) => Some(store::MailAttachment {
            name: crate::pages::calendar::swap_ics_name(swap),
            content_type: crate::pages::calendar::ICS_TYPE.to_owned(),
            body,
        }),
        Err(e) => {
            tracing::error!(swap = %swap.id, "calendar attachment not written: {e}");
            None
        }
    }
}

/// All calendar events of a person, over every swap they are a member of that was planned.
pub async fn events_for_user(state: &AppState, user: UserId, lang: Locale) -> AppResult<Vec<CalendarEvent>> {
    let mut out = Vec::new();
    for swap in store::swaps::of_member(&state.db, user).await? {
        out.extend(events_for_swap(state, &swap, user, lang).await?);
    }
    out.sort_by(|x, y| x.start.cmp(&y.start).then(x.uid.cmp(&y.uid)));
    Ok(out)
}

/// The latest change among events (the feed's `Last-Modified`).
pub fn last_change(events: &[CalendarEvent]) -> Option<DateTime<Utc>> {
    events.iter().map(|e| e.dtstamp).max()
}

/// The certificate of participation of one member (a tagged PDF), in `lang`.
pub async fn certificate(state: &AppState, swap: &Swap, user: UserId, lang: Locale) -> AppResult<Vec<u8>> {
    let names = Names::of(state, swap).await?;
    let n = swap.members.len();
    let i = swap.members.iter().position(|m| m.user == user).ok_or(crate::error::AppError::NotFound)?;
    let host = &swap.members[(i + 1) % n];
    let guest_here = &swap.members[(i + n - 1) % n];
    let me = &swap.members[i];
    let date = |d: chrono::NaiveDate| match lang {
        Locale::De => d.format("%d.%m.%Y").to_string(),
        Locale::En => d.format("%-d %B %Y").to_string(),
    };
    let arg = |k: &'static str, v: String| (k, FluentValue::from(v));
    let lines = vec![
        t_args(
            lang,
            "certificate-line-stay",
            &[
                arg("name", names.person(user)),
                arg("org", names.org(me.org)),
                arg("host", names.org(host.org)),
                arg("from", date(swap.week.monday())),
                arg("to", date(swap.week.friday())),
            ],
        ),
        t_args(
            lang,
            "certificate-line-swap",
            &[arg("host_person", names.person(host.user)), arg("guest", names.person(guest_here.user))],
        ),
        crate::i18n::t(lang, "certificate-line-network"),
    ];
    let input = documents::CertificateInput {
        lang: lang.as_str().to_owned(),
        title: crate::i18n::t(lang, "certificate-title"),
        name: names.person(user),
        lines,
        footer: t_args(lang, "certificate-footer", &[arg("id", swap.id.to_string())]),
    };
    documents::certificate_pdf(&input).map_err(|e| {
        tracing::error!(swap = %swap.id, "certificate: {e}");
        crate::error::AppError::Internal
    })
}

/// What one run of the week worker did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WeekRun {
    pub planned: usize,
    pub began: usize,
    pub completed: usize,
    pub reminders: usize,
}

/// The worker's part of the week, at `now` (a parameter, so that tests can move the clock):
/// plans confirmed swaps that have no plan yet; moves a swap to `in_progress` on its Monday
/// and to `completed` after its Friday (German time); sends the reminder the evening before
/// the week (from 17:00 on the Sunday), each running day's briefing reminder (from 07:00), and
/// reminds the owners of granted access to revoke it at the end of the week. Every reminder
/// goes out once, however many workers run.
pub async fn run_week(state: &AppState, now: DateTime<Utc>) -> AppResult<WeekRun> {
    use chrono::Timelike;
    let local = now.with_timezone(&chrono_tz::Europe::Berlin);
    let (today, hour) = (local.date_naive(), local.hour());
    let mut run = WeekRun::default();
    for id in store::week::swaps_with_open_weeks(&state.db).await? {
        // One swap's trouble must not hold up the others: log it, go on, try again next time.
        if let Err(e) = run_swap_week(state, id, today, hour, &mut run).await {
            tracing::error!(swap = %id, error = ?e, "week worker");
        }
    }
    for (swap_id, entry) in store::week::revocations_due(&state.db, today).await? {
        let swap = store::swaps::get(&state.db, swap_id).await?;
        let mut fx = Effects::audit(AuditEntry::new(None, "week.revocation_reminded", "swap", swap_id));
        let guest = store::users::account(&state.db, entry.guest).await?.display_name;
        for c in store::swaps::contacts(&state.db, &[entry.owner]).await? {
            let item = crate::i18n::t(c.locale, &format!("access-item-{}", entry.item.code()));
            let text = t_args(
                c.locale,
                "note-revoke-access",
                &[("item", FluentValue::from(item)), ("name", FluentValue::from(guest.clone()))],
            );
            push_note(state, &mut fx, &c, &swap, "revoke", text, None);
        }
        if store::week::mark_revocation_reminded(&state.db, swap_id, entry.guest, entry.item, &fx).await? {
            run.reminders += 1;
        }
    }
    Ok(run)
}

/// The worker's steps for one swap.
async fn run_swap_week(
    state: &AppState,
    id: domain::SwapId,
    today: chrono::NaiveDate,
    hour: u32,
    run: &mut WeekRun,
) -> AppResult<()> {
    let mut swap = store::swaps::get(&state.db, id).await?;
    if swap.state == SwapState::Confirmed {
        if ensure_plan(state, &swap).await? {
            run.planned += 1;
        }
        if today < swap.week.monday() {
            let eve = swap.week.monday() - chrono::Days::new(1);
            if today == eve && hour >= 17 && remind(state, &swap, "week-ahead", eve, None).await? {
                run.reminders += 1;
            }
            return Ok(());
        }
        let events = swap.begin_week(today)?;
        swap = match crate::swaps::save_system(state, &swap, &events).await {
            Ok(s) => s,
            // Another worker was quicker; the next run sees the new state.
            Err(crate::error::AppError::Conflict(_)) => return Ok(()),
            Err(e) => return Err(e),
        };
        run.began += 1;
    }
    if swap.state == SwapState::InProgress {
        if today > swap.week.friday() {
            let events = swap.complete_week(today)?;
            match crate::swaps::save_system(state, &swap, &events).await {
                Ok(_) => run.completed += 1,
                Err(crate::error::AppError::Conflict(_)) => {}
                Err(e) => return Err(e),
            }
            return Ok(());
        }
        let briefing = store::week::briefings(&state.db, id)
            .await?
            .into_iter()
            .map(|b| b.day)
            .find(|b| b.date == today && !b.cancelled);
        if let Some(b) = briefing
            && hour >= 7
            && remind(state, &swap, "briefing", today, Some(&b)).await?
        {
            run.reminders += 1;
        }
    }
    if swap.state == SwapState::Completed {
        // Normally the last reflection evaluates the swap; this catches two written at once.
        let written: Vec<UserId> = store::week::reflections(&state.db, id).await?.into_iter().map(|r| r.0).collect();
        if swap.members.iter().all(|m| written.contains(&m.user)) {
            let events = swap.evaluate(&written)?;
            match crate::swaps::save_system(state, &swap, &events).await {
                Ok(_) | Err(crate::error::AppError::Conflict(_)) => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

/// Sends one of the week's reminders to every member, once.
async fn remind(
    state: &AppState,
    swap: &Swap,
    kind: &'static str,
    day: chrono::NaiveDate,
    briefing: Option<&domain::week::BriefingDay>,
) -> AppResult<bool> {
    let users: Vec<UserId> = swap.members.iter().map(|m| m.user).collect();
    let mut fx =
        Effects::audit(AuditEntry::new(None, "week.reminded", "swap", swap.id).detail(format!("{kind} {day}")));
    for c in store::swaps::contacts(&state.db, &users).await? {
        let text = match briefing {
            Some(b) => t_args(
                c.locale,
                "note-briefing-today",
                &[
                    ("time", FluentValue::from(b.start.format("%H:%M").to_string())),
                    (
                        "link",
                        FluentValue::from(b.link.as_ref().map(|l| l.as_str().to_owned()).unwrap_or_else(|| "–".into())),
                    ),
                ],
            ),
            None => t_args(
                c.locale,
                "note-week-ahead",
                &[("week", FluentValue::from(crate::swaps::week_label(c.locale, swap.week)))],
            ),
        };
        let ics = crate::pages::calendar::swap_ics(state, swap, c.id, c.locale).await?;
        push_note(state, &mut fx, &c, swap, kind, text, ics);
    }
    Ok(store::week::send_reminder_once(&state.db, swap.id, kind, day, &fx).await?)
}

/// An inbox message and a mail with a link to the week plan.
fn push_note(
    state: &AppState,
    fx: &mut Effects,
    to: &store::swaps::Contact,
    swap: &Swap,
    kind: &'static str,
    text: String,
    attachment: Option<store::MailAttachment>,
) {
    let link = format!("{}/swaps/{}/week", state.config.base_url, swap.id);
    let body = t_args(
        to.locale,
        "mail-swap-body",
        &[
            ("name", FluentValue::from(to.name.clone())),
            ("text", FluentValue::from(text.clone())),
            ("link", FluentValue::from(link)),
        ],
    );
    fx.inbox.push(store::InboxItem { user: to.id, swap: Some(swap.id), kind, text: text.clone() });
    fx.mails.push(store::OutboxMail {
        kind: "week",
        recipient: to.email.clone(),
        subject: t_args(to.locale, "mail-swap-subject", &[("text", FluentValue::from(text))]),
        body,
        attachment,
    });
}

/// A change of the plan to tell people of.
pub enum PlanChange<'a> {
    /// The briefing time, length or link of every day changed.
    Settings(&'a [domain::week::BriefingDay]),
    /// A briefing moved or cancelled (the day as it is now).
    Briefing(&'a domain::week::BriefingDay),
    /// An appointment added or cancelled (as it is now).
    Appointment(&'a store::week::StoredAppointment),
}

/// Tells `recipients` of a change of the plan (inbox and mail with the swap's calendar as it
/// will be after the change), as effects of the change's own transaction.
pub async fn plan_change_effects(
    state: &AppState,
    swap: &Swap,
    by: &str,
    change: PlanChange<'_>,
    recipients: &[UserId],
    fx: &mut Effects,
) -> AppResult<()> {
    let now = store::now();
    let mut briefings = store::week::briefings(&state.db, swap.id).await?;
    let mut appointments = store::week::appointments(&state.db, swap.id).await?;
    let (key, what) = match change {
        PlanChange::Settings(days) => {
            for b in briefings.iter_mut() {
                if let Some(d) = days.iter().find(|d| d.planned == b.day.planned) {
                    *b = store::week::StoredBriefing { day: d.clone(), updated_at: now };
                }
            }
            let first = days.first().map(|d| d.start.format("%H:%M").to_string()).unwrap_or_default();
            ("note-briefings-rescheduled", first)
        }
        PlanChange::Briefing(day) => {
            for b in briefings.iter_mut().filter(|b| b.day.planned == day.planned) {
                *b = store::week::StoredBriefing { day: day.clone(), updated_at: now };
            }
            let key = if day.cancelled { "note-briefing-cancelled" } else { "note-briefing-moved" };
            (key, format!("{} {}", day.date.format("%d.%m.%Y"), day.start.format("%H:%M")))
        }
        PlanChange::Appointment(a) => {
            appointments.retain(|x| x.id != a.id);
            appointments.push(a.clone());
            let key = if a.cancelled { "note-appointment-cancelled" } else { "note-appointment-added" };
            let ap = &a.appointment;
            (key, format!("{} ({} {})", ap.title, ap.date.format("%d.%m.%Y"), ap.start.format("%H:%M")))
        }
    };
    let names = Names::of(state, swap).await?;
    for c in store::swaps::contacts(&state.db, recipients).await? {
        let events = swap_events(&state.config.base_url, swap, c.id, c.locale, &names, &briefings, &appointments);
        let text = t_args(
            c.locale,
            key,
            &[("name", FluentValue::from(by.to_owned())), ("what", FluentValue::from(what.clone()))],
        );
        push_note(state, fx, &c, swap, "plan-changed", text, attachment(swap, c.locale, &events));
    }
    Ok(())
}
