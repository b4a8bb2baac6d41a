//! What the database holds about one person ("Meine Daten", Art. 15 and 20 DSGVO): every row
//! that names them, section by section, as plain cells. [`PERSON_COLUMNS`] lists every column
//! that points at a person and the section that reads it; a test walks the schema and fails
//! when a table gains such a column that this module does not read.

use crate::{Db, StoreError, on_db};
use chrono::{DateTime, Utc};
use domain::UserId;
use uuid::Uuid;

/// One value of an exported row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Time(DateTime<Utc>),
    Flag(bool),
    Number(i64),
    Empty,
}

impl serde::Serialize for Cell {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Text(t) => s.serialize_str(t),
            Cell::Time(t) => s.serialize_str(&t.to_rfc3339()),
            Cell::Flag(b) => s.serialize_bool(*b),
            Cell::Number(n) => s.serialize_i64(*n),
            Cell::Empty => s.serialize_none(),
        }
    }
}

trait IntoCell {
    fn cell(self) -> Cell;
}

impl IntoCell for String {
    fn cell(self) -> Cell {
        Cell::Text(self)
    }
}

impl IntoCell for Uuid {
    fn cell(self) -> Cell {
        Cell::Text(self.to_string())
    }
}

impl IntoCell for DateTime<Utc> {
    fn cell(self) -> Cell {
        Cell::Time(self)
    }
}

impl IntoCell for bool {
    fn cell(self) -> Cell {
        Cell::Flag(self)
    }
}

impl IntoCell for i64 {
    fn cell(self) -> Cell {
        Cell::Number(self)
    }
}

impl<T: IntoCell> IntoCell for Option<T> {
    fn cell(self) -> Cell {
        self.map_or(Cell::Empty, IntoCell::cell)
    }
}

/// One kind of data about the person: its rows, each with a cell per column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// A stable name (the JSON key, and the Fluent key `data-section-{key}`).
    pub key: &'static str,
    /// Column names (JSON keys, and the Fluent keys `data-col-{name}`).
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

/// Runs `$sql` with the binds and makes a [`Section`] of the rows, whose columns are named and
/// typed in order (the SQL's columns come in the same order).
macro_rules! section {
    ($db:expr, $key:literal, $sql:literal, [$($bind:expr),*], $($col:ident: $ty:ty),+ $(,)?) => {{
        let rows: Vec<($($ty,)+)> = on_db!($db, pool => {
            let q = sqlx::query_as($sql);
            $(let q = q.bind($bind);)*
            q.fetch_all(pool).await?
        });
        Section {
            key: $key,
            columns: vec![$(stringify!($col)),+],
            rows: rows.into_iter().map(|($($col,)+)| vec![$($col.cell()),+]).collect(),
        }
    }};
}

type Ts = DateTime<Utc>;

/// Every column that points at a person, as `(table, column, section)`: by their id (a
/// foreign key to `users`), or by their address or id written as text; and the section of
/// [`of_person`] that shows its rows.
pub const PERSON_COLUMNS: &[(&str, &str, &str)] = &[
    ("users", "id", "account"),
    ("user_roles", "user_id", "roles"),
    ("external_identities", "user_id", "identities"),
    ("sso_attempts", "link_user_id", "pending_sign_ins"),
    ("profiles", "user_id", "profile"),
    ("profile_topics", "user_id", "topics"),
    ("profile_weeks", "user_id", "weeks"),
    ("swaps", "proposer_id", "proposals"),
    ("swap_members", "user_id", "swaps"),
    ("swap_approvals", "decided_by", "decisions_made"),
    ("swap_approvals", "delegate_id", "decisions_made"),
    ("swap_bodies", "decided_by", "decisions_made"),
    ("swap_signatures", "user_id", "signatures"),
    ("swap_appointments", "created_by", "appointments"),
    ("swap_appointments", "guest_id", "appointments"),
    ("swap_handovers", "author_id", "handovers"),
    ("swap_deputies", "member_id", "deputies"),
    ("swap_deputies", "deputy_id", "deputies"),
    ("swap_access_items", "guest_id", "access_items"),
    ("swap_access_items", "owner_id", "access_items"),
    ("swap_checkins", "user_id", "check_ins"),
    ("swap_feedback", "author_id", "feedback"),
    ("swap_reflections", "user_id", "reflections"),
    ("notifications", "user_id", "inbox"),
    ("outbox", "recipient", "mails"),
    ("sessions", "user_id", "sessions"),
    ("api_tokens", "user_id", "api_tokens"),
    ("calendar_feeds", "user_id", "calendar_feeds"),
    ("email_tokens", "user_id", "links"),
    ("login_failures", "email_norm", "failed_logins"),
    ("invitations", "email_norm", "invitations_received"),
    ("invitations", "invited_by", "invitations_sent"),
    ("audit_log", "actor_id", "audit"),
    ("audit_log", "object_id", "audit"),
    ("matching_rounds", "started_by", "rounds_started"),
    ("agreement_templates", "created_by", "templates_written"),
    ("installation_settings", "updated_by", "settings_changed"),
    ("identity_providers", "updated_by", "providers_registered"),
    ("accessibility_reports", "email", "accessibility_reports"),
    ("accessibility_reports", "answered_by", "accessibility_answered"),
    ("events", "created_by", "events_created"),
    ("event_registrations", "user_id", "event_registrations"),
    ("event_round_members", "user_id", "event_rounds"),
    ("framework_agreements", "created_by", "frameworks_written"),
    ("org_applications", "admin_email", "applications_made"),
    ("org_applications", "decided_by", "applications_decided"),
    ("org_application_messages", "author_id", "application_questions"),
    ("stories", "created_by", "stories"),
    ("story_quotes", "speaker_id", "story_quotes"),
    ("story_approvals", "user_id", "story_approvals"),
    ("story_comments", "author_id", "comments"),
    ("story_comments", "decided_by", "comments_decided"),
];

/// Everything the database holds about the person `user`, section by section (empty sections
/// included, so that the export says what there is none of).
pub async fn of_person(db: &Db, user: UserId) -> Result<Vec<Section>, StoreError> {
    let id = user.0;
    let email: Option<String> = on_db!(db, pool => {
        sqlx::query_scalar("SELECT email_norm FROM users WHERE id = $1").bind(id).fetch_optional(pool).await?
    });
    let email = email.ok_or(StoreError::NotFound)?;
    let id_text = id.to_string();
    Ok(vec![
        section!(db, "account",
            "SELECT u.id, u.email, u.display_name, o.name, u.locale, u.organiser, u.email_verified_at, u.created_at, u.mail_digest \
             FROM users u LEFT JOIN organisations o ON o.id = u.org_id WHERE u.id = $1",
            [id], id: Uuid, email: String, display_name: String, organisation: Option<String>, language: String,
            organiser: bool, verified_at: Option<Ts>, created_at: Ts, daily_digest: bool),
        section!(db, "roles",
            "SELECT o.name, r.role FROM user_roles r JOIN organisations o ON o.id = r.org_id WHERE r.user_id = $1 ORDER BY r.role",
            [id], organisation: String, role: String),
        section!(db, "identities",
            "SELECT o.name, e.subject, e.linked_at FROM external_identities e JOIN organisations o ON o.id = e.org_id \
             WHERE e.user_id = $1",
            [id], organisation: String, provider_subject: String, linked_at: Ts),
        section!(db, "profile",
            "SELECT role_title, unit, pay_grade, languages, travel_radius_km, about, open_to_swap, shared_with_own_org, updated_at \
             FROM profiles WHERE user_id = $1",
            [id], role_title: String, unit: String, pay_grade: Option<String>, languages: String, travel_radius_km: i64,
            about: Option<String>, open_to_swap: bool, shared_with_own_org: bool, updated_at: Ts),
        section!(db, "topics",
            "SELECT kind, topic FROM profile_topics WHERE user_id = $1 ORDER BY kind, position",
            [id], kind: String, topic: String),
        section!(db, "weeks", "SELECT week FROM profile_weeks WHERE user_id = $1 ORDER BY week", [id], week: String),
        section!(db, "swaps",
            "SELECT s.id, s.week, s.state, s.created_at, s.completed_at, s.end_reason, o.name, m.accepted \
             FROM swap_members m JOIN swaps s ON s.id = m.swap_id JOIN organisations o ON o.id = m.org_id \
             WHERE m.user_id = $1 ORDER BY s.created_at",
            [id], swap: Uuid, week: String, state: String, created_at: Ts, completed_at: Option<Ts>,
            end_reason: Option<String>, organisation: String, accepted: bool),
        section!(db, "proposals",
            "SELECT id, week, message, created_at FROM swaps WHERE proposer_id = $1 ORDER BY created_at",
            [id], swap: Uuid, week: String, message: Option<String>, created_at: Ts),
        section!(db, "partners",
            "SELECT other.swap_id, u.display_name, o.name FROM swap_members mine \
             JOIN swap_members other ON other.swap_id = mine.swap_id AND other.user_id <> mine.user_id \
             JOIN users u ON u.id = other.user_id JOIN organisations o ON o.id = other.org_id \
             WHERE mine.user_id = $1 ORDER BY other.swap_id, other.position",
            [id], swap: Uuid, display_name: String, organisation: String),
        section!(db, "approvals",
            "SELECT a.swap_id, a.leg, a.side, o.name, a.status, a.decided_at, a.comment, a.reason_kind, a.reason_text \
             FROM swap_approvals a JOIN organisations o ON o.id = a.org_id \
             WHERE a.swap_id IN (SELECT swap_id FROM swap_members WHERE user_id = $1) ORDER BY a.swap_id, a.idx",
            [id], swap: Uuid, leg: i64, side: String, organisation: String, status: String, decided_at: Option<Ts>,
            comment: Option<String>, reason_kind: Option<String>, reason_text: Option<String>),
        section!(db, "co_determination",
            "SELECT b.swap_id, b.body, o.name, b.status, b.decided_at, b.reason \
             FROM swap_bodies b JOIN organisations o ON o.id = b.org_id \
             WHERE b.swap_id IN (SELECT swap_id FROM swap_members WHERE user_id = $1) ORDER BY b.swap_id, b.idx",
            [id], swap: Uuid, body: String, organisation: String, status: String, decided_at: Option<Ts>,
            reason: Option<String>),
        section!(db, "decisions_made",
            "SELECT swap_id, status, decided_at, COALESCE(delegate_id = $1, FALSE) FROM swap_approvals WHERE decided_by = $1 OR delegate_id = $1 \
             UNION ALL SELECT swap_id, status, decided_at, FALSE FROM swap_bodies WHERE decided_by = $1",
            [id], swap: Uuid, status: String, decided_at: Option<Ts>, as_delegate: bool),
        section!(db, "signatures",
            "SELECT swap_id, signed_at, document_hash FROM swap_signatures WHERE user_id = $1 ORDER BY signed_at",
            [id], swap: Uuid, signed_at: Ts, document_hash: String),
        section!(db, "appointments",
            "SELECT swap_id, title, kind, day, start_time, end_time, venue, note, cancelled, created_by = $1 \
             FROM swap_appointments WHERE created_by = $1 OR guest_id = $1 ORDER BY day, start_time",
            [id], swap: Uuid, title: String, kind: String, day: String, start_time: String, end_time: String,
            venue: String, note: Option<String>, cancelled: bool, written_by_you: bool),
        section!(db, "handovers",
            "SELECT swap_id, body, updated_at FROM swap_handovers WHERE author_id = $1",
            [id], swap: Uuid, text: String, updated_at: Ts),
        section!(db, "deputies",
            "SELECT d.swap_id, m.display_name, p.display_name, d.updated_at FROM swap_deputies d \
             JOIN users m ON m.id = d.member_id JOIN users p ON p.id = d.deputy_id \
             WHERE d.member_id = $1 OR d.deputy_id = $1",
            [id], swap: Uuid, member: String, deputy: String, updated_at: Ts),
        section!(db, "access_items",
            "SELECT swap_id, item, due, state, revoke_due, guest_id = $1 FROM swap_access_items \
             WHERE guest_id = $1 OR owner_id = $1 ORDER BY swap_id, item",
            [id], swap: Uuid, item: String, due: String, state: String, revoke_due: String, for_you: bool),
        section!(db, "check_ins",
            "SELECT swap_id, day, status, note, created_at, resolved_at FROM swap_checkins WHERE user_id = $1 ORDER BY day",
            [id], swap: Uuid, day: String, status: String, note: Option<String>, created_at: Ts, resolved_at: Option<Ts>),
        section!(db, "feedback",
            "SELECT swap_id, body, created_at FROM swap_feedback WHERE author_id = $1",
            [id], swap: Uuid, text: String, created_at: Ts),
        section!(db, "reflections",
            "SELECT swap_id, learned, will_change, recommend, free_text, created_at FROM swap_reflections WHERE user_id = $1",
            [id], swap: Uuid, learned: String, will_change: String, recommend: bool, free_text: Option<String>,
            created_at: Ts),
        section!(db, "inbox",
            "SELECT kind, text, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY created_at",
            [id], kind: String, text: String, created_at: Ts, read_at: Option<Ts>),
        section!(db, "mails",
            "SELECT kind, subject, body, created_at, sent_at FROM outbox WHERE LOWER(recipient) = $1 ORDER BY created_at",
            [&email], kind: String, subject: String, text: String, created_at: Ts, sent_at: Option<Ts>),
        section!(db, "sessions",
            "SELECT s.created_at, s.last_seen_at, s.expires_at, o.name FROM sessions s \
             LEFT JOIN organisations o ON o.id = s.sso_org_id WHERE s.user_id = $1 ORDER BY s.created_at",
            [id], created_at: Ts, last_seen_at: Ts, expires_at: Ts, via_provider_of: Option<String>),
        section!(db, "pending_sign_ins",
            "SELECT created_at, expires_at FROM sso_attempts WHERE link_user_id = $1",
            [id], created_at: Ts, expires_at: Ts),
        section!(db, "api_tokens",
            "SELECT name, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY created_at",
            [id], name: String, created_at: Ts, last_used_at: Option<Ts>, revoked_at: Option<Ts>),
        section!(db, "calendar_feeds",
            "SELECT created_at, last_used_at FROM calendar_feeds WHERE user_id = $1",
            [id], created_at: Ts, last_used_at: Option<Ts>),
        section!(db, "links",
            "SELECT purpose, expires_at, used_at FROM email_tokens WHERE user_id = $1 ORDER BY expires_at",
            [id], purpose: String, expires_at: Ts, used_at: Option<Ts>),
        section!(db, "failed_logins",
            "SELECT failures, first_failure_at, locked_until FROM login_failures WHERE email_norm = $1",
            [&email], failures: i64, first_failure_at: Ts, locked_until: Option<Ts>),
        section!(db, "invitations_received",
            "SELECT o.name, i.role, i.created_at, i.expires_at, i.accepted_at FROM invitations i \
             JOIN organisations o ON o.id = i.org_id WHERE i.email_norm = $1 ORDER BY i.created_at",
            [&email], organisation: String, role: Option<String>, created_at: Ts, expires_at: Ts, accepted_at: Option<Ts>),
        section!(db, "invitations_sent",
            "SELECT o.name, i.email_norm, i.role, i.created_at, i.accepted_at FROM invitations i \
             JOIN organisations o ON o.id = i.org_id WHERE i.invited_by = $1 ORDER BY i.created_at",
            [id], organisation: String, email: String, role: Option<String>, created_at: Ts, accepted_at: Option<Ts>),
        section!(db, "audit",
            "SELECT at, action, object_type, object_id, detail, COALESCE(actor_id = $1, FALSE) FROM audit_log \
             WHERE actor_id = $1 OR (object_type = 'user' AND object_id = $2) ORDER BY at",
            [id, &id_text], at: Ts, action: String, object_type: String, object_id: String, detail: String,
            done_by_you: bool),
        section!(db, "rounds_started",
            "SELECT first_week, last_week, state, created_at FROM matching_rounds WHERE started_by = $1 ORDER BY created_at",
            [id], first_week: String, last_week: String, state: String, created_at: Ts),
        section!(db, "templates_written",
            "SELECT o.name, t.lang, t.version, t.title, t.created_at FROM agreement_templates t \
             LEFT JOIN organisations o ON o.id = t.org_id WHERE t.created_by = $1 ORDER BY t.created_at",
            [id], organisation: Option<String>, language: String, version: i64, title: String, created_at: Ts),
        section!(db, "settings_changed",
            "SELECT name, updated_at FROM installation_settings WHERE updated_by = $1",
            [id], name: String, updated_at: Ts),
        section!(db, "providers_registered",
            "SELECT o.name, p.issuer, p.updated_at FROM identity_providers p JOIN organisations o ON o.id = p.org_id \
             WHERE p.updated_by = $1",
            [id], organisation: String, issuer: String, updated_at: Ts),
        section!(db, "accessibility_reports",
            "SELECT created_at, page, description, deadline, answered_at FROM accessibility_reports \
             WHERE LOWER(email) = $1 ORDER BY created_at",
            [&email], created_at: Ts, page: String, text: String, deadline: Ts, answered_at: Option<Ts>),
        section!(db, "accessibility_answered",
            "SELECT created_at, page, answered_at, answer_note FROM accessibility_reports WHERE answered_by = $1 \
             ORDER BY created_at",
            [id], created_at: Ts, page: String, answered_at: Option<Ts>, note: Option<String>),
        section!(db, "events_created",
            "SELECT title, starts_at, ends_at, created_at, cancelled_at FROM events WHERE created_by = $1 ORDER BY starts_at",
            [id], title: String, starts_at: Ts, ends_at: Ts, created_at: Ts, cancelled_at: Option<Ts>),
        section!(db, "event_registrations",
            "SELECT e.title, e.starts_at, r.status, r.registered_at, r.attended FROM event_registrations r \
             JOIN events e ON e.id = r.event_id WHERE r.user_id = $1 ORDER BY e.starts_at",
            [id], title: String, starts_at: Ts, status: String, registered_at: Ts, attended: Option<bool>),
        section!(db, "event_rounds",
            "SELECT e.title, r.number, u.display_name FROM event_round_members mine \
             JOIN event_rounds r ON r.id = mine.round_id JOIN events e ON e.id = r.event_id \
             JOIN event_round_members other ON other.round_id = mine.round_id AND other.grp = mine.grp \
             AND other.user_id <> mine.user_id JOIN users u ON u.id = other.user_id \
             WHERE mine.user_id = $1 ORDER BY e.starts_at, r.number, u.display_name",
            [id], title: String, round: i64, partner: String),
        section!(db, "frameworks_written",
            "SELECT version, title, created_at FROM framework_agreements WHERE created_by = $1 ORDER BY version",
            [id], version: i64, title: String, created_at: Ts),
        section!(db, "applications_made",
            "SELECT name, admin_name, admin_email, state, created_at, decided_at, refusal_reason FROM org_applications \
             WHERE LOWER(admin_email) = $1 ORDER BY created_at",
            [&email], organisation: String, display_name: String, email: String, state: String, created_at: Ts,
            decided_at: Option<Ts>, reason: Option<String>),
        section!(db, "applications_decided",
            "SELECT name, state, decided_at FROM org_applications WHERE decided_by = $1 ORDER BY decided_at",
            [id], organisation: String, state: String, decided_at: Option<Ts>),
        section!(db, "application_questions",
            "SELECT a.name, m.at, m.body FROM org_application_messages m JOIN org_applications a ON a.id = m.application_id \
             WHERE m.author_id = $1 ORDER BY m.at",
            [id], organisation: String, at: Ts, text: String),
        section!(db, "stories",
            "SELECT s.title, s.body, s.state, s.version, s.created_at, s.published_at, s.withdrawn_at FROM stories s \
             WHERE s.created_by = $1 OR s.swap_id IN (SELECT swap_id FROM swap_members WHERE user_id = $1) ORDER BY s.created_at",
            [id], title: String, text: String, state: String, version: i64, created_at: Ts, published_at: Option<Ts>,
            withdrawn_at: Option<Ts>),
        section!(db, "story_quotes",
            "SELECT s.title, q.text FROM story_quotes q JOIN stories s ON s.id = q.story_id WHERE q.speaker_id = $1 \
             ORDER BY s.created_at, q.position",
            [id], title: String, text: String),
        section!(db, "story_approvals",
            "SELECT s.title, a.version, o.name, a.approved_at FROM story_approvals a JOIN stories s ON s.id = a.story_id \
             LEFT JOIN organisations o ON o.id = a.press_for WHERE a.user_id = $1 ORDER BY a.approved_at",
            [id], title: String, version: i64, press_office_for: Option<String>, approved_at: Ts),
        section!(db, "comments",
            "SELECT s.title, c.body, c.state, c.reason, c.created_at FROM story_comments c JOIN stories s ON s.id = c.story_id \
             WHERE c.author_id = $1 ORDER BY c.created_at",
            [id], title: String, text: String, state: String, reason: Option<String>, created_at: Ts),
        section!(db, "comments_decided",
            "SELECT s.title, c.state, c.decided_at FROM story_comments c JOIN stories s ON s.id = c.story_id \
             WHERE c.decided_by = $1 ORDER BY c.decided_at",
            [id], title: String, state: String, decided_at: Option<Ts>),
    ])
}
