-- Search through indexes (issue 16): the profile's searchable text (folded in Rust by
-- domain::search::profile_text, NULL until store::profiles::fill_search_text has written it),
-- a full-text index over it, and an index that gives the search its order, so that a page of
-- hits reads 26 rows instead of sorting every profile.
-- Keep the PostgreSQL twin (../postgres/0010_search.sql) in step.

ALTER TABLE profiles ADD COLUMN search_text TEXT;
CREATE INDEX profiles_search_order ON profiles (open_to_swap, updated_at, user_id);

-- The FTS5 index keeps its own copy of the text: an external-content index would be keyed by
-- the profile's rowid, which VACUUM (and so `jobtausch backup`) may renumber. Rows are found by
-- `user_key`, the id in hex, an indexed column, so that replacing one is a lookup, not a scan.
CREATE VIRTUAL TABLE profile_search USING fts5 (user_id UNINDEXED, user_key, body, tokenize = 'unicode61');

CREATE TRIGGER profile_search_insert AFTER INSERT ON profiles BEGIN
    INSERT INTO profile_search (user_id, user_key, body) VALUES (new.user_id, lower(hex(new.user_id)), COALESCE(new.search_text, ''));
END;
CREATE TRIGGER profile_search_update AFTER UPDATE OF search_text ON profiles BEGIN
    DELETE FROM profile_search WHERE profile_search MATCH 'user_key : ' || lower(hex(old.user_id));
    INSERT INTO profile_search (user_id, user_key, body) VALUES (new.user_id, lower(hex(new.user_id)), COALESCE(new.search_text, ''));
END;
CREATE TRIGGER profile_search_delete AFTER DELETE ON profiles BEGIN
    DELETE FROM profile_search WHERE profile_search MATCH 'user_key : ' || lower(hex(old.user_id));
END;

INSERT INTO profile_search (user_id, user_key, body) SELECT user_id, lower(hex(user_id)), '' FROM profiles;
