-- Matching: where organisations are, whom they do not swap with, and the rounds of the engine.
-- Keep the PostgreSQL twin (../postgres/0004_matching.sql) in step: the parity test compares them.

-- Micro-degrees; NULL when the organisation gave no location (the travel radius then cannot exclude).
ALTER TABLE organisations ADD COLUMN place TEXT;
ALTER TABLE organisations ADD COLUMN lat_e6 INTEGER;
ALTER TABLE organisations ADD COLUMN lon_e6 INTEGER;

CREATE TABLE org_blocks (
    org_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    blocked_org_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    PRIMARY KEY (org_id, blocked_org_id)
);

CREATE TABLE matching_rounds (
    id BLOB PRIMARY KEY,
    first_week TEXT NOT NULL,
    last_week TEXT NOT NULL,
    max_cycle INTEGER NOT NULL,
    time_limit_seconds INTEGER NOT NULL,
    -- queued -> running -> finished | failed
    state TEXT NOT NULL,
    started_by BLOB NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    claimed_at TEXT,
    finished_at TEXT,
    failure TEXT,
    -- The figures of a finished round (domain::round::RoundFigures as JSON).
    figures TEXT
);
CREATE INDEX matching_rounds_state ON matching_rounds (state);

ALTER TABLE swaps ADD COLUMN round_id BLOB REFERENCES matching_rounds (id);
CREATE INDEX swaps_round ON swaps (round_id);

-- Why a round proposed a leg: what the person learns there and how far it is.
CREATE TABLE swap_match_legs (
    swap_id BLOB NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    topics TEXT NOT NULL,
    distance_km INTEGER,
    weight INTEGER NOT NULL,
    PRIMARY KEY (swap_id, position)
);
