-- The network's default agreement template, version 2: the persons are named above its terms
-- (the document lists them first), not below. Version 1 stays for agreements made with it.
-- Keep the SQLite (../sqlite/0006_agreement_wording.sql) twin in step.
INSERT INTO agreement_templates (id, org_id, lang, version, title, body, created_at, created_by) VALUES
    ('0190a000-0000-7000-8000-000000000003', NULL, 'de', 2, 'Gegenseitige Verschwiegenheitserklärung',
     'Die oben genannten Personen tauschen im Rahmen von Jobtausch für die Dauer von {week} ihre Arbeitsplätze. Jede Person hospitiert am Arbeitsplatz der anderen und nimmt dort an Besprechungen, Veranstaltungen und Arbeitsabläufen teil.

Jede Person verpflichtet sich, über alle Angelegenheiten, die ihr während des Tauschs bei der aufnehmenden Stelle bekannt werden, Verschwiegenheit zu wahren. Dies gilt insbesondere für personenbezogene Daten, interne Vorgänge, Sicherheitsmaßnahmen und nicht öffentliche Informationen. Die Pflicht besteht auch nach dem Ende des Tauschs fort.

Personenbezogene Daten dürfen nur verarbeitet werden, soweit es für die Hospitation erforderlich ist; die Vorgaben der DSGVO und der jeweiligen Landesdatenschutzgesetze gelten. Unterlagen und Zugänge der aufnehmenden Stelle werden am Ende des Tauschs zurückgegeben.

Die dienst- und arbeitsrechtlichen Pflichten gegenüber der eigenen Dienststelle bleiben unberührt. Diese Erklärung wird von {organisations} anerkannt.',
     '2026-12-04T00:00:00Z', NULL),
    ('0190a000-0000-7000-8000-000000000004', NULL, 'en', 2, 'Mutual confidentiality agreement',
     'The persons named above swap their workplaces through Jobtausch for {week}. Each person shadows at the other''s workplace and takes part in meetings, events and work there.

Each person undertakes to keep confidential all matters that become known to them at the host organisation during the swap, in particular personal data, internal procedures, security measures and non-public information. This duty continues after the swap ends.

Personal data may be processed only as far as the swap requires; the GDPR and the data protection acts of the federal states apply. Documents and access of the host organisation are returned at the end of the swap.

The duties towards the person''s own employer remain unaffected. This agreement is recognised by {organisations}.',
     '2026-12-04T00:00:00Z', NULL);
