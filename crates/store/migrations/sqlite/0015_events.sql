-- Events and after-work meetups (issue 18): announced by network organisers and organisation
-- admins, with registrations (a waiting list past the capacity), attendance, reminders sent
-- once each, and the "Tauschrunden" drawn at them. Keep the twin
-- (../postgres/0015_events.sql) in step.
CREATE TABLE events (
    id BLOB PRIMARY KEY,
    -- The hosting organisation; none for an event of the whole network.
    org_id BLOB REFERENCES organisations (id),
    created_by BLOB REFERENCES users (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    -- In person at `place`, or online at `video_link` (shown only to registered people).
    place TEXT,
    video_link TEXT,
    capacity INTEGER NOT NULL,
    registration_deadline TEXT NOT NULL,
    public BOOLEAN NOT NULL,
    -- Raised on every change (the calendars' SEQUENCE, and the guard against lost updates).
    sequence INTEGER NOT NULL,
    cancelled_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX events_starts_at ON events (starts_at);

-- The reminders of the day before ('day') and the hour before ('hour'), and the mail after the
-- event ('after'): one row each, so that each goes out once, whichever instance's worker
-- takes it. A change of the event's time deletes the reminders, which then go again.
CREATE TABLE event_reminders (
    event_id BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (event_id, kind)
);

CREATE TABLE event_registrations (
    event_id BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- 'registered' (has a place) or 'waiting'.
    status TEXT NOT NULL,
    -- The order of arrival: the waiting list moves up in it.
    position INTEGER NOT NULL,
    registered_at TEXT NOT NULL,
    -- Marked by the organisers: present, absent, or not marked.
    attended BOOLEAN,
    PRIMARY KEY (event_id, user_id)
);
CREATE INDEX event_registrations_user ON event_registrations (user_id);

CREATE TABLE event_rounds (
    id BLOB PRIMARY KEY,
    event_id BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    drawn_at TEXT NOT NULL,
    UNIQUE (event_id, number)
);

CREATE TABLE event_round_members (
    round_id BLOB NOT NULL REFERENCES event_rounds (id) ON DELETE CASCADE,
    grp INTEGER NOT NULL,
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (round_id, user_id)
);
CREATE INDEX event_round_members_user ON event_round_members (user_id);
