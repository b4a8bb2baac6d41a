//! Matching rounds: the queue of rounds, the candidates a round looks at, and its result: the
//! proposed swaps with why each leg was proposed, written in batches ([`write_proposals`]),
//! then the round's figures ([`finish`]).
//!
//! A round is queued by an organiser and claimed by one worker of one instance; a claim older
//! than [`STALE_CLAIM`] (its instance died) may be claimed again, so no round is lost. Every
//! batch renews the claim and is written only while it stands, so two workers never write one
//! round; a round taken over after its worker died goes on with the people its written
//! batches have not proposed yet ([`candidates`] leaves them out).

use crate::outbox::Effects;
use crate::swaps::{insert_swap, write_children};
use crate::{Db, StoreError, insert_rows, now, on_db, write_effects, write_tx};
use chrono::{DateTime, Duration, Utc};
use domain::round::{Candidate, GeoPoint, Period, RoundFigures};
use domain::swap::Swap;
use domain::values::{IsoWeek, PayGrade, Topic};
use domain::{OrgId, RoundId, SwapId, UserId};
use std::collections::HashMap;
use uuid::Uuid;

/// A running round whose instance has not finished it within this long is given to another.
pub const STALE_CLAIM: Duration = Duration::minutes(30);

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {value:?}"))
}

fn int(v: usize) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// Where a round stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundState {
    Queued,
    Running,
    Finished,
    Failed,
}

impl RoundState {
    pub fn code(&self) -> &'static str {
        match self {
            RoundState::Queued => "queued",
            RoundState::Running => "running",
            RoundState::Finished => "finished",
            RoundState::Failed => "failed",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        [RoundState::Queued, RoundState::Running, RoundState::Finished, RoundState::Failed]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// A round as stored.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Round {
    pub id: RoundId,
    pub first_week: IsoWeek,
    pub last_week: IsoWeek,
    pub max_cycle: usize,
    pub time_limit_seconds: u64,
    pub state: RoundState,
    pub started_by: UserId,
    pub created_at: DateTime<Utc>,
    /// When a worker took it (its claim).
    pub claimed_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    pub failure: Option<String>,
    /// Present once finished.
    pub figures: Option<RoundFigures>,
}

impl Round {
    /// The round's weeks, first to last.
    pub fn period(&self) -> Period {
        Period::spanning(self.first_week, self.last_week)
    }
}

/// Why a round proposed one leg: member `position` learns `topics` at the next member's place.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LegNote {
    pub position: usize,
    pub topics: Vec<String>,
    pub distance_km: Option<u32>,
    pub weight: i64,
}

/// One proposal of a round: the swap and its notes per leg.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub swap: Swap,
    pub notes: Vec<LegNote>,
}

#[derive(sqlx::FromRow)]
struct RoundRow {
    id: Uuid,
    first_week: String,
    last_week: String,
    max_cycle: i64,
    time_limit_seconds: i64,
    state: String,
    started_by: Uuid,
    created_at: DateTime<Utc>,
    claimed_at: Option<DateTime<Utc>>,
    finished_at: Option<DateTime<Utc>>,
    failure: Option<String>,
    figures: Option<String>,
}

const ROUND_COLUMNS: &str = "id, first_week, last_week, max_cycle, time_limit_seconds, state, started_by, created_at, claimed_at, finished_at, \
     failure, figures";

fn round_of(r: RoundRow) -> Result<Round, StoreError> {
    let week = |s: &str| IsoWeek::parse("week", s).map_err(|_| corrupt("week", s));
    let figures = r
        .figures
        .as_deref()
        .map(|f| serde_json::from_str::<RoundFigures>(f).map_err(|_| corrupt("figures", f)))
        .transpose()?;
    Ok(Round {
        id: RoundId(r.id),
        first_week: week(&r.first_week)?,
        last_week: week(&r.last_week)?,
        max_cycle: usize::try_from(r.max_cycle).map_err(|_| corrupt("max_cycle", &r.max_cycle.to_string()))?,
        time_limit_seconds: u64::try_from(r.time_limit_seconds)
            .map_err(|_| corrupt("time limit", &r.time_limit_seconds.to_string()))?,
        state: RoundState::from_code(&r.state).ok_or_else(|| corrupt("round state", &r.state))?,
        started_by: UserId(r.started_by),
        created_at: r.created_at,
        claimed_at: r.claimed_at,
        finished_at: r.finished_at,
        failure: r.failure,
        figures,
    })
}

/// Queues a new round.
pub async fn create(
    db: &Db,
    id: RoundId,
    period: &Period,
    max_cycle: usize,
    time_limit_seconds: u64,
    started_by: UserId,
    effects: &Effects,
) -> Result<(), StoreError> {
    let (Some(first), Some(last)) = (period.first(), period.last()) else {
        return Err(StoreError::Corrupt("empty period".into()));
    };
    write_tx!(db, tx => {
        sqlx::query(
            "INSERT INTO matching_rounds (id, first_week, last_week, max_cycle, time_limit_seconds, state, started_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, 'queued', $6, $7)",
        )
        .bind(id.0)
        .bind(first.to_string())
        .bind(last.to_string())
        .bind(int(max_cycle))
        .bind(i64::try_from(time_limit_seconds).unwrap_or(i64::MAX))
        .bind(started_by.0)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        write_effects!(tx, effects);
    });
    Ok(())
}

/// Rounds, newest first.
pub async fn list(db: &Db) -> Result<Vec<Round>, StoreError> {
    let q = format!("SELECT {ROUND_COLUMNS} FROM matching_rounds ORDER BY created_at DESC LIMIT 100");
    let rows: Vec<RoundRow> = on_db!(db, pool => sqlx::query_as(&q).fetch_all(pool).await?);
    rows.into_iter().map(round_of).collect()
}

pub async fn get(db: &Db, id: RoundId) -> Result<Round, StoreError> {
    let q = format!("SELECT {ROUND_COLUMNS} FROM matching_rounds WHERE id = $1");
    let row: Option<RoundRow> = on_db!(db, pool => sqlx::query_as(&q).bind(id.0).fetch_optional(pool).await?);
    round_of(row.ok_or(StoreError::NotFound)?)
}

/// Claims the oldest queued round (or one whose claim went stale) for this worker.
pub async fn claim(db: &Db) -> Result<Option<Round>, StoreError> {
    let at = now();
    let stale = at - STALE_CLAIM;
    // One round at a time in the network: rounds over overlapping periods would otherwise read
    // the same free weeks and propose one person twice.
    let pick = "SELECT id FROM matching_rounds WHERE (state = 'queued' OR (state = 'running' AND claimed_at < $1)) \
                AND NOT EXISTS (SELECT 1 FROM matching_rounds r WHERE r.state = 'running' AND r.claimed_at >= $1) \
                ORDER BY created_at LIMIT 1";
    let take = "UPDATE matching_rounds SET state = 'running', claimed_at = $2 \
                WHERE id = $1 AND (state = 'queued' OR (state = 'running' AND claimed_at < $3))";
    let claimed = write_tx!(db, tx => {
        let id: Option<Uuid> = sqlx::query_scalar(pick).bind(stale).fetch_optional(&mut *tx).await?;
        match id {
            // The condition is checked again: another instance may have taken it meanwhile.
            Some(id) => {
                let done = sqlx::query(take).bind(id).bind(at).bind(stale).execute(&mut *tx).await?;
                (done.rows_affected() == 1).then_some(id)
            }
            None => None,
        }
    });
    match claimed {
        Some(id) => get(db, RoundId(id)).await.map(Some),
        None => Ok(None),
    }
}

/// Everyone who may take part in a round of `period`: verified members of an organisation who
/// opted in, with their free weeks within the period (weeks with a swap that has not ended are
/// not free). People without a free week are left out.
pub async fn candidates(db: &Db, period: &Period, round: RoundId) -> Result<Vec<Candidate>, StoreError> {
    let (Some(first), Some(last)) = (period.first(), period.last()) else { return Ok(Vec::new()) };
    let (first, last) = (first.to_string(), last.to_string());
    // Someone this round proposed already (in a batch written before its worker died) is not
    // proposed again by the worker that takes it over.
    let qp = "SELECT u.id, u.org_id, p.pay_grade, p.travel_radius_km, o.lat_e6, o.lon_e6 \
              FROM profiles p JOIN users u ON u.id = p.user_id JOIN organisations o ON o.id = u.org_id \
              WHERE p.open_to_swap AND u.email_verified_at IS NOT NULL AND NOT EXISTS ( \
                SELECT 1 FROM swap_members m JOIN swaps s ON s.id = m.swap_id WHERE m.user_id = u.id AND s.round_id = $1) \
              ORDER BY u.id";
    let qw = "SELECT w.user_id, w.week FROM profile_weeks w JOIN profiles p ON p.user_id = w.user_id \
              WHERE p.open_to_swap AND w.week >= $1 AND w.week <= $2 AND NOT EXISTS ( \
                SELECT 1 FROM swap_members m JOIN swaps s ON s.id = m.swap_id \
                WHERE m.user_id = w.user_id AND s.week = w.week AND s.state NOT IN ('declined', 'withdrawn', 'cancelled'))";
    let qt = "SELECT t.user_id, t.kind, t.topic FROM profile_topics t JOIN profiles p ON p.user_id = t.user_id \
              WHERE p.open_to_swap ORDER BY t.user_id, t.kind, t.position";
    let (people, weeks, topics) = on_db!(db, pool => {
        let people: Vec<(Uuid, Uuid, Option<String>, i64, Option<i32>, Option<i32>)> =
            sqlx::query_as(qp).bind(round.0).fetch_all(pool).await?;
        let weeks: Vec<(Uuid, String)> = sqlx::query_as(qw).bind(&first).bind(&last).fetch_all(pool).await?;
        let topics: Vec<(Uuid, String, String)> = sqlx::query_as(qt).fetch_all(pool).await?;
        (people, weeks, topics)
    });
    let mut free: HashMap<Uuid, Vec<IsoWeek>> = HashMap::new();
    for (user, week) in weeks {
        let w = IsoWeek::parse("week", &week).map_err(|_| corrupt("week", &week))?;
        free.entry(user).or_default().push(w);
    }
    let mut works: HashMap<Uuid, (Vec<Topic>, Vec<Topic>)> = HashMap::new();
    for (user, kind, topic) in topics {
        let t = Topic::parse("topic", &topic).map_err(|_| corrupt("topic", &topic))?;
        let entry = works.entry(user).or_default();
        if kind == "learn" { entry.1.push(t) } else { entry.0.push(t) }
    }
    let mut out = Vec::with_capacity(people.len());
    for (user, org, grade, radius, lat, lon) in people {
        let Some(mut weeks) = free.remove(&user) else { continue };
        weeks.sort();
        let (topics, wants) = works.remove(&user).unwrap_or_default();
        out.push(Candidate {
            user: UserId(user),
            org: OrgId(org),
            grade: grade
                .as_deref()
                .map(|g| PayGrade::parse("pay_grade", g).map_err(|_| corrupt("grade", g)))
                .transpose()?,
            topics,
            wants,
            weeks,
            radius_km: u16::try_from(radius).map_err(|_| corrupt("radius", &radius.to_string()))?,
            location: lat.zip(lon).and_then(|(a, o)| GeoPoint::from_micro(a, o)),
        });
    }
    Ok(out)
}

/// Every pair of organisations where one blocked the other.
pub async fn blocks(db: &Db) -> Result<Vec<(OrgId, OrgId)>, StoreError> {
    let rows: Vec<(Uuid, Uuid)> =
        on_db!(db, pool => sqlx::query_as("SELECT org_id, blocked_org_id FROM org_blocks").fetch_all(pool).await?);
    Ok(rows.into_iter().map(|(a, b)| (OrgId(a), OrgId(b))).collect())
}

/// Who turned down whom: for every swap a member declined, each member who had not accepted
/// it, with each other member. A round does not propose them together again. A swap whose
/// members had all accepted was declined by an employer, a staff council or a lapsed approval
/// deadline: that is about the week, not the people, and does not count.
pub async fn declined_pairs(db: &Db) -> Result<Vec<(UserId, UserId)>, StoreError> {
    let q = "SELECT m.swap_id, m.user_id, m.accepted FROM swap_members m JOIN swaps s ON s.id = m.swap_id \
             WHERE s.state = 'declined' ORDER BY m.swap_id, m.position";
    let rows: Vec<(Uuid, Uuid, bool)> = on_db!(db, pool => sqlx::query_as(q).fetch_all(pool).await?);
    Ok(rows
        .chunk_by(|a, b| a.0 == b.0)
        .flat_map(|swap| {
            let members: Vec<(UserId, bool)> =
                swap.iter().map(|&(_, user, accepted)| (UserId(user), accepted)).collect();
            domain::round::turned_down(&members)
        })
        .collect())
}

/// Renews this worker's claim on a running round, inside a write transaction: no other
/// worker's claim has replaced it ([`StoreError::Conflict`] otherwise). Returns the new claim.
macro_rules! renew_claim {
    ($tx:ident, $id:expr, $claimed_at:expr, $at:expr) => {{
        let mine = sqlx::query(
            "UPDATE matching_rounds SET claimed_at = $3 WHERE id = $1 AND state = 'running' AND claimed_at = $2",
        )
        .bind($id.0)
        .bind($claimed_at)
        .bind($at)
        .execute(&mut *$tx)
        .await?;
        if mine.rows_affected() == 0 {
            return Err(StoreError::Conflict);
        }
    }};
}

/// Writes one batch of a round's proposals in one transaction: the swaps with their notes, and
/// their notifications and audit records (`effects`). Only while this worker's claim stands
/// ([`StoreError::Conflict`] otherwise); the claim is renewed, and its new time returned for the
/// next batch.
pub async fn write_proposals(
    db: &Db,
    id: RoundId,
    claimed_at: DateTime<Utc>,
    proposals: &[Proposal],
    effects: &Effects,
) -> Result<DateTime<Utc>, StoreError> {
    let at = now();
    write_tx!(db, tx => {
        renew_claim!(tx, id, claimed_at, at);
        for p in proposals {
            insert_swap!(tx, &p.swap, at);
        }
        let notes: Vec<(SwapId, &LegNote)> = proposals.iter().flat_map(|p| p.notes.iter().map(|n| (p.swap.id, n))).collect();
        insert_rows!(tx, "swap_match_legs", &["swap_id", "position", "topics", "distance_km", "weight"],
            notes, |q, n| q.bind(n.0.0).bind(int(n.1.position)).bind(n.1.topics.join("\n"))
                .bind(n.1.distance_km.map(i64::from)).bind(n.1.weight));
        write_effects!(tx, effects);
    });
    Ok(at)
}

/// Marks a round finished with its figures (after its proposals are written), only while this
/// worker's claim stands ([`StoreError::Conflict`] otherwise).
pub async fn finish(
    db: &Db,
    id: RoundId,
    claimed_at: DateTime<Utc>,
    figures: &RoundFigures,
    effects: &Effects,
) -> Result<(), StoreError> {
    let at = now();
    let figures = serde_json::to_string(figures).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    write_tx!(db, tx => {
        let mine = sqlx::query(
            "UPDATE matching_rounds SET state = 'finished', finished_at = $2, figures = $3 \
             WHERE id = $1 AND state = 'running' AND claimed_at = $4",
        )
        .bind(id.0)
        .bind(at)
        .bind(&figures)
        .bind(claimed_at)
        .execute(&mut *tx)
        .await?;
        if mine.rows_affected() == 0 {
            return Err(StoreError::Conflict);
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

/// Marks a round failed with a message for the organisers.
///
/// Only while the claim `claimed_at` stands: a round taken over by another worker, or one whose
/// worker wrote batches of proposals already (each renews the claim), is not failed; it stays
/// running and is taken over once its claim is stale, going on with the people not proposed
/// yet. Returns whether the round was marked failed.
pub async fn fail(
    db: &Db,
    id: RoundId,
    claimed_at: Option<DateTime<Utc>>,
    failure: &str,
    effects: &Effects,
) -> Result<bool, StoreError> {
    let failed = write_tx!(db, tx => {
        let done = sqlx::query(
            "UPDATE matching_rounds SET state = 'failed', finished_at = $2, failure = $3 \
             WHERE id = $1 AND state = 'running' AND claimed_at = $4",
        )
        .bind(id.0)
        .bind(now())
        .bind(failure)
        .bind(claimed_at)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 1 {
            write_effects!(tx, effects);
        }
        done.rows_affected() == 1
    });
    Ok(failed)
}

/// How the proposals of a round stand: (swap state code, count).
pub async fn proposal_states(db: &Db, id: RoundId) -> Result<Vec<(String, i64)>, StoreError> {
    let q = "SELECT state, COUNT(*) FROM swaps WHERE round_id = $1 GROUP BY state ORDER BY state";
    Ok(on_db!(db, pool => sqlx::query_as(q).bind(id.0).fetch_all(pool).await?))
}

/// Why a round proposed the legs of a swap (empty for a swap a person proposed).
pub async fn notes(db: &Db, swap: SwapId) -> Result<Vec<LegNote>, StoreError> {
    let q = "SELECT position, topics, distance_km, weight FROM swap_match_legs WHERE swap_id = $1 ORDER BY position";
    let rows: Vec<(i64, String, Option<i64>, i64)> =
        on_db!(db, pool => sqlx::query_as(q).bind(swap.0).fetch_all(pool).await?);
    rows.into_iter()
        .map(|(p, topics, d, weight)| {
            Ok(LegNote {
                position: usize::try_from(p).map_err(|_| corrupt("position", &p.to_string()))?,
                topics: topics.lines().map(str::to_owned).collect(),
                distance_km: d.and_then(|d| u32::try_from(d).ok()),
                weight,
            })
        })
        .collect()
}
