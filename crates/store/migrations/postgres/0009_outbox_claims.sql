-- A worker's claim on a mail carries its token: marking the mail sent (or failed) and renewing
-- the claim check that the claim still stands, so a mail is never sent by two workers.
-- Keep the SQLite twin (../sqlite/0009_outbox_claims.sql) in step.
ALTER TABLE outbox ADD COLUMN claim_token UUID;
