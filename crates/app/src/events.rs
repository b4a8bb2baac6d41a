//! Events and after-work meetups of the network: announced by network organisers and
//! organisation admins ([`create`], [`update`], [`cancel`]); public ones are seen without
//! signing in, the others by the network's members ([`list`], [`view`]); people [`register`]
//! (a place, or the waiting list that moves up in order when someone [`unregister`]s), get the
//! `.ics` by mail and find the event in their calendar feed; the organisers see the list
//! ([`registrations`], [`registrations_csv`]), mark attendance and draw Tauschrunden
//! ([`draw_round`]); the worker ([`run`]) reminds the day and the hour before and, once the
//! event is over, mails each attendee the people they met.
//!
//! Every change is one transaction with its audit entry and its mails; mails that depend on
//! who is registered at that moment are made inside it (see `store::events`).

use crate::i18n::{arg, berlin, t, t_args};
use crate::{Account, App, Download, Error, Result};
use chrono::{DateTime, Duration, Utc};
use documents::calendar::{CalendarEvent, EventStatus, calendar_ics};
use domain::UserId;
use domain::event::{Attendee, Rng, ensure_may_create, may_manage, pair_key};
use domain::values::Locale;
use std::collections::{HashMap, HashSet};
use store::contacts::Contact;
use store::events::{Refused, Reminder};
use store::{AuditEntry, Effects, MailAttachment, OutboxMail};

pub use domain::event::{EventDraft, EventId, EventInput, EventVenue};
pub use store::events::{Registrant, Standing, StoredEvent as Event, StoredRound};

/// The longest list pages show.
const LIST_LIMIT: i64 = 100;
/// Past events a list shows.
const PAST_LIMIT: i64 = 20;
/// The mail after an event goes out only this long after its end (a worker that was down for
/// longer does not send old news).
const FOLLOW_UP_WITHIN: Duration = Duration::days(7);

/// The path of an event's page.
pub fn path(id: EventId) -> String {
    format!("/events/{id}")
}

/// Whether `viewer` may see the event: public ones everybody, the others the network's
/// signed-in members.
fn may_see(e: &Event, viewer: Option<&Account>) -> bool {
    e.draft.public || viewer.is_some_and(|a| a.verified)
}

fn manages(e: &Event, viewer: Option<&Account>) -> bool {
    viewer.is_some_and(|a| may_manage(&a.actor(), e.org_id, e.created_by))
}

/// The event if `viewer` may see it; to anyone else it does not exist.
async fn visible(app: &App, viewer: Option<&Account>, id: EventId) -> Result<Event> {
    let e = store::events::get(&app.db, id).await?;
    if may_see(&e, viewer) { Ok(e) } else { Err(Error::NotFound) }
}

/// The event if `actor` runs it; refused for others who see it.
async fn managed(app: &App, actor: &Account, id: EventId) -> Result<Event> {
    let e = visible(app, Some(actor), id).await?;
    if manages(&e, Some(actor)) { Ok(e) } else { Err(Error::Forbidden("event-organisers-only")) }
}

// ---------------------------------------------------------------------------------------------
// Reading

/// A coming public event, as the network's public page lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PublicEvent {
    pub id: EventId,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub online: bool,
    /// Where it takes place in person (none for an online event).
    pub place: Option<String>,
    /// The event's page, e.g. `/events/0190...`.
    pub path: String,
    /// When, in words: "19.01.2027, 18:30–20:00".
    pub when: String,
}

/// The next `limit` public events that have not ended (cancelled ones left out), soonest
/// first; no sign-in needed.
pub async fn upcoming_public(app: &App, limit: i64) -> Result<Vec<PublicEvent>> {
    let events = store::events::upcoming(&app.db, store::now(), true, limit.clamp(0, LIST_LIMIT)).await?;
    Ok(events
        .into_iter()
        .map(|e| PublicEvent {
            id: e.id,
            path: path(e.id),
            when: when(&e.draft),
            title: e.draft.title,
            starts_at: e.draft.starts_at,
            ends_at: e.draft.ends_at,
            online: e.draft.venue.is_online(),
            place: e.draft.venue.place().map(str::to_owned),
        })
        .collect())
}

/// The events `viewer` may see: the coming ones, and the latest past ones.
#[derive(Debug, Clone)]
pub struct EventList {
    pub upcoming: Vec<Event>,
    pub past: Vec<Event>,
    /// Whether `viewer` may announce events.
    pub may_create: bool,
}

pub async fn list(app: &App, viewer: Option<&Account>) -> Result<EventList> {
    let public_only = !viewer.is_some_and(|a| a.verified);
    let now = store::now();
    Ok(EventList {
        upcoming: store::events::upcoming(&app.db, now, public_only, LIST_LIMIT).await?,
        past: store::events::past(&app.db, now, public_only, PAST_LIMIT).await?,
        may_create: viewer.is_some_and(|a| a.verified && ensure_may_create(&a.actor()).is_ok()),
    })
}

/// Another attendee as an event page shows them: from their profile, as far as the viewer may
/// see it (never their address).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AttendeeCard {
    pub user: UserId,
    pub name: String,
    pub org_name: String,
    pub role_title: Option<String>,
    pub topics: Vec<String>,
    /// What they want to learn: shown only where their interest in a swap is visible.
    pub wants_to_learn: Vec<String>,
    pub open_to_swap: bool,
    /// Whether the viewer can propose a swap to them (people of another organisation).
    pub can_propose: bool,
}

/// One Tauschrunde of the viewer: who they meet.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MyRound {
    pub number: i64,
    pub partners: Vec<AttendeeCard>,
}

/// An event as `viewer` sees it.
#[derive(Debug, Clone)]
pub struct EventView {
    pub event: Event,
    /// Where the viewer stands (none without sign-in).
    pub standing: Standing,
    pub manage: bool,
    /// The video link of an online event: for those with a place and the organisers only.
    pub video_link: Option<String>,
    /// Whether registering is still possible (open, not cancelled, not begun).
    pub open: bool,
    /// The attendees who show that they are open to a swap (for attendees and organisers).
    pub open_to_swap: Vec<AttendeeCard>,
    /// The viewer's Tauschrunden, the latest first.
    pub my_rounds: Vec<MyRound>,
}

/// One event for `viewer` (none: a visitor).
pub async fn view(app: &App, viewer: Option<&Account>, id: EventId) -> Result<EventView> {
    let event = visible(app, viewer, id).await?;
    let now = store::now();
    let standing = match viewer {
        Some(me) => store::events::standing(&app.db, id, me.id).await?,
        None => Standing::None,
    };
    let manage = manages(&event, viewer);
    let video_link =
        event.draft.venue.video_link().filter(|_| manage || standing == Standing::Registered).map(str::to_owned);
    let open = event.cancelled_at.is_none() && now <= event.draft.registration_deadline && now < event.draft.starts_at;
    let mut open_to_swap = Vec::new();
    let mut my_rounds = Vec::new();
    if let Some(me) = viewer.filter(|_| manage || standing == Standing::Registered) {
        for r in store::events::registrants(&app.db, id).await? {
            if r.has_place()
                && r.contact.id != me.id
                && let Some(card) = card(app, me, r.contact.id).await?
                && card.open_to_swap
            {
                open_to_swap.push(card);
            }
        }
        for round in store::events::rounds(&app.db, id).await?.into_iter().rev() {
            let Some(group) = round.groups.iter().find(|g| g.contains(&me.id)) else { continue };
            let mut partners = Vec::new();
            for u in group.iter().filter(|u| **u != me.id) {
                if let Some(c) = card(app, me, *u).await? {
                    partners.push(c);
                }
            }
            my_rounds.push(MyRound { number: round.number, partners });
        }
    }
    Ok(EventView { event, standing, manage, video_link, open, open_to_swap, my_rounds })
}

/// A person as `me` may see them on their profile's page (the same rules: no address, the
/// interest in a swap and what they want to learn only where shared); none for an account
/// that is gone or unverified.
async fn card(app: &App, me: &Account, user: UserId) -> Result<Option<AttendeeCard>> {
    match store::profiles::person(&app.db, me.id, me.org_id, user).await {
        Ok(p) => Ok(Some(AttendeeCard {
            user,
            name: p.display_name,
            org_name: p.org_name,
            role_title: p.profile.as_ref().map(|pr| pr.role_title.to_string()),
            topics: p.profile.iter().flat_map(|pr| pr.topics.iter().map(ToString::to_string)).collect(),
            wants_to_learn: p.profile.iter().flat_map(|pr| pr.wants_to_learn.iter().map(ToString::to_string)).collect(),
            open_to_swap: p.open_to_swap,
            can_propose: me.org_id.is_some() && me.org_id != Some(p.org_id),
        })),
        Err(store::StoreError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// Announcing, changing, cancelling

/// Announces an event (network organisers, organisation admins for their organisation).
pub async fn create(app: &App, actor: &Account, input: &EventInput) -> Result<EventId> {
    ensure_may_create(&actor.actor())?;
    let now = store::now();
    let draft = EventDraft::parse(input, now)?;
    let id = EventId::new();
    // An organiser's event is the network's; an admin's is their organisation's.
    let org = if actor.organiser { None } else { actor.org_id };
    let effects = Effects::audit(AuditEntry::new(Some(actor.id), "event.created", "event", id));
    store::events::create(&app.db, id, org, actor.id, &draft, now, &effects).await?;
    Ok(id)
}

/// Changes an event seen at `sequence` (the form's); everyone registered hears of it with the
/// new calendar, and a larger capacity moves people up from the waiting list.
pub async fn update(app: &App, actor: &Account, id: EventId, sequence: i64, input: &EventInput) -> Result<()> {
    let before = managed(app, actor, id).await?;
    if before.cancelled_at.is_some() {
        return Err(Error::Conflict("event-cancelled"));
    }
    let now = store::now();
    let draft = EventDraft::parse(input, now)?;
    let mut after = before.clone();
    after.draft = draft.clone();
    after.sequence = sequence + 1;
    after.updated_at = now;
    let audit = AuditEntry::new(Some(actor.id), "event.updated", "event", id);
    let result = store::events::update(&app.db, id, sequence, &draft, now, |people, moved| {
        let mut fx = Effects::audit(audit);
        for r in people {
            let moved_up = moved.iter().any(|m| m.id == r.contact.id);
            if r.has_place() && !moved_up {
                fx.mails.push(event_mail(
                    app,
                    "event-changed",
                    &r.contact,
                    &after,
                    Some(attachment(app, &after, r.contact.locale, false)),
                ));
            } else if !r.has_place() {
                fx.mails.push(event_mail(app, "event-changed-waiting", &r.contact, &after, None));
            }
        }
        for m in moved {
            fx.mails.push(event_mail(app, "event-moved-up", m, &after, Some(attachment(app, &after, m.locale, false))));
        }
        fx
    })
    .await;
    result.map_err(|e| match e {
        store::StoreError::Conflict => Error::Conflict("changed-meanwhile"),
        e => e.into(),
    })
}

/// Cancels an event; everyone registered hears of it, with a calendar that cancels it.
pub async fn cancel(app: &App, actor: &Account, id: EventId) -> Result<()> {
    let mut e = managed(app, actor, id).await?;
    let now = store::now();
    e.cancelled_at = Some(now);
    e.updated_at = now;
    let audit = AuditEntry::new(Some(actor.id), "event.cancelled", "event", id);
    store::events::cancel(&app.db, id, now, |people, sequence| {
        // The sequence as written, even if a change came between reading and cancelling.
        e.sequence = sequence;
        let mut fx = Effects::audit(audit);
        for r in people {
            let ics = r.has_place().then(|| attachment(app, &e, r.contact.locale, false));
            fx.mails.push(event_mail(app, "event-cancelled", &r.contact, &e, ics));
        }
        fx
    })
    .await
    .map_err(|e| match e {
        store::StoreError::Conflict => Error::Conflict("event-cancelled"),
        e => e.into(),
    })
}

// ---------------------------------------------------------------------------------------------
// Registering

/// Registers `me`: a place with a mail and its calendar, or the waiting list with a mail that
/// says where they stand.
pub async fn register(app: &App, me: &Account, id: EventId) -> Result<Standing> {
    let e = visible(app, Some(me), id).await?;
    if !me.verified {
        return Err(Error::Forbidden("not-verified"));
    }
    let contact = contact_of(me);
    let outcome = store::events::register(&app.db, id, me.id, store::now(), |standing| match standing {
        Standing::Waiting(rank) => {
            Effects::audit(AuditEntry::new(Some(me.id), "event.waitlisted", "event", id).detail(rank.to_string()))
                .with_mail(waiting_mail(app, &contact, &e, rank))
        }
        _ => Effects::audit(AuditEntry::new(Some(me.id), "event.registered", "event", id)).with_mail(event_mail(
            app,
            "event-registered",
            &contact,
            &e,
            Some(attachment(app, &e, me.locale, false)),
        )),
    })
    .await?;
    outcome.map_err(|refused| match refused {
        Refused::Cancelled => Error::Conflict("event-cancelled"),
        Refused::Closed => Error::Conflict("registration-closed"),
        Refused::Already => Error::Conflict("already-registered"),
    })
}

/// Takes back the registration of `me`; their place goes to the next on the waiting list, who
/// is told by mail with the calendar.
pub async fn unregister(app: &App, me: &Account, id: EventId) -> Result<()> {
    let e = visible(app, Some(me), id).await?;
    if store::now() >= e.draft.starts_at {
        return Err(Error::Conflict("event-begun"));
    }
    let contact = contact_of(me);
    let done = store::events::unregister(&app.db, id, me.id, |had_place, moved| {
        let mut fx = Effects::audit(AuditEntry::new(Some(me.id), "event.unregistered", "event", id));
        // Their calendar drops the event.
        let ics = had_place.then(|| attachment(app, &e, me.locale, true));
        fx.mails.push(event_mail(app, "event-unregistered", &contact, &e, ics));
        for m in moved {
            fx.audit.push(AuditEntry::new(Some(m.id), "event.moved_up", "event", id));
            fx.mails.push(event_mail(app, "event-moved-up", m, &e, Some(attachment(app, &e, m.locale, false))));
        }
        fx
    })
    .await?;
    match done {
        Some(_) => Ok(()),
        None => Err(Error::Conflict("not-registered")),
    }
}

fn contact_of(me: &Account) -> Contact {
    Contact { id: me.id, email: me.email.clone(), name: me.display_name.clone(), locale: me.locale, digest: false }
}

// ---------------------------------------------------------------------------------------------
// The organisers' list, attendance, Tauschrunden

/// Everyone registered, places first (organisers of the event only: the list has addresses).
pub async fn registrations(app: &App, actor: &Account, id: EventId) -> Result<(Event, Vec<Registrant>)> {
    let e = managed(app, actor, id).await?;
    Ok((e, store::events::registrants(&app.db, id).await?))
}

/// The list as CSV for a spreadsheet (every cell neutralised against formulas); the export is
/// recorded.
pub async fn registrations_csv(app: &App, actor: &Account, id: EventId, lang: Locale) -> Result<Download> {
    let (_, people) = registrations(app, actor, id).await?;
    use crate::orgs::csv_field;
    let header = ["csv-name", "csv-organisation", "csv-email", "csv-status", "csv-registered-at", "csv-attended"]
        .map(|k| csv_field(&t(lang, k)))
        .join(",");
    let mut csv = format!("{header}\r\n");
    for r in &people {
        let attended = match r.attended {
            Some(true) => t(lang, "event-present"),
            Some(false) => t(lang, "event-absent"),
            None => String::new(),
        };
        let row = [
            csv_field(&r.contact.name),
            csv_field(r.org_name.as_deref().unwrap_or("")),
            csv_field(&r.contact.email),
            csv_field(&t(lang, &format!("event-status-{}", r.status))),
            csv_field(&crate::i18n::local_datetime(r.registered_at)),
            csv_field(&attended),
        ];
        csv.push_str(&row.join(","));
        csv.push_str("\r\n");
    }
    let effects = Effects::audit(AuditEntry::new(Some(actor.id), "event.registrations_exported", "event", id));
    store::outbox::record(&app.db, &effects).await?;
    Ok(Download { name: "anmeldungen.csv".into(), media_type: "text/csv; charset=utf-8", bytes: csv.into_bytes() })
}

/// Marks who of those with a place was present; everyone else with a place counts as absent.
pub async fn set_attendance(app: &App, actor: &Account, id: EventId, present: &[UserId]) -> Result<()> {
    let (_, people) = registrations(app, actor, id).await?;
    if let Some(stranger) = present.iter().find(|u| !people.iter().any(|r| r.has_place() && r.contact.id == **u)) {
        tracing::debug!(user = %stranger, "attendance for someone without a place");
        return Err(Error::field("present", domain::Reason::UnknownChoice));
    }
    let effects = Effects::audit(
        AuditEntry::new(Some(actor.id), "event.attendance", "event", id).detail(present.len().to_string()),
    );
    Ok(store::events::set_attendance(&app.db, id, present, &effects).await?)
}

/// A round as the organisers see it: its groups with names and organisations.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RoundView {
    pub number: i64,
    pub drawn_at: DateTime<Utc>,
    /// (person, name, organisation) per group.
    pub groups: Vec<Vec<(UserId, String, String)>>,
}

/// The rounds of an event, for its organisers.
pub async fn rounds(app: &App, actor: &Account, id: EventId) -> Result<Vec<RoundView>> {
    let (_, people) = registrations(app, actor, id).await?;
    let by: HashMap<UserId, &Registrant> = people.iter().map(|r| (r.contact.id, r)).collect();
    Ok(store::events::rounds(&app.db, id)
        .await?
        .into_iter()
        .map(|r| RoundView {
            number: r.number,
            drawn_at: r.drawn_at,
            groups: r
                .groups
                .iter()
                .map(|g| {
                    g.iter()
                        .map(|u| match by.get(u) {
                            Some(r) => (*u, r.contact.name.clone(), r.org_name.clone().unwrap_or_default()),
                            None => (*u, "–".to_owned(), String::new()),
                        })
                        .collect()
                })
                .collect(),
        })
        .collect())
}

/// Who takes part in a draw: those marked present, once anyone is; before that everyone with
/// a place who is not marked absent.
fn drawable(people: &[Registrant]) -> Vec<Attendee> {
    let placed: Vec<&Registrant> = people.iter().filter(|r| r.has_place()).collect();
    let marked = placed.iter().any(|r| r.attended == Some(true));
    placed
        .into_iter()
        .filter(|r| if marked { r.attended == Some(true) } else { r.attended != Some(false) })
        .map(|r| Attendee { user: r.contact.id, org: r.org_id })
        .collect()
}

/// Draws the next Tauschrunde: pairs (a three for an odd count) of attendees from different
/// organisations who did not meet in an earlier round, where that is possible. Returns its
/// number.
pub async fn draw_round(app: &App, actor: &Account, id: EventId) -> Result<i64> {
    let (e, people) = registrations(app, actor, id).await?;
    if e.cancelled_at.is_some() {
        return Err(Error::Conflict("event-cancelled"));
    }
    let attendees = drawable(&people);
    if attendees.len() < 2 {
        return Err(Error::Conflict("too-few-attendees"));
    }
    let earlier = store::events::rounds(&app.db, id).await?;
    let mut met = HashSet::new();
    for g in earlier.iter().flat_map(|r| &r.groups) {
        for (i, a) in g.iter().enumerate() {
            for b in &g[i + 1..] {
                met.insert(pair_key(*a, *b));
            }
        }
    }
    let groups = domain::event::draw(&attendees, &met, &mut Rng::seeded(rand::random()));
    let number = earlier.last().map_or(1, |r| r.number + 1);
    let effects =
        Effects::audit(AuditEntry::new(Some(actor.id), "event.round_drawn", "event", id).detail(number.to_string()));
    store::events::add_round(&app.db, id, number, &groups, store::now(), &effects).await.map_err(|e| match e {
        store::StoreError::Conflict => Error::Conflict("changed-meanwhile"),
        e => e.into(),
    })?;
    Ok(number)
}

// ---------------------------------------------------------------------------------------------
// Calendars and mails

/// "19.01.2027, 18:30–20:00" (or with both dates when it spans days), Berlin time.
pub fn when(e: &EventDraft) -> String {
    let (s, en) = (berlin(e.starts_at), berlin(e.ends_at));
    if s.date_naive() == en.date_naive() {
        format!("{}, {}–{}", s.format("%d.%m.%Y"), s.format("%H:%M"), en.format("%H:%M"))
    } else {
        format!("{} – {}", s.format("%d.%m.%Y, %H:%M"), en.format("%d.%m.%Y, %H:%M"))
    }
}

/// Where, in words: the place, or "online".
pub fn where_(lang: Locale, e: &EventDraft) -> String {
    e.venue.place().map(str::to_owned).unwrap_or_else(|| t(lang, "event-online"))
}

/// The event as a calendar entry; `withdrawn` cancels it for one person (who gave back their
/// place), one step past the event's sequence.
pub fn calendar_event(app: &App, e: &Event, lang: Locale, withdrawn: bool) -> CalendarEvent {
    let link = app.config.link(&path(e.id));
    let mut description =
        format!("{}\n\n{}", e.draft.description, t_args(lang, "ics-event-link", &[("link", arg(&link))]));
    if let Some(v) = e.draft.venue.video_link() {
        description.push('\n');
        description.push_str(&t_args(lang, "ics-video-link", &[("link", arg(v))]));
    }
    CalendarEvent {
        uid: format!("event-{}@jobtausch", e.id),
        sequence: u32::try_from(e.sequence).unwrap_or(0) + u32::from(withdrawn),
        start: e.draft.starts_at,
        end: e.draft.ends_at,
        summary: e.draft.title.clone(),
        description: Some(description),
        location: Some(e.draft.venue.place().or(e.draft.venue.video_link()).unwrap_or_default().to_owned()),
        url: Some(e.draft.venue.video_link().map(str::to_owned).unwrap_or(link)),
        status: if withdrawn || e.cancelled_at.is_some() { EventStatus::Cancelled } else { EventStatus::Confirmed },
        dtstamp: e.updated_at,
    }
}

/// The event's `.ics` as a mail attachment.
fn attachment(app: &App, e: &Event, lang: Locale, withdrawn: bool) -> MailAttachment {
    let name = t_args(lang, "calendar-event-name", &[("title", arg(&e.draft.title))]);
    let body = calendar_ics(&name, &[calendar_event(app, e, lang, withdrawn)]).unwrap_or_else(|err| {
        // Validated data makes a valid file; an error is a bug, logged, and the mail still goes.
        tracing::error!(event = %e.id, "event calendar not written: {err}");
        String::new()
    });
    MailAttachment {
        name: format!("jobtausch-{}.ics", berlin(e.draft.starts_at).format("%Y-%m-%d")),
        content_type: crate::feeds::ICS_TYPE.to_owned(),
        body,
    }
}

/// The events of `user`'s calendar feed: every event they have a place at.
pub async fn feed_events(app: &App, user: UserId, lang: Locale) -> Result<Vec<CalendarEvent>> {
    Ok(store::events::of_attendee(&app.db, user).await?.iter().map(|e| calendar_event(app, e, lang, false)).collect())
}

/// A mail about the event; those with a place (who get the calendar, or a reminder) read the
/// video link in it too.
fn event_mail(app: &App, kind: &'static str, to: &Contact, e: &Event, ics: Option<MailAttachment>) -> OutboxMail {
    let has_place = ics.is_some() || kind.starts_with("event-reminder-");
    let lang = to.locale;
    let mut place = where_(lang, &e.draft);
    if let (Some(link), true) = (e.draft.venue.video_link(), has_place && e.cancelled_at.is_none()) {
        place = format!("{place}: {link}");
    }
    let args = [
        ("name", arg(&to.name)),
        ("title", arg(&e.draft.title)),
        ("when", arg(when(&e.draft))),
        ("where", arg(place)),
        ("link", arg(app.config.link(&path(e.id)))),
    ];
    crate::notify::event(kind, to, &args, ics.filter(|a| !a.body.is_empty()))
}

fn waiting_mail(app: &App, to: &Contact, e: &Event, rank: i64) -> OutboxMail {
    let args = [
        ("name", arg(&to.name)),
        ("title", arg(&e.draft.title)),
        ("when", arg(when(&e.draft))),
        ("where", arg(where_(to.locale, &e.draft))),
        ("link", arg(app.config.link(&path(e.id)))),
        ("rank", arg(rank)),
    ];
    crate::notify::event("event-waiting", to, &args, None)
}

// ---------------------------------------------------------------------------------------------
// The worker

/// Reminds those with a place the day before and the hour before (each once, also with
/// several instances), and after an event mails each attendee the people they met in its
/// Tauschrunden (once). `now` is a parameter so that tests move the clock. Returns how many
/// events it wrote to.
pub async fn run(app: &App, now: DateTime<Utc>) -> Result<usize> {
    let mut done = 0;
    for (kind, from, until, mail) in [
        (Reminder::HourBefore, now, now + Duration::hours(1), "event-reminder-hour"),
        (Reminder::DayBefore, now + Duration::hours(1), now + Duration::days(1), "event-reminder-day"),
    ] {
        for e in store::events::to_remind(&app.db, kind, from, until).await? {
            let audit = AuditEntry::new(None, "event.reminded", "event", e.id).detail(mail);
            let sent = store::events::mark_reminded(&app.db, e.id, e.sequence, kind, now, |people| {
                let mut fx = Effects::audit(audit);
                fx.mails.extend(people.iter().map(|r| event_mail(app, mail, &r.contact, &e, None)));
                fx
            })
            .await?;
            done += usize::from(sent);
        }
    }
    for e in store::events::to_follow_up(&app.db, now - FOLLOW_UP_WITHIN, now).await? {
        let effects = follow_up(app, &e).await?;
        done += usize::from(store::events::mark_followed_up(&app.db, e.id, now, &effects).await?);
    }
    Ok(done)
}

/// One mail to each attendee who met someone in the event's Tauschrunden: whom, with a link to
/// each one's page (where a swap is proposed).
async fn follow_up(app: &App, e: &Event) -> Result<Effects> {
    let mut fx = Effects::audit(AuditEntry::new(None, "event.followed_up", "event", e.id));
    let people = store::events::registrants(&app.db, e.id).await?;
    let by: HashMap<UserId, &Registrant> = people.iter().map(|r| (r.contact.id, r)).collect();
    let mut met: HashMap<UserId, Vec<UserId>> = HashMap::new();
    for g in store::events::rounds(&app.db, e.id).await?.iter().flat_map(|r| &r.groups) {
        for a in g {
            let list = met.entry(*a).or_default();
            for b in g.iter().filter(|b| *b != a) {
                if !list.contains(b) {
                    list.push(*b);
                }
            }
        }
    }
    let mut attendees: Vec<&&Registrant> = met.keys().filter_map(|u| by.get(u)).collect();
    attendees.sort_by_key(|r| r.position);
    for me in attendees {
        let lines: Vec<String> = met[&me.contact.id]
            .iter()
            .filter_map(|u| by.get(u))
            .map(|r| {
                let org = r.org_name.clone().map(|o| format!(" ({o})")).unwrap_or_default();
                format!("– {}{org}: {}", r.contact.name, app.config.link(&format!("/people/{}", r.contact.id)))
            })
            .collect();
        if lines.is_empty() {
            continue;
        }
        let args = [
            ("name", arg(&me.contact.name)),
            ("title", arg(&e.draft.title)),
            ("people", arg(lines.join("\n"))),
            ("link", arg(app.config.link("/people"))),
        ];
        fx.mails.push(crate::notify::event("event-met", &me.contact, &args, None));
    }
    Ok(fx)
}
