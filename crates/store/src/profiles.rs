//! Profiles, the search over people open to a swap, and the page of one person.
//!
//! The privacy rule of [`domain::profile::swap_interest_visible`] is applied in SQL for the
//! search (a colleague of the same organisation only finds a person who shared their interest)
//! and again in Rust for a single page. No query here returns another person's e-mail address.

use crate::outbox::Effects;
use crate::{Db, StoreError, now, on_db, write_effects, write_tx};
use chrono::{DateTime, Utc};
use domain::org::{OrgKind, Region};
use domain::profile::{Profile, ProfileInput, swap_interest_visible};
use domain::values::IsoWeek;
use domain::{OrgId, UserId};
use uuid::Uuid;

/// Saves (creates or replaces) a person's profile.
pub async fn save(db: &Db, user: UserId, p: &Profile, effects: &Effects) -> Result<(), StoreError> {
    let languages = p.languages.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(",");
    write_tx!(db, tx => {
        sqlx::query(
            "INSERT INTO profiles (user_id, role_title, unit, pay_grade, languages, travel_radius_km, about, open_to_swap, shared_with_own_org, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
             ON CONFLICT (user_id) DO UPDATE SET role_title = excluded.role_title, unit = excluded.unit, \
             pay_grade = excluded.pay_grade, languages = excluded.languages, travel_radius_km = excluded.travel_radius_km, \
             about = excluded.about, open_to_swap = excluded.open_to_swap, shared_with_own_org = excluded.shared_with_own_org, \
             updated_at = excluded.updated_at",
        )
        .bind(user.0)
        .bind(p.role_title.as_str())
        .bind(p.unit.as_str())
        .bind(p.pay_grade.map(|g| g.to_string()))
        .bind(&languages)
        .bind(i64::from(p.travel_radius.km()))
        .bind(p.about.as_ref().map(|a| a.as_str()))
        .bind(p.open_to_swap)
        .bind(p.shared_with_own_org)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM profile_topics WHERE user_id = $1").bind(user.0).execute(&mut *tx).await?;
        for (kind, topics) in [("job", &p.topics), ("learn", &p.wants_to_learn)] {
            for (pos, t) in topics.iter().enumerate() {
                sqlx::query("INSERT INTO profile_topics (user_id, kind, position, topic, topic_norm) VALUES ($1, $2, $3, $4, $5)")
                    .bind(user.0)
                    .bind(kind)
                    .bind(i64::try_from(pos).unwrap_or(i64::MAX))
                    .bind(t.as_str())
                    .bind(t.normalised())
                    .execute(&mut *tx)
                    .await?;
            }
        }
        sqlx::query("DELETE FROM profile_weeks WHERE user_id = $1").bind(user.0).execute(&mut *tx).await?;
        for w in &p.availability {
            sqlx::query("INSERT INTO profile_weeks (user_id, week) VALUES ($1, $2)")
                .bind(user.0)
                .bind(w.to_string())
                .execute(&mut *tx)
                .await?;
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

#[derive(sqlx::FromRow)]
struct ProfileRow {
    role_title: String,
    unit: String,
    pay_grade: Option<String>,
    languages: String,
    travel_radius_km: i64,
    about: Option<String>,
    open_to_swap: bool,
    shared_with_own_org: bool,
}

/// A person's profile, if they wrote one. Stored values are parsed again, so what comes out is
/// as valid as what went in.
pub async fn get(db: &Db, user: UserId) -> Result<Option<Profile>, StoreError> {
    let q = "SELECT role_title, unit, pay_grade, languages, travel_radius_km, about, open_to_swap, shared_with_own_org \
             FROM profiles WHERE user_id = $1";
    let qt = "SELECT kind, topic FROM profile_topics WHERE user_id = $1 ORDER BY kind, position";
    let qw = "SELECT week FROM profile_weeks WHERE user_id = $1 ORDER BY week";
    let (row, topics, weeks) = on_db!(db, pool => {
        let row: Option<ProfileRow> = sqlx::query_as(q).bind(user.0).fetch_optional(pool).await?;
        let topics: Vec<(String, String)> = sqlx::query_as(qt).bind(user.0).fetch_all(pool).await?;
        let weeks: Vec<String> = sqlx::query_scalar(qw).bind(user.0).fetch_all(pool).await?;
        (row, topics, weeks)
    });
    let Some(row) = row else { return Ok(None) };
    let of_kind =
        |k: &str| topics.iter().filter(|(kind, _)| kind == k).map(|(_, t)| t.as_str()).collect::<Vec<_>>().join(", ");
    let input = ProfileInput {
        role_title: row.role_title,
        unit: row.unit,
        pay_grade: row.pay_grade.unwrap_or_default(),
        topics: of_kind("job"),
        wants_to_learn: of_kind("learn"),
        languages: row.languages,
        availability: weeks.join(", "),
        travel_radius_km: row.travel_radius_km.to_string(),
        about: row.about.unwrap_or_default(),
        open_to_swap: row.open_to_swap,
        shared_with_own_org: row.shared_with_own_org,
    };
    Profile::parse(&input).map(Some).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// The job topics most often named by people open to a swap (whose topics the search shows
/// anyway), each in one of the spellings used, at most `limit`.
pub async fn common_topics(db: &Db, limit: i64) -> Result<Vec<String>, StoreError> {
    let q = "SELECT t.topic_norm, MIN(t.topic) AS topic, COUNT(DISTINCT t.user_id) AS people \
             FROM profile_topics t JOIN profiles p ON p.user_id = t.user_id \
             WHERE p.open_to_swap = TRUE AND t.kind = 'job' \
             GROUP BY t.topic_norm ORDER BY people DESC, t.topic_norm LIMIT $1";
    let rows: Vec<(String, String, i64)> = on_db!(db, pool => sqlx::query_as(q).bind(limit).fetch_all(pool).await?);
    Ok(rows.into_iter().map(|(_, topic, _)| topic).collect())
}

/// Filters of the search; every one is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchFilter {
    pub topic: Option<String>,
    pub kind: Option<OrgKind>,
    pub region: Option<Region>,
    pub week: Option<IsoWeek>,
    pub page: u32,
}

/// One hit of the search.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PersonCard {
    pub user_id: UserId,
    pub display_name: String,
    pub role_title: String,
    pub org_id: OrgId,
    pub org_name: String,
    pub org_kind: OrgKind,
    pub region: Region,
    pub topics: Vec<String>,
}

pub const PAGE_SIZE: i64 = 25;

/// People open to a swap whom the viewer may see as such, matching the filter.
pub async fn search(
    db: &Db,
    viewer: UserId,
    viewer_org: Option<OrgId>,
    f: &SearchFilter,
) -> Result<(Vec<PersonCard>, bool), StoreError> {
    // A nil id stands for "no organisation": it differs from every real one.
    let viewer_org = viewer_org.map_or(Uuid::nil(), |o| o.0);
    let topic = f.topic.as_ref().map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase());
    let q = "SELECT u.id, u.display_name, p.role_title, o.id, o.name, o.kind, o.region FROM profiles p \
             JOIN users u ON u.id = p.user_id JOIN organisations o ON o.id = u.org_id \
             WHERE p.open_to_swap = TRUE AND u.id <> $1 AND u.email_verified_at IS NOT NULL \
               AND (o.id <> $2 OR p.shared_with_own_org = TRUE) \
               AND (CAST($3 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM profile_topics t WHERE t.user_id = u.id AND t.kind = 'job' AND t.topic_norm = $3)) \
               AND (CAST($4 AS TEXT) IS NULL OR o.kind = $4) \
               AND (CAST($5 AS TEXT) IS NULL OR o.region = $5) \
               AND (CAST($6 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM profile_weeks w WHERE w.user_id = u.id AND w.week = $6)) \
             ORDER BY p.updated_at DESC, u.id LIMIT $7 OFFSET $8";
    let qt = "SELECT topic FROM profile_topics WHERE user_id = $1 AND kind = 'job' ORDER BY position";
    type Row = (Uuid, String, String, Uuid, String, String, String);
    let (rows, topics) = on_db!(db, pool => {
        let rows: Vec<Row> = sqlx::query_as(q)
            .bind(viewer.0)
            .bind(viewer_org)
            .bind(topic.as_deref())
            .bind(f.kind.map(|k| k.code()))
            .bind(f.region.map(|r| r.code()))
            .bind(f.week.map(|w| w.to_string()))
            .bind(PAGE_SIZE + 1)
            .bind(i64::from(f.page) * PAGE_SIZE)
            .fetch_all(pool)
            .await?;
        let mut topics = Vec::with_capacity(rows.len());
        for r in rows.iter().take(usize::try_from(PAGE_SIZE).unwrap_or(25)) {
            let t: Vec<String> = sqlx::query_scalar(qt).bind(r.0).fetch_all(pool).await?;
            topics.push(t);
        }
        (rows, topics)
    });
    let more = rows.len() > topics.len();
    let cards = rows
        .into_iter()
        .zip(topics)
        .map(|((id, display_name, role_title, org_id, org_name, kind, region), topics)| {
            Ok(PersonCard {
                user_id: UserId(id),
                display_name,
                role_title,
                org_id: OrgId(org_id),
                org_name,
                org_kind: OrgKind::from_code(&kind).ok_or_else(|| StoreError::Corrupt(kind.clone()))?,
                region: Region::from_code(&region).ok_or_else(|| StoreError::Corrupt(region.clone()))?,
                topics,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok((cards, more))
}

/// What a signed-in member sees on another person's page: no e-mail address, and the swap
/// interest only where the privacy rule allows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PersonPage {
    pub user_id: UserId,
    pub display_name: String,
    pub org_id: OrgId,
    pub org_name: String,
    pub org_kind: OrgKind,
    pub region: Region,
    pub profile: Option<Profile>,
    pub open_to_swap: bool,
    pub updated_at: Option<DateTime<Utc>>,
}

pub async fn person(
    db: &Db,
    viewer: UserId,
    viewer_org: Option<OrgId>,
    user: UserId,
) -> Result<PersonPage, StoreError> {
    let q = "SELECT u.display_name, o.id, o.name, o.kind, o.region, p.updated_at FROM users u \
             JOIN organisations o ON o.id = u.org_id LEFT JOIN profiles p ON p.user_id = u.id \
             WHERE u.id = $1 AND u.email_verified_at IS NOT NULL";
    let row: Option<(String, Uuid, String, String, String, Option<DateTime<Utc>>)> =
        on_db!(db, pool => sqlx::query_as(q).bind(user.0).fetch_optional(pool).await?);
    let (display_name, org_id, org_name, kind, region, updated_at) = row.ok_or(StoreError::NotFound)?;
    let org_id = OrgId(org_id);
    let mut profile = get(db, user).await?;
    let open = profile.as_ref().is_some_and(|p| {
        swap_interest_visible(viewer, viewer_org, user, org_id, p.open_to_swap, p.shared_with_own_org)
    });
    if let Some(p) = profile.as_mut().filter(|_| viewer != user) {
        // The sharing choice is the owner's business; others see only the outcome.
        p.open_to_swap = open;
        p.shared_with_own_org = false;
        // Free weeks and learning wishes tell of an interest in a swap: hidden where the
        // interest is (from one's own organisation until shared, from everyone when closed).
        if !open {
            p.availability.clear();
            p.wants_to_learn.clear();
        }
    }
    Ok(PersonPage {
        user_id: user,
        display_name,
        org_id,
        org_name,
        org_kind: OrgKind::from_code(&kind).ok_or_else(|| StoreError::Corrupt(kind.clone()))?,
        region: Region::from_code(&region).ok_or_else(|| StoreError::Corrupt(region.clone()))?,
        profile,
        open_to_swap: open,
        updated_at,
    })
}
