//! The swap week and after: the plan made when a swap is confirmed (briefing settings, one
//! briefing per running day, the access and administrative checklists), appointments,
//! handover notes, deputies, check-ins, reflections, the approvers' feedback and the
//! reminders already sent. Dates are stored as `YYYY-MM-DD` text and wall-clock times as
//! `HH:MM` (Europe/Berlin), the same on both backends.

use crate::outbox::Effects;
use crate::{Db, StoreError, now, on_db, write_effects, write_tx};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use domain::after::{AccessItem, AccessState, AdminItem, CheckinStatus, Reflection};
use domain::values::{AppointmentTitle, GuestNote, HttpsUrl};
use domain::week::{Appointment, AppointmentKind, BriefingDay, BriefingSettings, Venue};
use domain::{OrgId, SwapId, UserId};
use uuid::Uuid;

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {value:?}"))
}

fn date(s: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| corrupt("date", s))
}

fn time(s: &str) -> Result<NaiveTime, StoreError> {
    NaiveTime::parse_from_str(s, "%H:%M").map_err(|_| corrupt("time", s))
}

fn hm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn link(s: Option<String>) -> Result<Option<HttpsUrl>, StoreError> {
    s.map(|l| HttpsUrl::parse("link", &l).map_err(|_| corrupt("link", &l))).transpose()
}

fn num(v: i64) -> Result<u32, StoreError> {
    u32::try_from(v).map_err(|_| corrupt("number", &v.to_string()))
}

/// One access item of a guest, as the checklist shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessEntry {
    pub guest: UserId,
    pub item: AccessItem,
    pub owner: UserId,
    pub due: NaiveDate,
    pub state: AccessState,
    pub revoke_due: NaiveDate,
}

/// One administrative item of a leg.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminEntry {
    pub leg: usize,
    pub item: AdminItem,
    pub value: String,
    pub done: bool,
}

/// Everything a new plan starts with.
pub struct NewPlan<'a> {
    pub settings: &'a BriefingSettings,
    pub briefings: &'a [BriefingDay],
    pub access: &'a [AccessEntry],
    pub admin: &'a [AdminEntry],
}

/// Makes the plan of a confirmed swap, once: a second call (another worker, a retry) finds it
/// made and changes nothing. Returns whether it made it.
pub async fn create_plan(db: &Db, swap: SwapId, plan: &NewPlan<'_>, effects: &Effects) -> Result<bool, StoreError> {
    let at = now();
    let made = write_tx!(db, tx => {
        let done = sqlx::query(
            "INSERT INTO swap_plans (swap_id, briefing_time, briefing_minutes, briefing_link, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (swap_id) DO NOTHING",
        )
        .bind(swap.0)
        .bind(hm(plan.settings.time))
        .bind(i64::from(plan.settings.minutes))
        .bind(plan.settings.link.as_ref().map(|l| l.as_str().to_owned()))
        .bind(at)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            false
        } else {
            for b in plan.briefings {
                sqlx::query(
                    "INSERT INTO swap_briefings (swap_id, planned, day, start_time, minutes, link, cancelled, sequence, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(swap.0)
                .bind(b.planned.to_string())
                .bind(b.date.to_string())
                .bind(hm(b.start))
                .bind(i64::from(b.minutes))
                .bind(b.link.as_ref().map(|l| l.as_str().to_owned()))
                .bind(b.cancelled)
                .bind(i64::from(b.sequence))
                .bind(at)
                .execute(&mut *tx)
                .await?;
            }
            for a in plan.access {
                sqlx::query(
                    "INSERT INTO swap_access_items (swap_id, guest_id, item, owner_id, due, state, revoke_due, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(swap.0)
                .bind(a.guest.0)
                .bind(a.item.code())
                .bind(a.owner.0)
                .bind(a.due.to_string())
                .bind(a.state.code())
                .bind(a.revoke_due.to_string())
                .bind(at)
                .execute(&mut *tx)
                .await?;
            }
            for a in plan.admin {
                sqlx::query(
                    "INSERT INTO swap_admin_items (swap_id, leg, item, value, done, updated_at) VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(swap.0)
                .bind(i64::try_from(a.leg).unwrap_or(i64::MAX))
                .bind(a.item.code())
                .bind(&a.value)
                .bind(a.done)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            }
            write_effects!(tx, effects);
            true
        }
    });
    Ok(made)
}

/// The briefing settings of a swap's plan, if it has one.
pub async fn settings(db: &Db, swap: SwapId) -> Result<Option<BriefingSettings>, StoreError> {
    let q = "SELECT briefing_time, briefing_minutes, briefing_link FROM swap_plans WHERE swap_id = $1";
    let row: Option<(String, i64, Option<String>)> =
        on_db!(db, pool => sqlx::query_as(q).bind(swap.0).fetch_optional(pool).await?);
    row.map(|(t, m, l)| {
        Ok(BriefingSettings {
            time: time(&t)?,
            minutes: u16::try_from(m).map_err(|_| corrupt("minutes", &m.to_string()))?,
            link: link(l)?,
        })
    })
    .transpose()
}

/// A stored briefing with the time of its last change (the calendar's DTSTAMP).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBriefing {
    pub day: BriefingDay,
    pub updated_at: DateTime<Utc>,
}

/// The briefings of a swap, by planned day.
pub async fn briefings(db: &Db, swap: SwapId) -> Result<Vec<StoredBriefing>, StoreError> {
    let q = "SELECT planned, day, start_time, minutes, link, cancelled, sequence, updated_at FROM swap_briefings \
             WHERE swap_id = $1 ORDER BY planned";
    let rows: Vec<(String, String, String, i64, Option<String>, bool, i64, DateTime<Utc>)> =
        on_db!(db, pool => sqlx::query_as(q).bind(swap.0).fetch_all(pool).await?);
    rows.into_iter()
        .map(|(planned, day, start, minutes, l, cancelled, sequence, updated_at)| {
            Ok(StoredBriefing {
                day: BriefingDay {
                    planned: date(&planned)?,
                    date: date(&day)?,
                    start: time(&start)?,
                    minutes: u16::try_from(minutes).map_err(|_| corrupt("minutes", &minutes.to_string()))?,
                    link: link(l)?,
                    cancelled,
                    sequence: num(sequence)?,
                },
                updated_at,
            })
        })
        .collect()
}

/// Writes changed briefings (and new settings, if given) in one transaction. Each changed day
/// carries a sequence one above the stored one; if someone else changed it meanwhile, nothing
/// is written ([`StoreError::Conflict`]).
pub async fn save_briefings(
    db: &Db,
    swap: SwapId,
    settings: Option<&BriefingSettings>,
    changed: &[BriefingDay],
    effects: &Effects,
) -> Result<(), StoreError> {
    let at = now();
    write_tx!(db, tx => {
        if let Some(s) = settings {
            sqlx::query("UPDATE swap_plans SET briefing_time = $2, briefing_minutes = $3, briefing_link = $4, updated_at = $5 WHERE swap_id = $1")
                .bind(swap.0)
                .bind(hm(s.time))
                .bind(i64::from(s.minutes))
                .bind(s.link.as_ref().map(|l| l.as_str().to_owned()))
                .bind(at)
                .execute(&mut *tx)
                .await?;
        }
        for b in changed {
            let done = sqlx::query(
                "UPDATE swap_briefings SET day = $3, start_time = $4, minutes = $5, link = $6, cancelled = $7, sequence = $8, \
                 updated_at = $9 WHERE swap_id = $1 AND planned = $2 AND sequence = $10",
            )
            .bind(swap.0)
            .bind(b.planned.to_string())
            .bind(b.date.to_string())
            .bind(hm(b.start))
            .bind(i64::from(b.minutes))
            .bind(b.link.as_ref().map(|l| l.as_str().to_owned()))
            .bind(b.cancelled)
            .bind(i64::from(b.sequence))
            .bind(at)
            // Every change raises the sequence by one: a write over another change fails.
            .bind(i64::from(b.sequence.saturating_sub(1)))
            .execute(&mut *tx)
            .await
            .map(|r| r.rows_affected())?;
            if done == 0 {
                return Err(StoreError::Conflict);
            }
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

/// A stored appointment for a guest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAppointment {
    pub id: Uuid,
    pub guest: UserId,
    pub appointment: Appointment,
    pub cancelled: bool,
    pub sequence: u32,
    pub created_by: UserId,
    pub updated_at: DateTime<Utc>,
}

type AppointmentRow =
    (Uuid, Uuid, String, String, String, String, String, String, Option<String>, bool, i64, Uuid, DateTime<Utc>);

/// The appointments of a swap (cancelled ones too), by day and time.
pub async fn appointments(db: &Db, swap: SwapId) -> Result<Vec<StoredAppointment>, StoreError> {
    let q = "SELECT id, guest_id, title, kind, day, start_time, end_time, venue, note, cancelled, sequence, created_by, updated_at \
             FROM swap_appointments WHERE swap_id = $1 ORDER BY day, start_time, id";
    let rows: Vec<AppointmentRow> = on_db!(db, pool => sqlx::query_as(q).bind(swap.0).fetch_all(pool).await?);
    rows.into_iter()
        .map(|(id, guest, title, kind, day, start, end, venue, note, cancelled, sequence, by, updated_at)| {
            Ok(StoredAppointment {
                id,
                guest: UserId(guest),
                appointment: Appointment {
                    title: AppointmentTitle::parse("title", &title).map_err(|_| corrupt("title", &title))?,
                    kind: AppointmentKind::from_code(&kind).ok_or_else(|| corrupt("kind", &kind))?,
                    date: date(&day)?,
                    start: time(&start)?,
                    end: time(&end)?,
                    venue: Venue::parse("venue", &venue).map_err(|_| corrupt("venue", &venue))?,
                    note_for_guest: note
                        .map(|n| GuestNote::parse("note", &n).map_err(|_| corrupt("note", &n)))
                        .transpose()?,
                },
                cancelled,
                sequence: num(sequence)?,
                created_by: UserId(by),
                updated_at,
            })
        })
        .collect()
}

/// Stores a new appointment (its id, guest and author as given; not cancelled, sequence 0).
pub async fn add_appointment(
    db: &Db,
    swap: SwapId,
    a: &StoredAppointment,
    effects: &Effects,
) -> Result<(), StoreError> {
    let ap = &a.appointment;
    write_tx!(db, tx => {
        sqlx::query(
            "INSERT INTO swap_appointments (id, swap_id, guest_id, title, kind, day, start_time, end_time, venue, note, cancelled, \
             sequence, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, FALSE, 0, $11, $12, $12)",
        )
        .bind(a.id)
        .bind(swap.0)
        .bind(a.guest.0)
        .bind(ap.title.as_str())
        .bind(ap.kind.code())
        .bind(ap.date.to_string())
        .bind(hm(ap.start))
        .bind(hm(ap.end))
        .bind(ap.venue.as_str())
        .bind(ap.note_for_guest.as_ref().map(|n| n.as_str().to_owned()))
        .bind(a.created_by.0)
        .bind(a.updated_at)
        .execute(&mut *tx)
        .await?;
        write_effects!(tx, effects);
    });
    Ok(())
}

/// Calls an appointment off: it stays, cancelled, with a raised sequence.
pub async fn cancel_appointment(db: &Db, swap: SwapId, id: Uuid, effects: &Effects) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let done = sqlx::query(
            "UPDATE swap_appointments SET cancelled = TRUE, sequence = sequence + 1, updated_at = $3 \
             WHERE swap_id = $1 AND id = $2 AND NOT cancelled",
        )
        .bind(swap.0)
        .bind(id)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

/// Handover notes by author.
pub async fn handovers(db: &Db, swap: SwapId) -> Result<Vec<(UserId, String)>, StoreError> {
    let q = "SELECT author_id, body FROM swap_handovers WHERE swap_id = $1";
    let rows: Vec<(Uuid, String)> = on_db!(db, pool => sqlx::query_as(q).bind(swap.0).fetch_all(pool).await?);
    Ok(rows.into_iter().map(|(u, b)| (UserId(u), b)).collect())
}

pub async fn set_handover(
    db: &Db,
    swap: SwapId,
    author: UserId,
    body: &str,
    effects: &Effects,
) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        sqlx::query(
            "INSERT INTO swap_handovers (swap_id, author_id, body, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (swap_id, author_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
        )
        .bind(swap.0)
        .bind(author.0)
        .bind(body)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        write_effects!(tx, effects);
    });
    Ok(())
}

/// Deputies by member.
pub async fn deputies(db: &Db, swap: SwapId) -> Result<Vec<(UserId, UserId)>, StoreError> {
    let q = "SELECT member_id, deputy_id FROM swap_deputies WHERE swap_id = $1";
    let rows: Vec<(Uuid, Uuid)> = on_db!(db, pool => sqlx::query_as(q).bind(swap.0).fetch_all(pool).await?);
    Ok(rows.into_iter().map(|(m, d)| (UserId(m), UserId(d))).collect())
}

pub async fn set_deputy(
    db: &Db,
    swap: SwapId,
    member: UserId,
    deputy: UserId,
    effects: &Effects,
) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        sqlx::query(
            "INSERT INTO swap_deputies (swap_id, member_id, deputy_id, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (swap_id, member_id) DO UPDATE SET deputy_id = excluded.deputy_id, updated_at = excluded.updated_at",
        )
        .bind(swap.0)
        .bind(member.0)
        .bind(deputy.0)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        write_effects!(tx, effects);
    });
    Ok(())
}

/// The swaps a person stands in as deputy for.
pub async fn deputy_of(db: &Db, deputy: UserId) -> Result<Vec<(SwapId, UserId)>, StoreError> {
    let q = "SELECT swap_id, member_id FROM swap_deputies WHERE deputy_id = $1";
    let rows: Vec<(Uuid, Uuid)> = on_db!(db, pool => sqlx::query_as(q).bind(deputy.0).fetch_all(pool).await?);
    Ok(rows.into_iter().map(|(s, m)| (SwapId(s), UserId(m))).collect())
}

type AccessRow = (Uuid, String, Uuid, String, String, String);

fn access_of((guest, item, owner, due, state, revoke_due): AccessRow) -> Result<AccessEntry, StoreError> {
    Ok(AccessEntry {
        guest: UserId(guest),
        item: AccessItem::from_code(&item).ok_or_else(|| corrupt("item", &item))?,
        owner: UserId(owner),
        due: date(&due)?,
        state: AccessState::from_code(&state).ok_or_else(|| corrupt("state", &state))?,
        revoke_due: date(&revoke_due)?,
    })
}

pub async fn access_items(db: &Db, swap: SwapId) -> Result<Vec<AccessEntry>, StoreError> {
    let q = "SELECT guest_id, item, owner_id, due, state, revoke_due FROM swap_access_items WHERE swap_id = $1";
    let rows: Vec<AccessRow> = on_db!(db, pool => sqlx::query_as(q).bind(swap.0).fetch_all(pool).await?);
    let mut out: Vec<AccessEntry> = rows.into_iter().map(access_of).collect::<Result<_, StoreError>>()?;
    out.sort_by_key(|a| (a.guest, a.item));
    Ok(out)
}

pub async fn update_access(db: &Db, swap: SwapId, entry: &AccessEntry, effects: &Effects) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let done = sqlx::query(
            "UPDATE swap_access_items SET owner_id = $4, due = $5, state = $6, updated_at = $7 \
             WHERE swap_id = $1 AND guest_id = $2 AND item = $3",
        )
        .bind(swap.0)
        .bind(entry.guest.0)
        .bind(entry.item.code())
        .bind(entry.owner.0)
        .bind(entry.due.to_string())
        .bind(entry.state.code())
        .bind(now())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

/// Granted access items whose revocation is due by `day` and whose owner was not yet reminded.
pub async fn revocations_due(db: &Db, day: NaiveDate) -> Result<Vec<(SwapId, AccessEntry)>, StoreError> {
    let q = "SELECT swap_id, guest_id, item, owner_id, due, state, revoke_due FROM swap_access_items \
             WHERE state = 'granted' AND revoke_due <= $1 AND reminded_at IS NULL";
    let rows: Vec<(Uuid, Uuid, String, Uuid, String, String, String)> =
        on_db!(db, pool => sqlx::query_as(q).bind(day.to_string()).fetch_all(pool).await?);
    rows.into_iter()
        .map(|(swap, guest, item, owner, due, state, revoke_due)| {
            Ok((SwapId(swap), access_of((guest, item, owner, due, state, revoke_due))?))
        })
        .collect()
}

/// Notes the reminder with its mails, unless another worker did (then `false`, nothing written).
pub async fn mark_revocation_reminded(
    db: &Db,
    swap: SwapId,
    guest: UserId,
    item: AccessItem,
    effects: &Effects,
) -> Result<bool, StoreError> {
    let marked = write_tx!(db, tx => {
        let done = sqlx::query(
            "UPDATE swap_access_items SET reminded_at = $4 WHERE swap_id = $1 AND guest_id = $2 AND item = $3 AND reminded_at IS NULL",
        )
        .bind(swap.0)
        .bind(guest.0)
        .bind(item.code())
        .bind(now())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 1 {
            write_effects!(tx, effects);
            true
        } else {
            false
        }
    });
    Ok(marked)
}

pub async fn admin_items(db: &Db, swap: SwapId) -> Result<Vec<AdminEntry>, StoreError> {
    let q = "SELECT leg, item, value, done FROM swap_admin_items WHERE swap_id = $1";
    let rows: Vec<(i64, String, String, bool)> =
        on_db!(db, pool => sqlx::query_as(q).bind(swap.0).fetch_all(pool).await?);
    let mut out: Vec<AdminEntry> = rows
        .into_iter()
        .map(|(leg, item, value, done)| {
            Ok(AdminEntry {
                leg: usize::try_from(leg).map_err(|_| corrupt("leg", &leg.to_string()))?,
                item: AdminItem::from_code(&item).ok_or_else(|| corrupt("item", &item))?,
                value,
                done,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    out.sort_by_key(|a| (a.leg, a.item));
    Ok(out)
}

pub async fn update_admin(db: &Db, swap: SwapId, entry: &AdminEntry, effects: &Effects) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let done = sqlx::query("UPDATE swap_admin_items SET value = $4, done = $5, updated_at = $6 WHERE swap_id = $1 AND leg = $2 AND item = $3")
            .bind(swap.0)
            .bind(i64::try_from(entry.leg).unwrap_or(i64::MAX))
            .bind(entry.item.code())
            .bind(&entry.value)
            .bind(entry.done)
            .bind(now())
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

/// A check-in of one person on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkin {
    pub swap: SwapId,
    pub user: UserId,
    pub day: NaiveDate,
    pub status: CheckinStatus,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
}

type CheckinRow = (Uuid, Uuid, String, String, Option<String>, DateTime<Utc>, Option<DateTime<Utc>>);

fn checkin_of((swap, user, day, status, note, created_at, resolved_at): CheckinRow) -> Result<Checkin, StoreError> {
    Ok(Checkin {
        swap: SwapId(swap),
        user: UserId(user),
        day: date(&day)?,
        status: CheckinStatus::from_code(&status).ok_or_else(|| corrupt("status", &status))?,
        note,
        created_at,
        resolved_at,
    })
}

/// Records (or replaces) today's check-in.
pub async fn check_in(db: &Db, c: &Checkin, effects: &Effects) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        sqlx::query(
            "INSERT INTO swap_checkins (swap_id, user_id, day, status, note, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (swap_id, user_id, day) DO UPDATE SET status = excluded.status, note = excluded.note, \
             created_at = excluded.created_at, resolved_at = NULL",
        )
        .bind(c.swap.0)
        .bind(c.user.0)
        .bind(c.day.to_string())
        .bind(c.status.code())
        .bind(&c.note)
        .bind(c.created_at)
        .execute(&mut *tx)
        .await?;
        write_effects!(tx, effects);
    });
    Ok(())
}

pub async fn checkins(db: &Db, swap: SwapId) -> Result<Vec<Checkin>, StoreError> {
    let q = "SELECT swap_id, user_id, day, status, note, created_at, resolved_at FROM swap_checkins WHERE swap_id = $1 ORDER BY day, created_at";
    let rows: Vec<CheckinRow> = on_db!(db, pool => sqlx::query_as(q).bind(swap.0).fetch_all(pool).await?);
    rows.into_iter().map(checkin_of).collect()
}

/// Calls for help not yet resolved, newest first (for the organisers).
pub async fn open_help_requests(db: &Db) -> Result<Vec<Checkin>, StoreError> {
    let q = "SELECT swap_id, user_id, day, status, note, created_at, resolved_at FROM swap_checkins \
             WHERE status = 'help' AND resolved_at IS NULL ORDER BY created_at DESC";
    let rows: Vec<CheckinRow> = on_db!(db, pool => sqlx::query_as(q).fetch_all(pool).await?);
    rows.into_iter().map(checkin_of).collect()
}

pub async fn resolve_help(
    db: &Db,
    swap: SwapId,
    user: UserId,
    day: NaiveDate,
    effects: &Effects,
) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let done = sqlx::query("UPDATE swap_checkins SET resolved_at = $4 WHERE swap_id = $1 AND user_id = $2 AND day = $3 AND resolved_at IS NULL")
            .bind(swap.0)
            .bind(user.0)
            .bind(day.to_string())
            .bind(now())
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

/// The reflections of a swap by author, with when they were written.
pub async fn reflections(db: &Db, swap: SwapId) -> Result<Vec<(UserId, Reflection, DateTime<Utc>)>, StoreError> {
    let q = "SELECT user_id, learned, will_change, recommend, free_text, created_at FROM swap_reflections WHERE swap_id = $1 ORDER BY created_at";
    let rows: Vec<(Uuid, String, String, bool, Option<String>, DateTime<Utc>)> =
        on_db!(db, pool => sqlx::query_as(q).bind(swap.0).fetch_all(pool).await?);
    Ok(rows
        .into_iter()
        .map(|(u, learned, will_change, recommend, free_text, at)| {
            (UserId(u), Reflection { learned, will_change, recommend, free_text }, at)
        })
        .collect())
}

/// Stores a member's reflection, once: a second one (also one racing the first) is a
/// [`StoreError::Conflict`] and writes nothing.
pub async fn add_reflection(
    db: &Db,
    swap: SwapId,
    user: UserId,
    r: &Reflection,
    effects: &Effects,
) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let done = sqlx::query(
            "INSERT INTO swap_reflections (swap_id, user_id, learned, will_change, recommend, free_text, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (swap_id, user_id) DO NOTHING",
        )
        .bind(swap.0)
        .bind(user.0)
        .bind(&r.learned)
        .bind(&r.will_change)
        .bind(r.recommend)
        .bind(&r.free_text)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict);
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

/// The approvers' feedback by organisation: (org, author, text).
pub async fn feedback(db: &Db, swap: SwapId) -> Result<Vec<(OrgId, UserId, String)>, StoreError> {
    let q = "SELECT org_id, author_id, body FROM swap_feedback WHERE swap_id = $1";
    let rows: Vec<(Uuid, Uuid, String)> = on_db!(db, pool => sqlx::query_as(q).bind(swap.0).fetch_all(pool).await?);
    Ok(rows.into_iter().map(|(o, a, b)| (OrgId(o), UserId(a), b)).collect())
}

pub async fn set_feedback(
    db: &Db,
    swap: SwapId,
    org: OrgId,
    author: UserId,
    body: &str,
    effects: &Effects,
) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        sqlx::query(
            "INSERT INTO swap_feedback (swap_id, org_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (swap_id, org_id) DO UPDATE SET author_id = excluded.author_id, body = excluded.body, created_at = excluded.created_at",
        )
        .bind(swap.0)
        .bind(org.0)
        .bind(author.0)
        .bind(body)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        write_effects!(tx, effects);
    });
    Ok(())
}

/// Records a reminder with its mails, unless it was sent already (then nothing is written and
/// `false` is returned): several workers may try, each reminder goes out once.
pub async fn send_reminder_once(
    db: &Db,
    swap: SwapId,
    kind: &str,
    day: NaiveDate,
    effects: &Effects,
) -> Result<bool, StoreError> {
    let sent = write_tx!(db, tx => {
        let done = sqlx::query(
            "INSERT INTO week_reminders (swap_id, kind, day, sent_at) VALUES ($1, $2, $3, $4) ON CONFLICT (swap_id, kind, day) DO NOTHING",
        )
        .bind(swap.0)
        .bind(kind)
        .bind(day.to_string())
        .bind(now())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 1 {
            write_effects!(tx, effects);
            true
        } else {
            false
        }
    });
    Ok(sent)
}

/// Swaps the week worker looks after: confirmed, in progress, or completed and not yet evaluated.
pub async fn swaps_with_open_weeks(db: &Db) -> Result<Vec<SwapId>, StoreError> {
    let q = "SELECT id FROM swaps WHERE state IN ('confirmed', 'in_progress', 'completed') ORDER BY created_at";
    let rows: Vec<Uuid> = on_db!(db, pool => sqlx::query_scalar(q).fetch_all(pool).await?);
    Ok(rows.into_iter().map(SwapId).collect())
}

/// When a swap's week was completed (set with the state; reflections show 14 days later).
pub async fn completed_at(db: &Db, swap: SwapId) -> Result<Option<DateTime<Utc>>, StoreError> {
    let q = "SELECT completed_at FROM swaps WHERE id = $1";
    let v: Option<Option<DateTime<Utc>>> =
        on_db!(db, pool => sqlx::query_scalar(q).bind(swap.0).fetch_optional(pool).await?);
    Ok(v.flatten())
}
