-- A person may get the notices that need no action of theirs once a day, collected in one
-- mail, instead of one mail each; `digest_sent_at` is when their last digest was made.
-- Keep the SQLite twin (../sqlite/0008_mail_digest.sql) in step.
ALTER TABLE users ADD COLUMN mail_digest BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN digest_sent_at TIMESTAMPTZ;
