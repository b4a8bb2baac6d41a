//! Swaps: the aggregate of `domain::swap` in five tables. A swap is read whole and written
//! whole, guarded by its version: a write over a version someone else already changed fails
//! with [`StoreError::Conflict`], so two concurrent decisions cannot both win. The unique index
//! on (person, committed week) keeps anyone from committing to two swaps of one week, even when
//! two requests race.

use crate::outbox::Effects;
use crate::{Db, StoreError, now, on_db, write_effects, write_tx};
use chrono::{DateTime, Utc};
use domain::org::{Body, PolicyRule};
use domain::swap::{
    Approval, ApprovalStatus, BodyStatus, BodyStep, DeclineReason, Member, Side, Signature, Swap, SwapState,
};
use domain::values::IsoWeek;
use domain::{OrgId, RoundId, SwapId, UserId};
use std::collections::HashMap;
use uuid::Uuid;

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {value:?}"))
}

pub(crate) fn idx(i: usize) -> i64 {
    i64::try_from(i).unwrap_or(i64::MAX)
}

fn usize_of(i: i64) -> Result<usize, StoreError> {
    usize::try_from(i).map_err(|_| corrupt("index", &i.to_string()))
}

/// Writes the child rows of a swap inside the caller's transaction, after deleting old ones;
/// with `new`, of a swap just inserted (a round inserts tens of thousands: no deletes then).
macro_rules! write_children {
    ($tx:ident, $s:expr) => {{
        let s: &domain::swap::Swap = $s;
        for table in ["swap_members", "swap_approvals", "swap_bodies", "swap_signatures"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE swap_id = $1")).bind(s.id.0).execute(&mut *$tx).await?;
        }
        write_children!($tx, s, new);
    }};
    ($tx:ident, $s:expr, new) => {{
        let s: &domain::swap::Swap = $s;
        for (i, m) in s.members.iter().enumerate() {
            let committed = (m.accepted && !s.state.is_ended()).then(|| s.week.to_string());
            sqlx::query(
                "INSERT INTO swap_members (swap_id, position, user_id, org_id, accepted, committed_week) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(s.id.0)
            .bind($crate::swaps::idx(i))
            .bind(m.user.0)
            .bind(m.org.0)
            .bind(m.accepted)
            .bind(committed)
            .execute(&mut *$tx)
            .await?;
        }
        for (i, a) in s.approvals.iter().enumerate() {
            let (status, by, at, comment, kind, text) = match &a.status {
                domain::swap::ApprovalStatus::Pending => ("pending", None, None, None, None, None),
                domain::swap::ApprovalStatus::Approved { by, at, comment } => ("approved", Some(by.0), Some(*at), comment.clone(), None, None),
                domain::swap::ApprovalStatus::Declined { by, at, reason } => {
                    ("declined", Some(by.0), Some(*at), None, Some(reason.code()), Some(reason.text().to_owned()))
                }
            };
            sqlx::query(
                "INSERT INTO swap_approvals (swap_id, idx, leg, side, org_id, deadline, delegate_id, status, decided_by, decided_at, comment, reason_kind, reason_text) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            )
            .bind(s.id.0)
            .bind($crate::swaps::idx(i))
            .bind($crate::swaps::idx(a.leg))
            .bind(a.side.code())
            .bind(a.org.0)
            .bind(a.deadline)
            .bind(a.delegate.map(|d| d.0))
            .bind(status)
            .bind(by)
            .bind(at)
            .bind(comment)
            .bind(kind)
            .bind(text)
            .execute(&mut *$tx)
            .await?;
        }
        for (i, b) in s.bodies.iter().enumerate() {
            let (status, by, at, reason) = match &b.status {
                domain::swap::BodyStatus::Pending => ("pending", None, None, None),
                domain::swap::BodyStatus::Informed { at } => ("informed", None, Some(*at), None),
                domain::swap::BodyStatus::Consented { by, at } => ("consented", Some(by.0), Some(*at), None),
                domain::swap::BodyStatus::Refused { by, at, reason } => ("refused", Some(by.0), Some(*at), Some(reason.clone())),
            };
            sqlx::query(
                "INSERT INTO swap_bodies (swap_id, idx, org_id, body, rule, status, decided_by, decided_at, reason) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(s.id.0)
            .bind($crate::swaps::idx(i))
            .bind(b.org.0)
            .bind(b.body.code())
            .bind(b.rule.code())
            .bind(status)
            .bind(by)
            .bind(at)
            .bind(reason)
            .execute(&mut *$tx)
            .await?;
        }
        for g in &s.signatures {
            sqlx::query("INSERT INTO swap_signatures (swap_id, user_id, signed_at, document_hash) VALUES ($1, $2, $3, $4)")
                .bind(s.id.0)
                .bind(g.user.0)
                .bind(g.at)
                .bind(&g.document_hash)
                .execute(&mut *$tx)
                .await?;
        }
    }};
}

/// Inserts a new swap with its children inside the caller's transaction.
macro_rules! insert_swap {
    ($tx:ident, $s:expr, $at:expr) => {{
        let swap: &domain::swap::Swap = $s;
        sqlx::query(
            "INSERT INTO swaps (id, week, proposer_id, message, state, version, agreement_hash, end_reason, created_at, updated_at, round_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(swap.id.0)
        .bind(swap.week.to_string())
        .bind(swap.proposer.0)
        .bind(&swap.message)
        .bind(swap.state.code())
        .bind(swap.version)
        .bind(&swap.agreement_hash)
        .bind(&swap.end_reason)
        .bind(swap.created_at)
        .bind($at)
        .bind(swap.round.map(|r| r.0))
        .execute(&mut *$tx)
        .await?;
        write_children!($tx, swap, new);
    }};
}
pub(crate) use {insert_swap, write_children};

/// Stores a new proposal.
pub async fn create(db: &Db, swap: &Swap, effects: &Effects) -> Result<(), StoreError> {
    let at = now();
    write_tx!(db, tx => {
        insert_swap!(tx, swap, at);
        write_effects!(tx, effects);
    });
    Ok(())
}

/// Sets when a swap was confirmed and completed, for a history written after the fact (the
/// demo's past swaps): [`save`] stamps the time of writing.
pub async fn set_history_times(
    db: &Db,
    id: SwapId,
    confirmed_at: DateTime<Utc>,
    completed_at: DateTime<Utc>,
) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        sqlx::query("UPDATE swaps SET confirmed_at = $2, completed_at = $3, updated_at = $3 WHERE id = $1")
            .bind(id.0)
            .bind(confirmed_at)
            .bind(completed_at)
            .execute(&mut *tx)
            .await?;
    });
    Ok(())
}

/// Writes a changed swap over the version it was read at; `swap.version` is that version.
pub async fn save(db: &Db, swap: &Swap, effects: &Effects) -> Result<(), StoreError> {
    save_with_agreement(db, swap, None, effects).await
}

/// [`save`], also storing the agreement generated by this change, in the same transaction.
pub async fn save_with_agreement(
    db: &Db,
    swap: &Swap,
    agreement: Option<&crate::agreements::NewAgreement>,
    effects: &Effects,
) -> Result<(), StoreError> {
    let at = now();
    write_tx!(db, tx => {
        let changed = sqlx::query(
            "UPDATE swaps SET state = $3, version = version + 1, agreement_hash = $4, end_reason = $5, updated_at = $6, \
             completed_at = CASE WHEN $3 = 'completed' AND completed_at IS NULL THEN $6 ELSE completed_at END, \
             confirmed_at = CASE WHEN $3 = 'confirmed' AND confirmed_at IS NULL THEN $6 ELSE confirmed_at END \
             WHERE id = $1 AND version = $2",
        )
        .bind(swap.id.0)
        .bind(swap.version)
        .bind(swap.state.code())
        .bind(&swap.agreement_hash)
        .bind(&swap.end_reason)
        .bind(at)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::Conflict);
        }
        if let Some(a) = agreement {
            sqlx::query("INSERT INTO agreements (swap_id, lang, hash, pdf, templates, generated_at) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(swap.id.0)
                .bind(&a.lang)
                .bind(&a.hash)
                .bind(&a.pdf)
                .bind(&a.templates)
                .bind(at)
                .execute(&mut *tx)
                .await?;
        }
        write_children!(tx, swap);
        write_effects!(tx, effects);
    });
    Ok(())
}

#[derive(sqlx::FromRow)]
struct SwapRow {
    id: Uuid,
    week: String,
    proposer_id: Uuid,
    message: Option<String>,
    state: String,
    version: i64,
    agreement_hash: Option<String>,
    end_reason: Option<String>,
    created_at: DateTime<Utc>,
    round_id: Option<Uuid>,
}

#[derive(sqlx::FromRow)]
struct ApprovalRow {
    swap_id: Uuid,
    leg: i64,
    side: String,
    org_id: Uuid,
    deadline: DateTime<Utc>,
    delegate_id: Option<Uuid>,
    status: String,
    decided_by: Option<Uuid>,
    decided_at: Option<DateTime<Utc>>,
    comment: Option<String>,
    reason_kind: Option<String>,
    reason_text: Option<String>,
}

#[derive(sqlx::FromRow)]
struct BodyRow {
    swap_id: Uuid,
    org_id: Uuid,
    body: String,
    rule: String,
    status: String,
    decided_by: Option<Uuid>,
    decided_at: Option<DateTime<Utc>>,
    reason: Option<String>,
}

fn approval_of(r: ApprovalRow) -> Result<Approval, StoreError> {
    let by = r.decided_by.map(UserId);
    let status = match (r.status.as_str(), by, r.decided_at) {
        ("pending", _, _) => ApprovalStatus::Pending,
        ("approved", Some(by), Some(at)) => ApprovalStatus::Approved { by, at, comment: r.comment },
        ("declined", Some(by), Some(at)) => {
            let kind = r.reason_kind.unwrap_or_default();
            let reason = DeclineReason::parse(&kind, r.reason_text.as_deref().unwrap_or(""))
                .map_err(|_| corrupt("reason", &kind))?;
            ApprovalStatus::Declined { by, at, reason }
        }
        (s, _, _) => return Err(corrupt("approval status", s)),
    };
    Ok(Approval {
        leg: usize_of(r.leg)?,
        side: Side::from_code(&r.side).ok_or_else(|| corrupt("side", &r.side))?,
        org: OrgId(r.org_id),
        deadline: r.deadline,
        delegate: r.delegate_id.map(UserId),
        status,
    })
}

fn body_of(r: BodyRow) -> Result<BodyStep, StoreError> {
    let status = match (r.status.as_str(), r.decided_by.map(UserId), r.decided_at) {
        ("pending", _, _) => BodyStatus::Pending,
        ("informed", _, Some(at)) => BodyStatus::Informed { at },
        ("consented", Some(by), Some(at)) => BodyStatus::Consented { by, at },
        ("refused", Some(by), Some(at)) => BodyStatus::Refused { by, at, reason: r.reason.unwrap_or_default() },
        (s, _, _) => return Err(corrupt("body status", s)),
    };
    Ok(BodyStep {
        org: OrgId(r.org_id),
        body: Body::from_code(&r.body).ok_or_else(|| corrupt("body", &r.body))?,
        rule: PolicyRule::from_code(&r.rule).ok_or_else(|| corrupt("rule", &r.rule))?,
        status,
    })
}

/// One swap, whole.
pub async fn get(db: &Db, id: SwapId) -> Result<Swap, StoreError> {
    load(db, "s.id = $1", id.0).await?.into_iter().next().ok_or(StoreError::NotFound)
}

/// The swaps a person is a member of, newest first.
pub async fn of_member(db: &Db, user: UserId) -> Result<Vec<Swap>, StoreError> {
    load(db, "s.id IN (SELECT swap_id FROM swap_members WHERE user_id = $1)", user.0).await
}

/// The week and state of each swap `user` has accepted (the proposer by proposing), in one
/// query: what the week lists need, without reading whole swaps.
pub async fn accepted_weeks(db: &Db, user: UserId) -> Result<Vec<(IsoWeek, SwapState)>, StoreError> {
    let q = "SELECT s.week, s.state FROM swaps s JOIN swap_members m ON m.swap_id = s.id \
             WHERE m.user_id = $1 AND m.accepted = TRUE";
    let rows: Vec<(String, String)> = on_db!(db, pool => sqlx::query_as(q).bind(user.0).fetch_all(pool).await?);
    rows.into_iter()
        .map(|(week, state)| {
            Ok((
                IsoWeek::parse("week", &week).map_err(|_| corrupt("week", &week))?,
                SwapState::from_code(&state).ok_or_else(|| corrupt("state", &state))?,
            ))
        })
        .collect()
}

/// The swaps that concern an organisation (one of its people goes or comes), newest first.
pub async fn of_organisation(db: &Db, org: OrgId) -> Result<Vec<Swap>, StoreError> {
    load(db, "s.id IN (SELECT swap_id FROM swap_members WHERE org_id = $1)", org.0).await
}

/// A member of a swap with their signature, if they signed.
type MemberRow = (Uuid, Uuid, Uuid, bool, Option<DateTime<Utc>>, Option<String>);

/// The swaps matching `filter` (a condition on `s`, the swaps table, with one parameter),
/// newest first: four queries however many swaps there are.
async fn load(db: &Db, filter: &'static str, bind: Uuid) -> Result<Vec<Swap>, StoreError> {
    let q = format!(
        "SELECT s.id, s.week, s.proposer_id, s.message, s.state, s.version, s.agreement_hash, s.end_reason, \
         s.created_at, s.round_id FROM swaps s WHERE {filter} ORDER BY s.created_at DESC, s.id DESC"
    );
    let of = |table: &str, cols: &str, order: &str| {
        format!(
            "SELECT swap_id, {cols} FROM {table} WHERE swap_id IN (SELECT s.id FROM swaps s WHERE {filter}) ORDER BY swap_id, {order}"
        )
    };
    // Each signature is a member's: both come in one statement.
    let qm = format!(
        "SELECT m.swap_id, m.user_id, m.org_id, m.accepted, g.signed_at, g.document_hash FROM swap_members m \
         LEFT JOIN swap_signatures g ON g.swap_id = m.swap_id AND g.user_id = m.user_id \
         WHERE m.swap_id IN (SELECT s.id FROM swaps s WHERE {filter}) ORDER BY m.swap_id, m.position"
    );
    let qa = of(
        "swap_approvals",
        "leg, side, org_id, deadline, delegate_id, status, decided_by, decided_at, comment, reason_kind, reason_text",
        "idx",
    );
    let qb = of("swap_bodies", "org_id, body, rule, status, decided_by, decided_at, reason", "idx");
    let (rows, members, approvals, bodies) = on_db!(db, pool => {
        let rows: Vec<SwapRow> = sqlx::query_as(&q).bind(bind).fetch_all(pool).await?;
        let members: Vec<MemberRow> = sqlx::query_as(&qm).bind(bind).fetch_all(pool).await?;
        let approvals: Vec<ApprovalRow> = sqlx::query_as(&qa).bind(bind).fetch_all(pool).await?;
        let bodies: Vec<BodyRow> = sqlx::query_as(&qb).bind(bind).fetch_all(pool).await?;
        (rows, members, approvals, bodies)
    });
    // Children arrive ordered by swap; each swap takes its own, in their order.
    let mut members_of: HashMap<Uuid, Vec<Member>> = HashMap::new();
    let mut signatures_of: HashMap<Uuid, Vec<Signature>> = HashMap::new();
    for (swap, u, o, accepted, signed) in members.into_iter().map(|(s, u, o, a, at, h)| (s, u, o, a, at.zip(h))) {
        members_of.entry(swap).or_default().push(Member { user: UserId(u), org: OrgId(o), accepted });
        if let Some((at, document_hash)) = signed {
            signatures_of.entry(swap).or_default().push(Signature { user: UserId(u), at, document_hash });
        }
    }
    // Signatures in the order they were given.
    for signatures in signatures_of.values_mut() {
        signatures.sort_by_key(|g| (g.at, g.user));
    }
    let mut approvals_of: HashMap<Uuid, Vec<Approval>> = HashMap::new();
    for r in approvals {
        approvals_of.entry(r.swap_id).or_default().push(approval_of(r)?);
    }
    let mut bodies_of: HashMap<Uuid, Vec<BodyStep>> = HashMap::new();
    for r in bodies {
        bodies_of.entry(r.swap_id).or_default().push(body_of(r)?);
    }
    rows.into_iter()
        .map(|row| {
            Ok(Swap {
                id: SwapId(row.id),
                week: IsoWeek::parse("week", &row.week).map_err(|_| corrupt("week", &row.week))?,
                proposer: UserId(row.proposer_id),
                message: row.message,
                members: members_of.remove(&row.id).unwrap_or_default(),
                state: SwapState::from_code(&row.state).ok_or_else(|| corrupt("state", &row.state))?,
                version: row.version,
                approvals: approvals_of.remove(&row.id).unwrap_or_default(),
                bodies: bodies_of.remove(&row.id).unwrap_or_default(),
                agreement_hash: row.agreement_hash,
                signatures: signatures_of.remove(&row.id).unwrap_or_default(),
                end_reason: row.end_reason,
                round: row.round_id.map(RoundId),
                created_at: row.created_at,
            })
        })
        .collect()
}

/// Swaps with an approval that passed its deadline undecided (for the worker).
pub async fn with_expired_approvals(db: &Db, at: DateTime<Utc>) -> Result<Vec<SwapId>, StoreError> {
    let q = "SELECT DISTINCT a.swap_id FROM swap_approvals a JOIN swaps s ON s.id = a.swap_id \
             WHERE s.state = 'approvals_pending' AND a.status = 'pending' AND a.deadline <= $1";
    let rows: Vec<Uuid> = on_db!(db, pool => sqlx::query_scalar(q).bind(at).fetch_all(pool).await?);
    Ok(rows.into_iter().map(SwapId).collect())
}

/// Pending approvals whose deadline comes within `within` and which were not reminded yet:
/// (swap, approval index, organisation, delegate).
pub async fn approvals_to_remind(
    db: &Db,
    at: DateTime<Utc>,
    within: chrono::Duration,
) -> Result<Vec<(SwapId, usize, OrgId, Option<UserId>)>, StoreError> {
    let q = "SELECT a.swap_id, a.idx, a.org_id, a.delegate_id FROM swap_approvals a JOIN swaps s ON s.id = a.swap_id \
             WHERE s.state = 'approvals_pending' AND a.status = 'pending' AND a.reminded_at IS NULL AND a.deadline > $1 AND a.deadline <= $2";
    let rows: Vec<(Uuid, i64, Uuid, Option<Uuid>)> =
        on_db!(db, pool => sqlx::query_as(q).bind(at).bind(at + within).fetch_all(pool).await?);
    rows.into_iter().map(|(s, i, o, d)| Ok((SwapId(s), usize_of(i)?, OrgId(o), d.map(UserId)))).collect()
}

/// Records that a reminder went out, with its mails, once.
pub async fn mark_reminded(db: &Db, swap: SwapId, approval: usize, effects: &Effects) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let n = sqlx::query("UPDATE swap_approvals SET reminded_at = $3 WHERE swap_id = $1 AND idx = $2 AND reminded_at IS NULL")
            .bind(swap.0)
            .bind(idx(approval))
            .bind(now())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n == 1 {
            write_effects!(tx, effects);
        }
    });
    Ok(())
}
