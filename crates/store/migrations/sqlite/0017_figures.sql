-- Figures (issue 19): when a swap was confirmed, so that the time from proposal to confirmation
-- is read from the swap itself (until now only the audit log's `swap.confirmed` record said
-- it, by the swap's id as text); swaps confirmed before are filled in from that record. And the
-- proposal date, by which the figures count quarters and years.
-- Keep the twin (../postgres/0017_figures.sql) in step.
ALTER TABLE swaps ADD COLUMN confirmed_at TEXT;
UPDATE swaps SET confirmed_at = (
    SELECT MIN(a.at) FROM audit_log a
    WHERE a.object_type = 'swap' AND a.action = 'swap.confirmed'
      AND a.object_id = lower(substr(hex(swaps.id), 1, 8) || '-' || substr(hex(swaps.id), 9, 4) || '-'
          || substr(hex(swaps.id), 13, 4) || '-' || substr(hex(swaps.id), 17, 4) || '-' || substr(hex(swaps.id), 21, 12))
);
CREATE INDEX swaps_created ON swaps (created_at);
