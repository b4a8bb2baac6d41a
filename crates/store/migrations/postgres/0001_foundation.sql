-- Foundation: organisations, accounts, sessions, tokens, profiles, outbox, audit log.
-- Keep the SQLite twin (../sqlite/0001_foundation.sql) in step: the parity test compares them.

CREATE TABLE organisations (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL,
    name_norm TEXT NOT NULL CONSTRAINT organisations_name_unique UNIQUE,
    kind TEXT NOT NULL,
    region TEXT NOT NULL,
    parent_id UUID REFERENCES organisations (id),
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE org_domains (
    domain TEXT PRIMARY KEY,
    org_id UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE
);
CREATE INDEX org_domains_org ON org_domains (org_id);

CREATE TABLE org_policies (
    org_id UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    rule TEXT NOT NULL,
    PRIMARY KEY (org_id, body)
);

CREATE TABLE users (
    id UUID PRIMARY KEY,
    email TEXT NOT NULL,
    email_norm TEXT NOT NULL CONSTRAINT users_email_unique UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    org_id UUID REFERENCES organisations (id),
    locale TEXT NOT NULL,
    organiser BOOLEAN NOT NULL DEFAULT FALSE,
    email_verified_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX users_org ON users (org_id);

CREATE TABLE user_roles (
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (user_id, org_id, role)
);
CREATE INDEX user_roles_org ON user_roles (org_id, role);

CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at TIMESTAMPTZ
);

CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    org_id UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    email_norm TEXT NOT NULL,
    role TEXT,
    invited_by UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    accepted_at TIMESTAMPTZ
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL CONSTRAINT api_tokens_hash_unique UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE login_failures (
    email_norm TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    first_failure_at TIMESTAMPTZ NOT NULL,
    locked_until TIMESTAMPTZ
);

CREATE TABLE profiles (
    user_id UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    role_title TEXT NOT NULL,
    unit TEXT NOT NULL,
    pay_grade TEXT,
    languages TEXT NOT NULL,
    travel_radius_km BIGINT NOT NULL,
    about TEXT,
    open_to_swap BOOLEAN NOT NULL DEFAULT FALSE,
    shared_with_own_org BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE profile_topics (
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    position BIGINT NOT NULL,
    topic TEXT NOT NULL,
    topic_norm TEXT NOT NULL,
    PRIMARY KEY (user_id, kind, topic_norm)
);
CREATE INDEX profile_topics_norm ON profile_topics (kind, topic_norm);

CREATE TABLE profile_weeks (
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    week TEXT NOT NULL,
    PRIMARY KEY (user_id, week)
);
CREATE INDEX profile_weeks_week ON profile_weeks (week);

CREATE TABLE outbox (
    id UUID PRIMARY KEY,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    claimed_until TIMESTAMPTZ,
    sent_at TIMESTAMPTZ,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at);

CREATE TABLE audit_log (
    id UUID PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL,
    actor_id UUID,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);
