//! The network grows: the framework agreement's versions, employers' applications to join with
//! the organisers' questions and decisions (approval creates the organisation and invites its
//! first admin in the same transaction), what each organisation shows in public, and the facts
//! behind a new organisation's setup checklist.

use crate::orgs::insert_organisation;
use crate::outbox::Effects;
use crate::users::insert_invitation;
use crate::{Db, StoreError, now, on_db, write_effects, write_tx};
use chrono::{DateTime, Utc};
use domain::access::OrgRole;
use domain::network::{ApplicationDraft, ApplicationState, Visibility};
use domain::org::{OrgDraft, OrgKind, Region};
use domain::round::GeoPoint;
use domain::{OrgId, UserId};
use uuid::Uuid;

/// One version of the network's framework agreement.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Framework {
    pub version: i64,
    pub title: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

const FRAMEWORK_COLUMNS: &str = "version, title, body, created_at";

/// The version applicants accept now (the newest).
pub async fn current_framework(db: &Db) -> Result<Framework, StoreError> {
    let q = format!("SELECT {FRAMEWORK_COLUMNS} FROM framework_agreements ORDER BY version DESC LIMIT 1");
    Ok(on_db!(db, pool => sqlx::query_as(&q).fetch_one(pool).await?))
}

/// One version (the one an application accepted).
pub async fn framework(db: &Db, version: i64) -> Result<Framework, StoreError> {
    let q = format!("SELECT {FRAMEWORK_COLUMNS} FROM framework_agreements WHERE version = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&q).bind(version).fetch_one(pool).await?))
}

/// Every version, newest first.
pub async fn framework_versions(db: &Db) -> Result<Vec<Framework>, StoreError> {
    let q = format!("SELECT {FRAMEWORK_COLUMNS} FROM framework_agreements ORDER BY version DESC");
    Ok(on_db!(db, pool => sqlx::query_as(&q).fetch_all(pool).await?))
}

/// Adds the next version; returns its number.
pub async fn add_framework(db: &Db, title: &str, body: &str, by: UserId, effects: &Effects) -> Result<i64, StoreError> {
    let version = write_tx!(db, tx => {
        let newest: Option<i64> =
            sqlx::query_scalar("SELECT MAX(version) FROM framework_agreements").fetch_one(&mut *tx).await?;
        let version = newest.unwrap_or(0) + 1;
        sqlx::query("INSERT INTO framework_agreements (version, title, body, created_at, created_by) VALUES ($1, $2, $3, $4, $5)")
            .bind(version)
            .bind(title)
            .bind(body)
            .bind(now())
            .bind(by.0)
            .execute(&mut *tx)
            .await?;
        write_effects!(tx, effects);
        version
    });
    Ok(version)
}

/// An application as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Application {
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    /// The applicant's language (`de`, `en`).
    pub lang: String,
    pub name: String,
    pub kind: OrgKind,
    pub region: Region,
    pub parent: Option<OrgId>,
    pub parent_name: Option<String>,
    pub domains: Vec<String>,
    pub place: Option<String>,
    pub point: Option<GeoPoint>,
    pub visibility: Visibility,
    pub admin_name: String,
    pub admin_email: String,
    pub framework_version: i64,
    pub state: ApplicationState,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub decided_at: Option<DateTime<Utc>>,
    /// Who decided (their display name).
    pub decided_by: Option<String>,
    pub refusal_reason: Option<String>,
    /// The organisation made of it.
    pub org_id: Option<OrgId>,
}

impl Application {
    /// The organisation this application describes (for its creation on approval).
    pub fn draft(&self) -> Result<OrgDraft, StoreError> {
        OrgDraft::parse(
            &self.name,
            self.kind.code(),
            self.region.code(),
            &self.parent.map(|p| p.to_string()).unwrap_or_default(),
            &self.domains.join(","),
        )
        .map_err(|e| StoreError::Corrupt(format!("application {}: {e}", self.id)))
    }
}

#[derive(sqlx::FromRow)]
struct ApplicationRow {
    id: Uuid,
    created_at: DateTime<Utc>,
    lang: String,
    name: String,
    kind: String,
    region: String,
    parent_id: Option<Uuid>,
    parent_name: Option<String>,
    domains: String,
    place: Option<String>,
    lat_e6: Option<i32>,
    lon_e6: Option<i32>,
    public_listed: bool,
    public_map: bool,
    admin_name: String,
    admin_email: String,
    framework_version: i64,
    state: String,
    confirmed_at: Option<DateTime<Utc>>,
    decided_at: Option<DateTime<Utc>>,
    decided_by: Option<String>,
    refusal_reason: Option<String>,
    org_id: Option<Uuid>,
}

impl TryFrom<ApplicationRow> for Application {
    type Error = StoreError;
    fn try_from(r: ApplicationRow) -> Result<Self, StoreError> {
        let corrupt = |what: &str, v: &str| StoreError::Corrupt(format!("application {what} {v:?}"));
        Ok(Application {
            id: r.id,
            created_at: r.created_at,
            lang: r.lang,
            name: r.name,
            kind: OrgKind::from_code(&r.kind).ok_or_else(|| corrupt("kind", &r.kind))?,
            region: Region::from_code(&r.region).ok_or_else(|| corrupt("region", &r.region))?,
            parent: r.parent_id.map(OrgId),
            parent_name: r.parent_name,
            domains: r.domains.split(',').filter(|d| !d.is_empty()).map(str::to_owned).collect(),
            place: r.place,
            point: r.lat_e6.zip(r.lon_e6).and_then(|(lat, lon)| GeoPoint::from_micro(lat, lon)),
            visibility: Visibility::chosen(r.public_listed, r.public_map, false),
            admin_name: r.admin_name,
            admin_email: r.admin_email,
            framework_version: r.framework_version,
            state: ApplicationState::from_code(&r.state).ok_or_else(|| corrupt("state", &r.state))?,
            confirmed_at: r.confirmed_at,
            decided_at: r.decided_at,
            decided_by: r.decided_by,
            refusal_reason: r.refusal_reason,
            org_id: r.org_id.map(OrgId),
        })
    }
}

const APPLICATION_COLUMNS: &str = "a.id, a.created_at, a.lang, a.name, a.kind, a.region, a.parent_id, p.name AS parent_name, \
     a.domains, a.place, a.lat_e6, a.lon_e6, a.public_listed, a.public_map, a.admin_name, a.admin_email, \
     a.framework_version, a.state, a.confirmed_at, a.decided_at, u.display_name AS decided_by, a.refusal_reason, a.org_id \
     FROM org_applications a LEFT JOIN organisations p ON p.id = a.parent_id LEFT JOIN users u ON u.id = a.decided_by";

fn applications(rows: Vec<ApplicationRow>) -> Result<Vec<Application>, StoreError> {
    rows.into_iter().map(Application::try_from).collect()
}

/// Keeps a new application (unconfirmed), reachable by the applicant's secret link.
pub async fn create_application(
    db: &Db,
    id: Uuid,
    lang: &str,
    draft: &ApplicationDraft,
    secret_hash: &str,
    effects: &Effects,
) -> Result<(), StoreError> {
    let domains: Vec<&str> = draft.org.domains.iter().map(|d| d.as_str()).collect();
    write_tx!(db, tx => {
        sqlx::query(
            "INSERT INTO org_applications (id, created_at, lang, name, kind, region, parent_id, domains, place, lat_e6, lon_e6, \
             public_listed, public_map, admin_name, admin_email, framework_version, state, secret_hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
        )
        .bind(id)
        .bind(now())
        .bind(lang)
        .bind(draft.org.name.as_str())
        .bind(draft.org.kind.code())
        .bind(draft.org.region.code())
        .bind(draft.org.parent.map(|p| p.0))
        .bind(domains.join(","))
        .bind(draft.seat.as_ref().map(|(p, _)| p.as_str().to_owned()))
        .bind(draft.seat.as_ref().map(|(_, g)| g.lat_e6))
        .bind(draft.seat.as_ref().map(|(_, g)| g.lon_e6))
        .bind(draft.visibility.listed)
        .bind(draft.visibility.map)
        .bind(draft.admin_name.as_str())
        .bind(draft.admin_email.to_string())
        .bind(draft.framework_version)
        .bind(ApplicationState::Unconfirmed.code())
        .bind(secret_hash)
        .execute(&mut *tx)
        .await?;
        write_effects!(tx, effects);
    });
    Ok(())
}

/// How many applications came since `since`, in all or naming the address `to` (the public
/// form's limits against floods).
pub async fn count_since(db: &Db, since: DateTime<Utc>, to: Option<&str>) -> Result<i64, StoreError> {
    let q = "SELECT COUNT(*) FROM org_applications WHERE created_at >= $1 AND ($2 IS NULL OR LOWER(admin_email) = $2)";
    Ok(on_db!(db, pool => sqlx::query_scalar(q).bind(since).bind(to).fetch_one(pool).await?))
}

pub async fn application(db: &Db, id: Uuid) -> Result<Application, StoreError> {
    let q = format!("SELECT {APPLICATION_COLUMNS} WHERE a.id = $1");
    let row: ApplicationRow = on_db!(db, pool => sqlx::query_as(&q).bind(id).fetch_one(pool).await?);
    row.try_into()
}

/// The application behind an applicant's secret link.
pub async fn application_by_secret(db: &Db, secret_hash: &str) -> Result<Application, StoreError> {
    let q = format!("SELECT {APPLICATION_COLUMNS} WHERE a.secret_hash = $1");
    let row: ApplicationRow = on_db!(db, pool => sqlx::query_as(&q).bind(secret_hash).fetch_one(pool).await?);
    row.try_into()
}

/// Every confirmed application: open ones first (oldest first, as they wait), then the decided
/// ones, newest first.
pub async fn confirmed_applications(db: &Db) -> Result<Vec<Application>, StoreError> {
    let q = format!(
        "SELECT {APPLICATION_COLUMNS} WHERE a.state <> 'unconfirmed' \
         ORDER BY CASE WHEN a.state IN ('submitted', 'question') THEN 0 ELSE 1 END, \
         CASE WHEN a.state IN ('submitted', 'question') THEN a.created_at END, a.decided_at DESC"
    );
    let rows: Vec<ApplicationRow> = on_db!(db, pool => sqlx::query_as(&q).fetch_all(pool).await?);
    applications(rows)
}

/// A question of the organisers or an answer of the applicant.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Message {
    pub at: DateTime<Utc>,
    pub from_applicant: bool,
    /// The organiser who asked (their display name).
    pub author: Option<String>,
    pub body: String,
}

pub async fn messages(db: &Db, application: Uuid) -> Result<Vec<Message>, StoreError> {
    let q = "SELECT m.at, m.from_applicant, u.display_name AS author, m.body FROM org_application_messages m \
             LEFT JOIN users u ON u.id = m.author_id WHERE m.application_id = $1 ORDER BY m.at, m.id";
    Ok(on_db!(db, pool => sqlx::query_as(q).bind(application).fetch_all(pool).await?))
}

/// A step of the review that is not the approval: the application moves from `from` to `to`
/// (`Conflict` when it is no longer in `from`), with a message, a decision or a refusal's
/// reason as given.
pub struct Step<'a> {
    pub from: ApplicationState,
    pub to: ApplicationState,
    /// The text of a question (from an organiser) or an answer (from the applicant).
    pub message: Option<(&'a str, Option<UserId>)>,
    /// The organiser who decided (approval or refusal).
    pub decided_by: Option<UserId>,
    pub refusal_reason: Option<&'a str>,
    /// The hash of the applicant's new link (a mail that brings one replaces the old).
    pub new_secret_hash: Option<String>,
}

impl Step<'_> {
    pub fn new(from: ApplicationState, to: ApplicationState) -> Self {
        Self { from, to, message: None, decided_by: None, refusal_reason: None, new_secret_hash: None }
    }
}

pub async fn step(db: &Db, id: Uuid, step: &Step<'_>, effects: &Effects) -> Result<(), StoreError> {
    let at = now();
    write_tx!(db, tx => {
        let confirmed = (step.from == ApplicationState::Unconfirmed).then_some(at);
        let decided = step.decided_by.map(|_| at);
        let n = sqlx::query(
            "UPDATE org_applications SET state = $3, confirmed_at = COALESCE($4, confirmed_at), \
             decided_at = COALESCE($5, decided_at), decided_by = COALESCE($6, decided_by), \
             refusal_reason = COALESCE($7, refusal_reason), secret_hash = COALESCE($8, secret_hash) \
             WHERE id = $1 AND state = $2",
        )
        .bind(id)
        .bind(step.from.code())
        .bind(step.to.code())
        .bind(confirmed)
        .bind(decided)
        .bind(step.decided_by.map(|u| u.0))
        .bind(step.refusal_reason)
        .bind(step.new_secret_hash.as_deref())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::Conflict);
        }
        if let Some((body, author)) = step.message {
            sqlx::query(
                "INSERT INTO org_application_messages (id, application_id, at, from_applicant, author_id, body) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(Uuid::now_v7())
            .bind(id)
            .bind(at)
            .bind(author.is_none())
            .bind(author.map(|a| a.0))
            .bind(body)
            .execute(&mut *tx)
            .await?;
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

/// The invitation that makes the applicant the new organisation's first admin.
pub struct FirstAdmin<'a> {
    pub email_norm: &'a str,
    pub token_hash: &'a str,
    pub expires_at: DateTime<Utc>,
}

/// Approves an open application in one transaction: organisation `org` is created with its
/// domains, seat and public settings, its first admin is invited, and the application notes
/// the decision. `Taken("domains")` or `Taken("name")` when another organisation took them
/// meanwhile; `Conflict` when the application was decided meanwhile.
pub async fn approve(
    db: &Db,
    application: &Application,
    org: OrgId,
    by: UserId,
    admin: &FirstAdmin<'_>,
    effects: &Effects,
) -> Result<OrgId, StoreError> {
    let draft = application.draft()?;
    let at = now();
    write_tx!(db, tx => {
        // The decision first, so that a second organiser deciding at the same moment hears
        // that it was decided; then the organisation, and the application points at it.
        let n = sqlx::query(
            "UPDATE org_applications SET state = 'approved', decided_at = $2, decided_by = $3 \
             WHERE id = $1 AND state IN ('submitted', 'question')",
        )
        .bind(application.id)
        .bind(at)
        .bind(by.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::Conflict);
        }
        insert_organisation!(tx, org, &draft);
        sqlx::query("UPDATE org_applications SET org_id = $2 WHERE id = $1")
            .bind(application.id)
            .bind(org.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE organisations SET place = $2, lat_e6 = $3, lon_e6 = $4, public_listed = $5, public_map = $6 WHERE id = $1",
        )
        .bind(org.0)
        .bind(application.place.as_deref())
        .bind(application.point.map(|p| p.lat_e6))
        .bind(application.point.map(|p| p.lon_e6))
        .bind(application.visibility.listed)
        .bind(application.visibility.map)
        .execute(&mut *tx)
        .await?;
        insert_invitation!(tx, org, admin.email_norm, Some(OrgRole::OrgAdmin), by, admin.token_hash, admin.expires_at);
        write_effects!(tx, effects);
    });
    Ok(org)
}

/// Which of `domains` another organisation holds already.
pub async fn held_domains(db: &Db, domains: &[String]) -> Result<Vec<String>, StoreError> {
    if domains.is_empty() {
        return Ok(Vec::new());
    }
    let marks = (1..=domains.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
    let q = format!("SELECT domain FROM org_domains WHERE domain IN ({marks}) ORDER BY domain");
    Ok(on_db!(db, pool => {
        let mut query = sqlx::query_scalar(&q);
        for d in domains {
            query = query.bind(d);
        }
        query.fetch_all(pool).await?
    }))
}

/// Whether an organisation of this name (compared in lower case) exists.
pub async fn name_taken(db: &Db, name: &str) -> Result<bool, StoreError> {
    let q = "SELECT COUNT(*) FROM organisations WHERE name_norm = $1";
    let n: i64 = on_db!(db, pool => sqlx::query_scalar(q).bind(name.to_lowercase()).fetch_one(pool).await?);
    Ok(n > 0)
}

/// What an organisation shows in public.
pub async fn visibility(db: &Db, org: OrgId) -> Result<Visibility, StoreError> {
    let q = "SELECT public_listed, public_map, public_swaps FROM organisations WHERE id = $1";
    let (l, m, s): (bool, bool, bool) = on_db!(db, pool => sqlx::query_as(q).bind(org.0).fetch_one(pool).await?);
    Ok(Visibility::chosen(l, m, s))
}

pub async fn set_visibility(db: &Db, org: OrgId, v: Visibility, effects: &Effects) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let n = sqlx::query("UPDATE organisations SET public_listed = $2, public_map = $3, public_swaps = $4 WHERE id = $1")
            .bind(org.0)
            .bind(v.listed)
            .bind(v.map)
            .bind(v.swaps)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

/// A member organisation as the public sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicMember {
    pub id: OrgId,
    pub name: String,
    pub kind: OrgKind,
    pub region: Region,
    pub parent: Option<OrgId>,
    pub since: DateTime<Utc>,
    /// Its seat, if it shows its dot on the map.
    pub place: Option<String>,
    pub point: Option<GeoPoint>,
    /// Its completed swaps, if it shows them.
    pub swaps: Option<i64>,
}

/// A swap counts as completed once its week is over (and when it was evaluated afterwards).
const COMPLETED: &str = "('completed', 'evaluated')";

/// Every organisation that shows its entry in public, by name, with what else it shows.
pub async fn public_members(db: &Db) -> Result<Vec<PublicMember>, StoreError> {
    let q = format!(
        "SELECT o.id, o.name, o.kind, o.region, o.parent_id, o.created_at, o.public_map, o.place, o.lat_e6, o.lon_e6, \
         o.public_swaps, (SELECT COUNT(DISTINCT m.swap_id) FROM swap_members m JOIN swaps s ON s.id = m.swap_id \
         WHERE m.org_id = o.id AND s.state IN {COMPLETED}) \
         FROM organisations o WHERE o.public_listed ORDER BY o.name_norm"
    );
    type Row = (
        Uuid,
        String,
        String,
        String,
        Option<Uuid>,
        DateTime<Utc>,
        bool,
        Option<String>,
        Option<i32>,
        Option<i32>,
        bool,
        i64,
    );
    let rows: Vec<Row> = on_db!(db, pool => sqlx::query_as(&q).fetch_all(pool).await?);
    rows.into_iter()
        .map(|(id, name, kind, region, parent, since, map, place, lat, lon, show_swaps, swaps)| {
            let corrupt = |v: &str| StoreError::Corrupt(format!("organisation {v:?}"));
            Ok(PublicMember {
                id: OrgId(id),
                name,
                kind: OrgKind::from_code(&kind).ok_or_else(|| corrupt(&kind))?,
                region: Region::from_code(&region).ok_or_else(|| corrupt(&region))?,
                parent: parent.map(OrgId),
                since,
                place: place.filter(|_| map),
                point: lat.zip(lon).filter(|_| map).and_then(|(lat, lon)| GeoPoint::from_micro(lat, lon)),
                swaps: show_swaps.then_some(swaps),
            })
        })
        .collect()
}

/// How many swaps of the network are completed.
pub async fn completed_swaps(db: &Db) -> Result<i64, StoreError> {
    let q = format!("SELECT COUNT(*) FROM swaps WHERE state IN {COMPLETED}");
    Ok(on_db!(db, pool => sqlx::query_scalar(&q).fetch_one(pool).await?))
}

/// A member of an umbrella association, as the association's page lists it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct UmbrellaMember {
    pub id: Uuid,
    pub name: String,
    pub kind: String,
    pub region: String,
    pub since: DateTime<Utc>,
    /// Its people with an account.
    pub people: i64,
    pub completed_swaps: i64,
}

/// The organisations that name `umbrella` as their association, by name.
pub async fn umbrella_members(db: &Db, umbrella: OrgId) -> Result<Vec<UmbrellaMember>, StoreError> {
    let q = format!(
        "SELECT o.id, o.name, o.kind, o.region, o.created_at AS since, \
         (SELECT COUNT(*) FROM users u WHERE u.org_id = o.id AND u.erased_at IS NULL) AS people, \
         (SELECT COUNT(DISTINCT m.swap_id) FROM swap_members m JOIN swaps s ON s.id = m.swap_id \
          WHERE m.org_id = o.id AND s.state IN {COMPLETED}) AS completed_swaps \
         FROM organisations o WHERE o.parent_id = $1 ORDER BY o.name_norm"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&q).bind(umbrella.0).fetch_all(pool).await?))
}

/// What a new organisation's setup checklist looks at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SetupFacts {
    /// Audit actions recorded on the organisation (`org.policy`, `org.public`, ...), each once.
    pub actions: Vec<String>,
    /// Roles held in it (`approver`, `body:staff_council`, ...), each once.
    pub roles: Vec<String>,
    /// Its people with an account.
    pub people: i64,
    /// Invitations it sent that are still open or were accepted.
    pub invitations: i64,
    pub has_place: bool,
    /// Its e-mail domains.
    pub domains: i64,
    /// Whether it keeps an agreement template of its own.
    pub own_template: bool,
}

pub async fn setup_facts(db: &Db, org: OrgId) -> Result<SetupFacts, StoreError> {
    let id = org.to_string();
    let qa = "SELECT DISTINCT action FROM audit_log WHERE object_type = 'organisation' AND object_id = $1";
    let qr = "SELECT DISTINCT role FROM user_roles WHERE org_id = $1";
    let qp = "SELECT COUNT(*) FROM users WHERE org_id = $1 AND erased_at IS NULL";
    let qi = "SELECT COUNT(*) FROM invitations WHERE org_id = $1";
    let ql = "SELECT lat_e6 FROM organisations WHERE id = $1";
    let qd = "SELECT COUNT(*) FROM org_domains WHERE org_id = $1";
    let qt = "SELECT COUNT(*) FROM agreement_templates WHERE org_id = $1";
    type Facts = (Vec<String>, Vec<String>, i64, i64, Option<i32>, i64, i64);
    let (actions, roles, people, invitations, lat, domains, templates): Facts = on_db!(db, pool => (
        sqlx::query_scalar(qa).bind(&id).fetch_all(pool).await?,
        sqlx::query_scalar(qr).bind(org.0).fetch_all(pool).await?,
        sqlx::query_scalar(qp).bind(org.0).fetch_one(pool).await?,
        sqlx::query_scalar(qi).bind(org.0).fetch_one(pool).await?,
        sqlx::query_scalar(ql).bind(org.0).fetch_one(pool).await?,
        sqlx::query_scalar(qd).bind(org.0).fetch_one(pool).await?,
        sqlx::query_scalar(qt).bind(org.0).fetch_one(pool).await?,
    ));
    Ok(SetupFacts {
        actions,
        roles,
        people,
        invitations,
        has_place: lat.is_some(),
        domains,
        own_template: templates > 0,
    })
}
