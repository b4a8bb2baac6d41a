-- Settings of the installation as a whole that its organisers keep on a page (today: the legal
-- details of the imprint, privacy and accessibility statements), one JSON value per name.
-- Keep the SQLite twin (../sqlite/0007_installation_settings.sql) in step.
CREATE TABLE installation_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by UUID REFERENCES users (id) ON DELETE SET NULL
);
