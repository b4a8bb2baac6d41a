-- Sign-in with an organisation's identity provider (OpenID Connect), issue 17.
-- Keep the twin (../sqlite/0011_single_sign_on.sql) in step.

-- One provider per organisation. The client secret is needed in clear to redeem codes at the
-- provider's token endpoint; it is never shown again once saved.
CREATE TABLE identity_providers (
    org_id UUID PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    issuer TEXT NOT NULL,
    client_id TEXT NOT NULL,
    client_secret TEXT NOT NULL,
    password_allowed BOOLEAN NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by UUID REFERENCES users (id) ON DELETE SET NULL
);

-- The organisation's e-mail domains whose people sign in there. No foreign key to org_domains:
-- an organisation's edit replaces its domains; lookups join org_domains, so a domain the
-- organisation gave up is no longer sent to its provider.
CREATE TABLE identity_provider_domains (
    domain TEXT PRIMARY KEY,
    org_id UUID NOT NULL REFERENCES identity_providers (org_id) ON DELETE CASCADE
);
CREATE INDEX identity_provider_domains_org ON identity_provider_domains (org_id);

-- Who a provider's subject is here.
CREATE TABLE external_identities (
    org_id UUID NOT NULL REFERENCES identity_providers (org_id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    linked_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, subject)
);
CREATE UNIQUE INDEX external_identities_user ON external_identities (user_id, org_id);

-- A sign-in under way: sent to the provider (state, nonce and PKCE verifier kept until it
-- answers), then, for a person new here or an account to link, the provider's answer until
-- the person confirms. Kept minutes, by the hash of the browser's secret.
CREATE TABLE sso_attempts (
    state_hash TEXT PRIMARY KEY,
    org_id UUID NOT NULL REFERENCES identity_providers (org_id) ON DELETE CASCADE,
    nonce TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    next TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    subject TEXT,
    email TEXT,
    display_name TEXT,
    link_user_id UUID REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX sso_attempts_expiry ON sso_attempts (expires_at);

-- The provider a session was opened through: logging out ends the session there too.
ALTER TABLE sessions ADD COLUMN sso_org_id UUID REFERENCES identity_providers (org_id) ON DELETE SET NULL;
