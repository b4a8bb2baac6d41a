//! The raw facts behind the figures of an organisation, an umbrella association's members or
//! the whole network: one row per swap, one per person in a swap, and the counts of decline
//! reasons, reflections and learning topics. The application counts and suppresses them
//! (`app::figures`); nothing here is shown as it is.
//!
//! Every query takes the same [`Scope`] and [`Span`] (the proposals' dates), so that the
//! figures of one page speak of the same swaps. One SQL text per query serves both databases;
//! the scope decides which `EXISTS` clause is added and whether a third parameter is bound.

use crate::{Db, StoreError, on_db};
use chrono::{DateTime, Utc};
use domain::OrgId;
use uuid::Uuid;

/// Whose swaps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Network,
    /// Swaps with a person of this organisation.
    Org(OrgId),
    /// Swaps with a person of this association or of an organisation that names it its umbrella.
    Umbrella(OrgId),
}

impl Scope {
    /// The condition that a row of `orgs` (an alias of `organisations`) belongs to the scope.
    fn org_clause(self, orgs: &str) -> String {
        match self {
            Scope::Network => "1 = 1".to_owned(),
            Scope::Org(_) => format!("{orgs}.id = $3"),
            Scope::Umbrella(_) => format!("({orgs}.id = $3 OR {orgs}.parent_id = $3)"),
        }
    }

    /// The condition that swap `s` has a person in the scope.
    fn swap_clause(self) -> String {
        match self {
            Scope::Network => "1 = 1".to_owned(),
            _ => format!(
                "EXISTS (SELECT 1 FROM swap_members x JOIN organisations xo ON xo.id = x.org_id \
                 WHERE x.swap_id = s.id AND {})",
                self.org_clause("xo")
            ),
        }
    }

    fn org(self) -> Option<Uuid> {
        match self {
            Scope::Network => None,
            Scope::Org(o) | Scope::Umbrella(o) => Some(o.0),
        }
    }
}

/// The swaps proposed from `from` (inclusive) to `until` (exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub from: DateTime<Utc>,
    pub until: DateTime<Utc>,
}

/// Binds the span as `$1`, `$2` and the scope's organisation as `$3` when it has one.
macro_rules! bound {
    ($q:expr, $span:expr, $scope:expr) => {{
        let q = $q.bind($span.from).bind($span.until);
        match $scope.org() {
            Some(o) => q.bind(o),
            None => q,
        }
    }};
}

/// One swap in the scope.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SwapFact {
    pub id: Uuid,
    pub state: String,
    pub created_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub end_reason: Option<String>,
    /// Its approvals, and how many of them were given.
    pub approvals: i64,
    pub approved: i64,
}

pub async fn swaps(db: &Db, scope: Scope, span: Span) -> Result<Vec<SwapFact>, StoreError> {
    let q = format!(
        "SELECT s.id, s.state, s.created_at, s.confirmed_at, s.end_reason, \
         COALESCE(a.n, 0) AS approvals, COALESCE(a.ok, 0) AS approved FROM swaps s \
         LEFT JOIN (SELECT swap_id, COUNT(*) AS n, SUM(CASE WHEN status = 'approved' THEN 1 ELSE 0 END) AS ok \
                    FROM swap_approvals GROUP BY swap_id) a ON a.swap_id = s.id \
         WHERE s.created_at >= $1 AND s.created_at < $2 AND {}",
        scope.swap_clause()
    );
    Ok(on_db!(db, pool => bound!(sqlx::query_as(&q), span, scope).fetch_all(pool).await?))
}

/// A person in a swap of the scope, by their organisation's federal state and kind (partners
/// of other organisations too: an organisation sees where its swaps led).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MemberFact {
    pub swap_id: Uuid,
    pub region: String,
    pub kind: String,
}

pub async fn members(db: &Db, scope: Scope, span: Span) -> Result<Vec<MemberFact>, StoreError> {
    let q = format!(
        "SELECT m.swap_id, o.region, o.kind FROM swap_members m \
         JOIN organisations o ON o.id = m.org_id JOIN swaps s ON s.id = m.swap_id \
         WHERE s.created_at >= $1 AND s.created_at < $2 AND {}",
        scope.swap_clause()
    );
    Ok(on_db!(db, pool => bound!(sqlx::query_as(&q), span, scope).fetch_all(pool).await?))
}

/// How often the scope's approvers declined, by reason (`no_management_approval`, `staffing`,
/// `other`).
pub async fn decline_reasons(db: &Db, scope: Scope, span: Span) -> Result<Vec<(String, i64)>, StoreError> {
    let q = format!(
        "SELECT COALESCE(a.reason_kind, 'other'), COUNT(*) FROM swap_approvals a \
         JOIN swaps s ON s.id = a.swap_id JOIN organisations ao ON ao.id = a.org_id \
         WHERE a.status = 'declined' AND s.created_at >= $1 AND s.created_at < $2 AND {} \
         GROUP BY COALESCE(a.reason_kind, 'other')",
        scope.org_clause("ao")
    );
    Ok(on_db!(db, pool => bound!(sqlx::query_as(&q), span, scope).fetch_all(pool).await?))
}

/// The reflections of the scope's people: how many would recommend a swap, how many not.
pub async fn recommendations(db: &Db, scope: Scope, span: Span) -> Result<(i64, i64), StoreError> {
    let q = format!(
        "SELECT COALESCE(SUM(CASE WHEN r.recommend THEN 1 ELSE 0 END), 0), \
                COALESCE(SUM(CASE WHEN r.recommend THEN 0 ELSE 1 END), 0) \
         FROM swap_reflections r JOIN swap_members m ON m.swap_id = r.swap_id AND m.user_id = r.user_id \
         JOIN organisations mo ON mo.id = m.org_id JOIN swaps s ON s.id = r.swap_id \
         WHERE s.created_at >= $1 AND s.created_at < $2 AND {}",
        scope.org_clause("mo")
    );
    Ok(on_db!(db, pool => bound!(sqlx::query_as(&q), span, scope).fetch_one(pool).await?))
}

/// What the scope's people who wrote a reflection went to learn (their profile's topics), the
/// topics that at least `at_least` of them named, most named first, at most `limit`. Rarer
/// topics never leave the database: a rare topic could name a person.
pub async fn learned_topics(
    db: &Db,
    scope: Scope,
    span: Span,
    at_least: i64,
    limit: i64,
) -> Result<Vec<(String, i64)>, StoreError> {
    let q = format!(
        "SELECT MIN(t.topic), COUNT(DISTINCT r.user_id) AS people FROM swap_reflections r \
         JOIN swap_members m ON m.swap_id = r.swap_id AND m.user_id = r.user_id \
         JOIN organisations mo ON mo.id = m.org_id JOIN swaps s ON s.id = r.swap_id \
         JOIN profile_topics t ON t.user_id = r.user_id AND t.kind = 'learn' \
         WHERE s.created_at >= $1 AND s.created_at < $2 AND {} \
         GROUP BY t.topic_norm HAVING COUNT(DISTINCT r.user_id) >= {at_least} \
         ORDER BY people DESC, MIN(t.topic_norm) LIMIT {limit}",
        scope.org_clause("mo")
    );
    Ok(on_db!(db, pool => bound!(sqlx::query_as(&q), span, scope).fetch_all(pool).await?))
}
