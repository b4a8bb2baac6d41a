//! Contacts: people as a notification or a page needs them (name, address, language), looked
//! up by id, by role in an organisation, or as the network's organisers. Each lookup is one
//! query, however many people it returns.

use crate::{Db, StoreError, on_db};
use domain::values::Locale;
use domain::{OrgId, UserId};
use std::collections::HashMap;
use uuid::Uuid;

/// A person as a notification needs them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub locale: Locale,
    /// Whether the person takes notices that need no action once a day, in one mail.
    pub digest: bool,
}

type Row = (Uuid, String, String, String, bool);

fn contact((id, email, name, locale, digest): Row) -> Contact {
    Contact { id: UserId(id), email, name, locale: Locale::from_code(&locale).unwrap_or_default(), digest }
}

/// The people with these ids that exist, in the order of `users` (each once).
pub async fn of(db: &Db, users: &[UserId]) -> Result<Vec<Contact>, StoreError> {
    let mut wanted: Vec<UserId> = users.to_vec();
    wanted.sort();
    wanted.dedup();
    let mut found: HashMap<UserId, Contact> = HashMap::with_capacity(wanted.len());
    // Bound values per statement stay far below SQLite's limit.
    for chunk in wanted.chunks(500) {
        let ph: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let q =
            format!("SELECT id, email, display_name, locale, mail_digest FROM users WHERE id IN ({})", ph.join(", "));
        let rows: Vec<Row> = on_db!(db, pool => {
            let mut query = sqlx::query_as(&q);
            for u in chunk {
                query = query.bind(u.0);
            }
            query.fetch_all(pool).await?
        });
        found.extend(rows.into_iter().map(contact).map(|c| (c.id, c)));
    }
    // In the order asked for, each once (a round asks for tens of thousands at a time).
    Ok(users.iter().filter_map(|u| found.remove(u)).collect())
}

/// People of an organisation holding a role (approvers, a body's members), by name.
pub async fn role_holders(db: &Db, org: OrgId, role: &str) -> Result<Vec<Contact>, StoreError> {
    let q = "SELECT u.id, u.email, u.display_name, u.locale, u.mail_digest FROM users u JOIN user_roles r ON r.user_id = u.id \
             WHERE r.org_id = $1 AND r.role = $2 ORDER BY u.display_name";
    let rows: Vec<Row> = on_db!(db, pool => sqlx::query_as(q).bind(org.0).bind(role).fetch_all(pool).await?);
    Ok(rows.into_iter().map(contact).collect())
}

/// The holders of any of `roles` in any of `orgs` (a swap's two or three organisations), in one
/// query: organisation, role and person, by name.
pub async fn role_holders_in(
    db: &Db,
    orgs: &[OrgId],
    roles: &[String],
) -> Result<Vec<(OrgId, String, Contact)>, StoreError> {
    if orgs.is_empty() || roles.is_empty() {
        return Ok(Vec::new());
    }
    let role_marks: Vec<String> = (1..=roles.len()).map(|i| format!("${i}")).collect();
    let org_marks: Vec<String> = (roles.len() + 1..=roles.len() + orgs.len()).map(|i| format!("${i}")).collect();
    let q = format!(
        "SELECT r.org_id, r.role, u.id, u.email, u.display_name, u.locale, u.mail_digest FROM users u \
         JOIN user_roles r ON r.user_id = u.id WHERE r.role IN ({}) AND r.org_id IN ({}) ORDER BY u.display_name",
        role_marks.join(", "),
        org_marks.join(", ")
    );
    let rows: Vec<(Uuid, String, Uuid, String, String, String, bool)> = on_db!(db, pool => {
        let mut query = sqlx::query_as(&q);
        for r in roles {
            query = query.bind(r.as_str());
        }
        for o in orgs {
            query = query.bind(o.0);
        }
        query.fetch_all(pool).await?
    });
    Ok(rows
        .into_iter()
        .map(|(org, role, id, email, name, locale, digest)| {
            (OrgId(org), role, contact((id, email, name, locale, digest)))
        })
        .collect())
}

/// The network's organisers (who hear of calls for help).
pub async fn organisers(db: &Db) -> Result<Vec<Contact>, StoreError> {
    let q = "SELECT id, email, display_name, locale, mail_digest FROM users WHERE organiser ORDER BY display_name";
    let rows: Vec<Row> = on_db!(db, pool => sqlx::query_as(q).fetch_all(pool).await?);
    Ok(rows.into_iter().map(contact).collect())
}
