//! Organisations: their data, e-mail domains, co-determination policy and the roles people
//! hold in them, and what they tell the matching (location, blocked organisations).

use crate::outbox::Effects;
use crate::{Db, StoreError, on_db, write_effects, write_tx};
use domain::access::OrgRole;
use domain::org::{Body, OrgDraft, OrgKind, Organisation, Policy, PolicyRule, Region};
use domain::round::{GeoPoint, OrgMatching};
use domain::values::Place;
use domain::{OrgId, UserId};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct OrgRow {
    id: Uuid,
    name: String,
    kind: String,
    region: String,
    parent_id: Option<Uuid>,
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {value:?}"))
}

/// Inserts organisation `$id` from `$draft` with its domains and the default policy, inside
/// the caller's transaction `$tx` (an organiser's new organisation, an approved application).
macro_rules! insert_organisation {
    ($tx:ident, $id:expr, $draft:expr) => {{
        let (id, draft): (domain::OrgId, &domain::org::OrgDraft) = ($id, $draft);
        sqlx::query("INSERT INTO organisations (id, name, name_norm, kind, region, parent_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
            .bind(id.0)
            .bind(draft.name.as_str())
            .bind(draft.name.as_str().to_lowercase())
            .bind(draft.kind.code())
            .bind(draft.region.code())
            .bind(draft.parent.map(|p| p.0))
            .bind($crate::now())
            .execute(&mut *$tx)
            .await?;
        for d in &draft.domains {
            sqlx::query("INSERT INTO org_domains (domain, org_id) VALUES ($1, $2)")
                .bind(d.as_str())
                .bind(id.0)
                .execute(&mut *$tx)
                .await?;
        }
        for (body, rule) in domain::org::Policy::default().rules() {
            sqlx::query("INSERT INTO org_policies (org_id, body, rule) VALUES ($1, $2, $3)")
                .bind(id.0)
                .bind(body.code())
                .bind(rule.code())
                .execute(&mut *$tx)
                .await?;
        }
    }};
}
pub(crate) use insert_organisation;

/// Creates an organisation with its domains and the default policy.
pub async fn create(db: &Db, draft: &OrgDraft, effects: &Effects) -> Result<OrgId, StoreError> {
    let id = OrgId::new();
    write_tx!(db, tx => {
        insert_organisation!(tx, id, draft);
        write_effects!(tx, effects);
    });
    Ok(id)
}

/// Replaces an organisation's name, kind, region, umbrella and domains.
pub async fn update(db: &Db, id: OrgId, draft: &OrgDraft, effects: &Effects) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let changed = sqlx::query("UPDATE organisations SET name = $2, name_norm = $3, kind = $4, region = $5, parent_id = $6 WHERE id = $1")
            .bind(id.0)
            .bind(draft.name.as_str())
            .bind(draft.name.as_str().to_lowercase())
            .bind(draft.kind.code())
            .bind(draft.region.code())
            .bind(draft.parent.map(|p| p.0))
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query("DELETE FROM org_domains WHERE org_id = $1").bind(id.0).execute(&mut *tx).await?;
        for d in &draft.domains {
            sqlx::query("INSERT INTO org_domains (domain, org_id) VALUES ($1, $2)")
                .bind(d.as_str())
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

/// Stores a new policy for every body.
pub async fn set_policy(db: &Db, id: OrgId, policy: &Policy, effects: &Effects) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        for (body, rule) in policy.rules() {
            sqlx::query(
                "INSERT INTO org_policies (org_id, body, rule) VALUES ($1, $2, $3) \
                 ON CONFLICT (org_id, body) DO UPDATE SET rule = excluded.rule",
            )
            .bind(id.0)
            .bind(body.code())
            .bind(rule.code())
            .execute(&mut *tx)
            .await?;
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

fn to_org(row: OrgRow, domains: Vec<String>, rules: Vec<(String, String)>) -> Result<Organisation, StoreError> {
    let policy = rules
        .iter()
        .map(|(b, r)| {
            Ok((
                Body::from_code(b).ok_or_else(|| corrupt("body", b))?,
                PolicyRule::from_code(r).ok_or_else(|| corrupt("rule", r))?,
            ))
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(Organisation {
        id: OrgId(row.id),
        kind: OrgKind::from_code(&row.kind).ok_or_else(|| corrupt("kind", &row.kind))?,
        region: Region::from_code(&row.region).ok_or_else(|| corrupt("region", &row.region))?,
        name: row.name,
        parent: row.parent_id.map(OrgId),
        domains,
        policy: Policy::from_rules(policy),
    })
}

/// One organisation with its domains and policy.
pub async fn get(db: &Db, id: OrgId) -> Result<Organisation, StoreError> {
    let q = "SELECT id, name, kind, region, parent_id FROM organisations WHERE id = $1";
    let qd = "SELECT domain FROM org_domains WHERE org_id = $1 ORDER BY domain";
    let qp = "SELECT body, rule FROM org_policies WHERE org_id = $1";
    let (row, domains, rules) = on_db!(db, pool => {
        let row: Option<OrgRow> = sqlx::query_as(q).bind(id.0).fetch_optional(pool).await?;
        let domains: Vec<String> = sqlx::query_scalar(qd).bind(id.0).fetch_all(pool).await?;
        let rules: Vec<(String, String)> = sqlx::query_as(qp).bind(id.0).fetch_all(pool).await?;
        (row, domains, rules)
    });
    to_org(row.ok_or(StoreError::NotFound)?, domains, rules)
}

/// The names of the organisations `ids` that exist, in one query.
pub async fn names(db: &Db, ids: &[OrgId]) -> Result<std::collections::HashMap<OrgId, String>, StoreError> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    let ph: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let q = format!("SELECT id, name FROM organisations WHERE id IN ({})", ph.join(", "));
    let rows: Vec<(Uuid, String)> = on_db!(db, pool => {
        let mut query = sqlx::query_as(&q);
        for o in ids {
            query = query.bind(o.0);
        }
        query.fetch_all(pool).await?
    });
    Ok(rows.into_iter().map(|(id, name)| (OrgId(id), name)).collect())
}

/// A line of the organisations list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OrgSummary {
    pub id: OrgId,
    pub name: String,
    pub kind: OrgKind,
    pub region: Region,
    pub parent: Option<OrgId>,
    pub parent_name: Option<String>,
}

/// All organisations by name.
pub async fn list(db: &Db) -> Result<Vec<OrgSummary>, StoreError> {
    let q = "SELECT o.id, o.name, o.kind, o.region, o.parent_id, p.name FROM organisations o \
             LEFT JOIN organisations p ON p.id = o.parent_id ORDER BY o.name_norm";
    let rows: Vec<(Uuid, String, String, String, Option<Uuid>, Option<String>)> =
        on_db!(db, pool => sqlx::query_as(q).fetch_all(pool).await?);
    rows.into_iter()
        .map(|(id, name, kind, region, parent, parent_name)| {
            Ok(OrgSummary {
                id: OrgId(id),
                kind: OrgKind::from_code(&kind).ok_or_else(|| corrupt("kind", &kind))?,
                region: Region::from_code(&region).ok_or_else(|| corrupt("region", &region))?,
                name,
                parent: parent.map(OrgId),
                parent_name,
            })
        })
        .collect()
}

/// The member organisation that owns an e-mail domain, if any.
pub async fn by_domain(db: &Db, domain: &str) -> Result<Option<OrgId>, StoreError> {
    let q = "SELECT org_id FROM org_domains WHERE domain = $1";
    let id: Option<Uuid> = on_db!(db, pool => sqlx::query_scalar(q).bind(domain).fetch_optional(pool).await?);
    Ok(id.map(OrgId))
}

/// Gives a person of the organisation a role.
pub async fn grant_role(db: &Db, org: OrgId, user: UserId, role: OrgRole, effects: &Effects) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let member: Option<Uuid> = sqlx::query_scalar("SELECT id FROM users WHERE id = $1 AND org_id = $2 AND erased_at IS NULL")
            .bind(user.0)
            .bind(org.0)
            .fetch_optional(&mut *tx)
            .await?;
        if member.is_none() {
            return Err(StoreError::NotFound);
        }
        sqlx::query("INSERT INTO user_roles (user_id, org_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
            .bind(user.0)
            .bind(org.0)
            .bind(role.code())
            .execute(&mut *tx)
            .await?;
        write_effects!(tx, effects);
    });
    Ok(())
}

/// Takes a role away.
pub async fn revoke_role(
    db: &Db,
    org: OrgId,
    user: UserId,
    role: OrgRole,
    effects: &Effects,
) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        sqlx::query("DELETE FROM user_roles WHERE user_id = $1 AND org_id = $2 AND role = $3")
            .bind(user.0)
            .bind(org.0)
            .bind(role.code())
            .execute(&mut *tx)
            .await?;
        write_effects!(tx, effects);
    });
    Ok(())
}

/// A person of an organisation with their roles there (for the admin's member list).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Member {
    pub user_id: UserId,
    pub display_name: String,
    pub email: String,
    pub roles: Vec<OrgRole>,
}

/// Everyone of an organisation (erased accounts' tombstones aside), with their roles, by name.
pub async fn members(db: &Db, org: OrgId) -> Result<Vec<Member>, StoreError> {
    let q = "SELECT id, display_name, email FROM users WHERE org_id = $1 AND erased_at IS NULL ORDER BY display_name";
    let qr = "SELECT user_id, role FROM user_roles WHERE org_id = $1";
    let (people, roles): (Vec<(Uuid, String, String)>, Vec<(Uuid, String)>) = on_db!(db, pool => (
        sqlx::query_as(q).bind(org.0).fetch_all(pool).await?,
        sqlx::query_as(qr).bind(org.0).fetch_all(pool).await?,
    ));
    Ok(with_roles(people, &roles))
}

/// One page of an organisation's people by name, those whose name (or, with `by_address`,
/// address) contains `search` in any case, with how many match in all.
pub async fn members_page(
    db: &Db,
    org: OrgId,
    search: &str,
    by_address: bool,
    page: (u32, u32),
) -> Result<(Vec<Member>, i64), StoreError> {
    let (page, page_size) = page;
    let pattern = format!("%{}%", search.trim().to_lowercase().replace(['%', '_'], ""));
    let filter = if by_address {
        "FROM users WHERE org_id = $1 AND erased_at IS NULL AND (LOWER(display_name) LIKE $2 OR email_norm LIKE $2)"
    } else {
        "FROM users WHERE org_id = $1 AND erased_at IS NULL AND LOWER(display_name) LIKE $2"
    };
    let q = format!("SELECT id, display_name, email {filter} ORDER BY display_name, id LIMIT $3 OFFSET $4");
    let qc = format!("SELECT COUNT(*) {filter}");
    let qr = "SELECT user_id, role FROM user_roles WHERE org_id = $1";
    let offset = i64::from(page) * i64::from(page_size);
    let (people, total, roles): (Vec<(Uuid, String, String)>, i64, Vec<(Uuid, String)>) = on_db!(db, pool => (
        sqlx::query_as(&q).bind(org.0).bind(&pattern).bind(i64::from(page_size)).bind(offset).fetch_all(pool).await?,
        sqlx::query_scalar(&qc).bind(org.0).bind(&pattern).fetch_one(pool).await?,
        sqlx::query_as(qr).bind(org.0).fetch_all(pool).await?,
    ));
    Ok((with_roles(people, &roles), total))
}

/// People (id, name, address) with their roles among `roles` (user id, role code).
fn with_roles(people: Vec<(Uuid, String, String)>, roles: &[(Uuid, String)]) -> Vec<Member> {
    people
        .into_iter()
        .map(|(id, display_name, email)| Member {
            user_id: UserId(id),
            display_name,
            email,
            roles: roles.iter().filter(|(u, _)| *u == id).filter_map(|(_, r)| OrgRole::from_code(r)).collect(),
        })
        .collect()
}

/// Where an organisation is and whom it does not swap with.
pub async fn matching(db: &Db, id: OrgId) -> Result<OrgMatching, StoreError> {
    let q = "SELECT place, lat_e6, lon_e6 FROM organisations WHERE id = $1";
    let qb = "SELECT b.blocked_org_id FROM org_blocks b JOIN organisations o ON o.id = b.blocked_org_id \
              WHERE b.org_id = $1 ORDER BY o.name_norm";
    let (row, blocked) = on_db!(db, pool => {
        let row: Option<(Option<String>, Option<i32>, Option<i32>)> = sqlx::query_as(q).bind(id.0).fetch_optional(pool).await?;
        let blocked: Vec<Uuid> = sqlx::query_scalar(qb).bind(id.0).fetch_all(pool).await?;
        (row, blocked)
    });
    let (place, lat, lon) = row.ok_or(StoreError::NotFound)?;
    Ok(OrgMatching {
        place: place.map(|p| Place::parse("place", &p).map_err(|_| corrupt("place", &p))).transpose()?,
        location: lat.zip(lon).and_then(|(a, o)| GeoPoint::from_micro(a, o)),
        blocked: blocked.into_iter().map(OrgId).collect(),
    })
}

/// Replaces an organisation's matching settings.
pub async fn set_matching(db: &Db, id: OrgId, m: &OrgMatching, effects: &Effects) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let done = sqlx::query("UPDATE organisations SET place = $2, lat_e6 = $3, lon_e6 = $4 WHERE id = $1")
            .bind(id.0)
            .bind(m.place.as_ref().map(|p| p.as_str().to_owned()))
            .bind(m.location.map(|l| l.lat_e6))
            .bind(m.location.map(|l| l.lon_e6))
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query("DELETE FROM org_blocks WHERE org_id = $1").bind(id.0).execute(&mut *tx).await?;
        for b in &m.blocked {
            sqlx::query("INSERT INTO org_blocks (org_id, blocked_org_id) VALUES ($1, $2)")
                .bind(id.0)
                .bind(b.0)
                .execute(&mut *tx)
                .await?;
        }
        write_effects!(tx, effects);
    });
    Ok(())
}
