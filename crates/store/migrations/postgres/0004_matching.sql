-- Matching: where organisations are, whom they do not swap with, and the rounds of the engine.
-- Keep the SQLite twin (../sqlite/0004_matching.sql) in step: the parity test compares them.

-- Micro-degrees; NULL when the organisation gave no location (the travel radius then cannot exclude).
ALTER TABLE organisations ADD COLUMN place TEXT;
ALTER TABLE organisations ADD COLUMN lat_e6 INTEGER;
ALTER TABLE organisations ADD COLUMN lon_e6 INTEGER;

CREATE TABLE org_blocks (
    org_id UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    blocked_org_id UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    PRIMARY KEY (org_id, blocked_org_id)
);

CREATE TABLE matching_rounds (
    id UUID PRIMARY KEY,
    first_week TEXT NOT NULL,
    last_week TEXT NOT NULL,
    max_cycle BIGINT NOT NULL,
    time_limit_seconds BIGINT NOT NULL,
    -- queued -> running -> finished | failed
    state TEXT NOT NULL,
    started_by UUID NOT NULL REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    claimed_at TIMESTAMPTZ,
    finished_at TIMESTAMPTZ,
    failure TEXT,
    -- The figures of a finished round (domain::round::RoundFigures as JSON).
    figures TEXT
);
CREATE INDEX matching_rounds_state ON matching_rounds (state);

ALTER TABLE swaps ADD COLUMN round_id UUID REFERENCES matching_rounds (id);
CREATE INDEX swaps_round ON swaps (round_id);

-- Why a round proposed a leg: what the person learns there and how far it is.
CREATE TABLE swap_match_legs (
    swap_id UUID NOT NULL REFERENCES swaps (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    topics TEXT NOT NULL,
    distance_km BIGINT,
    weight BIGINT NOT NULL,
    PRIMARY KEY (swap_id, position)
);
