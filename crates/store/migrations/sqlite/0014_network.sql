-- The network grows (issue 18): the network's framework agreement in versions the organisers
-- keep; employers' applications to join (confirmed address, questions and answers, the
-- organisers' decision, the framework agreement's version accepted); and what of each
-- organisation is public. Keep the twin (../postgres/0014_network.sql) in step.
CREATE TABLE framework_agreements (
    version INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by BLOB REFERENCES users (id) ON DELETE SET NULL
);

CREATE TABLE org_applications (
    id BLOB PRIMARY KEY,
    created_at TEXT NOT NULL,
    -- The applicant's language: the mails about the application are written in it.
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    region TEXT NOT NULL,
    parent_id BLOB REFERENCES organisations (id) ON DELETE SET NULL,
    -- Comma-separated, as parsed.
    domains TEXT NOT NULL,
    -- The seat as a place label, and its coordinate (the dot on the map).
    place TEXT,
    lat_e6 INTEGER,
    lon_e6 INTEGER,
    public_listed BOOLEAN NOT NULL,
    public_map BOOLEAN NOT NULL,
    admin_name TEXT NOT NULL,
    admin_email TEXT NOT NULL,
    framework_version INTEGER NOT NULL REFERENCES framework_agreements (version),
    -- unconfirmed, submitted, question, approved, refused
    state TEXT NOT NULL,
    -- The applicant's secret link (confirmation, then the application's page).
    secret_hash TEXT NOT NULL CONSTRAINT org_applications_secret_unique UNIQUE,
    confirmed_at TEXT,
    decided_at TEXT,
    decided_by BLOB REFERENCES users (id) ON DELETE SET NULL,
    refusal_reason TEXT,
    org_id BLOB REFERENCES organisations (id) ON DELETE SET NULL
);
CREATE INDEX org_applications_state ON org_applications (state, created_at);

-- Questions of the organisers and the applicant's answers.
CREATE TABLE org_application_messages (
    id BLOB PRIMARY KEY,
    application_id BLOB NOT NULL REFERENCES org_applications (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    from_applicant BOOLEAN NOT NULL,
    author_id BLOB REFERENCES users (id) ON DELETE SET NULL,
    body TEXT NOT NULL
);
CREATE INDEX org_application_messages_app ON org_application_messages (application_id, at);

-- What each organisation shows in public: its entry in the member list, its dot on the map,
-- its number of completed swaps. Organisations from before choose for themselves.
ALTER TABLE organisations ADD COLUMN public_listed BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE organisations ADD COLUMN public_map BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE organisations ADD COLUMN public_swaps BOOLEAN NOT NULL DEFAULT FALSE;

-- The network's framework agreement, version 1.
INSERT INTO framework_agreements (version, title, body, created_at, created_by) VALUES
    (1, 'Rahmenvereinbarung des Jobtausch-Netzwerks',
     'Die teilnehmenden öffentlichen Arbeitgeber ermöglichen ihren Beschäftigten, für eine Woche den Arbeitsplatz mit einer Person eines anderen öffentlichen Arbeitgebers zu tauschen (Hospitation). Die Teilnahme ist für alle Beteiligten freiwillig.

Jeder Tausch wird von beiden Arbeitgebern genehmigt; die Beteiligungsrechte der Personalvertretungen, der Gleichstellungsbeauftragten, der Schwerbehindertenvertretungen und der Datenschutzbeauftragten bleiben unberührt. Das Dienst- oder Arbeitsverhältnis zur eigenen Dienststelle besteht während des Tauschs unverändert fort; Bezüge, Reisekosten und Unfallschutz trägt die entsendende Stelle nach ihren Regeln.

Die tauschenden Personen unterzeichnen vor dem Tausch eine gegenseitige Verschwiegenheitserklärung. Die aufnehmende Stelle sorgt für eine Einweisung, die nötigen Zugänge und deren Entzug am Ende des Tauschs.

Die Arbeitgeber benennen eine Ansprechperson (Administration) für Jobtausch, halten ihre Angaben aktuell und verarbeiten personenbezogene Daten nur, soweit es für den Tausch erforderlich ist (DSGVO und Landesdatenschutzgesetze). Jeder Arbeitgeber kann die Teilnahme jederzeit mit Wirkung für künftige Tausche beenden; vereinbarte Tausche werden zu Ende geführt oder einvernehmlich abgesagt.',
     '2026-12-06T00:00:00Z', NULL);
