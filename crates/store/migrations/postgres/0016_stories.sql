-- Stories of completed swaps (issue 19): drafted by a member, published when every member and
-- one press contact of each organisation involved approved the same version, withdrawn for
-- good by any of them; comments wait for the organisers' moderation. Keep the twin
-- (../sqlite/0016_stories.sql) in step.
CREATE TABLE stories (
    id UUID PRIMARY KEY,
    swap_id UUID NOT NULL REFERENCES swaps (id),
    created_by UUID REFERENCES users (id) ON DELETE SET NULL,
    -- 'draft', 'published' or 'withdrawn' (then title and text are emptied).
    state TEXT NOT NULL,
    -- Raised by every change of the contents; approvals name the version they approve.
    version BIGINT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ,
    withdrawn_at TIMESTAMPTZ
);
-- One story per swap that is not withdrawn.
CREATE UNIQUE INDEX stories_one_per_swap ON stories (swap_id) WHERE state <> 'withdrawn';
CREATE INDEX stories_published ON stories (state, published_at);

CREATE TABLE story_topics (
    story_id UUID NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    topic TEXT NOT NULL,
    -- Lower case, inner spaces collapsed: what the list's filter compares.
    topic_norm TEXT NOT NULL,
    PRIMARY KEY (story_id, position)
);
CREATE INDEX story_topics_norm ON story_topics (topic_norm);

CREATE TABLE story_quotes (
    story_id UUID NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    speaker_id UUID NOT NULL REFERENCES users (id),
    text TEXT NOT NULL,
    PRIMARY KEY (story_id, position)
);

-- The photo, apart so that lists do not read it; its metadata (location, camera) removed.
CREATE TABLE story_photos (
    story_id UUID PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    content_type TEXT NOT NULL,
    bytes BYTEA NOT NULL,
    width BIGINT NOT NULL,
    height BIGINT NOT NULL,
    alt TEXT NOT NULL
);

CREATE TABLE story_approvals (
    story_id UUID NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    user_id UUID NOT NULL REFERENCES users (id),
    -- The organisation a press contact approved for; none when a member approved for themselves.
    press_for UUID REFERENCES organisations (id),
    approved_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (story_id, version, user_id)
);

CREATE TABLE story_comments (
    id UUID PRIMARY KEY,
    story_id UUID NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    author_id UUID NOT NULL REFERENCES users (id),
    body TEXT NOT NULL,
    -- 'pending', 'approved' or 'rejected'.
    state TEXT NOT NULL,
    reason TEXT,
    decided_by UUID REFERENCES users (id) ON DELETE SET NULL,
    decided_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX story_comments_story ON story_comments (story_id, state, created_at);
CREATE INDEX story_comments_pending ON story_comments (state, created_at);
CREATE INDEX story_comments_author ON story_comments (author_id);
