-- "Barriere melden" (issue 17): reports of barriers, also anonymous, with the deadline to
-- answer (one month, § 7 Abs. 1 Nr. 3 BITV 2.0 and the Länder acts) and whether and when
-- they were answered. Keep the twin (../postgres/0012_accessibility_reports.sql) in step.
CREATE TABLE accessibility_reports (
    id BLOB PRIMARY KEY,
    created_at TEXT NOT NULL,
    -- The page (an address of this site) where the barrier is.
    page TEXT NOT NULL,
    description TEXT NOT NULL,
    -- Where the answer goes, if the reporter gave an address.
    email TEXT,
    deadline TEXT NOT NULL,
    reminded_at TEXT,
    answered_at TEXT,
    answered_by BLOB REFERENCES users (id) ON DELETE SET NULL,
    answer_note TEXT
);
CREATE INDEX accessibility_reports_open ON accessibility_reports (answered_at, deadline);
