//! Events and after-work meetups: the event, its registrations (a place, or the waiting list
//! past the capacity, moving up in order of arrival), the attendance the organisers mark, the
//! Tauschrunden drawn at it, and the reminders and the mail after it, each sent once.
//!
//! A change whose mails depend on who is registered at that moment (a change of the event, a
//! cancellation, someone moving up from the waiting list) takes a function that makes the
//! effects from the people read inside the same transaction, so that nobody registered
//! meanwhile is left out. Registrations take the event's row lock first (an `UPDATE` of it,
//! which PostgreSQL holds to the commit; SQLite has one writer anyway), so that fifty people
//! registering at once for ten places get exactly ten places.

use crate::contacts::Contact;
use crate::outbox::Effects;
use crate::{Db, StoreError, on_db, write_effects, write_tx};
use chrono::{DateTime, Utc};
use domain::event::{EventDraft, EventId, EventVenue};
use domain::values::{HttpsUrl, Locale, Place};
use domain::{OrgId, UserId};
use uuid::Uuid;

/// An event as it is kept, with how many have a place and how many wait.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvent {
    pub id: EventId,
    pub org_id: Option<OrgId>,
    /// The hosting organisation's name (none for an event of the whole network).
    pub org_name: Option<String>,
    pub created_by: Option<UserId>,
    pub draft: EventDraft,
    pub sequence: i64,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub registered: i64,
    pub waiting: i64,
}

#[derive(sqlx::FromRow)]
struct EventRow {
    id: Uuid,
    org_id: Option<Uuid>,
    org_name: Option<String>,
    created_by: Option<Uuid>,
    title: String,
    description: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    place: Option<String>,
    video_link: Option<String>,
    capacity: i64,
    registration_deadline: DateTime<Utc>,
    public: bool,
    sequence: i64,
    cancelled_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    registered: i64,
    waiting: i64,
}

impl TryFrom<EventRow> for StoredEvent {
    type Error = StoreError;
    fn try_from(r: EventRow) -> Result<Self, StoreError> {
        let corrupt = |what: &str| StoreError::Corrupt(format!("event {}: {what}", r.id));
        let venue = match (&r.place, &r.video_link) {
            (Some(p), None) => EventVenue::Place(Place::parse("place", p).map_err(|_| corrupt("place"))?),
            (None, Some(l)) => EventVenue::Online(HttpsUrl::parse("video_link", l).map_err(|_| corrupt("link"))?),
            _ => return Err(corrupt("venue")),
        };
        Ok(StoredEvent {
            id: EventId(r.id),
            org_id: r.org_id.map(OrgId),
            org_name: r.org_name,
            created_by: r.created_by.map(UserId),
            draft: EventDraft {
                title: r.title,
                description: r.description,
                starts_at: r.starts_at,
                ends_at: r.ends_at,
                venue,
                capacity: r.capacity,
                registration_deadline: r.registration_deadline,
                public: r.public,
            },
            sequence: r.sequence,
            cancelled_at: r.cancelled_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
            registered: r.registered,
            waiting: r.waiting,
        })
    }
}

const SELECT: &str = "SELECT e.id, e.org_id, o.name AS org_name, e.created_by, e.title, e.description, e.starts_at, \
    e.ends_at, e.place, e.video_link, e.capacity, e.registration_deadline, e.public, e.sequence, e.cancelled_at, \
    e.created_at, e.updated_at, \
    (SELECT COUNT(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'registered') AS registered, \
    (SELECT COUNT(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'waiting') AS waiting \
    FROM events e LEFT JOIN organisations o ON o.id = e.org_id";

fn events(rows: Vec<EventRow>) -> Result<Vec<StoredEvent>, StoreError> {
    rows.into_iter().map(StoredEvent::try_from).collect()
}

/// Keeps a new event.
pub async fn create(
    db: &Db,
    id: EventId,
    org: Option<OrgId>,
    by: UserId,
    d: &EventDraft,
    at: DateTime<Utc>,
    effects: &Effects,
) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        sqlx::query(
            "INSERT INTO events (id, org_id, created_by, title, description, starts_at, ends_at, place, video_link, \
             capacity, registration_deadline, public, sequence, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 0, $13, $13)",
        )
        .bind(id.0)
        .bind(org.map(|o| o.0))
        .bind(by.0)
        .bind(&d.title)
        .bind(&d.description)
        .bind(d.starts_at)
        .bind(d.ends_at)
        .bind(d.venue.place())
        .bind(d.venue.video_link())
        .bind(d.capacity)
        .bind(d.registration_deadline)
        .bind(d.public)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        write_effects!(tx, effects);
    });
    Ok(())
}

pub async fn get(db: &Db, id: EventId) -> Result<StoredEvent, StoreError> {
    let q = format!("{SELECT} WHERE e.id = $1");
    let row: Option<EventRow> = on_db!(db, pool => sqlx::query_as(&q).bind(id.0).fetch_optional(pool).await?);
    row.ok_or(StoreError::NotFound)?.try_into()
}

/// Events that have not ended by `now`, the soonest first (public ones only, if asked).
pub async fn upcoming(
    db: &Db,
    now: DateTime<Utc>,
    public_only: bool,
    limit: i64,
) -> Result<Vec<StoredEvent>, StoreError> {
    let only = if public_only { " AND e.public = TRUE AND e.cancelled_at IS NULL" } else { "" };
    let q = format!("{SELECT} WHERE e.ends_at > $1{only} ORDER BY e.starts_at, e.id LIMIT $2");
    let rows: Vec<EventRow> = on_db!(db, pool => sqlx::query_as(&q).bind(now).bind(limit).fetch_all(pool).await?);
    events(rows)
}

/// Events that ended by `now`, the latest first (public ones only, if asked).
pub async fn past(db: &Db, now: DateTime<Utc>, public_only: bool, limit: i64) -> Result<Vec<StoredEvent>, StoreError> {
    let only = if public_only { " AND e.public = TRUE" } else { "" };
    let q = format!("{SELECT} WHERE e.ends_at <= $1{only} ORDER BY e.starts_at DESC, e.id LIMIT $2");
    let rows: Vec<EventRow> = on_db!(db, pool => sqlx::query_as(&q).bind(now).bind(limit).fetch_all(pool).await?);
    events(rows)
}

/// The events `user` has a place at (cancelled ones too, so that calendars learn of it).
pub async fn of_attendee(db: &Db, user: UserId) -> Result<Vec<StoredEvent>, StoreError> {
    let q = format!(
        "{SELECT} WHERE e.id IN (SELECT event_id FROM event_registrations WHERE user_id = $1 AND status = 'registered') \
         ORDER BY e.starts_at"
    );
    let rows: Vec<EventRow> = on_db!(db, pool => sqlx::query_as(&q).bind(user.0).fetch_all(pool).await?);
    events(rows)
}

/// A person registered for an event, as the organisers' list and the mails need them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registrant {
    pub contact: Contact,
    pub org_id: Option<OrgId>,
    pub org_name: Option<String>,
    /// `registered` or `waiting`.
    pub status: String,
    pub position: i64,
    pub registered_at: DateTime<Utc>,
    pub attended: Option<bool>,
}

impl Registrant {
    pub fn has_place(&self) -> bool {
        self.status == "registered"
    }
}

type RegistrantRow =
    (Uuid, String, String, String, bool, Option<Uuid>, Option<String>, String, i64, DateTime<Utc>, Option<bool>);

const REGISTRANTS: &str = "SELECT u.id, u.email, u.display_name, u.locale, u.mail_digest, u.org_id, o.name, r.status, \
    r.position, r.registered_at, r.attended FROM event_registrations r JOIN users u ON u.id = r.user_id \
    LEFT JOIN organisations o ON o.id = u.org_id WHERE r.event_id = $1 ORDER BY r.position";

fn registrant(
    (id, email, name, locale, digest, org_id, org_name, status, position, registered_at, attended): RegistrantRow,
) -> Registrant {
    Registrant {
        contact: Contact {
            id: UserId(id),
            email,
            name,
            locale: Locale::from_code(&locale).unwrap_or_default(),
            digest,
        },
        org_id: org_id.map(OrgId),
        org_name,
        status,
        position,
        registered_at,
        attended,
    }
}

/// Everyone registered for the event, places first in order of arrival, then the waiting list.
pub async fn registrants(db: &Db, id: EventId) -> Result<Vec<Registrant>, StoreError> {
    let rows: Vec<RegistrantRow> = on_db!(db, pool => sqlx::query_as(REGISTRANTS).bind(id.0).fetch_all(pool).await?);
    let mut out: Vec<Registrant> = rows.into_iter().map(registrant).collect();
    out.sort_by_key(|r| (!r.has_place(), r.position));
    Ok(out)
}

/// Where `user` stands for the event: none, a place, or waiting at this place in the line
/// (1 = next to move up).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    None,
    Registered,
    Waiting(i64),
}

pub async fn standing(db: &Db, id: EventId, user: UserId) -> Result<Standing, StoreError> {
    let q = "SELECT r.status, (SELECT COUNT(*) FROM event_registrations w WHERE w.event_id = r.event_id \
             AND w.status = 'waiting' AND w.position <= r.position) FROM event_registrations r \
             WHERE r.event_id = $1 AND r.user_id = $2";
    let row: Option<(String, i64)> =
        on_db!(db, pool => sqlx::query_as(q).bind(id.0).bind(user.0).fetch_optional(pool).await?);
    Ok(match row {
        None => Standing::None,
        Some((s, _)) if s == "registered" => Standing::Registered,
        Some((_, rank)) => Standing::Waiting(rank),
    })
}

/// Takes the event's row for the rest of the transaction and reads what registering needs:
/// capacity, deadline, start, cancellation. Not found when there is no such event.
macro_rules! lock_event {
    ($tx:ident, $id:expr) => {{
        let row: Option<(i64, DateTime<Utc>, DateTime<Utc>, Option<DateTime<Utc>>)> = sqlx::query_as(
            "UPDATE events SET sequence = sequence WHERE id = $1 \
             RETURNING capacity, registration_deadline, starts_at, cancelled_at",
        )
        .bind($id.0)
        .fetch_optional(&mut *$tx)
        .await?;
        row.ok_or(StoreError::NotFound)?
    }};
}

/// Gives free places to the waiting list in order of arrival, and returns who moved up.
macro_rules! move_up {
    ($tx:ident, $id:expr, $capacity:expr) => {{
        let mut moved: Vec<Contact> = Vec::new();
        loop {
            let registered: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM event_registrations WHERE event_id = $1 AND status = 'registered'",
            )
            .bind($id.0)
            .fetch_one(&mut *$tx)
            .await?;
            if registered >= $capacity {
                break;
            }
            let next: Option<(Uuid, String, String, String, bool)> = sqlx::query_as(
                "SELECT u.id, u.email, u.display_name, u.locale, u.mail_digest FROM event_registrations r \
                 JOIN users u ON u.id = r.user_id WHERE r.event_id = $1 AND r.status = 'waiting' \
                 ORDER BY r.position LIMIT 1",
            )
            .bind($id.0)
            .fetch_optional(&mut *$tx)
            .await?;
            let Some((user, email, name, locale, digest)) = next else { break };
            sqlx::query("UPDATE event_registrations SET status = 'registered' WHERE event_id = $1 AND user_id = $2")
                .bind($id.0)
                .bind(user)
                .execute(&mut *$tx)
                .await?;
            moved.push(Contact {
                id: UserId(user),
                email,
                name,
                locale: Locale::from_code(&locale).unwrap_or_default(),
                digest,
            });
        }
        moved
    }};
}

/// Why a registration was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    Cancelled,
    /// The deadline passed (or the event began).
    Closed,
    Already,
}

/// Registers `user`: a place while there is one, the waiting list after it. `effects` makes
/// the effects (the mail with the calendar, or the notice of the waiting list) from the
/// outcome.
pub async fn register(
    db: &Db,
    id: EventId,
    user: UserId,
    at: DateTime<Utc>,
    effects: impl FnOnce(Standing) -> Effects,
) -> Result<Result<Standing, Refused>, StoreError> {
    let out = write_tx!(db, tx => {
        let (capacity, deadline, starts_at, cancelled_at) = lock_event!(tx, id);
        if cancelled_at.is_some() {
            return Ok(Err(Refused::Cancelled));
        }
        if at > deadline || at >= starts_at {
            return Ok(Err(Refused::Closed));
        }
        let already: Option<String> =
            sqlx::query_scalar("SELECT status FROM event_registrations WHERE event_id = $1 AND user_id = $2")
                .bind(id.0)
                .bind(user.0)
                .fetch_optional(&mut *tx)
                .await?;
        if already.is_some() {
            return Ok(Err(Refused::Already));
        }
        let (registered, waiting, last): (i64, i64, i64) = sqlx::query_as(
            "SELECT COALESCE(SUM(CASE WHEN status = 'registered' THEN 1 ELSE 0 END), 0), \
             COALESCE(SUM(CASE WHEN status = 'waiting' THEN 1 ELSE 0 END), 0), COALESCE(MAX(position), 0) \
             FROM event_registrations WHERE event_id = $1",
        )
        .bind(id.0)
        .fetch_one(&mut *tx)
        .await?;
        let standing = if registered < capacity { Standing::Registered } else { Standing::Waiting(waiting + 1) };
        sqlx::query(
            "INSERT INTO event_registrations (event_id, user_id, status, position, registered_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id.0)
        .bind(user.0)
        .bind(if standing == Standing::Registered { "registered" } else { "waiting" })
        .bind(last + 1)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        write_effects!(tx, effects(standing));
        Ok(standing)
    });
    Ok(out)
}

/// Takes back the registration of `user` (a place or on the waiting list); a freed place goes
/// to the next on the waiting list. `effects` makes the effects from what the person had and
/// who moved up. `None` when they were not registered.
pub async fn unregister(
    db: &Db,
    id: EventId,
    user: UserId,
    effects: impl FnOnce(bool, &[Contact]) -> Effects,
) -> Result<Option<bool>, StoreError> {
    let out = write_tx!(db, tx => {
        let (capacity, _, _, cancelled_at) = lock_event!(tx, id);
        let status: Option<String> = sqlx::query_scalar(
            "DELETE FROM event_registrations WHERE event_id = $1 AND user_id = $2 RETURNING status",
        )
        .bind(id.0)
        .bind(user.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(status) = status else { return Ok(None) };
        let had_place = status == "registered";
        // Nobody moves up into a cancelled event.
        let moved = if cancelled_at.is_none() { move_up!(tx, id, capacity) } else { Vec::new() };
        write_effects!(tx, effects(had_place, &moved));
        Some(had_place)
    });
    Ok(out)
}

/// Changes the event if it is still at `sequence` (else `Conflict`: someone changed it
/// meanwhile), raising the sequence; a larger capacity moves people up from the waiting list.
/// `effects` makes the effects from everyone registered (after the change) and who moved up.
pub async fn update(
    db: &Db,
    id: EventId,
    sequence: i64,
    d: &EventDraft,
    at: DateTime<Utc>,
    effects: impl FnOnce(&[Registrant], &[Contact]) -> Effects,
) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let n = sqlx::query(
            "UPDATE events SET title = $3, description = $4, starts_at = $5, ends_at = $6, place = $7, video_link = $8, \
             capacity = $9, registration_deadline = $10, public = $11, sequence = sequence + 1, updated_at = $12 \
             WHERE id = $1 AND sequence = $2 AND cancelled_at IS NULL",
        )
        .bind(id.0)
        .bind(sequence)
        .bind(&d.title)
        .bind(&d.description)
        .bind(d.starts_at)
        .bind(d.ends_at)
        .bind(d.venue.place())
        .bind(d.venue.video_link())
        .bind(d.capacity)
        .bind(d.registration_deadline)
        .bind(d.public)
        .bind(at)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            let exists: Option<Uuid> =
                sqlx::query_scalar("SELECT id FROM events WHERE id = $1").bind(id.0).fetch_optional(&mut *tx).await?;
            return Err(if exists.is_some() { StoreError::Conflict } else { StoreError::NotFound });
        }
        // A new time is reminded of again.
        sqlx::query("DELETE FROM event_reminders WHERE event_id = $1 AND kind IN ('day', 'hour')")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        let moved = move_up!(tx, id, d.capacity);
        let rows: Vec<RegistrantRow> = sqlx::query_as(REGISTRANTS).bind(id.0).fetch_all(&mut *tx).await?;
        let people: Vec<Registrant> = rows.into_iter().map(registrant).collect();
        write_effects!(tx, effects(&people, &moved));
    });
    Ok(())
}

/// Cancels the event (once: `Conflict` if it was cancelled already), raising the sequence;
/// `effects` makes the effects from everyone registered and the event's new sequence.
pub async fn cancel(
    db: &Db,
    id: EventId,
    at: DateTime<Utc>,
    effects: impl FnOnce(&[Registrant], i64) -> Effects,
) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let sequence: Option<i64> = sqlx::query_scalar(
            "UPDATE events SET cancelled_at = $2, updated_at = $2, sequence = sequence + 1 \
             WHERE id = $1 AND cancelled_at IS NULL RETURNING sequence",
        )
        .bind(id.0)
        .bind(at)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(sequence) = sequence else {
            let exists: Option<Uuid> =
                sqlx::query_scalar("SELECT id FROM events WHERE id = $1").bind(id.0).fetch_optional(&mut *tx).await?;
            return Err(if exists.is_some() { StoreError::Conflict } else { StoreError::NotFound });
        };
        let rows: Vec<RegistrantRow> = sqlx::query_as(REGISTRANTS).bind(id.0).fetch_all(&mut *tx).await?;
        let people: Vec<Registrant> = rows.into_iter().map(registrant).collect();
        write_effects!(tx, effects(&people, sequence));
    });
    Ok(())
}

/// Marks who of those with a place was present (the others absent).
pub async fn set_attendance(db: &Db, id: EventId, present: &[UserId], effects: &Effects) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        sqlx::query("UPDATE event_registrations SET attended = FALSE WHERE event_id = $1 AND status = 'registered'")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        for u in present {
            sqlx::query(
                "UPDATE event_registrations SET attended = TRUE WHERE event_id = $1 AND user_id = $2 AND status = 'registered'",
            )
            .bind(id.0)
            .bind(u.0)
            .execute(&mut *tx)
            .await?;
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

/// One Tauschrunde: its number at the event and its groups of people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRound {
    pub number: i64,
    pub drawn_at: DateTime<Utc>,
    pub groups: Vec<Vec<UserId>>,
}

/// The rounds of an event, in order.
pub async fn rounds(db: &Db, id: EventId) -> Result<Vec<StoredRound>, StoreError> {
    let q = "SELECT r.number, r.drawn_at, m.grp, m.user_id FROM event_rounds r \
             JOIN event_round_members m ON m.round_id = r.id WHERE r.event_id = $1 ORDER BY r.number, m.grp, m.user_id";
    let rows: Vec<(i64, DateTime<Utc>, i64, Uuid)> =
        on_db!(db, pool => sqlx::query_as(q).bind(id.0).fetch_all(pool).await?);
    let mut out: Vec<StoredRound> = Vec::new();
    for (number, drawn_at, grp, user) in rows {
        if out.last().is_none_or(|r| r.number != number) {
            out.push(StoredRound { number, drawn_at, groups: Vec::new() });
        }
        let Some(round) = out.last_mut() else { continue };
        let g = usize::try_from(grp).unwrap_or(0);
        if round.groups.len() <= g {
            round.groups.resize(g + 1, Vec::new());
        }
        round.groups[g].push(UserId(user));
    }
    for r in &mut out {
        r.groups.retain(|g| !g.is_empty());
    }
    Ok(out)
}

/// Keeps a new round as number `number` (the next one: `Conflict` if another organiser drew
/// it meanwhile).
pub async fn add_round(
    db: &Db,
    id: EventId,
    number: i64,
    groups: &[Vec<UserId>],
    at: DateTime<Utc>,
    effects: &Effects,
) -> Result<(), StoreError> {
    let round = Uuid::now_v7();
    write_tx!(db, tx => {
        let taken: Option<i64> =
            sqlx::query_scalar("SELECT number FROM event_rounds WHERE event_id = $1 AND number = $2")
                .bind(id.0)
                .bind(number)
                .fetch_optional(&mut *tx)
                .await?;
        if taken.is_some() {
            return Err(StoreError::Conflict);
        }
        sqlx::query("INSERT INTO event_rounds (id, event_id, number, drawn_at) VALUES ($1, $2, $3, $4)")
            .bind(round)
            .bind(id.0)
            .bind(number)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        let members: Vec<(i64, Uuid)> = groups
            .iter()
            .enumerate()
            .flat_map(|(g, people)| people.iter().map(move |u| (i64::try_from(g).unwrap_or(i64::MAX), u.0)))
            .collect();
        crate::insert_rows!(tx, "event_round_members", &["round_id", "grp", "user_id"], members, |q, m| q
            .bind(round)
            .bind(m.0)
            .bind(m.1));
        write_effects!(tx, effects);
    });
    Ok(())
}

/// Which reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminder {
    /// From a day before the start.
    DayBefore,
    /// From an hour before the start.
    HourBefore,
}

impl Reminder {
    fn code(self) -> &'static str {
        match self {
            Reminder::DayBefore => "day",
            Reminder::HourBefore => "hour",
        }
    }
}

/// Events not cancelled that start after `now` and before `until`, whose reminder was not
/// sent yet.
pub async fn to_remind(
    db: &Db,
    kind: Reminder,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<StoredEvent>, StoreError> {
    let q = format!(
        "{SELECT} WHERE e.cancelled_at IS NULL AND e.starts_at > $1 AND e.starts_at <= $2 \
         AND NOT EXISTS (SELECT 1 FROM event_reminders m WHERE m.event_id = e.id AND m.kind = $3) ORDER BY e.starts_at"
    );
    let rows: Vec<EventRow> =
        on_db!(db, pool => sqlx::query_as(&q).bind(now).bind(until).bind(kind.code()).fetch_all(pool).await?);
    events(rows)
}

/// Notes one reminder or the mail after an event, once: `false` if another worker did.
macro_rules! note_once {
    ($tx:ident, $id:expr, $kind:expr, $at:expr) => {
        sqlx::query("INSERT INTO event_reminders (event_id, kind, sent_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
            .bind($id.0)
            .bind($kind)
            .bind($at)
            .execute(&mut *$tx)
            .await?
            .rows_affected()
            == 1
    };
}

/// Notes the reminder of the event, once (`false` if another worker did, or the event changed
/// from `sequence` or was cancelled meanwhile), with the effects made from those who have a
/// place. The hour's reminder makes the day's one due no more.
pub async fn mark_reminded(
    db: &Db,
    id: EventId,
    sequence: i64,
    kind: Reminder,
    at: DateTime<Utc>,
    effects: impl FnOnce(&[Registrant]) -> Effects,
) -> Result<bool, StoreError> {
    let done = write_tx!(db, tx => {
        let (_, _, _, cancelled_at) = lock_event!(tx, id);
        let current: i64 = sqlx::query_scalar("SELECT sequence FROM events WHERE id = $1").bind(id.0).fetch_one(&mut *tx).await?;
        let fresh = cancelled_at.is_none() && current == sequence && note_once!(tx, id, kind.code(), at);
        if fresh {
            if kind == Reminder::HourBefore {
                let _ = note_once!(tx, id, Reminder::DayBefore.code(), at);
            }
            let rows: Vec<RegistrantRow> = sqlx::query_as(REGISTRANTS).bind(id.0).fetch_all(&mut *tx).await?;
            let people: Vec<Registrant> = rows.into_iter().map(registrant).filter(Registrant::has_place).collect();
            write_effects!(tx, effects(&people));
        }
        fresh
    });
    Ok(done)
}

/// Events not cancelled that ended between `since` and `now` and had no mail after them yet.
pub async fn to_follow_up(db: &Db, since: DateTime<Utc>, now: DateTime<Utc>) -> Result<Vec<StoredEvent>, StoreError> {
    let q = format!(
        "{SELECT} WHERE e.cancelled_at IS NULL AND e.ends_at > $1 AND e.ends_at <= $2 \
         AND NOT EXISTS (SELECT 1 FROM event_reminders m WHERE m.event_id = e.id AND m.kind = 'after') ORDER BY e.ends_at"
    );
    let rows: Vec<EventRow> = on_db!(db, pool => sqlx::query_as(&q).bind(since).bind(now).fetch_all(pool).await?);
    events(rows)
}

/// Notes the mail after the event, once (`false` if another worker did), with its effects.
pub async fn mark_followed_up(db: &Db, id: EventId, at: DateTime<Utc>, effects: &Effects) -> Result<bool, StoreError> {
    let done = write_tx!(db, tx => {
        let fresh = note_once!(tx, id, "after", at);
        if fresh {
            write_effects!(tx, effects);
        }
        fresh
    });
    Ok(done)
}
