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
use domain::search::SearchWords;
use domain::values::IsoWeek;
use domain::{OrgId, UserId};
use uuid::Uuid;

/// Saves (creates or replaces) a person's profile.
pub async fn save(db: &Db, user: UserId, p: &Profile, effects: &Effects) -> Result<(), StoreError> {
    let languages = p.languages.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(",");
    write_tx!(db, tx => {
        sqlx::query(
            "INSERT INTO profiles (user_id, role_title, unit, pay_grade, languages, travel_radius_km, about, open_to_swap, shared_with_own_org, updated_at, search_text) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
             ON CONFLICT (user_id) DO UPDATE SET role_title = excluded.role_title, unit = excluded.unit, \
             pay_grade = excluded.pay_grade, languages = excluded.languages, travel_radius_km = excluded.travel_radius_km, \
             about = excluded.about, open_to_swap = excluded.open_to_swap, shared_with_own_org = excluded.shared_with_own_org, \
             updated_at = excluded.updated_at, search_text = excluded.search_text",
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
        .bind(domain::search::profile_text(p))
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

/// Writes the searchable text of every profile that has none yet (profiles saved before the
/// search had its index), a batch at a time. Runs after the migrations; once all are written
/// it reads one row and is done.
pub async fn fill_search_text(db: &Db) -> Result<usize, StoreError> {
    const BATCH: i64 = 500;
    let mut filled = 0;
    loop {
        let q = "SELECT user_id FROM profiles WHERE search_text IS NULL LIMIT $1";
        let ids: Vec<Uuid> = on_db!(db, pool => sqlx::query_scalar(q).bind(BATCH).fetch_all(pool).await?);
        if ids.is_empty() {
            return Ok(filled);
        }
        let mut texts = Vec::with_capacity(ids.len());
        for id in &ids {
            // A profile that no longer parses is still found by nothing rather than stopping
            // the start of the installation.
            let text = get(db, UserId(*id)).await.ok().flatten().map(|p| domain::search::profile_text(&p));
            texts.push((*id, text.unwrap_or_default()));
        }
        write_tx!(db, tx => {
            for (id, text) in &texts {
                sqlx::query("UPDATE profiles SET search_text = $2 WHERE user_id = $1").bind(id).bind(text).execute(&mut *tx).await?;
            }
        });
        filled += texts.len();
    }
}

/// Filters of the search; every one is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchFilter {
    /// Words each of which begins a word of the profile's text.
    pub words: Option<SearchWords>,
    /// A job topic, compared as [`Topic::normalised`](domain::values::Topic::normalised).
    pub topic: Option<String>,
    pub kind: Option<OrgKind>,
    pub region: Option<Region>,
    pub week: Option<IsoWeek>,
    /// The page starts after this hit; `None` for the first page.
    pub after: Option<SearchCursor>,
}

impl SearchFilter {
    /// Whether anything narrows the search (the page aside).
    pub fn narrows(&self) -> bool {
        Self { after: None, ..self.clone() } != Self::default()
    }
}

/// Where a page of hits ended; the next page starts after it. Hits come newest profile first,
/// and a page deep in the list costs what the first one costs (keyset pagination: the query
/// continues the index from here instead of counting and skipping the rows before).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchCursor {
    updated_at: DateTime<Utc>,
    user_id: Uuid,
}

impl SearchCursor {
    /// The cursor as it travels in a link: `MICROSECONDS.UUID`.
    pub fn token(&self) -> String {
        format!("{}.{}", self.updated_at.timestamp_micros(), self.user_id.simple())
    }

    /// A token made by [`SearchCursor::token`]; `None` for anything else.
    pub fn parse(token: &str) -> Option<Self> {
        let (micros, id) = token.split_once('.')?;
        let updated_at = DateTime::from_timestamp_micros(micros.parse().ok()?)?;
        Some(Self { updated_at, user_id: Uuid::try_parse(id).ok()? })
    }
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

/// A value bound to a query built at run time.
enum Arg {
    Id(Uuid),
    Text(String),
    Time(DateTime<Utc>),
    Int(i64),
}

/// Binds `args` to `query` in order (a macro: the query's type differs between the databases).
macro_rules! bind_all {
    ($query:expr, $args:expr) => {{
        let mut q = $query;
        for a in $args {
            q = match a {
                Arg::Id(v) => q.bind(*v),
                Arg::Text(v) => q.bind(v.as_str()),
                Arg::Time(v) => q.bind(*v),
                Arg::Int(v) => q.bind(*v),
            };
        }
        q
    }};
}

/// The search's query, with only the conditions of the filters in use, so that each variant
/// has a plan of its own that uses the indexes (a condition like `$3 IS NULL OR ...` would hide
/// them from the planner): the full-text index for words, `profile_topics_norm` and
/// `profile_weeks_week` for the topic and the week, and `profiles_search_order` for the order
/// and the page's start.
fn search_query(db: &Db, viewer: UserId, viewer_org: Option<OrgId>, f: &SearchFilter) -> (String, Vec<Arg>) {
    // A nil id stands for "no organisation": it differs from every real one.
    let mut args = vec![Arg::Id(viewer.0), Arg::Id(viewer_org.map_or(Uuid::nil(), |o| o.0))];
    let mut sql = String::from(
        "SELECT u.id, u.display_name, p.role_title, o.id, o.name, o.kind, o.region, p.updated_at FROM profiles p \
         JOIN users u ON u.id = p.user_id JOIN organisations o ON o.id = u.org_id \
         WHERE p.open_to_swap = TRUE AND p.user_id <> $1 AND u.email_verified_at IS NOT NULL \
           AND (o.id <> $2 OR p.shared_with_own_org = TRUE)",
    );
    let arg = |sql: &mut String, args: &mut Vec<Arg>, a: Arg, clause: &str| {
        args.push(a);
        sql.push_str(&clause.replace("$?", &format!("${}", args.len())));
    };
    if let Some(words) = &f.words {
        // The words are letters and digits only (SearchWords), so nothing in them can be an
        // operator of either query language.
        match db {
            Db::Sqlite(_) => {
                let terms: Vec<String> = words.words().iter().map(|w| format!("\"{w}\"*")).collect();
                let query = format!("body : ({})", terms.join(" AND "));
                arg(
                    &mut sql,
                    &mut args,
                    Arg::Text(query),
                    " AND p.user_id IN (SELECT s.user_id FROM profile_search s WHERE profile_search MATCH $?)",
                );
            }
            Db::Postgres(_) => {
                let terms: Vec<String> = words.words().iter().map(|w| format!("{w}:*")).collect();
                arg(
                    &mut sql,
                    &mut args,
                    Arg::Text(terms.join(" & ")),
                    " AND to_tsvector('simple', COALESCE(p.search_text, '')) @@ to_tsquery('simple', $?)",
                );
            }
        }
    }
    if let Some(topic) = &f.topic {
        let norm = topic.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        arg(
            &mut sql,
            &mut args,
            Arg::Text(norm),
            " AND EXISTS (SELECT 1 FROM profile_topics t WHERE t.kind = 'job' AND t.topic_norm = $? AND t.user_id = p.user_id)",
        );
    }
    if let Some(kind) = f.kind {
        arg(&mut sql, &mut args, Arg::Text(kind.code().into()), " AND o.kind = $?");
    }
    if let Some(region) = f.region {
        arg(&mut sql, &mut args, Arg::Text(region.code().into()), " AND o.region = $?");
    }
    if let Some(week) = f.week {
        arg(
            &mut sql,
            &mut args,
            Arg::Text(week.to_string()),
            " AND EXISTS (SELECT 1 FROM profile_weeks w WHERE w.week = $? AND w.user_id = p.user_id)",
        );
    }
    if let Some(after) = f.after {
        args.push(Arg::Time(after.updated_at));
        args.push(Arg::Id(after.user_id));
        let n = args.len();
        sql.push_str(&format!(" AND (p.updated_at, p.user_id) < (${}, ${n})", n - 1));
    }
    arg(&mut sql, &mut args, Arg::Int(PAGE_SIZE + 1), " ORDER BY p.updated_at DESC, p.user_id DESC LIMIT $?");
    (sql, args)
}

/// People open to a swap whom the viewer may see as such, matching the filter: one page, and
/// where the next one starts (if there is one). Two queries, whatever the page's length.
pub async fn search(
    db: &Db,
    viewer: UserId,
    viewer_org: Option<OrgId>,
    f: &SearchFilter,
) -> Result<(Vec<PersonCard>, Option<SearchCursor>), StoreError> {
    type Row = (Uuid, String, String, Uuid, String, String, String, DateTime<Utc>);
    let (sql, args) = search_query(db, viewer, viewer_org, f);
    let mut rows: Vec<Row> = on_db!(db, pool => bind_all!(sqlx::query_as(&sql), &args).fetch_all(pool).await?);
    let page = usize::try_from(PAGE_SIZE).unwrap_or(25);
    let more = rows.len() > page;
    rows.truncate(page);
    let next = more.then(|| rows.last().map(|r| SearchCursor { updated_at: r.7, user_id: r.0 })).flatten();
    let mut topics = job_topics(db, &rows.iter().map(|r| r.0).collect::<Vec<_>>()).await?;
    let cards = rows
        .into_iter()
        .map(|(id, display_name, role_title, org_id, org_name, kind, region, _)| {
            Ok(PersonCard {
                user_id: UserId(id),
                display_name,
                role_title,
                org_id: OrgId(org_id),
                org_name,
                org_kind: OrgKind::from_code(&kind).ok_or_else(|| StoreError::Corrupt(kind.clone()))?,
                region: Region::from_code(&region).ok_or_else(|| StoreError::Corrupt(region.clone()))?,
                topics: topics.remove(&id).unwrap_or_default(),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok((cards, next))
}

/// The job topics of each of `users`, in their order, in one query.
async fn job_topics(db: &Db, users: &[Uuid]) -> Result<std::collections::HashMap<Uuid, Vec<String>>, StoreError> {
    let mut by_user: std::collections::HashMap<Uuid, Vec<String>> = Default::default();
    if users.is_empty() {
        return Ok(by_user);
    }
    let (sql, args) = job_topics_query(users);
    let rows: Vec<(Uuid, String)> = on_db!(db, pool => bind_all!(sqlx::query_as(&sql), &args).fetch_all(pool).await?);
    for (user, topic) in rows {
        by_user.entry(user).or_default().push(topic);
    }
    Ok(by_user)
}

fn job_topics_query(users: &[Uuid]) -> (String, Vec<Arg>) {
    let marks: Vec<String> = (1..=users.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT user_id, topic FROM profile_topics WHERE kind = 'job' AND user_id IN ({}) ORDER BY user_id, position",
        marks.join(", ")
    );
    (sql, users.iter().map(|u| Arg::Id(*u)).collect())
}

/// How the database runs the search with `f`, and the query of the hits' topics: the lines of
/// SQLite's `EXPLAIN QUERY PLAN` or PostgreSQL's `EXPLAIN` for each, for the test that shows
/// every variant uses the indexes.
pub async fn explain_search(
    db: &Db,
    viewer: UserId,
    viewer_org: Option<OrgId>,
    f: &SearchFilter,
) -> Result<[Vec<String>; 2], StoreError> {
    let (sql, args) = search_query(db, viewer, viewer_org, f);
    let (topics_sql, topics_args) = job_topics_query(&[Uuid::nil(), Uuid::max()]);
    let mut plans: [Vec<String>; 2] = Default::default();
    for ((sql, args), lines) in [(sql, args), (topics_sql, topics_args)].into_iter().zip(&mut plans) {
        match db {
            Db::Sqlite(pool) => {
                let explain = format!("EXPLAIN QUERY PLAN {sql}");
                let rows: Vec<(i64, i64, i64, String)> =
                    bind_all!(sqlx::query_as(&explain), &args).fetch_all(pool).await?;
                lines.extend(rows.into_iter().map(|r| r.3));
            }
            Db::Postgres(pool) => {
                let explain = format!("EXPLAIN {sql}");
                let rows: Vec<String> = bind_all!(sqlx::query_scalar(&explain), &args).fetch_all(pool).await?;
                lines.extend(rows);
            }
        }
    }
    Ok(plans)
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
