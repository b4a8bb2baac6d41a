-- The swap week and after: plan, briefings, appointments, handover, deputies, checklists,
-- check-ins, reflections, feedback, calendar feeds, sent reminders, mail attachments.
-- Keep the PostgreSQL twin (../postgres/0005_week.sql) in step: the parity test compares them.

ALTER TABLE swaps ADD COLUMN completed_at TEXT;

-- The briefing settings of a confirmed swap (one row per swap, made when it is confirmed).
CREATE TABLE swap_plans (
    swap_id BLOB PRIMARY KEY REFERENCES swaps (id) ON DELETE CASCADE,
    briefing_time TEXT NOT NULL,
    briefing_minutes INTEGER NOT NULL,
    briefing_link TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- One briefing per day the swap runs; `planned` (the first day planned) names it for good.
CREATE TABLE swap_briefings (
    swap_id BLOB NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    planned TEXT NOT NULL,
    day TEXT NOT NULL,
    start_time TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    link TEXT,
    cancelled BOOLEAN NOT NULL,
    sequence INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (swap_id, planned)
);

-- The host side's appointments for a guest. Removed ones stay, cancelled, so calendars learn of it.
CREATE TABLE swap_appointments (
    id BLOB PRIMARY KEY,
    swap_id BLOB NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    guest_id BLOB NOT NULL REFERENCES users (id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    day TEXT NOT NULL,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    venue TEXT NOT NULL,
    note TEXT,
    cancelled BOOLEAN NOT NULL,
    sequence INTEGER NOT NULL,
    created_by BLOB NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX swap_appointments_swap ON swap_appointments (swap_id);

-- "What you need to know about my job", written by a member for the person who takes their place.
CREATE TABLE swap_handovers (
    swap_id BLOB NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    author_id BLOB NOT NULL REFERENCES users (id),
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (swap_id, author_id)
);

-- Who stands in for a member at home during the week (a colleague with an account).
CREATE TABLE swap_deputies (
    swap_id BLOB NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    member_id BLOB NOT NULL REFERENCES users (id),
    deputy_id BLOB NOT NULL REFERENCES users (id),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (swap_id, member_id)
);

-- Access a guest needs at the host: guest account, badge, VPN, invitations, mailing lists.
CREATE TABLE swap_access_items (
    swap_id BLOB NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    guest_id BLOB NOT NULL REFERENCES users (id),
    item TEXT NOT NULL,
    owner_id BLOB NOT NULL REFERENCES users (id),
    due TEXT NOT NULL,
    -- open -> granted -> revoked (or not_needed)
    state TEXT NOT NULL,
    revoke_due TEXT NOT NULL,
    reminded_at TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (swap_id, guest_id, item)
);

-- The administrative checklist of each leg.
CREATE TABLE swap_admin_items (
    swap_id BLOB NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    leg INTEGER NOT NULL,
    item TEXT NOT NULL,
    value TEXT NOT NULL,
    done BOOLEAN NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (swap_id, leg, item)
);

-- The daily check-in during the week: "ok" or "help".
CREATE TABLE swap_checkins (
    swap_id BLOB NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    user_id BLOB NOT NULL REFERENCES users (id),
    day TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT,
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    PRIMARY KEY (swap_id, user_id, day)
);

CREATE TABLE swap_reflections (
    swap_id BLOB NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    user_id BLOB NOT NULL REFERENCES users (id),
    learned TEXT NOT NULL,
    will_change TEXT NOT NULL,
    recommend BOOLEAN NOT NULL,
    free_text TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (swap_id, user_id)
);

-- Each organisation's approver gives brief feedback after the week.
CREATE TABLE swap_feedback (
    swap_id BLOB NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    org_id BLOB NOT NULL REFERENCES organisations (id),
    author_id BLOB NOT NULL REFERENCES users (id),
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (swap_id, org_id)
);

-- A person's private calendar feed: the secret is in the URL, only its hash is kept.
CREATE TABLE calendar_feeds (
    user_id BLOB PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL CONSTRAINT calendar_feeds_token_unique UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT
);

-- Reminders already sent (so that several workers send each once).
CREATE TABLE week_reminders (
    swap_id BLOB NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    day TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (swap_id, kind, day)
);

-- A mail may carry one attachment (an .ics for the week).
ALTER TABLE outbox ADD COLUMN attachment_name TEXT;
ALTER TABLE outbox ADD COLUMN attachment_type TEXT;
ALTER TABLE outbox ADD COLUMN attachment TEXT;
