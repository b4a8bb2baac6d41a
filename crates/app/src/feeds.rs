//! Calendars: the private feed of a person (a secret address that calendar programs subscribe
//! to without signing in; made, renewed and revoked by its owner), the `.ics` of one swap for
//! its members, and the same file as an e-mail attachment. Every event is written in UTC.
//!
//! The feed's secret is shown once, when it is made; only its hash is kept (as for API tokens).
//! Renewing replaces it, so an address that got into the wrong hands stops working.

use crate::i18n::{arg, t, t_args, week_label};
use crate::names::Names;
use crate::secrets::{hash_secret, new_secret};
use crate::{Account, App, Download, Error, Result};
use documents::calendar::{CalendarEvent, EventStatus, calendar_ics};
use domain::swap::Swap;
use domain::values::Locale;
use domain::week::Venue;
use domain::{SwapId, UserId};
use store::week::{StoredAppointment, StoredBriefing};
use store::{AuditEntry, Effects, MailAttachment};

/// The MIME type of every calendar we hand out. `method=PUBLISH` matches the file's `METHOD`
/// (RFC 6047): the events are announced, no reply is asked for.
pub const ICS_TYPE: &str = "text/calendar; charset=utf-8; method=PUBLISH";

/// A person's feed as its owner sees it (never its secret, which only its hash is kept of).
pub use store::feeds::Feed;

/// A feed just made: the address to subscribe to, shown this once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFeed {
    pub secret: String,
    pub url: String,
}

/// The feed of `me`, if they made one.
pub async fn of(app: &App, me: &Account) -> Result<Option<Feed>> {
    Ok(store::feeds::of_user(&app.db, me.id).await?)
}

/// Makes (or renews) the feed of `me`; the previous address, if any, stops working.
pub async fn create(app: &App, me: &Account) -> Result<NewFeed> {
    let secret = new_secret();
    let effects = Effects::audit(AuditEntry::new(Some(me.id), "calendar_feed.created", "user", me.id));
    store::feeds::create_or_rotate(&app.db, me.id, &hash_secret(&secret), &effects).await?;
    let url = url(app, &secret);
    Ok(NewFeed { secret, url })
}

/// The address a calendar program subscribes to.
pub fn url(app: &App, secret: &str) -> String {
    app.config.link(&format!("/calendar/{secret}.ics"))
}

/// Deletes the feed of `me`; returns whether there was one.
pub async fn revoke(app: &App, me: &Account) -> Result<bool> {
    let effects = Effects::audit(AuditEntry::new(Some(me.id), "calendar_feed.revoked", "user", me.id));
    Ok(store::feeds::revoke(&app.db, me.id, &effects).await?)
}

/// The feed behind a secret, for calendar programs: every event of every planned swap of its
/// owner, in their language. An unknown or revoked secret is "not found", with nothing said
/// about why; only what [`create`] makes can match, anything else is not even looked up.
pub async fn read(app: &App, secret: &str) -> Result<String> {
    if secret.len() != 64 || !secret.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Error::NotFound);
    }
    let hash = hash_secret(secret);
    let (user, note_use) = store::feeds::user_by_token(&app.db, &hash).await?.ok_or(Error::NotFound)?;
    if note_use {
        crate::touch::note_use(app, store::users::UsedBy::CalendarFeed, hash);
    }
    let account = store::users::account(&app.db, user).await?;
    let events = events_of_person(app, user, account.locale).await?;
    let name = t_args(account.locale, "calendar-feed-name", &[("name", arg(&account.display_name))]);
    ics(&name, &events)
}

/// One swap's calendar as a download, for its members only; to anyone else the swap does not
/// exist (as on its pages for strangers), and neither does a calendar of an unplanned week.
pub async fn swap_download(app: &App, me: &Account, id: SwapId, lang: Locale) -> Result<Download> {
    let swap = store::swaps::get(&app.db, id).await?;
    if !swap.is_member(me.id) {
        return Err(Error::NotFound);
    }
    let body = swap_calendar(app, &swap, me.id, lang).await?.ok_or(Error::NotFound)?;
    Ok(Download { name: swap_ics_name(&swap), media_type: ICS_TYPE, bytes: body.into_bytes() })
}

/// Writes a calendar, logging why it could not (the events come from validated data, so a
/// failure is a bug, not the person's input).
fn ics(name: &str, events: &[CalendarEvent]) -> Result<String> {
    calendar_ics(name, events).map_err(|e| Error::internal("calendar not written", e))
}

/// The file name of a swap's calendar, e.g. `jobtausch-2027-W13.ics`.
pub fn swap_ics_name(swap: &Swap) -> String {
    format!("jobtausch-{}.ics", swap.week)
}

/// The calendar of one swap as `viewer` sees it (their briefings and appointments), or `None`
/// when there is nothing to put in it: `viewer` is no member, or the week is not planned yet.
pub async fn swap_calendar(app: &App, swap: &Swap, viewer: UserId, lang: Locale) -> Result<Option<String>> {
    let events = events_of_swap(app, swap, viewer, lang).await?;
    if events.is_empty() {
        return Ok(None);
    }
    let name = t_args(lang, "calendar-swap-name", &[("week", arg(week_label(lang, swap.week)))]);
    Ok(Some(ics(&name, &events)?))
}

/// A swap's calendar as an e-mail attachment for `viewer`, for the mails about the week.
pub async fn swap_attachment(app: &App, swap: &Swap, viewer: UserId, lang: Locale) -> Result<Option<MailAttachment>> {
    Ok(swap_calendar(app, swap, viewer, lang).await?.map(|body| MailAttachment {
        name: swap_ics_name(swap),
        content_type: ICS_TYPE.to_owned(),
        body,
    }))
}

/// Events as an e-mail attachment (`None` when there are none or the file cannot be written;
/// the mail goes without it then).
pub(crate) fn attachment(swap: &Swap, lang: Locale, events: &[CalendarEvent]) -> Option<MailAttachment> {
    if events.is_empty() {
        return None;
    }
    let name = t_args(lang, "calendar-swap-name", &[("week", arg(week_label(lang, swap.week)))]);
    match calendar_ics(&name, events) {
        Ok(body) => Some(MailAttachment { name: swap_ics_name(swap), content_type: ICS_TYPE.to_owned(), body }),
        Err(e) => {
            tracing::error!(swap = %swap.id, "calendar attachment not written: {e}");
            None
        }
    }
}

/// All calendar events of a person, over every swap they are a member of that was planned,
/// and every event of the network they have a place at.
pub async fn events_of_person(app: &App, user: UserId, lang: Locale) -> Result<Vec<CalendarEvent>> {
    let mut out = Vec::new();
    for swap in store::swaps::of_member(&app.db, user).await? {
        out.extend(events_of_swap(app, &swap, user, lang).await?);
    }
    out.extend(crate::events::feed_events(app, user, lang).await?);
    out.sort_by(|x, y| x.start.cmp(&y.start).then(x.uid.cmp(&y.uid)));
    Ok(out)
}

/// The calendar events of one swap for one member: the daily briefings and the appointments
/// planned for them as a guest. A swap cancelled after it was planned shows every event as
/// cancelled, so that subscribed calendars drop them.
pub async fn events_of_swap(app: &App, swap: &Swap, viewer: UserId, lang: Locale) -> Result<Vec<CalendarEvent>> {
    if !swap.is_member(viewer) {
        return Ok(Vec::new());
    }
    let briefings = store::week::briefings(&app.db, swap.id).await?;
    if briefings.is_empty() {
        return Ok(Vec::new());
    }
    let appointments = store::week::appointments(&app.db, swap.id).await?;
    let names = Names::of_swap(app, swap).await?;
    Ok(swap_events(app, swap, viewer, lang, &names, &briefings, &appointments))
}

/// The events of `viewer` in a swap from its briefings and appointments as they are (or will
/// be, for a change about to be written).
pub(crate) fn swap_events(
    app: &App,
    swap: &Swap,
    viewer: UserId,
    lang: Locale,
    names: &Names,
    briefings: &[StoredBriefing],
    appointments: &[StoredAppointment],
) -> Vec<CalendarEvent> {
    let swap_cancelled = swap.state.is_ended();
    let others: Vec<String> = swap.members.iter().filter(|m| m.user != viewer).map(|m| names.person(m.user)).collect();
    let link = app.config.link(&format!("/swaps/{}/week", swap.id));
    let mut out = Vec::new();
    for b in briefings {
        let d = &b.day;
        let summary = t_args(lang, "ics-briefing-summary", &[("names", arg(others.join(", ")))]);
        let mut description = t_args(lang, "ics-briefing-description", &[("link", arg(&link))]);
        if let Some(l) = &d.link {
            description.push('\n');
            description.push_str(&t_args(lang, "ics-video-link", &[("link", arg(l.as_str()))]));
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
        let kind = t(lang, &format!("appointment-kind-{}", ap.kind.code()));
        let org = host_org.map(|o| names.org(o)).unwrap_or_default();
        let mut description = format!("{kind} · {org}");
        if let Some(note) = &ap.note_for_guest {
            description.push('\n');
            description.push_str(note.as_str());
        }
        let url = match &ap.venue {
            Venue::Link(l) => Some(l.as_str().to_owned()),
            Venue::Place(_) => None,
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
