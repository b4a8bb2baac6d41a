-- Foundation: organisations, accounts, sessions, tokens, profiles, outbox, audit log.
-- Keep the PostgreSQL twin (../postgres/0001_foundation.sql) in step: the parity test compares them.

CREATE TABLE organisations (
    id BLOB PRIMARY KEY,
    name TEXT NOT NULL,
    name_norm TEXT NOT NULL CONSTRAINT organisations_name_unique UNIQUE,
    kind TEXT NOT NULL,
    region TEXT NOT NULL,
    parent_id BLOB REFERENCES organisations (id),
    created_at TEXT NOT NULL
);

CREATE TABLE org_domains (
    domain TEXT PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE
);
CREATE INDEX org_domains_org ON org_domains (org_id);

CREATE TABLE org_policies (
    org_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    rule TEXT NOT NULL,
    PRIMARY KEY (org_id, body)
);

CREATE TABLE users (
    id BLOB PRIMARY KEY,
    email TEXT NOT NULL,
    email_norm TEXT NOT NULL CONSTRAINT users_email_unique UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    org_id BLOB REFERENCES organisations (id),
    locale TEXT NOT NULL,
    organiser BOOLEAN NOT NULL DEFAULT FALSE,
    email_verified_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX users_org ON users (org_id);

CREATE TABLE user_roles (
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (user_id, org_id, role)
);
CREATE INDEX user_roles_org ON user_roles (org_id, role);

CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);

CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    email_norm TEXT NOT NULL,
    role TEXT,
    invited_by BLOB REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    accepted_at TEXT
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id BLOB PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL CONSTRAINT api_tokens_hash_unique UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE login_failures (
    email_norm TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    first_failure_at TEXT NOT NULL,
    locked_until TEXT
);

CREATE TABLE profiles (
    user_id BLOB PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    role_title TEXT NOT NULL,
    unit TEXT NOT NULL,
    pay_grade TEXT,
    languages TEXT NOT NULL,
    travel_radius_km INTEGER NOT NULL,
    about TEXT,
    open_to_swap BOOLEAN NOT NULL DEFAULT FALSE,
    shared_with_own_org BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at TEXT NOT NULL
);

CREATE TABLE profile_topics (
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    position INTEGER NOT NULL,
    topic TEXT NOT NULL,
    topic_norm TEXT NOT NULL,
    PRIMARY KEY (user_id, kind, topic_norm)
);
CREATE INDEX profile_topics_norm ON profile_topics (kind, topic_norm);

CREATE TABLE profile_weeks (
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    week TEXT NOT NULL,
    PRIMARY KEY (user_id, week)
);
CREATE INDEX profile_weeks_week ON profile_weeks (week);

CREATE TABLE outbox (
    id BLOB PRIMARY KEY,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    claimed_until TEXT,
    sent_at TEXT,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at);

CREATE TABLE audit_log (
    id BLOB PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id BLOB,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);
