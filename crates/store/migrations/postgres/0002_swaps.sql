-- Swaps: members (legs), approvals, co-determination steps, signatures, agreements, inbox.
-- Keep the SQLite twin (../sqlite/0002_swaps.sql) in step: the parity test compares them.

CREATE TABLE swaps (
    id UUID PRIMARY KEY,
    week TEXT NOT NULL,
    proposer_id UUID NOT NULL REFERENCES users (id),
    message TEXT,
    state TEXT NOT NULL,
    version BIGINT NOT NULL,
    agreement_hash TEXT,
    end_reason TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX swaps_state ON swaps (state);

CREATE TABLE swap_members (
    swap_id UUID NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    user_id UUID NOT NULL REFERENCES users (id),
    org_id UUID NOT NULL REFERENCES organisations (id),
    accepted BOOLEAN NOT NULL,
    -- The week while the person is committed (accepted, swap not ended); one per person and week.
    committed_week TEXT,
    PRIMARY KEY (swap_id, position)
);
CREATE INDEX swap_members_user ON swap_members (user_id);
CREATE UNIQUE INDEX swap_members_one_swap_per_week ON swap_members (user_id, committed_week) WHERE committed_week IS NOT NULL;

CREATE TABLE swap_approvals (
    swap_id UUID NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    idx BIGINT NOT NULL,
    leg BIGINT NOT NULL,
    side TEXT NOT NULL,
    org_id UUID NOT NULL REFERENCES organisations (id),
    deadline TIMESTAMPTZ NOT NULL,
    delegate_id UUID REFERENCES users (id),
    status TEXT NOT NULL,
    decided_by UUID REFERENCES users (id),
    decided_at TIMESTAMPTZ,
    comment TEXT,
    reason_kind TEXT,
    reason_text TEXT,
    reminded_at TIMESTAMPTZ,
    PRIMARY KEY (swap_id, idx)
);
CREATE INDEX swap_approvals_org ON swap_approvals (org_id, status);

CREATE TABLE swap_bodies (
    swap_id UUID NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    idx BIGINT NOT NULL,
    org_id UUID NOT NULL REFERENCES organisations (id),
    body TEXT NOT NULL,
    rule TEXT NOT NULL,
    status TEXT NOT NULL,
    decided_by UUID REFERENCES users (id),
    decided_at TIMESTAMPTZ,
    reason TEXT,
    PRIMARY KEY (swap_id, idx)
);
CREATE INDEX swap_bodies_org ON swap_bodies (org_id, body);

CREATE TABLE swap_signatures (
    swap_id UUID NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    user_id UUID NOT NULL REFERENCES users (id),
    signed_at TIMESTAMPTZ NOT NULL,
    document_hash TEXT NOT NULL,
    PRIMARY KEY (swap_id, user_id)
);

CREATE TABLE notifications (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    swap_id UUID REFERENCES swaps (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    read_at TIMESTAMPTZ
);
CREATE INDEX notifications_user ON notifications (user_id, created_at);
