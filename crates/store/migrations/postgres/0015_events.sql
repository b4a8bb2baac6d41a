-- Events and after-work meetups (issue 18): announced by network organisers and organisation
-- admins, with registrations (a waiting list past the capacity), attendance, reminders sent
-- once each, and the "Tauschrunden" drawn at them. Keep the twin
-- (../sqlite/0015_events.sql) in step.
CREATE TABLE events (
    id UUID PRIMARY KEY,
    -- The hosting organisation; none for an event of the whole network.
    org_id UUID REFERENCES organisations (id),
    created_by UUID REFERENCES users (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at TIMESTAMPTZ NOT NULL,
    -- In person at `place`, or online at `video_link` (shown only to registered people).
    place TEXT,
    video_link TEXT,
    capacity BIGINT NOT NULL,
    registration_deadline TIMESTAMPTZ NOT NULL,
    public BOOLEAN NOT NULL,
    -- Raised on every change (the calendars' SEQUENCE, and the guard against lost updates).
    sequence BIGINT NOT NULL,
    cancelled_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX events_starts_at ON events (starts_at);

-- The reminders of the day before ('day') and the hour before ('hour'), and the mail after the
-- event ('after'): one row each, so that each goes out once, whichever instance's worker
-- takes it. A change of the event's time deletes the reminders, which then go again.
CREATE TABLE event_reminders (
    event_id UUID NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    sent_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, kind)
);

CREATE TABLE event_registrations (
    event_id UUID NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- 'registered' (has a place) or 'waiting'.
    status TEXT NOT NULL,
    -- The order of arrival: the waiting list moves up in it.
    position BIGINT NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    -- Marked by the organisers: present, absent, or not marked.
    attended BOOLEAN,
    PRIMARY KEY (event_id, user_id)
);
CREATE INDEX event_registrations_user ON event_registrations (user_id);

CREATE TABLE event_rounds (
    id UUID PRIMARY KEY,
    event_id UUID NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    number BIGINT NOT NULL,
    drawn_at TIMESTAMPTZ NOT NULL,
    UNIQUE (event_id, number)
);

CREATE TABLE event_round_members (
    round_id UUID NOT NULL REFERENCES event_rounds (id) ON DELETE CASCADE,
    grp BIGINT NOT NULL,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (round_id, user_id)
);
CREATE INDEX event_round_members_user ON event_round_members (user_id);
