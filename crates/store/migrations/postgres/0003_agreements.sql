-- Agreement templates (versioned, per organisation or network-wide) and generated agreements.
-- Keep the SQLite twin (../sqlite/0003_agreements.sql) in step: the parity test compares them.

CREATE TABLE agreement_templates (
    id UUID PRIMARY KEY,
    -- NULL: the network's default template.
    org_id UUID REFERENCES organisations (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    version BIGINT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    created_by UUID REFERENCES users (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX agreement_templates_version ON agreement_templates (COALESCE(org_id, '00000000-0000-0000-0000-000000000000'), lang, version);

CREATE TABLE agreements (
    swap_id UUID PRIMARY KEY REFERENCES swaps (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    hash TEXT NOT NULL,
    pdf BYTEA NOT NULL,
    templates TEXT NOT NULL,
    generated_at TIMESTAMPTZ NOT NULL
);

-- The network's default template, German and English (version 1).
INSERT INTO agreement_templates (id, org_id, lang, version, title, body, created_at, created_by) VALUES
    ('0190a000-0000-7000-8000-000000000001', NULL, 'de', 1, 'Gegenseitige Verschwiegenheitserklärung',
     'Die unten genannten Personen tauschen im Rahmen von Jobtausch für die Dauer von {week} ihre Arbeitsplätze. Jede Person hospitiert am Arbeitsplatz der anderen und nimmt dort an Besprechungen, Veranstaltungen und Arbeitsabläufen teil.

Jede Person verpflichtet sich, über alle Angelegenheiten, die ihr während des Tauschs bei der aufnehmenden Stelle bekannt werden, Verschwiegenheit zu wahren. Dies gilt insbesondere für personenbezogene Daten, interne Vorgänge, Sicherheitsmaßnahmen und nicht öffentliche Informationen. Die Pflicht besteht auch nach dem Ende des Tauschs fort.

Personenbezogene Daten dürfen nur verarbeitet werden, soweit es für die Hospitation erforderlich ist; die Vorgaben der DSGVO und der jeweiligen Landesdatenschutzgesetze gelten. Unterlagen und Zugänge der aufnehmenden Stelle werden am Ende des Tauschs zurückgegeben.

Die dienst- und arbeitsrechtlichen Pflichten gegenüber der eigenen Dienststelle bleiben unberührt. Diese Erklärung wird von {organisations} anerkannt.',
     '2026-11-29T00:00:00Z', NULL),
    ('0190a000-0000-7000-8000-000000000002', NULL, 'en', 1, 'Mutual confidentiality agreement',
     'The persons named below swap their workplaces through Jobtausch for {week}. Each person shadows at the other''s workplace and takes part in meetings, events and work there.

Each person undertakes to keep confidential all matters that become known to them at the host organisation during the swap, in particular personal data, internal procedures, security measures and non-public information. This duty continues after the swap ends.

Personal data may be processed only as far as the swap requires; the GDPR and the data protection acts of the federal states apply. Documents and access of the host organisation are returned at the end of the swap.

The duties towards the person''s own employer remain unaffected. This agreement is recognised by {organisations}.',
     '2026-11-29T00:00:00Z', NULL);
