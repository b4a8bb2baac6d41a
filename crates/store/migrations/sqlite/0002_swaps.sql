-- Swaps: members (legs), approvals, co-determination steps, signatures, agreements, inbox.
-- Keep the PostgreSQL twin (../postgres/0002_swaps.sql) in step: the parity test compares them.

CREATE TABLE swaps (
    id BLOB PRIMARY KEY,
    week TEXT NOT NULL,
    proposer_id BLOB NOT NULL REFERENCES users (id),
    message TEXT,
    state TEXT NOT NULL,
    version INTEGER NOT NULL,
    agreement_hash TEXT,
    end_reason TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX swaps_state ON swaps (state);

CREATE TABLE swap_members (
    swap_id BLOB NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    user_id BLOB NOT NULL REFERENCES users (id),
    org_id BLOB NOT NULL REFERENCES organisations (id),
    accepted BOOLEAN NOT NULL,
    -- The week while the person is committed (accepted, swap not ended); one per person and week.
    committed_week TEXT,
    PRIMARY KEY (swap_id, position)
);
CREATE INDEX swap_members_user ON swap_members (user_id);
CREATE UNIQUE INDEX swap_members_one_swap_per_week ON swap_members (user_id, committed_week) WHERE committed_week IS NOT NULL;

CREATE TABLE swap_approvals (
    swap_id BLOB NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    leg INTEGER NOT NULL,
    side TEXT NOT NULL,
    org_id BLOB NOT NULL REFERENCES organisations (id),
    deadline TEXT NOT NULL,
    delegate_id BLOB REFERENCES users (id),
    status TEXT NOT NULL,
    decided_by BLOB REFERENCES users (id),
    decided_at TEXT,
    comment TEXT,
    reason_kind TEXT,
    reason_text TEXT,
    reminded_at TEXT,
    PRIMARY KEY (swap_id, idx)
);
CREATE INDEX swap_approvals_org ON swap_approvals (org_id, status);

CREATE TABLE swap_bodies (
    swap_id BLOB NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    org_id BLOB NOT NULL REFERENCES organisations (id),
    body TEXT NOT NULL,
    rule TEXT NOT NULL,
    status TEXT NOT NULL,
    decided_by BLOB REFERENCES users (id),
    decided_at TEXT,
    reason TEXT,
    PRIMARY KEY (swap_id, idx)
);
CREATE INDEX swap_bodies_org ON swap_bodies (org_id, body);

CREATE TABLE swap_signatures (
    swap_id BLOB NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    user_id BLOB NOT NULL REFERENCES users (id),
    signed_at TEXT NOT NULL,
    document_hash TEXT NOT NULL,
    PRIMARY KEY (swap_id, user_id)
);

CREATE TABLE notifications (
    id BLOB PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    swap_id BLOB REFERENCES swaps (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at TEXT
);
CREATE INDEX notifications_user ON notifications (user_id, created_at);
