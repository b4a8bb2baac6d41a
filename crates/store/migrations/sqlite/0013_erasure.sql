-- Erasure and retention (issue 17): an account deleted while records the employers must keep
-- still name it stays as a pseudonymised tombstone (a pseudonym, a placeholder address, the
-- organisation), with why it was erased and until when what is kept about it stays; a swap
-- past its retention period keeps only pseudonyms (its figures), marked when that was done.
-- Keep the twin (../postgres/0013_erasure.sql) in step.
ALTER TABLE users ADD COLUMN erased_at TEXT;
ALTER TABLE users ADD COLUMN erasure_reason TEXT;
ALTER TABLE users ADD COLUMN keep_until TEXT;
ALTER TABLE swaps ADD COLUMN pseudonymised_at TEXT;
