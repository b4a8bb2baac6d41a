//! Stories of completed swaps: their contents (title, text, topics, quotes, a photo), the
//! approvals of each version, publication and withdrawal, and the comments with their
//! moderation.
//!
//! An approval takes the story's row first (an `UPDATE` guarded by the version the approver
//! saw, which PostgreSQL holds to the commit; SQLite has one writer anyway) and decides on
//! publication from the approvals read inside the same transaction, so that the last two
//! approvals arriving at once still publish the story.

use crate::outbox::Effects;
use crate::{Db, StoreError, on_db, write_effects, write_tx};
use chrono::{DateTime, Utc};
use domain::story::{Approval, Capacity, CommentId, CommentState, StoryDraft, StoryId, StoryState};
use domain::{OrgId, SwapId, UserId};
use uuid::Uuid;

/// A person of the story's swap, with their organisation as the public pages name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryMember {
    pub user: UserId,
    pub name: String,
    pub org: OrgId,
    pub org_name: String,
    pub region: String,
    pub kind: String,
}

/// A quote with its speaker's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredQuote {
    pub speaker: UserId,
    pub speaker_name: String,
    pub text: String,
}

/// What is known of a story's photo without reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoInfo {
    pub content_type: String,
    pub width: i64,
    pub height: i64,
    pub alt: String,
}

/// A photo ready to keep: its bytes without metadata, and its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPhoto {
    pub content_type: String,
    pub bytes: Vec<u8>,
    pub width: i64,
    pub height: i64,
}

/// What a change does to the photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoChange {
    Keep,
    Replace(NewPhoto),
    Remove,
}

/// A story as it is kept, with its members, quotes, photo and approvals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredStory {
    pub id: StoryId,
    pub swap_id: SwapId,
    pub created_by: Option<UserId>,
    pub state: StoryState,
    pub version: i64,
    pub title: String,
    pub body: String,
    pub topics: Vec<String>,
    pub quotes: Vec<StoredQuote>,
    pub photo: Option<PhotoInfo>,
    pub members: Vec<StoryMember>,
    pub approvals: Vec<Approval>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    pub withdrawn_at: Option<DateTime<Utc>>,
}

type StoryRow = (
    Uuid,
    Uuid,
    Option<Uuid>,
    String,
    i64,
    String,
    String,
    DateTime<Utc>,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
);

const STORY_COLUMNS: &str = "s.id, s.swap_id, s.created_by, s.state, s.version, s.title, s.body, s.created_at, s.updated_at, s.published_at, s.withdrawn_at";

/// The ids as a literal list for `IN (...)`: they are UUIDs, never input, and one query for the
/// parts of all listed stories beats a query per story.
fn id_list(db: &Db, ids: &[Uuid]) -> String {
    let one = |id: &Uuid| match db {
        Db::Sqlite(_) => format!("x'{}'", id.simple()),
        Db::Postgres(_) => format!("'{id}'::uuid"),
    };
    if ids.is_empty() { "NULL".to_owned() } else { ids.iter().map(one).collect::<Vec<_>>().join(", ") }
}

/// Loads the stories `rows` name with their parts, in the rows' order (five queries in all).
async fn complete(db: &Db, rows: Vec<StoryRow>) -> Result<Vec<StoredStory>, StoreError> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.0).collect();
    let list = id_list(db, &ids);
    let q = format!(
        "SELECT s.id, m.user_id, u.display_name, m.org_id, o.name, o.region, o.kind FROM stories s \
         JOIN swap_members m ON m.swap_id = s.swap_id JOIN users u ON u.id = m.user_id \
         JOIN organisations o ON o.id = m.org_id WHERE s.id IN ({list}) ORDER BY m.position"
    );
    let members: Vec<(Uuid, Uuid, String, Uuid, String, String, String)> =
        on_db!(db, pool => sqlx::query_as(&q).fetch_all(pool).await?);
    let q = format!("SELECT story_id, topic FROM story_topics WHERE story_id IN ({list}) ORDER BY position");
    let topics: Vec<(Uuid, String)> = on_db!(db, pool => sqlx::query_as(&q).fetch_all(pool).await?);
    let q = format!(
        "SELECT q.story_id, q.speaker_id, u.display_name, q.text FROM story_quotes q JOIN users u ON u.id = q.speaker_id \
         WHERE q.story_id IN ({list}) ORDER BY q.position"
    );
    let quotes: Vec<(Uuid, Uuid, String, String)> = on_db!(db, pool => sqlx::query_as(&q).fetch_all(pool).await?);
    let q = format!("SELECT story_id, content_type, width, height, alt FROM story_photos WHERE story_id IN ({list})");
    let photos: Vec<(Uuid, String, i64, i64, String)> = on_db!(db, pool => sqlx::query_as(&q).fetch_all(pool).await?);
    let q = format!(
        "SELECT story_id, version, user_id, press_for FROM story_approvals WHERE story_id IN ({list}) \
         ORDER BY approved_at, user_id"
    );
    let approvals: Vec<(Uuid, i64, Uuid, Option<Uuid>)> = on_db!(db, pool => sqlx::query_as(&q).fetch_all(pool).await?);
    rows.into_iter()
        .map(|r| {
            let id = r.0;
            Ok(StoredStory {
                id: StoryId(id),
                swap_id: SwapId(r.1),
                created_by: r.2.map(UserId),
                state: StoryState::from_code(&r.3).ok_or_else(|| StoreError::Corrupt(format!("story {id}: state")))?,
                version: r.4,
                title: r.5,
                body: r.6,
                created_at: r.7,
                updated_at: r.8,
                published_at: r.9,
                withdrawn_at: r.10,
                members: members
                    .iter()
                    .filter(|m| m.0 == id)
                    .map(|m| StoryMember {
                        user: UserId(m.1),
                        name: m.2.clone(),
                        org: OrgId(m.3),
                        org_name: m.4.clone(),
                        region: m.5.clone(),
                        kind: m.6.clone(),
                    })
                    .collect(),
                topics: topics.iter().filter(|t| t.0 == id).map(|t| t.1.clone()).collect(),
                quotes: quotes
                    .iter()
                    .filter(|q| q.0 == id)
                    .map(|q| StoredQuote { speaker: UserId(q.1), speaker_name: q.2.clone(), text: q.3.clone() })
                    .collect(),
                photo: photos.iter().find(|p| p.0 == id).map(|p| PhotoInfo {
                    content_type: p.1.clone(),
                    width: p.2,
                    height: p.3,
                    alt: p.4.clone(),
                }),
                approvals: approvals
                    .iter()
                    .filter(|a| a.0 == id)
                    .map(|a| Approval {
                        user: UserId(a.2),
                        capacity: match a.3 {
                            Some(org) => Capacity::Press(OrgId(org)),
                            None => Capacity::Member(UserId(a.2)),
                        },
                        version: a.1,
                    })
                    .collect(),
            })
        })
        .collect()
}

pub async fn get(db: &Db, id: StoryId) -> Result<StoredStory, StoreError> {
    let q = format!("SELECT {STORY_COLUMNS} FROM stories s WHERE s.id = $1");
    let row: Option<StoryRow> = on_db!(db, pool => sqlx::query_as(&q).bind(id.0).fetch_optional(pool).await?);
    complete(db, vec![row.ok_or(StoreError::NotFound)?]).await?.pop().ok_or(StoreError::NotFound)
}

/// The swap's story that is not withdrawn, if there is one.
pub async fn of_swap(db: &Db, swap: SwapId) -> Result<Option<StoryId>, StoreError> {
    let id: Option<Uuid> = on_db!(db, pool => sqlx::query_scalar(
        "SELECT id FROM stories WHERE swap_id = $1 AND state <> 'withdrawn'",
    )
    .bind(swap.0)
    .fetch_optional(pool)
    .await?);
    Ok(id.map(StoryId))
}

/// What the list of published stories is narrowed to (each empty: all).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryFilter {
    pub region: Option<String>,
    pub kind: Option<String>,
    /// The topic, normalised.
    pub topic: Option<String>,
}

/// Published stories, the latest first, narrowed by `filter`.
pub async fn published(db: &Db, filter: &StoryFilter, limit: i64) -> Result<Vec<StoredStory>, StoreError> {
    let mut q = format!("SELECT {STORY_COLUMNS} FROM stories s WHERE s.state = 'published'");
    let mut n = 1;
    let mut next = || {
        n += 1;
        n - 1
    };
    let org_filter = |col: &str, p: usize| {
        format!(
            " AND EXISTS (SELECT 1 FROM swap_members m JOIN organisations o ON o.id = m.org_id \
             WHERE m.swap_id = s.swap_id AND o.{col} = ${p})"
        )
    };
    if filter.region.is_some() {
        q += &org_filter("region", next());
    }
    if filter.kind.is_some() {
        q += &org_filter("kind", next());
    }
    if filter.topic.is_some() {
        q += &format!(
            " AND EXISTS (SELECT 1 FROM story_topics t WHERE t.story_id = s.id AND t.topic_norm = ${})",
            next()
        );
    }
    q += &format!(" ORDER BY s.published_at DESC, s.id LIMIT ${}", next());
    let rows: Vec<StoryRow> = on_db!(db, pool => {
        let mut query = sqlx::query_as(&q);
        for value in [&filter.region, &filter.kind, &filter.topic].into_iter().flatten() {
            query = query.bind(value);
        }
        query.bind(limit).fetch_all(pool).await?
    });
    complete(db, rows).await
}

/// The topics published stories are filed under, each once, in alphabetical order.
pub async fn published_topics(db: &Db) -> Result<Vec<(String, String)>, StoreError> {
    Ok(on_db!(db, pool => sqlx::query_as(
        "SELECT t.topic_norm, MIN(t.topic) FROM story_topics t JOIN stories s ON s.id = t.story_id \
         WHERE s.state = 'published' GROUP BY t.topic_norm ORDER BY t.topic_norm",
    )
    .fetch_all(pool)
    .await?))
}

/// The stories that are not withdrawn and concern `user`: as a member of the swap, or, with
/// `press_for`, as a press contact of an organisation involved. Drafts first, then the latest.
pub async fn of_party(
    db: &Db,
    user: UserId,
    press_for: Option<OrgId>,
    limit: i64,
) -> Result<Vec<StoredStory>, StoreError> {
    let q = format!(
        "SELECT {STORY_COLUMNS} FROM stories s WHERE s.state <> 'withdrawn' AND EXISTS (\
         SELECT 1 FROM swap_members m WHERE m.swap_id = s.swap_id AND (m.user_id = $1 OR m.org_id = $2)) \
         ORDER BY CASE WHEN s.state = 'draft' THEN 0 ELSE 1 END, s.updated_at DESC, s.id LIMIT $3"
    );
    let rows: Vec<StoryRow> = on_db!(db, pool => sqlx::query_as(&q)
        .bind(user.0)
        .bind(press_for.map(|o| o.0))
        .bind(limit)
        .fetch_all(pool)
        .await?);
    complete(db, rows).await
}

/// The photo's type and bytes.
pub async fn photo(db: &Db, id: StoryId) -> Result<(String, Vec<u8>), StoreError> {
    let row: Option<(String, Vec<u8>)> = on_db!(db, pool => sqlx::query_as(
        "SELECT content_type, bytes FROM story_photos WHERE story_id = $1",
    )
    .bind(id.0)
    .fetch_optional(pool)
    .await?);
    row.ok_or(StoreError::NotFound)
}

/// Writes the contents of version `version` (topics, quotes, photo) and the editor's approval.
macro_rules! write_contents {
    ($tx:ident, $id:expr, $version:expr, $draft:expr, $photo:expr, $editor:expr, $at:expr) => {{
        let (id, d): (StoryId, &StoryDraft) = ($id, $draft);
        sqlx::query("DELETE FROM story_topics WHERE story_id = $1").bind(id.0).execute(&mut *$tx).await?;
        for (i, t) in d.topics.iter().enumerate() {
            sqlx::query("INSERT INTO story_topics (story_id, position, topic, topic_norm) VALUES ($1, $2, $3, $4)")
                .bind(id.0)
                .bind(i as i64)
                .bind(t.as_str())
                .bind(t.normalised())
                .execute(&mut *$tx)
                .await?;
        }
        sqlx::query("DELETE FROM story_quotes WHERE story_id = $1").bind(id.0).execute(&mut *$tx).await?;
        for (i, q) in d.quotes.iter().enumerate() {
            sqlx::query("INSERT INTO story_quotes (story_id, position, speaker_id, text) VALUES ($1, $2, $3, $4)")
                .bind(id.0)
                .bind(i as i64)
                .bind(q.speaker.0)
                .bind(q.text.as_str())
                .execute(&mut *$tx)
                .await?;
        }
        match $photo {
            PhotoChange::Keep => {}
            PhotoChange::Remove => {
                sqlx::query("DELETE FROM story_photos WHERE story_id = $1").bind(id.0).execute(&mut *$tx).await?;
            }
            PhotoChange::Replace(p) => {
                sqlx::query("DELETE FROM story_photos WHERE story_id = $1").bind(id.0).execute(&mut *$tx).await?;
                sqlx::query(
                    "INSERT INTO story_photos (story_id, content_type, bytes, width, height, alt) VALUES ($1, $2, $3, $4, $5, '')",
                )
                .bind(id.0)
                .bind(&p.content_type)
                .bind(&p.bytes)
                .bind(p.width)
                .bind(p.height)
                .execute(&mut *$tx)
                .await?;
            }
        }
        sqlx::query("UPDATE story_photos SET alt = $1 WHERE story_id = $2")
            .bind(d.photo_alt.as_ref().map(|a| a.as_str()).unwrap_or_default())
            .bind(id.0)
            .execute(&mut *$tx)
            .await?;
        let editor: UserId = $editor;
        sqlx::query("INSERT INTO story_approvals (story_id, version, user_id, press_for, approved_at) VALUES ($1, $2, $3, NULL, $4)")
            .bind(id.0)
            .bind($version)
            .bind(editor.0)
            .bind($at)
            .execute(&mut *$tx)
            .await?;
    }};
}

/// Keeps a new draft of the swap's story, approved by its author.
#[allow(clippy::too_many_arguments)]
pub async fn create(
    db: &Db,
    id: StoryId,
    swap: SwapId,
    author: UserId,
    draft: &StoryDraft,
    photo: &PhotoChange,
    at: DateTime<Utc>,
    effects: &Effects,
) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        sqlx::query(
            "INSERT INTO stories (id, swap_id, created_by, state, version, title, body, created_at, updated_at) \
             VALUES ($1, $2, $3, 'draft', 1, $4, $5, $6, $6)",
        )
        .bind(id.0)
        .bind(swap.0)
        .bind(author.0)
        .bind(draft.title.as_str())
        .bind(draft.body.as_str())
        .bind(at)
        .execute(&mut *tx)
        .await?;
        write_contents!(tx, id, 1i64, draft, photo, author, at);
        write_effects!(tx, effects);
    });
    Ok(())
}

/// Changes the draft seen at version `seen` into version `seen + 1`, approved by its editor;
/// [`StoreError::Conflict`] when it changed or left the draft meanwhile.
#[allow(clippy::too_many_arguments)]
pub async fn update(
    db: &Db,
    id: StoryId,
    seen: i64,
    editor: UserId,
    draft: &StoryDraft,
    photo: &PhotoChange,
    at: DateTime<Utc>,
    effects: &Effects,
) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let changed = sqlx::query(
            "UPDATE stories SET version = version + 1, title = $1, body = $2, updated_at = $3 \
             WHERE id = $4 AND version = $5 AND state = 'draft'",
        )
        .bind(draft.title.as_str())
        .bind(draft.body.as_str())
        .bind(at)
        .bind(id.0)
        .bind(seen)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::Conflict);
        }
        write_contents!(tx, id, seen + 1, draft, photo, editor, at);
        write_effects!(tx, effects);
    });
    Ok(())
}

/// Records `approval` of the version it names; `decide` sees every approval of that version
/// (this one included), read inside the transaction, and says whether the story is published
/// now and what else happens. [`StoreError::Conflict`] when the story changed, left the draft,
/// or this capacity approved meanwhile.
pub async fn approve(
    db: &Db,
    id: StoryId,
    approval: &Approval,
    at: DateTime<Utc>,
    decide: impl FnOnce(&[Approval]) -> (bool, Effects),
) -> Result<bool, StoreError> {
    let press_for = match approval.capacity {
        Capacity::Press(org) => Some(org.0),
        Capacity::Member(_) => None,
    };
    let published = write_tx!(db, tx => {
        let held = sqlx::query("UPDATE stories SET updated_at = $1 WHERE id = $2 AND version = $3 AND state = 'draft'")
            .bind(at)
            .bind(id.0)
            .bind(approval.version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if held == 0 {
            return Err(StoreError::Conflict);
        }
        let rows: Vec<(Uuid, Option<Uuid>)> =
            sqlx::query_as("SELECT user_id, press_for FROM story_approvals WHERE story_id = $1 AND version = $2")
                .bind(id.0)
                .bind(approval.version)
                .fetch_all(&mut *tx)
                .await?;
        let mut all: Vec<Approval> = rows
            .into_iter()
            .map(|(user, press)| Approval {
                user: UserId(user),
                capacity: press.map_or(Capacity::Member(UserId(user)), |o| Capacity::Press(OrgId(o))),
                version: approval.version,
            })
            .collect();
        if all.iter().any(|a| a.user == approval.user || a.capacity == approval.capacity) {
            return Err(StoreError::Conflict);
        }
        sqlx::query("INSERT INTO story_approvals (story_id, version, user_id, press_for, approved_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(id.0)
            .bind(approval.version)
            .bind(approval.user.0)
            .bind(press_for)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        all.push(approval.clone());
        let (publish, effects) = decide(&all);
        if publish {
            sqlx::query("UPDATE stories SET state = 'published', published_at = $1 WHERE id = $2")
                .bind(at)
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
        }
        write_effects!(tx, &effects);
        publish
    });
    Ok(published)
}

/// Withdraws the story for good: its contents and comments go, the approvals stay as the
/// record of who agreed to what. `effects` are made from the story as it was.
pub async fn withdraw(db: &Db, id: StoryId, at: DateTime<Utc>, effects: &Effects) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let changed = sqlx::query(
            "UPDATE stories SET state = 'withdrawn', title = '', body = '', withdrawn_at = $1, updated_at = $1 \
             WHERE id = $2 AND state <> 'withdrawn'",
        )
        .bind(at)
        .bind(id.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::Conflict);
        }
        for table in ["story_topics", "story_quotes", "story_photos", "story_comments"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE story_id = $1")).bind(id.0).execute(&mut *tx).await?;
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Comments

/// A comment with its author's name and organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredComment {
    pub id: CommentId,
    pub story_id: StoryId,
    pub story_title: String,
    pub author: UserId,
    pub author_name: String,
    pub author_org: Option<String>,
    pub body: String,
    pub state: CommentState,
    pub reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

type CommentRow = (Uuid, Uuid, String, Uuid, String, Option<String>, String, String, Option<String>, DateTime<Utc>);

const COMMENT_SELECT: &str = "SELECT c.id, c.story_id, s.title, c.author_id, u.display_name, o.name, c.body, c.state, \
    c.reason, c.created_at FROM story_comments c JOIN stories s ON s.id = c.story_id JOIN users u ON u.id = c.author_id \
    LEFT JOIN organisations o ON o.id = u.org_id";

fn comments(rows: Vec<CommentRow>) -> Result<Vec<StoredComment>, StoreError> {
    rows.into_iter()
        .map(|r| {
            Ok(StoredComment {
                id: CommentId(r.0),
                story_id: StoryId(r.1),
                story_title: r.2,
                author: UserId(r.3),
                author_name: r.4,
                author_org: r.5,
                body: r.6,
                state: CommentState::from_code(&r.7)
                    .ok_or_else(|| StoreError::Corrupt(format!("comment {}: state", r.0)))?,
                reason: r.8,
                created_at: r.9,
            })
        })
        .collect()
}

/// The story's approved comments and, for `viewer`, their own waiting or rejected ones; oldest
/// first.
pub async fn comments_of(db: &Db, story: StoryId, viewer: Option<UserId>) -> Result<Vec<StoredComment>, StoreError> {
    let q = format!(
        "{COMMENT_SELECT} WHERE c.story_id = $1 AND (c.state = 'approved' OR c.author_id = $2) ORDER BY c.created_at, c.id"
    );
    let rows: Vec<CommentRow> =
        on_db!(db, pool => sqlx::query_as(&q).bind(story.0).bind(viewer.map(|u| u.0)).fetch_all(pool).await?);
    comments(rows)
}

/// Comments waiting for moderation, oldest first.
pub async fn pending_comments(db: &Db, limit: i64) -> Result<Vec<StoredComment>, StoreError> {
    let q = format!("{COMMENT_SELECT} WHERE c.state = 'pending' ORDER BY c.created_at, c.id LIMIT $1");
    let rows: Vec<CommentRow> = on_db!(db, pool => sqlx::query_as(&q).bind(limit).fetch_all(pool).await?);
    comments(rows)
}

pub async fn comment(db: &Db, id: CommentId) -> Result<StoredComment, StoreError> {
    let q = format!("{COMMENT_SELECT} WHERE c.id = $1");
    let rows: Vec<CommentRow> = on_db!(db, pool => sqlx::query_as(&q).bind(id.0).fetch_all(pool).await?);
    comments(rows)?.pop().ok_or(StoreError::NotFound)
}

/// Keeps a new comment, waiting for moderation, on a story that is still published.
pub async fn add_comment(
    db: &Db,
    id: CommentId,
    story: StoryId,
    author: UserId,
    body: &str,
    at: DateTime<Utc>,
    effects: &Effects,
) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let added = sqlx::query(
            "INSERT INTO story_comments (id, story_id, author_id, body, state, created_at) \
             SELECT $1, $2, $3, $4, 'pending', $5 WHERE EXISTS (SELECT 1 FROM stories WHERE id = $2 AND state = 'published')",
        )
        .bind(id.0)
        .bind(story.0)
        .bind(author.0)
        .bind(body)
        .bind(at)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if added == 0 {
            return Err(StoreError::Conflict);
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

/// Approves or rejects a waiting comment; [`StoreError::Conflict`] when it was decided meanwhile.
pub async fn decide_comment(
    db: &Db,
    id: CommentId,
    state: CommentState,
    reason: Option<&str>,
    by: UserId,
    at: DateTime<Utc>,
    effects: &Effects,
) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let changed = sqlx::query(
            "UPDATE story_comments SET state = $1, reason = $2, decided_by = $3, decided_at = $4 \
             WHERE id = $5 AND state = 'pending'",
        )
        .bind(state.code())
        .bind(reason)
        .bind(by.0)
        .bind(at)
        .bind(id.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::Conflict);
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

/// Deletes `author`'s own comment.
pub async fn delete_comment(db: &Db, id: CommentId, author: UserId, effects: &Effects) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let gone = sqlx::query("DELETE FROM story_comments WHERE id = $1 AND author_id = $2")
            .bind(id.0)
            .bind(author.0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if gone == 0 {
            return Err(StoreError::NotFound);
        }
        write_effects!(tx, effects);
    });
    Ok(())
}
