-- Search through indexes (issue 16): the profile's searchable text (folded in Rust by
-- domain::search::profile_text, NULL until store::profiles::fill_search_text has written it),
-- a full-text index over it, and an index that gives the search its order, so that a page of
-- hits reads 26 rows instead of sorting every profile.
-- Keep the SQLite twin (../sqlite/0010_search.sql) in step.

ALTER TABLE profiles ADD COLUMN search_text TEXT;
CREATE INDEX profiles_search_order ON profiles (open_to_swap, updated_at, user_id);
-- 'simple': the text is folded already, and a German stemmer would make "digi" miss
-- "Digitalisierung" (prefix queries match the stem).
CREATE INDEX profiles_search_text ON profiles USING GIN (to_tsvector('simple', COALESCE(search_text, '')));
