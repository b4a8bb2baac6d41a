# Jobtausch – deutsche Texte. Jeder Schlüssel steht auch in ../en/main.ftl.

## Rahmen
skip-to-content = Zum Inhalt springen
brand-claim = Jobtausch im öffentlichen Dienst
nav-label = Hauptnavigation
nav-people = Personen finden
nav-profile = Mein Profil
nav-orgs = Organisationen
nav-tokens = API-Schlüssel
nav-login = Anmelden
nav-signup = Registrieren
nav-logout = Abmelden
switch-language = English
signed-in-as = Angemeldet als { $name }
session-ends = Ihre Sitzung endet ohne Aktivität um { $time } Uhr
session-extend = Sitzung verlängern
legal-imprint = Impressum
legal-privacy = Datenschutzerklärung
legal-accessibility = Erklärung zur Barrierefreiheit
legal-easy-language = Leichte Sprache
footer-licence = Jobtausch ist freie Software unter der EUPL-1.2.
required = Pflichtfeld
optional = optional
errors-title = Bitte prüfen Sie Ihre Angaben
save = Speichern
any = Alle
none = Keine
actions = Aktionen
pagination = Seiten
page-prev = Vorherige Seite
page-first = Zur ersten Seite
page-next = Nächste Seite
back-to-start = Zur Startseite

## Startseite
home-title = Jobtausch
home-lead = Eine Woche den Arbeitsplatz tauschen – mit einer anderen öffentlichen Arbeitgeberin, genehmigt, vertraulich und gut geplant.
home-welcome = Willkommen, { $name }
home-link-profile = Profil bearbeiten
home-link-people = Tauschpartnerinnen und -partner finden
home-link-org = Meine Organisation
home-link-new-org = Organisation anlegen
home-how-title = So funktioniert es
home-how-1 = Registrieren Sie sich mit der E-Mail-Adresse Ihrer Arbeitgeberin im Netzwerk.
home-how-2 = Legen Sie ein Profil an: Aufgaben, Themen, was Sie lernen möchten, freie Wochen.
home-how-3 = Finden Sie eine Person für den Tausch – oder lassen Sie sich einen vorschlagen.
home-how-4 = Beide Arbeitgeber genehmigen, der Personalrat wird beteiligt, beide unterschreiben die Verschwiegenheitserklärung.

## Rechtliches
imprint-title = Impressum
imprint-operator-heading = Anbieterin
imprint-represented = Vertreten durch: { $name }
imprint-contact-heading = Kontakt
imprint-email = E-Mail:
imprint-phone = Telefon:
imprint-responsible-heading = Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV
imprint-software-heading = Software und Daten
imprint-software = Jobtausch ist freie Software unter der Lizenz EUPL-1.2. Die Liste der Orte und Postleitzahlen stammt von GeoNames (www.geonames.org) unter der Lizenz CC BY 4.0, von Jobtausch bearbeitet.
privacy-title = Datenschutzerklärung
privacy-controller-heading = Verantwortliche Stelle
privacy-dpo-heading = Datenschutzbeauftragte oder Datenschutzbeauftragter
privacy-purposes-heading = Was wir zu welchem Zweck verarbeiten
privacy-purpose-account = Ihr Konto und die Anmeldung: Name, dienstliche E-Mail-Adresse, Organisation, Rollen und Sitzungen.
privacy-purpose-profile = Ihr Profil und die Suche: Funktion, Organisationseinheit, Themen, Sprachen, freie Wochen und Reisebereitschaft. Diese Angaben sind freiwillig; andere sehen sie nur, solange Sie offen für einen Jobtausch sind, und Ihre eigene Organisation erst, wenn Sie es freigeben.
privacy-purpose-swap = Der Jobtausch selbst: Vorschläge, Genehmigungen, die Beteiligung der Gremien, die Verschwiegenheitserklärung mit Ihrer Unterschrift, die Planung der Woche, Check-ins, Ihre Reflexion und die Bescheinigung.
privacy-purpose-mail = Benachrichtigungen in Jobtausch und per E-Mail.
privacy-purpose-security = Sicherheit und Nachvollziehbarkeit: ein Prüfpfad, wer wann was entschieden hat, und der Schutz der Anmeldung vor Missbrauch.
privacy-basis-heading = Rechtsgrundlagen
privacy-basis = Die Verarbeitung für den Jobtausch ist für die Aufgaben der beteiligten öffentlichen Stellen erforderlich (Art. 6 Abs. 1 Buchst. e DSGVO) und betrifft Beschäftigte (Art. 88 DSGVO mit dem Beschäftigtendatenschutzrecht des Bundes oder des Landes). Ihr Profil und Ihre Teilnahme sind freiwillig (Art. 6 Abs. 1 Buchst. a DSGVO); Sie können Ihre Einwilligung jederzeit für die Zukunft widerrufen, indem Sie „Offen für einen Jobtausch“ abwählen.
privacy-basis-operator = Außerdem gilt:
privacy-recipients-heading = Wer Ihre Daten sieht
privacy-recipients = Ihre Angaben sehen nur angemeldete Mitglieder des Netzwerks, soweit ein Jobtausch es verlangt: Ihre Tauschpartnerinnen und Tauschpartner sowie die Genehmigenden und Gremien der beteiligten Organisationen. Ihre E-Mail-Adresse sehen nur Sie und wer Sie in einem Tausch kontaktieren muss. Wir geben keine Daten an Stellen außerhalb des Netzwerks und nicht in Drittländer.
privacy-retention-heading = Wie lange wir Daten speichern
privacy-retention = Ihr Konto und Ihr Profil speichern wir, bis Sie sie löschen lassen. Sitzungen enden mit ihrem Ablauf. Die Unterlagen eines bestätigten Jobtauschs (Verschwiegenheitserklärung und Prüfpfad) bewahren die beteiligten Stellen so lange auf, wie ihre Aufbewahrungspflichten es verlangen.
privacy-rights-heading = Ihre Rechte
privacy-rights = Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21). Wenden Sie sich dafür an die verantwortliche Stelle oder an die Datenschutzbeauftragte oder den Datenschutzbeauftragten.
privacy-authority = Sie können sich außerdem bei der Aufsichtsbehörde beschweren:
privacy-cookies-heading = Cookies
privacy-cookies = Wir setzen nur ein technisch notwendiges Sitzungs-Cookie, ein Cookie zum Schutz von Formularen und eines für Ihre Sprache. Es gibt keine Analyse und keine Schriften oder Skripte von fremden Servern.
accessibility-title = Erklärung zur Barrierefreiheit
accessibility-scope = Diese Erklärung gilt für Jobtausch in dieser Installation. Betreiberin: { $operator }. Öffentliche Stellen müssen ihre Websites und Anwendungen nach der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei gestalten.
accessibility-status-heading = Stand der Vereinbarkeit mit den Anforderungen
accessibility-status-full = Jobtausch ist mit den Anforderungen der BITV 2.0 und der WCAG 2.1 auf Stufe AA vollständig vereinbar.
accessibility-status-partial = Jobtausch ist mit den Anforderungen der BITV 2.0 und der WCAG 2.1 auf Stufe AA teilweise vereinbar.
accessibility-status-none = Jobtausch ist mit den Anforderungen der BITV 2.0 und der WCAG 2.1 auf Stufe AA nicht vereinbar.
accessibility-limits-heading = Nicht barrierefreie Inhalte
accessibility-limits-none = Uns sind keine Barrieren bekannt.
accessibility-method-heading = Erstellung dieser Erklärung
accessibility-method = Diese Erklärung wurde am { $date } erstellt. Sie beruht auf einer Selbstbewertung; jede Änderung der Software wird automatisch mit axe-core nach WCAG 2.1 AA geprüft, bei 1280 und 390 Pixel Breite.
accessibility-feedback-heading = Barrieren melden: Kontakt
accessibility-feedback = Ist Ihnen eine Barriere aufgefallen, oder brauchen Sie einen Inhalt in barrierefreier Form? Schreiben Sie uns oder rufen Sie an; wir antworten innerhalb eines Monats.
accessibility-enforcement-heading = Schlichtungs- und Durchsetzungsverfahren
accessibility-enforcement = Erhalten Sie auf Ihre Meldung keine zufriedenstellende Antwort, können Sie sich hierhin wenden:
legal-missing = Die Betreiberin dieser Installation hat ihre Angaben für diese Seite noch nicht eingetragen.
legal-edit = Angaben für Impressum, Datenschutz und Barrierefreiheit bearbeiten
legal-admin-title = Rechtliche Angaben der Installation
legal-admin-lead = Diese Angaben füllen das Impressum, die Datenschutzerklärung und die Erklärung zur Barrierefreiheit. Sie gelten für die ganze Installation.
legal-admin-imprint = Impressum
legal-admin-privacy = Datenschutz
legal-admin-accessibility = Barrierefreiheit
legal-admin-save = Angaben speichern
flash-legal-saved = Die rechtlichen Angaben sind gespeichert.
task-legal = Impressum, Datenschutzerklärung und Erklärung zur Barrierefreiheit ausfüllen
task-legal-detail = Ohne die Angaben der Betreiberin darf die Installation nicht öffentlich betrieben werden.
conformance-full = vollständig vereinbar
conformance-partial = teilweise vereinbar
conformance-none = nicht vereinbar
field-operator_name = Name der betreibenden Stelle
hint-operator_name = Die Behörde oder Einrichtung, die Jobtausch betreibt; sie ist auch die verantwortliche Stelle im Sinne der DSGVO.
field-operator_address = Anschrift
field-represented_by = Vertreten durch
hint-represented_by = Etwa die Oberbürgermeisterin oder der Geschäftsführer.
field-contact_email = E-Mail-Adresse für Anfragen
field-contact_phone = Telefon
field-content_responsible = Verantwortlich für den Inhalt
hint-content_responsible = Name und Anschrift nach § 18 Abs. 2 MStV.
field-dpo_name = Name der oder des Datenschutzbeauftragten
field-dpo_contact = Kontakt der oder des Datenschutzbeauftragten
hint-dpo_contact = Anschrift und E-Mail-Adresse.
field-legal_basis = Weitere Rechtsgrundlagen
hint-legal_basis = Etwa das Datenschutzgesetz Ihres Landes oder eine Dienstvereinbarung.
field-supervisory_authority = Zuständige Aufsichtsbehörde für den Datenschutz
hint-supervisory_authority = Name und Anschrift, etwa die oder der Landesbeauftragte für Datenschutz.
field-conformance = Stand der Vereinbarkeit
field-limitations = Bekannte Barrieren
hint-limitations = Was noch nicht barrierefrei ist und warum; leer lassen, wenn keine bekannt sind.
field-statement_date = Datum der Erklärung
field-accessibility_email = E-Mail-Adresse für Meldungen zu Barrieren
field-accessibility_phone = Telefon für Meldungen zu Barrieren
field-enforcement_body = Schlichtungs- oder Durchsetzungsstelle
hint-enforcement_body = Die Stelle Ihres Landes, oder die Schlichtungsstelle nach § 16 BGG; mit Anschrift und Website.
easy-title = Leichte Sprache
easy-p1 = Jobtausch ist eine Internet-Seite für Menschen im öffentlichen Dienst.
easy-p2 = Hier können Sie für eine Woche den Arbeits-Platz tauschen. Mit einer Person von einer anderen Behörde.
easy-p3 = So geht es: Sie melden sich an. Sie schreiben auf, was Sie arbeiten. Und was Sie lernen möchten.
easy-p4 = Dann suchen Sie eine Person für den Tausch. Ihre Chefin oder Ihr Chef muss Ja sagen.
easy-p5 = Oben auf jeder Seite ist das Menü. Unten auf jeder Seite sind die Links zum Datenschutz und zur Barriere-Freiheit.

## Probleme
problem-invalid = Eingaben unvollständig oder fehlerhaft
problem-invalid-text = Bitte prüfen Sie die markierten Felder.
problem-unauthenticated = Anmeldung erforderlich
problem-unauthenticated-text = Bitte melden Sie sich an.
problem-forbidden = Keine Berechtigung
problem-forbidden-text = Diese Aktion ist Ihnen nicht erlaubt.
problem-not-found = Nicht gefunden
problem-not-found-text = Diese Seite oder dieses Objekt gibt es nicht, oder Sie dürfen es nicht sehen.
problem-conflict = Konflikt
problem-conflict-text = Die Aktion passt nicht zum aktuellen Stand. Bitte laden Sie die Seite neu.
problem-csrf = Formular abgelaufen
problem-csrf-text = Das Formular war nicht mehr gültig. Bitte laden Sie die Seite neu und senden Sie es noch einmal.
problem-too-many-attempts = Zu viele Versuche
problem-too-many-attempts-text = Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut.
problem-bad-request = Anfrage nicht lesbar
problem-bad-request-text = Die Anfrage konnte nicht gelesen werden.
problem-too-large = Eingabe zu groß
problem-too-large-text = Was Sie gesendet haben, ist größer als { $limit } KiB. Bitte kürzen Sie Ihre Eingabe und senden Sie sie noch einmal.
problem-method-not-allowed = Nicht möglich
problem-method-not-allowed-text = Diese Adresse kann das nicht.
problem-unavailable = Vorübergehend nicht erreichbar
problem-unavailable-text = Jobtausch erreicht seine Datenbank gerade nicht. Ihre Eingaben sind nicht gespeichert. Bitte versuchen Sie es in einer halben Minute noch einmal.
problem-internal = Interner Fehler
problem-internal-text = Etwas ist schiefgegangen. Bitte versuchen Sie es später noch einmal.
reason-organiser-only = Das dürfen nur Personen der Netzwerk-Koordination.
reason-org-admin-only = Das dürfen nur Admins dieser Organisation.
reason-owner-only = Das darf nur die Person selbst.
reason-no-organisation = Ihr Konto gehört zu keiner Organisation.
reason-last-own-admin-role = Sie können sich die Admin-Rolle nicht selbst entziehen.
reason-changed-meanwhile = Das Objekt wurde inzwischen geändert.
reason-own-body-role = Eine Rolle in einem Gremium der Mitbestimmung vergibt Ihnen eine andere Person, nicht Sie sich selbst.

## Feldfehler
error-required = Bitte ausfüllen.
error-too-short = Mindestens { $min } Zeichen.
error-too-long = Höchstens { $max } Zeichen.
error-too-many = Höchstens { $max } Einträge.
error-out-of-range = Bitte eine ganze Zahl von { $min } bis { $max }.
error-email = Bitte eine gültige E-Mail-Adresse angeben, z. B. name@stadt.de.
error-email-domain = Bitte gültige Domains angeben, z. B. stadt.de.
error-domain-not-member = Diese Adresse gehört zu keiner Organisation im Netzwerk. Nutzen Sie Ihre dienstliche Adresse oder eine Einladung.
error-password-too-short = Mindestens { $min } Zeichen.
error-pay-grade = Bitte wie „A 13“ oder „E 11“ angeben.
error-week = Bitte Kalenderwochen wie „2027-W07“ angeben.
error-language = Bitte Sprachkürzel wie „de“ oder „en“ angeben.
error-unknown-choice = Bitte einen der angebotenen Werte wählen.
error-taken = Dieser Wert ist bereits vergeben.
error-mismatch = Die Angaben stimmen nicht überein.
error-login-failed = E-Mail-Adresse oder Passwort sind falsch.
error-not-verified = Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse. Wir haben Ihnen einen neuen Link geschickt.
error-invitation-invalid = Dieser Link ist ungültig oder abgelaufen.
error-must-accept = Bitte bestätigen Sie, dass Sie die Datenschutzerklärung gelesen haben.

## Felder
field-email = E-Mail-Adresse
field-display_name = Name
field-password = Passwort
field-password_confirm = Passwort wiederholen
field-privacy_accepted = Ich habe die Datenschutzerklärung gelesen.
field-invitation = Einladung
field-token = Link
field-role_title = Funktion
field-unit = Organisationseinheit
field-pay_grade = Besoldungs- oder Entgeltgruppe
field-topics = Themen meiner Arbeit
field-wants_to_learn = Was ich lernen möchte
field-languages = Sprachen
field-availability = Freie Kalenderwochen
field-travel_radius_km = Reisebereitschaft in km
field-about = Über mich
field-open_to_swap = Ich bin offen für einen Jobtausch.
field-shared_with_own_org = Meine eigene Organisation darf sehen, dass ich offen für einen Tausch bin.
field-q = Suchbegriffe
hint-q = Wörter aus Rolle, Themen oder Beschreibung einer Person; „digi“ findet auch „Digitalisierung“.
field-after = Seite
field-topic = Thema
field-kind = Art der Organisation
field-region = Bundesland
field-week = Kalenderwoche
field-page = Seite
field-name = Name
field-parent = Dachverband
field-domains = E-Mail-Domains
field-policy_staff_council = Personalrat
field-policy_equal_opportunities = Gleichstellungsbeauftragte
field-policy_disability_representative = Schwerbehindertenvertretung
field-policy_data_protection = Datenschutzbeauftragte
field-role = Rolle
field-user_id = Person
hint-email = Ihre dienstliche Adresse.
hint-password = Mindestens 12 Zeichen.
hint-pay_grade = Freiwillig; hilft der Matching-Runde, Tauschpartner auf ähnlicher Ebene zu finden.
hint-topics = Kreuzen Sie an, was zu Ihrer Arbeit passt.
hint-wants_to_learn = Kreuzen Sie an, worüber Sie bei einem Jobtausch mehr erfahren möchten.
hint-languages = Sprachen, in denen Sie arbeiten können.
hint-availability = Wochen des kommenden Jahres, in denen Sie tauschen könnten. Nur wer Sie findet, sieht sie.
hint-domains = Mehrere durch Kommas trennen, z. B. „stadt.de, verwaltung.stadt.de“.
hint-shared_with_own_org = Ohne Freigabe sehen Personen Ihrer Organisation nicht, dass Sie offen für einen Tausch sind.
hint-week = Wählen Sie eine der freien Wochen.

## Registrierung und Anmeldung
signup-title = Registrieren
signup-lead = Registrieren Sie sich mit der dienstlichen E-Mail-Adresse einer Organisation im Netzwerk. Sie erhalten einen Link zur Bestätigung.
signup-invited = Sie wurden zu „{ $org }“ eingeladen.
signup-privacy-before = Bitte lesen Sie vorher die
signup-submit = Konto anlegen
signup-done-title = Bitte bestätigen Sie Ihre Adresse
signup-done-text = Wir haben einen Bestätigungslink an { $email } geschickt, sofern die Adresse zu einer Organisation im Netzwerk gehört. Der Link gilt 48 Stunden.
signup-done-invited-title = Konto angelegt
signup-done-invited-text = Ihr Konto ist angelegt. Sie können sich jetzt anmelden.
verify-title = E-Mail-Adresse bestätigen
verify-lead = Bitte bestätigen Sie mit einem Klick, dass diese Adresse Ihnen gehört.
verify-submit = Adresse bestätigen
verify-ok-title = Adresse bestätigt
verify-ok-text = Danke. Ihre E-Mail-Adresse ist bestätigt; Sie können sich jetzt anmelden.
verify-bad-title = Link ungültig
verify-bad-text = Dieser Bestätigungslink ist ungültig, abgelaufen oder wurde schon benutzt. Melden Sie sich an, um einen neuen zu erhalten.
login-title = Anmelden
login-submit = Anmelden
login-forgot = Passwort vergessen?
forgot-title = Passwort vergessen
forgot-lead = Geben Sie die Adresse Ihres Kontos an. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort setzen (eine Stunde gültig).
forgot-submit = Link anfordern
forgot-done-title = Bitte sehen Sie in Ihr Postfach
forgot-done-text = Wenn zu { $email } ein Konto gehört, haben wir einen Link zum Zurücksetzen geschickt.
reset-title = Neues Passwort setzen
reset-lead = Danach sind Sie überall abgemeldet und melden sich mit dem neuen Passwort an.
reset-submit = Passwort speichern
reset-bad-text = Dieser Link ist ungültig, abgelaufen oder wurde schon benutzt. Fordern Sie einen neuen an.
flash-password-reset = Ihr Passwort ist geändert. Bitte melden Sie sich an.
notice-password-changed = Ihr Passwort wurde mit einem Link zum Zurücksetzen geändert. Damit enden alle Anmeldungen, Ihre API-Schlüssel und die Adresse Ihres Kalender-Abos; bitte legen Sie unter „Kalender“ eine neue Adresse an und abonnieren Sie sie neu
login-no-account = Noch kein Konto?
flash-logged-in = Sie sind angemeldet.
flash-logged-out = Sie sind abgemeldet.
flash-profile-saved = Ihr Profil ist gespeichert.
flash-org-created = Die Organisation ist angelegt.
flash-org-saved = Die Organisation ist gespeichert.
flash-policy-saved = Die Beteiligungsregeln sind gespeichert.
flash-roles-saved = Die Rollen sind gespeichert.
flash-invited = Die Einladung ist verschickt.
flash-token-revoked = Der API-Schlüssel ist widerrufen.

## Profil und Suche
profile-title = Mein Profil
profile-email-note = Ihre Adresse { $email } sehen andere Mitglieder nicht.
profile-swap-legend = Offen für einen Jobtausch
search-title = Personen finden
search-lead = Personen anderer Organisationen, die offen für einen Jobtausch sind.
search-submit = Suchen
search-results = Ergebnisse
search-none = Keine passenden Personen gefunden.
person-open = Offen für einen Jobtausch
person-no-profile = Diese Person hat noch kein Profil angelegt.
person-edit-own = Mein Profil bearbeiten

## Organisationen
orgs-title = Organisationen im Netzwerk
orgs-none = Noch keine Organisationen.
orgs-caption = Alle Organisationen
org-new-title = Organisation anlegen
org-edit-title = Organisation bearbeiten
org-members-title = Personen und Rollen
org-policy-title = Beteiligung der Gremien
org-policy-lead = Wie jedes Gremium an einem Jobtausch beteiligt wird: informieren, zustimmen lassen oder nicht nötig.
org-policy-save = Beteiligungsregeln speichern
org-members-none = Noch keine Personen.
org-invite-title = Person einladen
org-invite-lead = Die Person erhält einen Link, mit dem sie ein Konto in dieser Organisation anlegt – auch mit einer Adresse außerhalb Ihrer Domains.
org-invite-submit = Einladung senden
role-held = ja
role-not-held = nein
role-grant = Vergeben
role-revoke = Entziehen
role-participant = Teilnehmende Person
role-approver = Genehmigende Person
role-org_admin = Organisations-Admin
role-body-staff_council = Personalrat
role-body-equal_opportunities = Gleichstellung
role-body-disability_representative = Schwerbehindertenvertretung
role-body-data_protection = Datenschutz
kind-city = Stadt oder Gemeinde
kind-district = Kreis
kind-it_service_provider = IT-Dienstleister
kind-association = Verband
kind-state_agency = Landesbehörde
region-BW = Baden-Württemberg
region-BY = Bayern
region-BE = Berlin
region-BB = Brandenburg
region-HB = Bremen
region-HH = Hamburg
region-HE = Hessen
region-MV = Mecklenburg-Vorpommern
region-NI = Niedersachsen
region-NW = Nordrhein-Westfalen
region-RP = Rheinland-Pfalz
region-SL = Saarland
region-SN = Sachsen
region-ST = Sachsen-Anhalt
region-SH = Schleswig-Holstein
region-TH = Thüringen
body-staff_council = Personalrat
body-equal_opportunities = Gleichstellungsbeauftragte
body-disability_representative = Schwerbehindertenvertretung
body-data_protection = Datenschutzbeauftragte
rule-inform = informieren
rule-consent = Zustimmung einholen
rule-not_needed = nicht nötig

## API-Schlüssel
tokens-title = API-Schlüssel
tokens-lead = Mit einem persönlichen API-Schlüssel können Programme in Ihrem Namen die JSON-Schnittstelle nutzen.
tokens-openapi = Beschreibung der Schnittstelle (OpenAPI)
tokens-new-title = Ihr neuer API-Schlüssel
tokens-new-text = Kopieren Sie den Schlüssel jetzt. Er wird nur dieses eine Mal angezeigt.
tokens-none = Sie haben keine API-Schlüssel.
tokens-caption = Ihre API-Schlüssel
tokens-created = Angelegt
tokens-used = Zuletzt benutzt
tokens-revoke = Widerrufen
tokens-create-title = Neuen Schlüssel anlegen
tokens-create = Schlüssel anlegen

## E-Mails
mail-verify-subject = Jobtausch: Bitte bestätigen Sie Ihre E-Mail-Adresse
mail-verify-body =
    Guten Tag { $name },

    bitte bestätigen Sie Ihre Adresse für Jobtausch mit diesem Link (48 Stunden gültig):

    { $link }

    Wenn Sie sich nicht registriert haben, ignorieren Sie diese Nachricht.
mail-already-subject = Jobtausch: Sie haben bereits ein Konto
mail-already-body =
    Guten Tag,

    jemand wollte mit Ihrer Adresse ein Konto bei Jobtausch anlegen. Sie haben bereits eines.
    Hier melden Sie sich an:

    { $link }

    Wenn Sie das nicht waren, können Sie diese Nachricht ignorieren.
mail-invite-subject = Jobtausch: Einladung von { $org }
mail-invite-body =
    Guten Tag,

    { $inviter } lädt Sie ein, Jobtausch für „{ $org }“ zu nutzen, mit der Rolle: { $role }. Mit diesem Link legen Sie Ihr Konto an (14 Tage gültig):

    { $link }
mail-notice-subject = Jobtausch: Änderung an Ihrem Konto
mail-notice-body =
    Guten Tag { $name },

    an Ihrem Konto wurde geändert: { $what }.
    Wenn Sie das nicht waren, wenden Sie sich bitte sofort an die Netzwerk-Koordination.
mail-reset-subject = Jobtausch: Passwort zurücksetzen
mail-reset-body =
    Guten Tag { $name },

    mit diesem Link setzen Sie ein neues Passwort für Jobtausch (eine Stunde gültig):

    { $link }

    Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht; Ihr Passwort bleibt.

## Jobtausch (Tausch, Genehmigungen, Vereinbarung)
nav-swaps = Jobtausche
nav-inbox = Nachrichten
inbox-unread = ungelesen
inbox-title = Nachrichten
inbox-none = Keine Nachrichten.
inbox-mark-read = Alle als gelesen markieren
inbox-new = neu
flash-inbox-read = Alle Nachrichten sind als gelesen markiert.
swaps-title = Jobtausche
swaps-to-approve = Wartet auf Ihre Genehmigung
swaps-nothing-waiting = Nichts wartet auf Ihre Entscheidung.
swaps-to-consent = Wartet auf die Zustimmung Ihres Gremiums
swaps-mine = Meine Jobtausche
swaps-none = Sie sind an keinem Jobtausch beteiligt.
swaps-of-org = Jobtausche Ihrer Organisation
swaps-find = Personen für einen Jobtausch finden
swap-title = Jobtausch
swap-state = Stand
swap-end-reason = Grund
swap-members = Beteiligte
swap-organisation = Organisation
swap-accepted = Angenommen
swap-signed = Unterschrieben
yes = ja
no = nein
swap-legs = Stationen
swap-message-from = Nachricht von { $name }
swap-answer = Ihre Antwort
swap-accept = Jobtausch annehmen
swap-decline = Ablehnen
swap-approvals = Genehmigungen
swap-deadline = Frist
swap-approve = Genehmigen
swap-decline-approval = Nicht genehmigen
swap-delegate = Übertragen
field-delegate = Genehmigung übertragen an
swap-bodies = Beteiligung der Gremien
swap-consent = Zustimmen
swap-refuse = Zustimmung verweigern
swap-agreement = Verschwiegenheitserklärung
swap-agreement-download = Verschwiegenheitserklärung herunterladen
swap-sign-lead = Lesen Sie die Erklärung. Mit Ihrem Passwort bestätigen Sie, dass Sie genau dieses Dokument (Prüfsumme oben) unterschreiben.
swap-sign = Unterschreiben
swap-end = Jobtausch beenden
swap-withdraw = Vorschlag zurückziehen
swap-cancel = Jobtausch absagen
swap-audit = Verlauf
audit-when = Wann
audit-who = Wer
audit-what = Was
audit-system = System
audit-swap-proposed = vorgeschlagen
audit-swap-accepted = angenommen
audit-swap-approvals_requested = Genehmigungen angefragt
audit-swap-body_informed = Gremium informiert
audit-swap-approved = genehmigt
audit-swap-approval_declined = Genehmigung verweigert
audit-swap-delegated = Genehmigung übertragen
audit-swap-body_consented = Gremium hat zugestimmt
audit-swap-body_refused = Gremium hat die Zustimmung verweigert
audit-swap-agreement_requested = alle Genehmigungen erteilt
audit-swap-agreement_generated = Verschwiegenheitserklärung erstellt
audit-swap-signed = unterschrieben
audit-swap-confirmed = bestätigt
audit-swap-declined = abgelehnt
audit-swap-withdrawn = zurückgezogen
audit-swap-cancelled = abgesagt
audit-swap-expired = Frist abgelaufen
audit-swap-week_began = Woche begonnen
audit-swap-week_completed = Woche beendet
audit-swap-evaluated = ausgewertet
audit-swap-reminded = Erinnerung verschickt
audit-swap-week_planned = Woche geplant
audit-week-briefing_settings = Briefing für alle Tage geändert
audit-week-briefing_moved = Briefing verschoben
audit-week-briefing_cancelled = Briefing abgesagt
audit-week-appointment_added = Termin eingetragen
audit-week-appointment_cancelled = Termin abgesagt
audit-week-handover = Übergabe gespeichert
audit-week-deputy = Vertretung benannt
audit-week-access = Zugang geändert
audit-week-admin = Verwaltungspunkt geändert
audit-week-checkin = Check-in
audit-week-reflection = Reflexion geschrieben
audit-week-feedback = Rückmeldung der Genehmigenden gespeichert
audit-week-help_resolved = Hilfeanfrage erledigt
audit-week-reminded = an den Wochenplan erinnert
audit-week-revocation_reminded = an das Entziehen der Zugänge erinnert
state-proposed = vorgeschlagen
state-accepted = angenommen
state-approvals_pending = wartet auf Genehmigungen
state-agreement_pending = wartet auf Unterschriften
state-confirmed = bestätigt
state-declined = abgelehnt
state-withdrawn = zurückgezogen
state-cancelled = abgesagt
state-in_progress = läuft
state-completed = abgeschlossen
state-evaluated = ausgewertet
approval-pending = offen
approval-approved = genehmigt
approval-declined = nicht genehmigt
approval-delegated-to = übertragen an { $name }
leg-text = { $name }
side-sending = Entsendende Stelle
side-receiving = Aufnehmende Stelle
decline-no_management_approval = keine Zustimmung der Leitung
decline-staffing = Personalsituation
decline-other = anderer Grund
body-status-pending = Entscheidung offen
body-status-informed = informiert
body-status-consented = zugestimmt
body-status-refused = Zustimmung verweigert
end-week_unsuitable = Die Woche passt nicht
end-workload = Die Arbeitslage lässt es nicht zu
end-personal = Persönliche Gründe
end-other = Anderer Grund
choose-one = Bitte wählen
confirm-decline-title = Vorschlag ablehnen?
confirm-withdraw-title = Vorschlag zurückziehen?
confirm-decline-approval-title = Genehmigung verweigern?
confirm-refuse-title = Zustimmung verweigern?
confirm-cancel-title = Jobtausch absagen?
confirm-consequence = Der Jobtausch in { $week } ({ $names }) findet dann nicht statt. Das lässt sich nicht rückgängig machen; ein neuer Tausch muss neu vorgeschlagen werden.
confirm-reason = Ihr Grund
confirm-told = Benachrichtigt werden
confirm-told-nobody = Niemand außer Ihnen.
confirm-decline = Ja, ablehnen
confirm-withdraw = Ja, zurückziehen
confirm-decline-approval = Ja, Genehmigung verweigern
confirm-refuse = Ja, Zustimmung verweigern
confirm-cancel = Ja, Jobtausch absagen
confirm-back = Nein, zurück zum Jobtausch
end-approval-deadline-passed = Die Frist für eine Genehmigung ist abgelaufen.
end-staffing = Genehmigung verweigert: Personalsituation
end-no_management_approval = Genehmigung verweigert: keine Zustimmung der Leitung
field-reason = Grund
field-comment = Kommentar
field-reason_kind = Art des Grundes
field-message = Nachricht
field-partner = Person
field-approval = Genehmigung
field-step = Gremium
field-hash = Prüfsumme
propose-title = Jobtausch vorschlagen
propose-lead = Wählen Sie eine Woche, in der Sie beide frei sind. Die Person kann annehmen oder ablehnen; danach entscheiden beide Arbeitgeber.
propose-submit = Vorschlag senden
flash-swap-proposed = Ihr Vorschlag ist verschickt.
flash-swap-signed = Sie haben unterschrieben.
flash-swap-ended = Der Jobtausch ist beendet.
flash-swap-saved = Ihre Entscheidung ist gespeichert.
reason-not-member = Das dürfen nur die Beteiligten des Jobtauschs.
reason-not-proposer = Zurückziehen kann nur die Person, die den Tausch vorgeschlagen hat.
reason-not-approver = Das dürfen nur Genehmigende der zuständigen Organisation.
reason-not-body-member = Das dürfen nur Mitglieder dieses Gremiums.
reason-may-not-cancel = Absagen können nur Beteiligte und Genehmigende der beteiligten Organisationen.
reason-already-decided = Das wurde bereits entschieden.
reason-no-such-step = Diesen Schritt gibt es nicht.
reason-invalid-transition = Das ist im aktuellen Stand des Jobtauschs nicht möglich.
reason-agreement-changed = Die Erklärung hat sich geändert. Bitte lesen Sie sie erneut.
reason-agreement-readers-only = Die Erklärung sehen nur Beteiligte sowie Genehmigende und Admins der beteiligten Organisationen.
reason-too-few-members = Ein Jobtausch braucht mindestens zwei Personen.
reason-duplicate-member = Eine Person kommt doppelt vor.
reason-own-swap = Über einen Jobtausch, an dem Sie selbst beteiligt sind, entscheidet eine andere Person (Vier-Augen-Prinzip).
note-decider-missing = Für den Jobtausch in { $week } ({ $names }) fehlt bei { $org } eine Person mit der Rolle „{ $role }“, die nicht selbst beteiligt ist. Bitte benennen Sie jemanden.
swap-decider-missing = { $org }: Es fehlt eine Person mit der Rolle „{ $role }“, die nicht selbst an diesem Jobtausch beteiligt ist. Die Admins der Organisation müssen jemanden benennen; sie und die Netzwerk-Koordination sind informiert.
error-week-begun = Diese Woche hat schon begonnen. Bitte eine spätere wählen.
error-wrong-password = Das Passwort ist falsch.
error-week-taken = In dieser Woche ist schon ein Jobtausch vereinbart (bei Ihnen oder der anderen Person). Bitte eine andere Woche wählen.
error-unknown-place = Diesen Ort finden wir nicht. Bitte prüfen Sie den Ortsnamen oder die Postleitzahl.
error-ambiguous-place = Mehrere Orte passen dazu. Bitte wählen Sie einen aus.
error-coordinates = Bitte Breite und Länge in Grad angeben, getrennt durch ein Komma, etwa „51.0504, 13.7373“.
error-period-order = Die letzte Woche darf nicht vor der ersten liegen.
error-same-organisation = Ein Tausch innerhalb derselben Organisation ist nicht möglich.
error-date = Bitte ein Datum wie „2027-03-22“ angeben.
error-time = Bitte eine Uhrzeit wie „08:30“ angeben.
error-link = Bitte einen vollständigen Link angeben, der mit https:// beginnt.
error-outside-week = Bitte einen Tag von Montag bis Freitag der Tauschwoche wählen.
error-end-before-start = Das Ende muss nach dem Beginn liegen.
error-overlap = Zu dieser Zeit ist schon ein anderer Termin eingetragen.
error-no-swap-day = An diesem Tag ist bei allen Gastgebern Feiertag; der Tausch findet nicht statt. Bitte einen anderen Tag wählen.
note-proposed = { $name } schlägt Ihnen einen Jobtausch in { $week } vor.
note-matched = Die Matching-Runde schlägt einen Jobtausch in { $week } vor: { $names } ({ $orgs }). Bitte sehen Sie sich an, warum, und nehmen Sie an oder lehnen Sie ab.
note-accepted = { $name } hat den Jobtausch in { $week } angenommen.
note-approvals-requested = Alle haben angenommen. Jetzt entscheiden die Arbeitgeber über den Jobtausch in { $week }.
note-approval-needed = Ein Jobtausch in { $week } wartet auf Ihre Genehmigung: { $names }.
note-consent-needed = Ein Jobtausch in { $week } wartet auf die Zustimmung Ihres Gremiums: { $names } ({ $orgs }).
note-body-informed = Zur Information Ihres Gremiums: { $names } ({ $orgs }) tauschen in { $week } ihre Arbeitsplätze.
note-approved = { $name } hat die Genehmigung von { $org } als { $side } für { $person } erteilt (Jobtausch in { $week }).
note-consented = { $name } hat für das Gremium dem Jobtausch in { $week } zugestimmt.
note-delegated = { $name } hat Ihnen eine Genehmigung für den Jobtausch in { $week } übertragen.
note-sign-needed = Alle Genehmigungen liegen vor. Bitte unterschreiben Sie die Verschwiegenheitserklärung für { $week }.
note-signed = { $name } hat die Verschwiegenheitserklärung für { $week } unterschrieben.
note-confirmed = Der Jobtausch in { $week } ist bestätigt: { $names }.
note-week-began = Heute beginnt der Jobtausch in { $week } mit { $names }. Eine gute Woche!
note-week-completed = Der Jobtausch in { $week } ist vorbei. Bitte schreiben Sie Ihre Reflexion; danach können Sie Ihre Teilnahmebescheinigung herunterladen.
note-evaluated = Alle haben ihre Reflexion zum Jobtausch in { $week } geschrieben. Sie können sie jetzt lesen.
note-ended = Der Jobtausch in { $week } findet nicht statt. Grund: { $reason }
note-reminder = Erinnerung: Ein Jobtausch in { $week } wartet noch auf Ihre Genehmigung: { $names }.
mail-swap-subject = Jobtausch { $week }: { $what }
mail-swap-body =
    Guten Tag { $name },

    { $text }

    Zum Jobtausch: { $link }
agreement-destination = Arbeitsplatz bei { $org }
agreement-network-default = Netzwerk-Vorlage
agreement-template-ref = Vorlage { $owner }, Version { $version }
agreement-title = Gegenseitige Verschwiegenheitserklärung
agreement-parties = Beteiligte
agreement-terms = Vereinbarung
agreement-signatures = Unterschriften
agreement-signatures-intro = Jede Person hat die Erklärung in Jobtausch durch Eingabe ihres Passworts bestätigt. Die Prüfsumme (SHA-256) bezeichnet das bestätigte Dokument ohne diese Seite.
agreement-signed-at = Unterschrieben am
agreement-hash = Prüfsumme
agreement-pseudonymised = Pseudonymisierte Fassung vom { $date }: Eine beteiligte Person hat ihr Konto gelöscht; an ihrer Stelle steht „{ $pseudonym }“. Unterschrieben wurde die ursprüngliche Fassung, deren Prüfsumme die Unterschriftenseite nennt.
agreement-local-time = deutsche Zeit

## Vorlagen
templates-title = Vorlagen der Verschwiegenheitserklärung
templates-lead = Jede neue Fassung wird als neue Version gespeichert. Bereits erstellte Erklärungen bleiben, wie sie sind.
templates-current = Gilt für neue Erklärungen
templates-own = eigene Vorlage, Version { $version }
templates-versions = Alle Versionen dieser Organisation
templates-new = Neue Version anlegen
templates-save = Version speichern
field-lang = Sprache
field-title = Titel
field-body = Text
hint-body = Absätze durch eine Leerzeile trennen. Platzhalter: {"{"}week{"}"} (die Tauschwoche), {"{"}names{"}"} (die Beteiligten), {"{"}organisations{"}"} (die Organisationen).
flash-template-saved = Die neue Version der Vorlage ist gespeichert.
org-audit-export = Verlauf als CSV herunterladen

## Matching rounds
nav-rounds = Matching-Runden
rounds-title = Matching-Runden
rounds-lead = Eine Matching-Runde sucht unter allen, die offen für einen Jobtausch sind, die besten Paare und Dreierringe für einen Zeitraum: Sie bringt möglichst viele Menschen zusammen und unter diesen die am besten passenden. Jede gefundene Tauschidee wird den Beteiligten als Vorschlag geschickt; sie nehmen an oder lehnen ab wie jeden anderen Vorschlag.
rounds-start-title = Neue Runde starten
rounds-start = Runde starten
rounds-list-title = Bisherige Runden
rounds-none = Es gab noch keine Matching-Runde.
rounds-caption = Matching-Runden, die neueste zuerst
rounds-back = Zurück zu den Matching-Runden
field-from = Erste Kalenderwoche
field-to = Letzte Kalenderwoche
field-max_cycle = Art der Tausche
field-time_limit = Rechenzeit in Sekunden
hint-from = Die erste Woche, für die die Runde Partner sucht.
hint-to = Höchstens 26 Wochen nach der ersten.
hint-time_limit = 1 bis 600 Sekunden. Reicht die Zeit nicht für den Beweis, zeigt die Runde die beste Lösung und wie weit sie höchstens vom Optimum entfernt ist.
round-cycle-2 = nur Paare
round-cycle-3 = Paare und Dreierringe
round-title = Matching-Runde
round-period = Zeitraum
round-started = Gestartet
round-state = Stand
round-kind = Art der Tausche
round-state-queued = wartet
round-state-running = läuft
round-state-finished = fertig
round-state-failed = fehlgeschlagen
round-figures = Ergebnis
round-candidates = Teilnehmende mit freier Woche
round-people-matched = Vermittelte Personen
round-pairs = Paare
round-rings = Dreierringe
round-bound = Obere Schranke
round-optimal = bewiesen optimal
round-gap = höchstens { $gap } Personen mehr wären möglich
round-bound-scope = Die Schranke gilt für die möglichen Plätze dieser Runde: je Person die { $places } am besten passenden.
round-weight = Passung (Summe)
round-edges = Mögliche Plätze
round-duration = Dauer
round-ms = { $ms } ms
round-proposals = Vorschläge dieser Runde
round-no-proposals = Diese Runde hat keinen Tausch gefunden.
round-failed = Die Runde ist fehlgeschlagen. Bitte starten Sie sie noch einmal; der Fehler steht im Protokoll des Servers.
round-running = Die Runde läuft noch.
round-reload = Seite neu laden
flash-round-started = Die Matching-Runde ist gestartet.
swap-matched-title = Warum dieser Vorschlag
swap-matched-lead = Die Matching-Runde hat diesen Tausch gefunden. Alle Beteiligten sind in { $week } frei.
swap-matched-leg = { $person } möchte { $topics } lernen; { $host } arbeitet daran.
swap-matched-distance = Entfernung: { $km } km.
## Matching settings of an organisation
org-matching-title = Matching
org-matching-lead = Der Standort begrenzt Tausche auf den Reiseradius der Menschen. Mit gesperrten Organisationen (etwa einer Aufsichtsbehörde) schlägt Jobtausch keinen Tausch vor.
org-matching-save = Matching-Einstellungen speichern
org-matching-blocked = Gesperrte Organisationen
org-matching-none = keine
org-place = Standort
field-place = Ort oder Postleitzahl
hint-place = Wo die Organisation sitzt, etwa „Münster“ oder „48143“. Leer lassen, wenn Reisewege keine Rolle spielen. Ortsdaten: © GeoNames (www.geonames.org), CC BY 4.0.
field-coordinates = Koordinaten
hint-coordinates = Breite und Länge in Grad, etwa „51.0504, 13.7373“. Leer lassen, wenn unbekannt.
flash-org-matching-saved = Die Matching-Einstellungen sind gespeichert.

## The swap week
ics-briefing-summary = Jobtausch-Briefing mit { $names }
ics-briefing-description = Tägliche Abstimmung im Jobtausch. Wochenplan: { $link }
ics-video-link = Videokonferenz: { $link }
appointment-kind-team_meeting = Teambesprechung
appointment-kind-online_event = Online-Veranstaltung
appointment-kind-workshop = Workshop
appointment-kind-leadership_round = Führungsrunde
appointment-kind-other = Sonstiger Termin

## The week plan page
week-title = Wochenplan
week-back-to-swap = zurück zum Jobtausch
week-sections = Abschnitte des Wochenplans
week-days = Tage und Feiertage
week-days-caption = Die Tage der Tauschwoche mit den Feiertagen am jeweiligen Gastort
week-day = Tag
week-holidays = Feiertage am Gastort
week-no-swap-day = an diesem Tag findet der Tausch nicht statt
week-briefings = Tägliches Briefing
week-briefings-lead = Jeden Morgen stimmen Sie sich kurz ab (Standard: zehn Minuten um 8:30 Uhr). Sie können die Uhrzeit für alle Tage ändern, einen Tag verschieben oder absagen; Kalender erfahren davon.
week-briefing-settings = Uhrzeit, Dauer und Videolink für alle Tage
week-briefing-settings-save = Für alle Tage übernehmen
week-briefing-change = Briefing { $day } verschieben oder absagen
week-briefing-move = Verschieben
week-briefing-cancel = Absagen
week-cancelled = abgesagt
week-appointments = Termine am Gastort
week-appointments-lead = Die Person, deren Platz der Gast einnimmt (oder ihre Vertretung), trägt Teambesprechungen, Online-Veranstaltungen, Workshops und Führungsrunden ein.
week-appointments-none = Noch keine Termine.
week-appointments-caption = Termine der Gäste in der Tauschwoche
week-appointment-for = Termin für { $name } eintragen
week-appointment-add = Termin eintragen
week-appointment-cancel = Absagen
week-guest = Gast
week-when = Wann
week-handover = Übergabe und Vertretung
week-handover-lead = Was muss die Person wissen, die Ihren Platz einnimmt? Und wer vertritt Sie zu Hause?
week-handover-from = Übergabe { $name }
week-handover-save = Übergabe speichern
week-deputies = Vertretung zu Hause
week-deputies-none = Noch keine Vertretung benannt.
week-deputy-of = Vertretung von { $name }
week-deputy-save = Vertretung benennen
week-access = Zugänge
week-access-lead = Was der Gast am Gastort braucht, mit zuständiger Person und Frist. Was gewährt wurde, wird am Ende der Woche entzogen; die zuständige Person wird daran erinnert.
week-access-caption = Zugänge je Gast
week-item = Punkt
week-owner = Zuständig
week-due = fällig am { $date }
week-admin = Verwaltung
week-admin-lead = Einordnung (Hospitation oder Abordnung), Unfallversicherung, Reisekosten, Arbeitszeiterfassung und Ausstattung, je Tauschrichtung.
week-admin-caption = Verwaltungspunkte je Tauschrichtung
week-leg = Tauschrichtung
week-value = Festlegung
week-done = erledigt
week-calendar = Kalender
week-calendar-lead = Laden Sie die Termine dieses Tauschs als Kalenderdatei herunter, oder abonnieren Sie Ihren persönlichen Kalender mit allen Tauschterminen.
week-calendar-download = Kalenderdatei (.ics) herunterladen
week-calendar-feed = Persönlichen Kalender abonnieren
week-checkin = Tägliches Check-in
week-checkin-lead = Wie läuft es heute? Wenn Sie Hilfe brauchen, sieht das Netzwerk-Team Ihre Nachricht.
week-checkin-save = Check-in senden
week-checkin-when = Das Check-in ist während der Tauschwoche möglich.
week-after = Nach der Woche
week-reflection = Reflexion
week-reflection-lead = Was haben Sie gelernt, was ändern Sie in Ihrer eigenen Rolle, würden Sie den Tausch empfehlen? Die anderen lesen Ihre Reflexion, wenn alle geschrieben haben oder 14 Tage vergangen sind.
week-reflection-save = Reflexion speichern
week-reflection-when = Die Reflexion schreiben Sie nach der Tauschwoche.
week-reflections-hidden = Die Reflexionen der anderen erscheinen, wenn alle geschrieben haben oder 14 Tage nach der Woche.
week-reflection-of = Reflexion von { $name }
week-certificate = Teilnahmebescheinigung (PDF) herunterladen
week-feedback = Rückmeldung der Genehmigenden
week-feedback-save = Rückmeldung speichern
field-date = Datum
field-time = Uhrzeit
field-minutes = Dauer in Minuten
field-link = Videolink
field-start = Beginn
field-end = Ende
field-place_or_link = Ort oder Link
field-note_for_guest = Hinweis für den Gast
field-state = Stand
field-due = Frist
field-value = Festlegung
field-done = erledigt
field-status = Wie läuft es?
field-note = Nachricht
field-learned = Was ich gelernt habe
field-will_change = Was ich in meiner Rolle ändere
field-recommend = Würde ich den Jobtausch empfehlen?
field-free_text = Was ich noch sagen möchte
hint-date = Als Datum, etwa „19.01.2027“; der Kalender hilft beim Wählen.
hint-time = Als Uhrzeit, etwa „08:30“ (deutsche Zeit).
hint-start = Als Uhrzeit, etwa „09:00“.
hint-end = Als Uhrzeit, etwa „10:30“.
hint-link = Mit https:// am Anfang.
hint-due = Als Datum, etwa „15.01.2027“.
access-item-guest_account = Gastkonto
access-item-badge = Dienstausweis oder Zugangskarte
access-item-vpn = VPN
access-item-meeting_invitations = Einladungen zu Besprechungen
access-item-mailing_lists = Verteiler
access-state-open = offen
access-state-granted = gewährt
access-state-revoked = entzogen
access-state-not_needed = nicht nötig
admin-item-classification = Einordnung
admin-item-accident_insurance = Unfallversicherung
admin-item-travel_costs = Reisekosten
admin-item-working_time = Arbeitszeiterfassung
admin-item-equipment = Ausstattung
classification-hospitation = Hospitation
classification-secondment = Abordnung
checkin-ok = Alles gut
checkin-help = Ich brauche Hilfe
certificate-title = Teilnahmebescheinigung
certificate-line-stay = { $name } ({ $org }) hat vom { $from } bis zum { $to } im Rahmen von Jobtausch am Arbeitsplatz bei { $host } hospitiert.
certificate-line-swap = Der Tausch fand gegenseitig statt: { $name } übernahm den Platz von { $host_person }; { $guest } kam an den eigenen Arbeitsplatz.
certificate-line-network = Jobtausch ist ein Netzwerk öffentlicher Arbeitgeber für den Austausch von Beschäftigten. Beide Arbeitgeber haben den Tausch genehmigt; alle Beteiligten haben eine Verschwiegenheitserklärung unterzeichnet.
certificate-footer = Ausgestellt von Jobtausch am { $date }
certificate-line-did = In der Woche nahm { $name } unter anderem teil an: { $items }.
flash-week-saved = Der Wochenplan ist gespeichert.
flash-checkin-saved = Danke, Ihr Check-in ist gespeichert.
flash-reflection-saved = Danke für Ihre Reflexion. Ihre Teilnahmebescheinigung steht bereit.
flash-feedback-saved = Ihre Rückmeldung ist gespeichert.
flash-help-resolved = Als erledigt markiert.
note-help-needed = { $name } braucht Hilfe im Jobtausch ({ $week }).
note-briefing-today = Heute um { $time } ist Ihr Briefing. Link: { $link }
note-week-ahead = Morgen beginnt Ihr Jobtausch ({ $week }). Den Wochenplan und die Termine finden Sie in Jobtausch.
note-revoke-access = Bitte entziehen Sie den Zugang „{ $item }“ von { $name }: Die Tauschwoche ist zu Ende.
help-title = Hilferufe aus dem Check-in
help-lead = Beschäftigte im Tausch, die beim täglichen Check-in Hilfe erbeten haben.
help-none = Zurzeit bittet niemand um Hilfe.
help-caption = Offene Hilferufe
help-resolve = Erledigt
reason-not-planned = Dieser Jobtausch hat noch keinen Wochenplan: Er entsteht, wenn alle unterschrieben haben.
reason-plan-closed = Der Wochenplan lässt sich nach der Woche nicht mehr ändern.
reason-not-in-progress = Das Check-in ist nur während der Tauschwoche möglich.
reason-not-completed = Das geht erst nach der Tauschwoche.
reason-already-reflected = Sie haben Ihre Reflexion schon geschrieben.
reason-reflection-first = Die Bescheinigung gibt es, sobald Sie Ihre Reflexion geschrieben haben.
reason-not-host = Termine trägt die Person ein, deren Platz der Gast einnimmt, oder ihre Vertretung.
reason-not-owner = Diesen Punkt ändert die zuständige Person oder die gastgebende Seite.
reason-not-concerned = Diesen Punkt ändern die Beteiligten dieser Tauschrichtung und ihre Genehmigenden.
nav-help = Hilferufe
field-appointment_kind = Art des Termins
field-deputy_email = E-Mail-Adresse der Vertretung
hint-deputy_email = Eine Kollegin oder ein Kollege Ihrer Organisation mit Konto bei Jobtausch.
swap-week-plan = Wochenplan öffnen

## Calendar feeds
nav-calendar = Kalender
calendar-title = Kalender abonnieren
calendar-lead = Mit Ihrer persönlichen Kalenderadresse zeigt Ihr Kalenderprogramm alle Briefings und Termine Ihrer Tauschwochen an und hält sie aktuell: Verschobene Termine werden verschoben, abgesagte als abgesagt angezeigt.
calendar-secret-note = Die Adresse enthält einen geheimen Schlüssel und funktioniert ohne Anmeldung. Wer sie kennt, kann Ihre Termine lesen. Geben Sie sie deshalb nicht weiter. Ist sie in falsche Hände geraten, erstellen Sie eine neue Adresse oder widerrufen Sie sie.
calendar-status-title = Ihre Kalenderadresse
calendar-status-none = Sie haben noch keine Kalenderadresse.
calendar-status-active = Ihre Kalenderadresse wurde am { $created } erstellt.
calendar-status-used = Zuletzt abgerufen: { $used }.
calendar-status-unused = Sie wurde noch nicht abgerufen.
calendar-new-title = Ihre neue Kalenderadresse
calendar-new-text = Kopieren Sie die Adresse jetzt und fügen Sie sie in Ihrem Kalenderprogramm als Internetkalender (Abonnement) hinzu. Sie wird nur dieses eine Mal angezeigt.
calendar-new-label = Kalenderadresse
calendar-create = Kalenderadresse erstellen
calendar-renew = Neue Kalenderadresse erstellen
calendar-renew-hint = Die bisherige Adresse funktioniert danach nicht mehr. Tragen Sie die neue in Ihrem Kalenderprogramm ein.
calendar-revoke-title = Kalenderadresse widerrufen
calendar-revoke-hint = Danach gibt die bisherige Adresse keine Termine mehr heraus.
calendar-revoke = Kalenderadresse widerrufen
calendar-how-title = So abonnieren Sie den Kalender
calendar-how-outlook = Outlook: Kalender hinzufügen, dann „Aus dem Internet“, und die Adresse einfügen.
calendar-how-thunderbird = Thunderbird: Neuer Kalender, dann „Im Netzwerk“, und die Adresse einfügen.
calendar-how-phone = Telefon: In den Einstellungen des Kalenders ein Kalenderabonnement hinzufügen und die Adresse einfügen.
calendar-feed-name = Jobtausch – { $name }
calendar-swap-name = Jobtausch { $week }
flash-calendar-revoked = Ihre Kalenderadresse ist widerrufen.
note-week-planned = Der Wochenplan für den Jobtausch in { $week } steht: tägliches Briefing um 8:30 Uhr. Die Kalenderdatei liegt bei; Termine, Übergabe und Zugänge planen Sie in Jobtausch.
note-briefing-moved = { $name } hat ein Briefing verschoben: jetzt { $what }. Die aktualisierte Kalenderdatei liegt bei.
note-briefing-cancelled = { $name } hat das Briefing am { $what } abgesagt.
note-appointment-added = { $name } hat einen Termin für Sie eingetragen: { $what }. Die Kalenderdatei liegt bei.
note-appointment-cancelled = { $name } hat einen Termin abgesagt: { $what }.
note-briefings-rescheduled = { $name } hat die Briefings der Woche auf { $what } Uhr gelegt. Die aktualisierte Kalenderdatei liegt bei.
field-blocked = Gesperrte Organisationen
field-owner_email = Andere zuständige Person (E-Mail)
hint-owner_email = Jemand der gastgebenden Organisation mit Konto; leer lassen, um die Zuständigkeit zu behalten.
note-deputy-named = { $name } hat Sie als Vertretung für den Jobtausch in { $week } benannt. Sie können Termine für den Gast eintragen.
error-wrong-organisation = Unter dieser Adresse ist niemand aus der passenden Organisation bei Jobtausch: Die Vertretung kommt aus Ihrer eigenen, die zuständige Person aus der gastgebenden Organisation.
hint-handover = Zum Beispiel laufende Vorgänge, feste Termine, Ansprechpersonen und wo Unterlagen liegen.
hint-feedback = Kurz: Wie hat der Tausch aus Sicht Ihrer Organisation gewirkt?
and = und
waiting-for = wartet auf { $what }
waiting-answer = die Antwort von { $who }
waiting-approval = die Genehmigung von { $who }
waiting-consent = die Zustimmung { $body } ({ $org })
waiting-signature = { $count ->
    [one] die Unterschrift von { $who }
   *[other] die Unterschriften von { $who }
}
waiting-week-ahead = bestätigt: Die Woche steht bevor, die Beteiligten planen sie.
waiting-week-running = Die Tauschwoche läuft.
waiting-afterwards = Die Woche ist vorbei: Reflexionen und Bescheinigung stehen an.
body-of-staff_council = des Personalrats
body-of-equal_opportunities = der Gleichstellungsbeauftragten
body-of-disability_representative = der Schwerbehindertenvertretung
body-of-data_protection = der Datenschutzbeauftragten
stage-proposed = Vorgeschlagen
stage-accepted = Angenommen
stage-approvals = Genehmigungen
stage-councils = Mitbestimmung
stage-agreement = Erklärung
stage-confirmed = Bestätigt
stage-week = Die Woche
stage-afterwards = Danach
stage-status-done = erledigt
stage-status-current = jetzt
stage-status-upcoming = noch offen
stage-status-skipped = nicht nötig
swap-progress = Stand des Jobtauschs
swap-next = Als Nächstes
home-tasks = Ihre Aufgaben
home-no-tasks = Im Moment ist nichts für Sie zu tun.
home-swaps = Ihre Jobtausche
home-no-swaps = Sie haben noch keinen Jobtausch. Finden Sie Menschen, mit denen Sie tauschen möchten.
task-answer = Auf einen Vorschlag antworten
task-approve = Genehmigung für { $org } entscheiden
task-deadline = Frist: { $date }
task-consent = Zustimmung: { $body } ({ $org })
task-sign = Verschwiegenheitserklärung unterschreiben
task-plan = Die Woche planen: Übergabenotizen und Vertretung
task-checkin = Heutiges Check-in abgeben
task-reflect = Reflexion zur Woche schreiben
task-name-decider = { $role } für { $org } benennen: Niemand darf sonst entscheiden
task-setup = Die Organisation einrichten
task-help = { $count ->
    [one] Eine Bitte um Hilfe beantworten
   *[other] { $count } Bitten um Hilfe beantworten
}
setup-approvers = Genehmigende benennen
setup-template = Eigene Vorlage der Erklärung hinterlegen
setup-location = Standort angeben
setup-domains = E-Mail-Domains eintragen
nav-menu = Menü
subject-proposed = { $name } schlägt Ihnen einen Tausch vor
subject-matched = Die Matching-Runde schlägt einen Tausch vor
subject-accepted = { $name } hat angenommen
subject-approvals-requested = Jetzt entscheiden die Arbeitgeber
subject-approval-needed = Ihre Genehmigung ist gefragt
subject-consent-needed = Die Zustimmung Ihres Gremiums ist gefragt
subject-body-informed = Zur Information Ihres Gremiums
subject-approved = { $name } hat genehmigt
subject-consented = { $name } hat für das Gremium zugestimmt
subject-delegated = Eine Genehmigung wurde Ihnen übertragen
subject-sign-needed = Bitte unterschreiben Sie die Erklärung
subject-signed = { $name } hat unterschrieben
subject-confirmed = Der Tausch ist bestätigt
subject-ended = Der Tausch findet nicht statt
subject-week-began = Heute beginnt Ihr Tausch
subject-week-completed = Bitte schreiben Sie Ihre Reflexion
subject-evaluated = Alle Reflexionen liegen vor
subject-reminder = Erinnerung: Ihre Genehmigung fehlt noch
subject-decider-missing = Eine entscheidende Person fehlt
subject-week-planned = Der Wochenplan steht
subject-week-ahead = Morgen beginnt Ihr Tausch
subject-briefing = Heute ist Briefing
subject-revoke = Bitte einen Zugang entziehen
subject-plan-changed = Der Wochenplan hat sich geändert
subject-deputy = Sie sind als Vertretung benannt
subject-help = Jemand braucht Hilfe
note-proposal-message = Die Nachricht von { $name }: „{ $message }“
side-in-text-sending = entsendende Stelle
side-in-text-receiving = aufnehmende Stelle
flash-welcome-invited = Willkommen bei Jobtausch! Ihr Konto ist angelegt und Sie sind angemeldet.
flash-changed-meanwhile = Der Jobtausch wurde inzwischen geändert. Bitte prüfen Sie den aktuellen Stand und entscheiden Sie dann.
pay-grade-none = keine Angabe
profile-open-what = Wenn Sie offen für einen Jobtausch sind, finden andere Sie in der Suche und können Ihnen einen Tausch vorschlagen.
profile-open-others = Beschäftigte anderer Organisationen sehen Ihren Namen, Ihre Funktion, Ihre Einheit, Themen, Sprachen und freien Wochen – nie Ihre E-Mail-Adresse.
profile-open-own = Personen Ihrer eigenen Organisation sehen das nur, wenn Sie es unten ausdrücklich freigeben.
profile-open-employer = Ihre Genehmigenden, Ihr Personalrat und Ihre Admins erfahren von einem Vorschlag erst, wenn Sie ihm zustimmen.
search-empty-no-match = Niemand passt zu diesen Filtern. Versuchen Sie es mit weniger Filtern oder einer anderen Woche.
search-empty-nobody-yet = Noch ist niemand sonst offen für einen Tausch, den Sie finden können. Sobald andere ihr Profil freigeben, erscheinen sie hier.
search-empty-not-open = Sie selbst sind noch nicht offen für einen Tausch, andere finden Sie also auch nicht. Das ändern Sie in Ihrem Profil.
week-tab-plan = Plan und Briefings
profile-account-settings = Einstellungen Ihres Kontos:
org-members-search = Personen suchen (Name oder Adresse)
org-members-found = { $count ->
    [one] Eine Person
   *[other] { $count } Personen
}
org-invitations-title = Offene Einladungen
org-invitations-none = Keine offenen Einladungen.
org-invitation-until = gültig bis { $date }
org-invitation-resend = Erneut senden
org-invitation-revoke = Zurückziehen
flash-invitation-resent = Die Einladung ist erneut verschickt; der alte Link gilt nicht mehr.
flash-invitation-revoked = Die Einladung ist zurückgezogen; ihr Link gilt nicht mehr.
org-member-roles = Rollen
role-grant-named = { $role } vergeben
role-revoke-named = { $role } entziehen
field-topics_more = Weiteres Thema meiner Arbeit
hint-topics_more = Fehlt ein Thema? Tragen Sie es hier ein; danach steht es in der Liste.
field-wants_to_learn_more = Weiteres Thema, das ich lernen möchte
hint-wants_to_learn_more = Fehlt ein Thema? Tragen Sie es hier ein; danach steht es in der Liste.
profile-weeks-taken = Schon durch einen Jobtausch belegt und deshalb nicht in der Liste: { $weeks }.

## Languages a person works in (ISO 639-1)
language-de = Deutsch
language-en = Englisch
language-fr = Französisch
language-es = Spanisch
language-it = Italienisch
language-nl = Niederländisch
language-pl = Polnisch
language-cs = Tschechisch
language-da = Dänisch
language-sv = Schwedisch
language-pt = Portugiesisch
language-el = Griechisch
language-tr = Türkisch
language-ar = Arabisch
language-ru = Russisch
language-uk = Ukrainisch
language-hr = Kroatisch
language-ro = Rumänisch
language-hu = Ungarisch

## The daily digest
mail-digest-subject = Jobtausch: Ihre Nachrichten bis zum { $date }
mail-digest-body =
    Guten Tag { $name },

    das ist seit Ihrer letzten Zusammenfassung in Ihren Jobtauschen geschehen. Von Ihnen ist dafür nichts zu tun.

    { $items }

    Diese Zusammenfassung kommt einmal am Tag. Einzelne E-Mails stellen Sie hier wieder ein: { $settings }
inbox-mail-heading = E-Mails zu Ihren Nachrichten
inbox-mail-lead = Was etwas von Ihnen verlangt (ein Vorschlag, eine Entscheidung, eine Unterschrift), kommt immer sofort per E-Mail. Für alles andere wählen Sie:
inbox-mail-each = Jede Nachricht sofort als eigene E-Mail
inbox-mail-daily = Einmal am Tag gegen 7 Uhr gesammelt in einer E-Mail
inbox-mail-save = Einstellung speichern
flash-mail-settings-saved = Ihre Einstellung für E-Mails ist gespeichert.

## Anmeldung über den Anmeldedienst der Organisation (OpenID Connect)
login-lead = Geben Sie zuerst Ihre dienstliche E-Mail-Adresse ein. Meldet Ihre Organisation Sie über ihren eigenen Anmeldedienst an, geht es dort weiter.
login-continue = Weiter
login-sso-heading = Anmelden über { $organisation }
login-sso-lead = { $organisation } meldet ihre Beschäftigten über den eigenen Anmeldedienst an. Dort melden Sie sich mit Ihrem Dienstkonto an und kommen danach hierher zurück.
login-sso-submit = Mit dem Dienstkonto bei { $organisation } anmelden
login-password-heading = Oder mit Ihrem Jobtausch-Passwort
error-provider-unreachable = Unter dieser Adresse antwortet kein Anmeldedienst (OpenID Connect). Bitte prüfen Sie die Adresse des Ausstellers (Issuer).
error-use-provider = Ihre Organisation meldet Sie über ihren Anmeldedienst an. Bitte wählen Sie bei der Anmeldung „Weiter“ ohne Passwort; Ihr Konto wird dort angelegt.
problem-sign-in-failed = Anmeldung nicht möglich
problem-sign-in-failed-text = Die Anmeldung über den Anmeldedienst Ihrer Organisation hat nicht geklappt.
reason-provider-unreachable = Der Anmeldedienst Ihrer Organisation ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal; hält die Störung an, wenden Sie sich an die IT Ihrer Organisation.
reason-provider-answer-invalid = Der Anmeldedienst Ihrer Organisation hat eine Antwort geschickt, die Jobtausch nicht annehmen kann (zum Beispiel eine ungültige oder abgelaufene Bestätigung). Sie sind nicht angemeldet. Bitte versuchen Sie es noch einmal; hält der Fehler an, wenden Sie sich an die IT Ihrer Organisation.
reason-sign-in-expired = Diese Anmeldung ist abgelaufen oder wurde schon verwendet. Bitte melden Sie sich noch einmal an.
reason-sign-in-cancelled = Die Anmeldung wurde beim Anmeldedienst abgebrochen. Sie sind nicht angemeldet.
reason-address-not-vouched = Der Anmeldedienst hat keine bestätigte E-Mail-Adresse Ihrer Organisation übermittelt. Bitte wenden Sie sich an die IT Ihrer Organisation.
reason-account-exists = Zu dieser Adresse gibt es schon ein Konto.
notice-sso-linked = Ihr Konto ist jetzt mit dem Anmeldedienst von { $organisation } verknüpft; Sie können sich dort mit Ihrem Dienstkonto anmelden
flash-sso-linked = Ihr Konto ist mit dem Anmeldedienst Ihrer Organisation verknüpft. Sie sind angemeldet.
flash-sso-welcome = Willkommen bei Jobtausch! Ihr Konto ist angelegt und Sie sind angemeldet.
flash-sso-saved = Der Anmeldedienst ist gespeichert.
flash-sso-removed = Der Anmeldedienst ist entfernt. Die Beschäftigten melden sich wieder mit Passwort an.
sso-new-title = Konto anlegen
sso-link-title = Konto verknüpfen
sso-vouched = Der Anmeldedienst von { $organisation } hat bestätigt:
sso-organisation = Organisation
sso-new-lead = Mit diesen Angaben legen wir Ihr Konto bei Jobtausch an. Mitmachen ist freiwillig; was wir speichern und wie lange, steht in der
sso-new-submit = Konto anlegen und anmelden
sso-link-lead = Zu dieser Adresse gibt es schon ein Konto bei Jobtausch. Geben Sie einmal sein Passwort ein, um es mit dem Anmeldedienst zu verknüpfen. Danach melden Sie sich dort an.
sso-link-submit = Verknüpfen und anmelden
sso-cancel = Abbrechen und zur Anmeldung
org-sso-title = Anmeldedienst (Single Sign-on)
org-sso-lead = Ihre Beschäftigten melden sich mit ihrem Dienstkonto an, über den Anmeldedienst Ihrer Organisation (OpenID Connect, z. B. Keycloak oder ADFS). Jobtausch fragt bei der Anmeldung zuerst die E-Mail-Adresse und leitet Personen der gewählten Domains dorthin weiter.
org-sso-register-heading = Beim Anmeldedienst einzutragen
org-sso-register-lead = Legen Sie im Anmeldedienst einen vertraulichen Client an (Autorisierungscode mit PKCE) und tragen Sie diese Adressen ein:
org-sso-redirect-uri = Weiterleitungsadresse (Redirect URI)
org-sso-logout-uri = Adresse nach dem Abmelden (Post-Logout Redirect URI)
org-sso-scopes = Scopes
org-sso-save = Anmeldedienst speichern
org-sso-remove-lead = Ohne Anmeldedienst melden sich Ihre Beschäftigten wieder mit Passwort an; wer noch keines hat, legt es über „Passwort vergessen?“ fest.
org-sso-remove = Anmeldedienst entfernen
field-issuer = Adresse des Ausstellers (Issuer)
hint-issuer = Beginnt mit https://, z. B. https://login.stadt.de/realms/verwaltung. Jobtausch liest dort die Konfiguration (/.well-known/openid-configuration).
field-client_id = Client-ID
field-client_secret = Client-Secret
hint-client_secret = Wird nie wieder angezeigt. Leer lassen, um das gespeicherte zu behalten.
field-covered_domains = Domains, die sich dort anmelden
field-password_allowed = Anmeldung mit Passwort bleibt für diese Domains erlaubt
hint-password_allowed = Ohne Haken ist nur noch die Anmeldung über den Anmeldedienst möglich.
sso-leaving-title = Weiter zum Anmeldedienst
sso-leaving-text = Sie werden zum Anmeldedienst Ihrer Organisation weitergeleitet. Nach der Anmeldung dort kommen Sie hierher zurück.
sso-leaving-link = Weiter zum Anmeldedienst
sso-logout-title = Abmelden beim Anmeldedienst
sso-logout-text = Sie sind bei Jobtausch abgemeldet. Jetzt melden Sie sich auch beim Anmeldedienst Ihrer Organisation ab.
swap-sign-by-sign-in = Sie haben sich um { $time } Uhr über den Anmeldedienst Ihrer Organisation angemeldet. Das bestätigt Ihre Unterschrift; ein Passwort ist nicht nötig.
swap-sign-again-lead = Zur Bestätigung Ihrer Unterschrift melden Sie sich bitte erneut beim Anmeldedienst Ihrer Organisation an. Danach kommen Sie hierher zurück und unterschreiben.
swap-sign-again = Beim Anmeldedienst erneut anmelden
swap-sign-password-lead = Oder, falls Sie ein Jobtausch-Passwort haben, bestätigen Sie mit ihm.
error-sign-in-again = Ihre Anmeldung beim Anmeldedienst liegt zu lange zurück. Bitte melden Sie sich dort erneut an.
sso-relink-lead = Zu dieser Adresse gibt es schon ein Konto Ihrer Organisation bei Jobtausch, das früher über den Anmeldedienst angelegt wurde. Es wird wieder mit ihm verknüpft.

## Meine Daten (Auskunft nach Art. 15 DSGVO)
mydata-title = Meine Daten
mydata-lead = Hier sehen Sie alles, was Jobtausch über Sie gespeichert hat. Sie können es auch als Datei (JSON) herunterladen, zum Beispiel um es in ein anderes System zu übernehmen.
mydata-download = Alle Daten herunterladen (JSON)
mydata-contents = Inhalt
mydata-none = Keine Einträge.
mydata-rows = { $count ->
    [one] 1 Eintrag
   *[other] { $count } Einträge
}
mydata-nav = Meine Daten
data-section-account = Konto
data-section-roles = Rollen
data-section-identities = Verknüpfungen mit Anmeldediensten
data-section-profile = Profil
data-section-topics = Themen
data-section-weeks = Mögliche Wochen
data-section-swaps = Ihre Tausche
data-section-proposals = Ihre Vorschläge
data-section-partners = Tauschpartnerinnen und -partner
data-section-approvals = Genehmigungen Ihrer Tausche
data-section-co_determination = Beteiligung der Gremien
data-section-decisions_made = Ihre Entscheidungen
data-section-signatures = Ihre Unterschriften
data-section-appointments = Termine der Woche
data-section-handovers = Übergabenotizen
data-section-deputies = Vertretungen
data-section-access_items = Zugänge
data-section-check_ins = Tägliche Rückmeldungen
data-section-feedback = Rückmeldungen an Organisationen
data-section-reflections = Reflexionen
data-section-inbox = Nachrichten im Posteingang
data-section-mails = E-Mails an Sie
data-section-sessions = Anmeldungen (Sitzungen)
data-section-pending_sign_ins = Laufende Anmeldungen über den Anmeldedienst
data-section-api_tokens = API-Schlüssel
data-section-calendar_feeds = Kalender-Abos
data-section-links = Links per E-Mail
data-section-failed_logins = Fehlgeschlagene Anmeldungen
data-section-invitations_received = Einladungen an Sie
data-section-invitations_sent = Von Ihnen versandte Einladungen
data-section-audit = Protokoll (Audit-Log)
data-section-rounds_started = Von Ihnen gestartete Vermittlungsrunden
data-section-templates_written = Von Ihnen verfasste Vorlagen
data-section-settings_changed = Von Ihnen geänderte Einstellungen
data-section-providers_registered = Von Ihnen eingetragene Anmeldedienste
data-col-about = Über mich
data-col-accepted = Zugesagt
data-col-accepted_at = Angenommen am
data-col-action = Vorgang
data-col-as_delegate = Als Vertretung
data-col-at = Zeitpunkt
data-col-body = Gremium
data-col-cancelled = Abgesagt
data-col-comment = Kommentar
data-col-completed_at = Abgeschlossen am
data-col-created_at = Angelegt am
data-col-daily_digest = Tägliche Sammel-E-Mail
data-col-day = Tag
data-col-decided_at = Entschieden am
data-col-deputy = Vertretung
data-col-detail = Einzelheiten
data-col-display_name = Name
data-col-document_hash = Prüfsumme des Dokuments (SHA-256)
data-col-done_by_you = Von Ihnen
data-col-due = Fällig
data-col-email = E-Mail-Adresse
data-col-end_reason = Grund des Endes
data-col-end_time = Ende
data-col-expires_at = Gültig bis
data-col-failures = Fehlversuche
data-col-first_failure_at = Erster Fehlversuch
data-col-first_week = Erste Woche
data-col-for_you = Für Sie
data-col-free_text = Freitext
data-col-id = Kennung
data-col-issuer = Aussteller
data-col-item = Zugang
data-col-kind = Art
data-col-language = Sprache
data-col-languages = Sprachen
data-col-last_seen_at = Zuletzt aktiv
data-col-last_used_at = Zuletzt benutzt
data-col-last_week = Letzte Woche
data-col-learned = Gelernt
data-col-leg = Teilstück
data-col-linked_at = Verknüpft am
data-col-locked_until = Gesperrt bis
data-col-member = Teilnehmende Person
data-col-message = Nachricht
data-col-name = Bezeichnung
data-col-note = Notiz
data-col-object_id = Objekt-Kennung
data-col-object_type = Objekt
data-col-open_to_swap = Offen für einen Tausch
data-col-organisation = Organisation
data-col-organiser = Netzwerk-Koordination
data-col-pay_grade = Entgeltgruppe
data-col-provider_subject = Kennung beim Anmeldedienst
data-col-purpose = Zweck
data-col-read_at = Gelesen am
data-col-reason = Begründung
data-col-reason_kind = Art des Grundes
data-col-reason_text = Begründung
data-col-recommend = Würde es empfehlen
data-col-resolved_at = Erledigt am
data-col-revoke_due = Entzug fällig
data-col-revoked_at = Widerrufen am
data-col-role = Rolle
data-col-role_title = Funktion
data-col-sent_at = Gesendet am
data-col-shared_with_own_org = Für die eigene Organisation sichtbar
data-col-side = Seite
data-col-signed_at = Unterschrieben am
data-col-start_time = Beginn
data-col-state = Stand
data-col-status = Status
data-col-subject = Betreff
data-col-swap = Tausch
data-col-text = Text
data-col-title = Titel
data-col-topic = Thema
data-col-travel_radius_km = Reiseradius (km)
data-col-unit = Organisationseinheit
data-col-updated_at = Geändert am
data-col-used_at = Benutzt am
data-col-venue = Ort
data-col-verified_at = Adresse bestätigt am
data-col-version = Fassung
data-col-via_provider_of = Über den Anmeldedienst von
data-col-week = Woche
data-col-will_change = Werde ändern
data-col-written_by_you = Von Ihnen eingetragen
data-section-accessibility_reports = Ihre Meldungen von Barrieren
data-section-accessibility_answered = Von Ihnen beantwortete Meldungen von Barrieren
data-col-page = Seite
data-col-deadline = Frist
data-col-answered_at = Beantwortet am

## Barriere melden
accessibility-report-anonymous = (ohne Adresse; eine Antwort ist nicht möglich)
mail-accessibility-report-subject = Jobtausch: Barriere gemeldet auf { $page }
mail-accessibility-report-body =
    Guten Tag,

    über „Barriere melden“ ist eine Meldung eingegangen.

    Seite: { $page }
    Beschreibung:
    { $text }

    Antwort an: { $reply }
    Frist für die Antwort: { $deadline }

    Alle Meldungen und ihre Fristen: { $link }
mail-accessibility-receipt-subject = Jobtausch: Ihre Meldung einer Barriere ist eingegangen
mail-accessibility-receipt-body =
    Guten Tag,

    vielen Dank für Ihre Meldung einer Barriere auf { $page }. Wir antworten Ihnen bis spätestens { $deadline }.

    Sind Sie mit der Antwort nicht zufrieden, können Sie sich an die Schlichtungsstelle wenden, die in der Erklärung zur Barrierefreiheit genannt ist.
mail-accessibility-reminder-subject = Jobtausch: Frist für eine Meldung einer Barriere endet am { $deadline }
mail-accessibility-reminder-body =
    Guten Tag,

    die Meldung einer Barriere auf { $page } vom { $received } ist noch nicht beantwortet. Die Frist endet am { $deadline }.

    Zur Meldung: { $link }
reason-already-answered = Diese Meldung ist schon als beantwortet markiert.
a11y-report-link = Barriere melden
a11y-statement-form = das Formular, auch ohne Anmeldung und ohne Angabe einer Adresse.
a11y-report-title = Barriere melden
a11y-report-lead = Ist Ihnen auf einer Seite von Jobtausch eine Barriere aufgefallen, oder brauchen Sie einen Inhalt in barrierefreier Form? Beschreiben Sie es hier. Sie müssen nicht angemeldet sein. Geben Sie eine E-Mail-Adresse an, wenn Sie eine Antwort möchten; wir antworten innerhalb eines Monats.
a11y-report-submit = Meldung senden
a11y-report-other-ways = Andere Wege (E-Mail, Telefon) und die Schlichtungsstelle nennt die
field-barrier_page = Seite, auf der die Barriere ist
hint-barrier_page = Die Adresse der Seite, zum Beispiel /swaps. Sie ist schon eingetragen, wenn Sie von der Seite kommen.
field-barrier_description = Was ist das Problem?
hint-barrier_description = Was wollten Sie tun, und was hat nicht geklappt? Nennen Sie gern auch Ihr Hilfsmittel (z. B. Screenreader, Vergrößerung).
a11y-thanks-title = Vielen Dank für Ihre Meldung
a11y-thanks-text = Ihre Meldung ist bei der Ansprechstelle für Barrierefreiheit eingegangen. Wir antworten Ihnen bis spätestens { $deadline }. Eine Eingangsbestätigung ist an Ihre Adresse unterwegs.
a11y-thanks-anonymous = Ihre Meldung ist bei der Ansprechstelle für Barrierefreiheit eingegangen, und wir kümmern uns bis spätestens { $deadline } darum. Da Sie keine Adresse angegeben haben, können wir Ihnen nicht antworten.
nav-a11y-reports = Barrieremeldungen
a11y-reports-title = Meldungen von Barrieren
a11y-reports-lead = Was über „Barriere melden“ eingeht. Jede Meldung muss innerhalb eines Monats beantwortet werden; eine Woche vor der Frist erinnert Jobtausch die Ansprechstelle für Barrierefreiheit per E-Mail.
a11y-reports-open = Offen
a11y-reports-answered = Beantwortet
a11y-reports-none-open = Keine offenen Meldungen.
a11y-reports-none-answered = Noch keine beantworteten Meldungen.
a11y-received = Eingegangen
a11y-age = { $days ->
    [0] heute
    [one] vor 1 Tag
   *[other] vor { $days } Tagen
}
a11y-overdue = Frist überschritten
a11y-reply-to = Antwort an
a11y-no-address = keine Adresse angegeben
a11y-mark-answered = Als beantwortet markieren
field-answer_note = Wie beantwortet (optional)
flash-a11y-answered = Die Meldung ist als beantwortet markiert.
field-reply_email = E-Mail-Adresse für die Antwort
hint-reply_email = Nur wenn Sie eine Antwort möchten; wir nutzen sie nur dafür.
session-dialog-title = Ihre Sitzung endet bald
session-dialog-text = Ohne Aktivität endet Ihre Sitzung um { $time } Uhr. Möchten Sie angemeldet bleiben?
session-dialog-ended = Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an; was Sie in ein Formular eingegeben haben und jetzt absenden, bleibt dabei erhalten.
session-dialog-stay = Angemeldet bleiben
login-session-ended-form = Ihre Sitzung war abgelaufen. Ihre Eingaben sind aufbewahrt: Melden Sie sich an, dann können Sie sie absenden.
resume-title = Sie sind wieder angemeldet
resume-lead = Ihre Eingaben von eben sind aufbewahrt. Senden Sie sie jetzt ab, oder verwerfen Sie sie.
resume-send = Eingaben absenden
resume-discard = Verwerfen
error-not-this-site = Bitte die Adresse einer Seite von Jobtausch angeben, z. B. /swaps.
reason-already-linked = Ihr Konto ist schon mit einer anderen Kennung dieses Anmeldedienstes verknüpft. Bitte wenden Sie sich an die Admins Ihrer Organisation.

# Deleting an account (issue 17)
erase-own-title = Konto löschen
erase-member-title = Konto von { $name } löschen
erase-own-lead = Wenn Sie Ihr Konto löschen, werden Ihr Profil, Ihre Anmeldungen, Ihre Nachrichten und alles, was Sie für andere geschrieben haben, gelöscht. Ihr Name und Ihre Adresse werden überall entfernt. Das lässt sich nicht rückgängig machen.
erase-member-lead = Löschen Sie das Konto einer Person, die Ihre Organisation verlassen hat. Ihr Profil, ihre Anmeldungen, ihre Nachrichten und alles, was sie für andere geschrieben hat, werden gelöscht; ihr Name und ihre Adresse werden überall entfernt. Die Löschung steht im Protokoll Ihrer Organisation.
erase-export-first = Möchten Sie vorher Ihre Daten herunterladen?
erase-under-way-title = Ein Jobtausch läuft gerade
erase-under-way-text = Der Jobtausch in { $week } läuft gerade. Mit der Löschung endet er sofort; alle Beteiligten und die Genehmigenden werden benachrichtigt.
erase-ending-title = Jobtausche, die abgesagt werden
erase-ending-none = Keine: Es ist kein Jobtausch geplant.
erase-ending-lead = Diese Jobtausche finden dann nicht statt. Alle Beteiligten und die Genehmigenden werden benachrichtigt.
erase-kept-title = Was die Arbeitgeber aufbewahren
erase-kept-none = Nichts: Es gibt keine unterschriebene Vereinbarung, die aufbewahrt werden muss.
erase-kept-lead = Die Arbeitgeber müssen unterschriebene Vereinbarungen und ihr Protokoll aufbewahren. Dort steht dann ein Pseudonym statt des Namens, mit der Organisation; danach wird auch das gelöscht.
erase-kept-until = aufbewahrt bis { $date }
erase-confirm-title = Löschen bestätigen
erase-sign-in-again-lead = Bestätigen Sie die Löschung mit einer neuen Anmeldung bei Ihrer Organisation, oder mit Ihrem Passwort.
erase-by-sign-in = Sie haben sich um { $time } Uhr bei Ihrer Organisation angemeldet; das bestätigt die Löschung.
erase-own-submit = Mein Konto endgültig löschen
erase-member-submit = Konto endgültig löschen
erase-back = Nicht löschen, zurück
erase-done-title = Ihr Konto ist gelöscht
erase-done-text = Ihre Daten sind gelöscht und Sie sind abgemeldet. Was die Arbeitgeber aufbewahren müssen, trägt nur noch ein Pseudonym.
erase-done-link = Zur Startseite
erase-link = Konto löschen
erase-mydata-lead = Sie können Ihr Konto jederzeit löschen. Vorher sehen Sie, welche Jobtausche abgesagt werden und was aufbewahrt wird.
erase-member-link = Konto löschen (ausgeschieden)
field-left = Die Person hat die Organisation verlassen; ihr Konto soll gelöscht werden.
flash-member-erased = Das Konto ist gelöscht.
reason-own-account-erased-by-self = Ihr eigenes Konto löschen Sie unter „Meine Daten“.
reason-admin-account = Nehmen Sie der Person zuerst die Rolle „Organisations-Admin“; dann können Sie ihr Konto löschen.
reason-organiser-account = Das Konto einer Koordinatorin oder eines Koordinators kann nur eine andere Koordination löschen.
end-account-erased = Ein Mitglied hat sein Konto gelöscht.

# Record of processing activities (issue 17)
vvt-title = Verzeichnis von Verarbeitungstätigkeiten
vvt-lead = Verarbeitungstätigkeit „Jobtausch“ (Art. 30 Abs. 1 DSGVO), Stand: { $date }. Erstellt aus den rechtlichen Angaben und den Einstellungen dieser Installation.
vvt-page-lead = Das Verzeichnis entsteht aus den rechtlichen Angaben und den Einstellungen dieser Installation (Löschfristen, Sitzungen, Anmeldedienste). Laden Sie es als PDF für die Akten der oder des Datenschutzbeauftragten herunter.
vvt-download = Als PDF herunterladen
vvt-link = Verzeichnis von Verarbeitungstätigkeiten
vvt-controller = Verantwortlicher
vvt-controller-name = Name
vvt-controller-address = Anschrift
vvt-controller-represented = Vertreten durch
vvt-controller-contact = Kontakt
vvt-dpo = Datenschutzbeauftragte oder Datenschutzbeauftragter
vvt-supervisory = Aufsichtsbehörde
vvt-controller-missing = Die rechtlichen Angaben sind noch nicht eingetragen (Verwaltung: Rechtliche Angaben). Bis dahin fehlen hier der Verantwortliche und die oder der Datenschutzbeauftragte.
vvt-purposes = Zwecke und Rechtsgrundlagen
vvt-purposes-text = Vermittlung, Genehmigung, Vereinbarung, Durchführung und Auswertung von Hospitationen („Jobtausch“) zwischen öffentlichen Arbeitgebern als Maßnahme der Personalentwicklung; Beteiligung der Gremien (Personalrat, Gleichstellung, Schwerbehindertenvertretung, Datenschutz); Benachrichtigung der Beteiligten; Nachweis der Entscheidungen.
vvt-basis-text = Art. 6 Abs. 1 Buchst. e und Art. 88 DSGVO in Verbindung mit dem Beschäftigtendatenschutz des Bundes oder des Landes; die Teilnahme ist freiwillig. Die Anmeldung über den Identitätsanbieter des Arbeitgebers beruht auf dessen Einrichtung.
vvt-subjects = Kategorien betroffener Personen
vvt-subjects-text = Beschäftigte der teilnehmenden Arbeitgeber (Teilnehmende), Genehmigende, Mitglieder der beteiligten Gremien, Administratorinnen und Administratoren der Organisationen, die Koordination des Netzwerks sowie Personen, die eine Barriere melden.
vvt-data = Kategorien personenbezogener Daten
vvt-data-account-label = Konto
vvt-data-account = Name, dienstliche E-Mail-Adresse, Organisation, Sprache, Rollen, Passwort (nur als Hash).
vvt-data-profile-label = Profil
vvt-data-profile = Funktion, Organisationseinheit, Entgeltgruppe (freiwillig), Sprachen, Themen, mögliche Wochen, Sichtbarkeit.
vvt-data-swaps-label = Jobtausch
vvt-data-swaps = Vorschläge und Antworten, Genehmigungen und Entscheidungen der Gremien mit Begründungen, Unterschriften mit Prüfsummen, die Vereinbarung.
vvt-data-week-label = Tauschwoche
vvt-data-week = Termine, Übergabenotizen, Vertretungen, Zugänge, tägliche Rückmeldungen (auch Bitten um Hilfe), Reflexionen, Rückmeldungen der Arbeitgeber, Teilnahmebescheinigung.
vvt-data-use-label = Nutzung
vvt-data-use = Sitzungen, API-Schlüssel, Kalender-Abonnements, Nachrichten und E-Mails, fehlgeschlagene Anmeldungen, das Protokoll der Änderungen.
vvt-data-sso-label = Anmeldung über Identitätsanbieter
vvt-data-sso = Die Kennung der Person beim Anbieter ihres Arbeitgebers; eingerichtet bei { $count ->
    [0] keiner Organisation
    [one] einer Organisation
   *[other] { $count } Organisationen
}.
vvt-recipients = Empfänger
vvt-recipients-text = Innerhalb der Installation nur, wer es für seine Aufgabe braucht: die Beteiligten eines Jobtauschs und die Genehmigenden und Gremien ihrer Arbeitgeber; die Koordination bei Bitten um Hilfe. E-Mails gehen über das eingerichtete Mail-Relay (Auftragsverarbeitung, wenn es nicht vom Betreiber selbst betrieben wird). Die Identitätsanbieter der Arbeitgeber bestätigen Anmeldungen.
vvt-transfers-text = Eine Übermittlung in Drittländer findet nicht statt: Die Installation läuft beim Betreiber, ohne Dienste Dritter.
vvt-retention = Löschfristen
vvt-retention-text = Die Fristen sind in dieser Installation so eingestellt (JOBTAUSCH_RETENTION); ein Hintergrunddienst löscht, was abgelaufen ist.
vvt-retention-unverified = Nicht bestätigte Konten, Einladungen und fehlgeschlagene Anmeldungen
vvt-retention-check_ins = Tägliche Rückmeldungen und Bitten um Hilfe
vvt-retention-mails = Gesendete E-Mails
vvt-retention-proposals = Abgelehnte, zurückgezogene und abgesagte Vorschläge
vvt-retention-swaps = Bestätigte Jobtausche und Vereinbarungen
vvt-after-unverified = { $span } nach der Registrierung, dem Ablauf oder der Annahme der Einladung bzw. der ersten fehlgeschlagenen Anmeldung
vvt-after-check_ins = { $span } nach der Tauschwoche
vvt-after-mails = { $span } nach dem Versand
vvt-after-proposals = { $span } nach dem Ende
vvt-after-swaps = { $span } nach der Tauschwoche; danach bleiben nur Pseudonyme für die Statistik
vvt-days = { $count ->
    [one] ein Tag
   *[other] { $count } Tage
}
vvt-months = { $count ->
    [one] ein Monat
   *[other] { $count } Monate
}
vvt-years = { $count ->
    [one] ein Jahr
   *[other] { $count } Jahre
}
vvt-retention-sessions-label = Sitzungen und Links in E-Mails
vvt-retention-sessions = bis zu ihrem Ablauf
vvt-retention-audit-label = Protokolleinträge
vvt-retention-audit = so lange wie ihr Gegenstand
vvt-retention-erasure-label = Konten auf Wunsch
vvt-retention-erasure = sofort (Art. 17 DSGVO); was die Arbeitgeber aufbewahren müssen, trägt nur noch ein Pseudonym
vvt-toms = Technische und organisatorische Maßnahmen (Art. 32 DSGVO)
vvt-tom-access-label = Zugriff
vvt-tom-access = Rollen je Organisation; jede Anfrage und jedes Objekt wird geprüft; niemand entscheidet über sich selbst (Vier-Augen-Prinzip); E-Mail-Adressen sehen nur die Person selbst und wer sie im Jobtausch erreichen muss.
vvt-tom-secrets-label = Geheimnisse
vvt-tom-secrets = Passwörter mit Argon2id; Sitzungen, Links und Schlüssel nur als Hash; Anmeldesperre nach Fehlversuchen.
vvt-tom-sessions-label = Sitzungen
vvt-tom-sessions = Ende nach { $idle } Minuten ohne Aktivität, spätestens nach { $absolute } Stunden; Warnung vor dem Ende.
vvt-tom-transport-label = Übertragung
vvt-tom-transport-tls = Nur über HTTPS (HSTS, sichere Cookies).
vvt-tom-transport-plain = Diese Installation ist nicht hinter HTTPS eingerichtet: Für den Betrieb ist ein TLS-Proxy vorzuschalten.
vvt-tom-audit-label = Nachvollziehbarkeit
vvt-tom-audit = Jede Änderung wird mit ihrem Protokolleintrag in derselben Transaktion gespeichert.
vvt-tom-pseudonyms-label = Datensparsamkeit
vvt-tom-pseudonyms = Auskunft und Export („Meine Daten“), Löschung mit Pseudonymen statt Namen, Löschfristen durch einen Hintergrunddienst.
vvt-tom-backup-label = Verfügbarkeit
vvt-tom-backup = Sicherungen mit „jobtausch backup“ (SQLite) oder dem Sicherungswerkzeug von PostgreSQL; die Wiederherstellung ist dokumentiert und getestet.

## Events and after-work meetups (issue 18)
error-in-past = Dieser Zeitpunkt liegt in der Vergangenheit.
error-deadline-after-start = Die Anmeldefrist muss vor dem Beginn der Veranstaltung enden.
reason-event-organisers-only = Veranstaltungen legen nur die Netzwerk-Koordination und Organisations-Admins an; die Anmeldeliste sehen nur die Veranstaltenden.
reason-event-cancelled = Die Veranstaltung ist abgesagt.
reason-registration-closed = Die Anmeldung ist geschlossen.
reason-already-registered = Sie sind bereits angemeldet.
reason-not-registered = Sie sind nicht angemeldet.
reason-event-begun = Die Veranstaltung hat bereits begonnen.
reason-too-few-attendees = Für eine Tauschrunde braucht es mindestens zwei Teilnehmende.
reason-not-verified = Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse.
csv-name = Name
csv-organisation = Organisation
csv-email = E-Mail
csv-status = Status
csv-registered-at = Angemeldet am
csv-attended = Anwesenheit
event-present = anwesend
event-absent = abwesend
event-status-registered = angemeldet
event-status-waiting = Warteliste
event-online = online
ics-event-link = Veranstaltung bei Jobtausch: { $link }
calendar-event-name = Jobtausch: { $title }
data-section-events_created = Von Ihnen angelegte Veranstaltungen
data-section-event_registrations = Ihre Anmeldungen zu Veranstaltungen
data-section-event_rounds = Ihre Tauschrunden
data-col-starts_at = Beginn
data-col-ends_at = Ende
data-col-cancelled_at = Abgesagt am
data-col-registered_at = Angemeldet am
data-col-attended = Anwesend
data-col-round = Runde
data-col-partner = Gesprächspartner/in
mail-event-registered-subject = Angemeldet: { $title }
mail-event-registered-body =
    Guten Tag { $name },

    Sie sind angemeldet für „{ $title }“.

    Wann: { $when } Uhr
    Wo: { $where }

    Den Termin für Ihren Kalender finden Sie im Anhang. Zur Veranstaltung: { $link }
mail-event-waiting-subject = Warteliste: { $title }
mail-event-waiting-body =
    Guten Tag { $name },

    „{ $title }“ ({ $when } Uhr) ist ausgebucht. Sie stehen auf Platz { $rank } der Warteliste. Wird ein Platz frei, rücken Sie der Reihe nach auf und erhalten eine E-Mail.

    Zur Veranstaltung: { $link }
mail-event-moved-up-subject = Ein Platz ist frei: { $title }
mail-event-moved-up-body =
    Guten Tag { $name },

    für „{ $title }“ ist ein Platz frei geworden: Sie sind von der Warteliste aufgerückt und jetzt angemeldet.

    Wann: { $when } Uhr
    Wo: { $where }

    Den Termin für Ihren Kalender finden Sie im Anhang. Zur Veranstaltung: { $link }
mail-event-unregistered-subject = Teilnahme abgesagt: { $title }
mail-event-unregistered-body =
    Guten Tag { $name },

    Sie haben Ihre Teilnahme an „{ $title }“ ({ $when } Uhr) abgesagt. Hatten Sie einen Platz, entfernt die Datei im Anhang den Termin aus Ihrem Kalender.

    Zur Veranstaltung: { $link }
mail-event-changed-subject = Geändert: { $title }
mail-event-changed-body =
    Guten Tag { $name },

    die Veranstaltung „{ $title }“ wurde geändert.

    Wann: { $when } Uhr
    Wo: { $where }

    Der geänderte Termin für Ihren Kalender ist im Anhang. Zur Veranstaltung: { $link }
mail-event-changed-waiting-subject = Geändert: { $title }
mail-event-changed-waiting-body =
    Guten Tag { $name },

    die Veranstaltung „{ $title }“, auf deren Warteliste Sie stehen, wurde geändert.

    Wann: { $when } Uhr
    Wo: { $where }

    Zur Veranstaltung: { $link }
mail-event-cancelled-subject = Abgesagt: { $title }
mail-event-cancelled-body =
    Guten Tag { $name },

    die Veranstaltung „{ $title }“ ({ $when } Uhr) ist abgesagt. Ihr Kalender entfernt den Termin mit der Datei im Anhang, falls Sie einen Platz hatten.

    Zur Veranstaltung: { $link }
mail-event-reminder-day-subject = Morgen: { $title }
mail-event-reminder-day-body =
    Guten Tag { $name },

    zur Erinnerung: Morgen findet „{ $title }“ statt.

    Wann: { $when } Uhr
    Wo: { $where }

    Zur Veranstaltung (mit dem Link zur Videokonferenz, falls online): { $link }
mail-event-reminder-hour-subject = In einer Stunde: { $title }
mail-event-reminder-hour-body =
    Guten Tag { $name },

    in einer Stunde beginnt „{ $title }“.

    Wann: { $when } Uhr
    Wo: { $where }

    Zur Veranstaltung (mit dem Link zur Videokonferenz, falls online): { $link }
mail-event-met-subject = Wen Sie bei „{ $title }“ getroffen haben
mail-event-met-body =
    Guten Tag { $name },

    danke, dass Sie bei „{ $title }“ dabei waren. In den Tauschrunden haben Sie diese Menschen getroffen:

    { $people }

    Auf ihren Seiten können Sie mit einem Klick einen Jobtausch vorschlagen. Weitere Menschen, die offen für einen Tausch sind: { $link }
nav-events = Veranstaltungen
events-title = Veranstaltungen und After-Work-Treffen
events-lead = Bei unseren Veranstaltungen und After-Work-Treffen lernen Sie Menschen aus anderen Verwaltungen kennen – oft beginnt hier der nächste Jobtausch.
events-members-note = Weitere Veranstaltungen sehen Mitglieder des Netzwerks nach der Anmeldung.
events-upcoming = Kommende Veranstaltungen
events-none-upcoming = Zurzeit sind keine Veranstaltungen angekündigt.
events-past = Vergangene Veranstaltungen
events-back = Alle Veranstaltungen
event-oclock = Uhr
event-places-free = { $free } von { $capacity } Plätzen frei
event-booked-out = Ausgebucht – { $waiting ->
    [0] Warteliste möglich
    [one] eine Person auf der Warteliste
   *[other] { $waiting } Personen auf der Warteliste
}
event-host-network = Jobtausch-Netzwerk
event-members-only = nur für Mitglieder
event-cancelled-badge = abgesagt
event-cancelled-title = Abgesagt
event-cancelled-text = Diese Veranstaltung findet nicht statt.
event-when = Wann
event-where = Wo
event-host = Veranstaltet von
event-places = Plätze
event-deadline = Anmeldung bis
event-audience = Für wen
event-join-video = zur Videokonferenz
event-link-for-registered = den Link sehen angemeldete Personen
event-registration = Teilnahme
event-you-registered = Sie haben einen Platz bei dieser Veranstaltung.
event-you-waiting = Sie stehen auf Platz { $rank } der Warteliste.
event-sign-in-to-register = Um teilzunehmen, melden Sie sich bitte bei Jobtausch an.
event-register = Teilnehmen
event-join-waiting = Auf die Warteliste
event-unregister = Teilnahme absagen
event-registration-closed = Die Anmeldung ist geschlossen.
event-my-rounds = Ihre Tauschrunden
event-my-rounds-lead = Zehn Minuten Gespräch mit Menschen aus anderen Organisationen. Aus ihren Profilen, soweit sie es teilen:
event-round-number = Runde { $number }
event-topics = Themen
event-wants-to-learn = Möchte kennenlernen
event-propose-to = Jobtausch mit { $name } vorschlagen
event-open-to-swap = Offen für einen Jobtausch
event-open-to-swap-lead = Diese Teilnehmenden zeigen in ihrem Profil, dass sie offen für einen Tausch sind.
event-manage = Veranstaltung leiten
event-registrations-title = Anmeldungen
event-edit-title = Veranstaltung ändern
event-new-title = Veranstaltung anlegen
event-cancel = Veranstaltung absagen
event-cancel-hint = Alle Angemeldeten erhalten eine E-Mail mit einer Kalenderdatei, die den Termin entfernt.
event-form-lead = Alle Zeiten gelten in deutscher Zeit. Angemeldete erhalten jede Änderung per E-Mail mit einer neuen Kalenderdatei.
event-form-back = Zurück ohne zu speichern
event-save = Speichern
event-group-what = Worum es geht
event-group-when = Wann
event-group-where = Wo
event-group-registration = Anmeldung
event-format-in_person = vor Ort
event-format-online = online
event-visibility-public = öffentlich (ohne Anmeldung sichtbar)
event-visibility-members = nur für Mitglieder des Netzwerks
event-back-to = Zurück zu „{ $title }“
event-registrations-privacy = Die E-Mail-Adressen sind nur für Sie als Veranstaltende sichtbar, damit Sie die Teilnehmenden erreichen können.
event-registrations-none = Noch niemand ist angemeldet.
event-registrations-csv = Liste als CSV herunterladen
event-attendance = Anwesenheit
event-attendance-legend = Anwesend waren
event-attendance-hint = Wer nicht angekreuzt ist, gilt als abwesend. Tauschrunden werden unter den Anwesenden gelost, sobald jemand angekreuzt ist.
event-attendance-save = Anwesenheit speichern
event-rounds-title = Tauschrunden
event-rounds-lead = Zufällige Paare (bei ungerader Zahl eine Dreiergruppe) aus verschiedenen Organisationen für zehn Minuten Gespräch. Wer sich in einer früheren Runde getroffen hat, wird möglichst nicht wieder zusammen gelost.
event-draw = Neue Runde auslosen
field-event_title = Titel
field-event_description = Beschreibung
field-start_date = Datum des Beginns
field-start_time = Beginn (Uhrzeit)
field-end_date = Datum des Endes
field-end_time = Ende (Uhrzeit)
field-format = Form
field-video_link = Link zur Videokonferenz
field-capacity = Plätze
field-deadline_date = Anmeldung bis (Datum)
field-deadline_time = Anmeldung bis (Uhrzeit)
field-visibility = Sichtbar für
field-present = Anwesend
hint-start_time = Zum Beispiel 18:30
hint-end_time = Zum Beispiel 20:00
hint-end_date = Leer lassen, wenn die Veranstaltung am selben Tag endet.
hint-video_link = Für Online-Veranstaltungen, beginnt mit https://. Nur angemeldete Personen sehen den Link.
hint-deadline_date = Leer lassen: Anmeldung bis zum Beginn.
hint-deadline_time = Leer lassen: bis 23:59 Uhr.
hint-capacity = Wer sich danach anmeldet, kommt auf die Warteliste.
flash-event-created = Die Veranstaltung ist angelegt.
flash-event-updated = Die Änderung ist gespeichert; die Angemeldeten erhalten eine E-Mail.
flash-event-cancelled = Die Veranstaltung ist abgesagt; die Angemeldeten erhalten eine E-Mail.
flash-event-registered = Sie haben einen Platz. Die Bestätigung mit dem Kalendertermin kommt per E-Mail.
flash-event-waiting = Die Veranstaltung ist ausgebucht: Sie stehen auf der Warteliste.
flash-event-unregistered = Ihre Teilnahme ist abgesagt.
flash-event-attendance = Die Anwesenheit ist gespeichert.
flash-event-round = Eine neue Tauschrunde ist ausgelost.
field-event_place = Ort
hint-event_place = Für Veranstaltungen vor Ort, etwa „Rathaus Musterstadt, Raum 3.12“.
vvt-retention-events = Anmeldungen zu Veranstaltungen, Anwesenheit und Tauschrunden
vvt-after-events = { $span } nach dem Ende der Veranstaltung
vvt-data-events-label = Veranstaltungen
vvt-data-events = Anmeldungen und Warteliste, Anwesenheit, die Paare der Tauschrunden; die Veranstaltenden sehen Name, Organisation und E-Mail-Adresse der Angemeldeten.
event-profile-of = Profil von { $name }
## The network grows (issue 18): Mitmachen, the organisers' review, the public network page
nav-network = Netzwerk
nav-join = Mitmachen
nav-applications = Aufnahmeanträge
kind-federal_agency = Bundesbehörde
kind-other_public = Andere öffentliche Stelle
error-domain-held = Diese Domain gehört schon zu einer Organisation im Netzwerk. Gehört sie zu Ihnen, wenden Sie sich bitte an deren Admins oder an die Netzwerk-Koordination.
error-address-outside-domains = Die Adresse muss zu einer der angegebenen Domains gehören: So bestätigen Sie, dass Sie für diesen Arbeitgeber sprechen.
error-accept-framework = Bitte bestätigen Sie, dass Ihre Organisation die Rahmenvereinbarung annimmt.
error-framework-changed = Die Rahmenvereinbarung wurde inzwischen geändert. Bitte lesen Sie die neue Fassung und bestätigen Sie erneut.
reason-no-question-open = Zu diesem Antrag ist gerade keine Frage offen.
reason-domain-held = Eine Domain dieses Antrags gehört inzwischen zu einer anderen Organisation. Bitte klären Sie das mit der antragstellenden Person (Frage stellen) oder lehnen Sie ab.
reason-organisation-name-taken = Eine Organisation dieses Namens ist inzwischen im Netzwerk.
home-employers-title = Für Arbeitgeber
home-employers-text = Ihre Verwaltung, Ihr Kreis oder Ihr IT-Dienstleister möchte mitmachen? Beantragen Sie die Aufnahme ins Netzwerk; die Koordination prüft den Antrag, und Ihre erste Ansprechperson richtet Jobtausch für Ihre Beschäftigten ein.
home-see-network = Wer schon mitmacht
join-title = Mitmachen: Ihre Organisation im Jobtausch-Netzwerk
join-lead = Öffentliche Arbeitgeber beantragen hier die Aufnahme ins Netzwerk. Danach können Ihre Beschäftigten mit Beschäftigten anderer Verwaltungen für eine Woche den Arbeitsplatz tauschen.
join-steps-title = So geht es
join-step-1 = Sie füllen den Antrag aus und nehmen die Rahmenvereinbarung des Netzwerks an.
join-step-2 = Sie bestätigen Ihre dienstliche E-Mail-Adresse über den Link, den wir Ihnen schicken.
join-step-3 = Die Netzwerk-Koordination prüft den Antrag, stellt bei Bedarf Rückfragen und entscheidet, in der Regel innerhalb von zwei Wochen.
join-step-4 = Nach der Aufnahme erhalten Sie eine Einladung als Admin Ihrer Organisation und richten Jobtausch Schritt für Schritt ein.
join-see-network = Diese Organisationen machen schon mit
join-org-legend = Ihre Organisation
join-public-legend = Öffentlich sichtbar
join-public-lead = Was von Ihrer Organisation auf der öffentlichen Netzwerk-Seite steht. Sie können das später jederzeit ändern.
join-admin-legend = Erste Ansprechperson (Admin)
join-admin-lead = Diese Person richtet Jobtausch für Ihre Organisation ein und lädt weitere Personen ein. Ihre Adresse muss zu einer der angegebenen Domains gehören.
join-framework-version = Fassung { $version }
join-framework-german = Verbindlich ist der deutsche Text.
join-privacy = Wir verarbeiten Ihre Angaben, um den Antrag zu prüfen und Sie dazu zu kontaktieren.
join-submit = Antrag senden
join-sent-title = Bitte bestätigen Sie Ihre Adresse
join-sent-text = Wir haben eine E-Mail an { $email } geschickt. Erst wenn Sie den Link darin öffnen und bestätigen, geht Ihr Antrag an die Netzwerk-Koordination. Über denselben Link sehen Sie später, wie es um den Antrag steht.
field-public_listed = In der öffentlichen Liste der Mitglieder zeigen (Name, Art, Bundesland, seit wann)
field-public_map = Als Punkt auf der Karte zeigen (am Sitz)
field-public_swaps = Die Zahl unserer abgeschlossenen Jobtausche zeigen
field-admin_name = Name der Ansprechperson
join-place-hint = Der Sitz Ihrer Organisation, etwa „Münster“ oder „48143“: Dort steht ihr Punkt auf der Karte, und die Vermittlung rechnet von dort die Reisewege. Ortsdaten: © GeoNames (www.geonames.org), CC BY 4.0.
join-org-name = Name der Organisation
field-admin_email = Dienstliche E-Mail-Adresse
field-accept_framework = Annahme der Rahmenvereinbarung
join-accept = Unsere Organisation nimmt die Rahmenvereinbarung des Netzwerks an (Fassung { $version }).
field-answer = Ihre Antwort
field-question = Frage an die antragstellende Person
field-refusal_reason = Begründung der Ablehnung
field-framework_title = Titel
field-framework_body = Text
field-umbrella = Dachverband
hint-question = Die Person erhält die Frage per E-Mail und antwortet über ihren Link.
hint-refusal_reason = Die antragstellende Person erhält die Begründung per E-Mail.
hint-framework_body = Absätze durch eine Leerzeile trennen.
application-title = Aufnahmeantrag: { $org }
application-state = Stand
application-state-unconfirmed = Adresse noch nicht bestätigt
application-state-unconfirmed-text = Bitte bestätigen Sie Ihre E-Mail-Adresse. Erst dann geht der Antrag an die Netzwerk-Koordination.
application-state-submitted = Wird geprüft
application-state-submitted-text = Die Netzwerk-Koordination prüft Ihren Antrag. Sie erhalten eine E-Mail, sobald es etwas Neues gibt.
application-state-question = Rückfrage offen
application-state-question-text = Die Netzwerk-Koordination hat eine Frage an Sie. Bitte antworten Sie unten.
application-state-approved = Aufgenommen
application-state-approved-text = Ihre Organisation ist im Netzwerk. Die Einladung als Admin haben wir Ihnen per E-Mail geschickt.
application-state-refused = Abgelehnt
application-state-refused-text = Die Netzwerk-Koordination hat den Antrag abgelehnt. Die Begründung steht unten.
application-confirm = Adresse bestätigen und Antrag senden
application-messages = Rückfragen und Antworten
application-no-messages = Noch keine Rückfragen.
application-from-applicant = Antragstellende Person
application-from-organisers = Netzwerk-Koordination
application-answer = Antwort senden
application-framework = Rahmenvereinbarung
application-framework-version = Fassung { $version }
application-to-org = Zur Organisation
application-domains-held = Diese Domains gehören inzwischen einer anderen Organisation: { $domains }. So kann der Antrag nicht angenommen werden.
application-name-taken = Eine Organisation dieses Namens ist inzwischen im Netzwerk. So kann der Antrag nicht angenommen werden.
application-decide = Entscheiden
application-approve-lead = Mit der Aufnahme entsteht die Organisation mit ihren Domains; die Ansprechperson erhält eine Einladung als Admin.
application-approve = Aufnehmen
application-ask = Rückfrage stellen
application-ask-send = Frage senden
application-refuse = Ablehnen
application-refuse-send = Antrag ablehnen
applications-title = Aufnahmeanträge
applications-lead = Anträge öffentlicher Arbeitgeber mit bestätigter Adresse. Die Antragstellenden haben die Rahmenvereinbarung in der genannten Fassung angenommen.
applications-open = Offen
applications-decided = Entschieden
applications-none = Keine.
applications-received = Eingegangen
applications-back = Zu den Aufnahmeanträgen
framework-title = Rahmenvereinbarung des Netzwerks
framework-lead = Jeder Antrag hält fest, welche Fassung angenommen wurde. Eine neue Fassung gilt für Anträge ab jetzt; bestehende Anträge und Mitglieder behalten ihre.
framework-current = gilt jetzt
framework-new = Neue Fassung
framework-new-lead = Die Felder zeigen die geltende Fassung als Ausgangspunkt.
framework-add = Neue Fassung veröffentlichen
flash-application-confirmed = Danke, Ihre Adresse ist bestätigt. Der Antrag ist bei der Netzwerk-Koordination.
flash-application-answered = Ihre Antwort ist gesendet.
flash-application-asked = Die Frage ist gesendet.
flash-application-approved = Die Organisation ist aufgenommen; die Einladung als Admin ist verschickt.
flash-application-refused = Der Antrag ist abgelehnt; die Begründung ist verschickt.
flash-framework-added = Die neue Fassung gilt ab jetzt für neue Anträge.
flash-org-public-saved = Gespeichert: So erscheint Ihre Organisation auf der Netzwerk-Seite.
network-title = Das Jobtausch-Netzwerk
network-lead = Diese öffentlichen Arbeitgeber ermöglichen ihren Beschäftigten, für eine Woche den Arbeitsplatz zu tauschen.
network-figures = Das Netzwerk in Zahlen
network-orgs-count = { $count ->
    [one] Organisation zeigt sich öffentlich
   *[other] Organisationen zeigen sich öffentlich
}
network-swaps-count = { $count ->
    [one] abgeschlossener Jobtausch
   *[other] abgeschlossene Jobtausche
}
network-join = Ihre Organisation aufnehmen lassen
network-filter = Mitglieder filtern
network-filter-apply = Filtern
network-map-title = Karte der Mitglieder in Deutschland
network-map-desc = { $count ->
    [0] Umriss von Deutschland; noch keine Organisation zeigt sich auf der Karte.
    [one] Umriss von Deutschland mit einem Punkt am Sitz einer Organisation. Die Liste zeigt dieselben Angaben.
   *[other] Umriss von Deutschland mit { $count } Punkten, je einer am Sitz einer Organisation. Die Liste zeigt dieselben Angaben.
}
network-map-caption = Je ein Punkt am Sitz einer Organisation, die sich auf der Karte zeigt. Dieselben Angaben stehen in der Liste.
network-map-source = Kartengrundlage: Natural Earth (gemeinfrei). Ortsdaten: © GeoNames (www.geonames.org), CC BY 4.0.
network-members = Mitglieder
network-none = Noch zeigt sich keine Organisation öffentlich.
network-none-filtered = Keine Organisation passt zu diesem Filter.
network-caption = { $count ->
    [one] Eine Organisation
   *[other] { $count } Organisationen
}
network-seat = Sitz
network-since = Dabei seit
network-swaps = Abgeschlossene Jobtausche
org-public-title = Öffentlich sichtbar
org-public-lead = Was von Ihrer Organisation ohne Anmeldung zu sehen ist. Karte und Zahl der Jobtausche erscheinen nur mit dem Eintrag in der Liste.
org-public-save = Speichern
org-umbrella-title = Mitglieder Ihres Verbands im Netzwerk
org-umbrella-caption = { $count ->
    [one] Eine Organisation nennt Sie als Dachverband
   *[other] { $count } Organisationen nennen Sie als Dachverband
}
org-umbrella-people = Personen mit Konto
setup-title = Einrichtung
setup-lead = { $count ->
    [one] Noch ein Schritt, dann ist Ihre Organisation bereit für den ersten Jobtausch.
   *[other] Noch { $count } Schritte, dann ist Ihre Organisation bereit für den ersten Jobtausch.
}
setup-all-done = Alles eingerichtet. Ihre Beschäftigten können Jobtausche vorschlagen.
setup-done = erledigt
setup-open = offen
setup-policy = Mitbestimmung festlegen: Welche Gremien werden bei einem Jobtausch informiert oder um Zustimmung gebeten?
setup-bodies = Personen für die beteiligten Gremien benennen
setup-public = Festlegen, was öffentlich sichtbar ist
setup-invite = Weitere Personen einladen
mail-application-confirm-subject = Jobtausch: Bitte bestätigen Sie den Aufnahmeantrag für { $org }
mail-application-confirm-body =
    Guten Tag,

    Sie haben beantragt, dass „{ $org }“ in das Jobtausch-Netzwerk aufgenommen wird. Bitte bestätigen Sie Ihre Adresse über diesen Link; erst dann geht der Antrag an die Netzwerk-Koordination:

    { $link }

    Über denselben Link sehen Sie später, wie es um den Antrag steht. Haben Sie nichts beantragt, können Sie diese E-Mail löschen; der Antrag verfällt dann nach einigen Tagen.
mail-application-waiting-subject = Jobtausch: Neuer Aufnahmeantrag von { $org }
mail-application-waiting-body =
    Guten Tag,

    „{ $org }“ möchte in das Jobtausch-Netzwerk aufgenommen werden. Die Adresse der Ansprechperson ist bestätigt. Zum Antrag:

    { $link }
mail-application-answered-subject = Jobtausch: Antwort von { $org } auf Ihre Rückfrage
mail-application-answered-body =
    Guten Tag,

    die antragstellende Person von „{ $org }“ hat auf Ihre Rückfrage geantwortet. Zum Antrag:

    { $link }
mail-application-question-subject = Jobtausch: Rückfrage zu Ihrem Aufnahmeantrag für { $org }
mail-application-question-body =
    Guten Tag,

    die Netzwerk-Koordination hat eine Frage zu Ihrem Antrag für „{ $org }“:

    { $question }

    Bitte antworten Sie über diesen Link (ältere Links zum Antrag gelten nicht mehr):

    { $link }
mail-application-approved-subject = Jobtausch: { $org } ist im Netzwerk
mail-application-approved-body =
    Guten Tag { $name },

    „{ $org }“ ist in das Jobtausch-Netzwerk aufgenommen. Mit diesem Link legen Sie Ihr Konto als Admin Ihrer Organisation an (gültig bis { $until }):

    { $link }

    Auf der Seite Ihrer Organisation führt Sie dann eine Liste durch die Einrichtung: Mitbestimmung festlegen, Sitz angeben, Genehmigende und Gremien benennen, festlegen, was öffentlich sichtbar ist, und weitere Personen einladen.
mail-application-refused-subject = Jobtausch: Ihr Aufnahmeantrag für { $org }
mail-application-refused-body =
    Guten Tag,

    die Netzwerk-Koordination hat Ihren Antrag für „{ $org }“ abgelehnt. Die Begründung:

    { $reason }

    Bei Fragen antworten Sie bitte der Koordination; die Adresse steht im Impressum.
data-section-frameworks_written = Von Ihnen veröffentlichte Fassungen der Rahmenvereinbarung
data-section-applications_made = Ihre Aufnahmeanträge für Organisationen
data-section-applications_decided = Von Ihnen entschiedene Aufnahmeanträge
data-section-application_questions = Ihre Rückfragen zu Aufnahmeanträgen
network-events = Nächste Veranstaltungen
network-no-events = Gerade ist keine öffentliche Veranstaltung geplant.
network-all-events = Alle Veranstaltungen und After-Work-Treffen
reason-own-application = Über einen Antrag, den Sie selbst gestellt haben oder der Ihre eigene Dienststelle betrifft, entscheidet eine andere Person der Koordination (Vier-Augen-Prinzip).
reason-admin-has-account = Die Adresse der Ansprechperson hat schon ein Konto bei einer anderen Organisation. Bitte fragen Sie nach einer anderen Adresse.
application-admin-has-account = Die Adresse der Ansprechperson hat schon ein Konto (bei einer anderen Organisation); die Einladung als Admin könnte sie nicht annehmen. Fragen Sie nach einer anderen Adresse.
application-not-approvable = Aufnehmen geht erst, wenn geklärt ist, was oben steht: Stellen Sie eine Rückfrage oder lehnen Sie ab.
## Geschichten (Issue 19)
nav-stories = Geschichten
role-press = Pressestelle
stories-title = Geschichten aus dem Jobtausch
stories-lead = Menschen aus Verwaltungen erzählen von ihrer Tauschwoche: was sie erlebt und gelernt haben. Jede Geschichte erscheint erst, wenn alle Beteiligten und die Pressestellen ihrer Organisationen zugestimmt haben.
stories-mine = Ihre Geschichten
stories-mine-none = Sie haben noch keine Geschichte. Nach einer abgeschlossenen Tauschwoche können Sie auf der Seite des Jobtauschs eine erzählen.
stories-published = Veröffentlichte Geschichten
stories-filter = Geschichten filtern
stories-none = Noch ist keine Geschichte veröffentlicht.
stories-none-filtered = Keine veröffentlichte Geschichte passt zu diesem Filter.
stories-feed-link = Neue Geschichten als Atom-Feed abonnieren
stories-feed-title = Jobtausch: Geschichten
stories-feed-author = Jobtausch-Netzwerk
stories-back = Zu allen Geschichten
story-state-draft = Entwurf, wartet auf Zustimmung
story-state-published = veröffentlicht
story-state-withdrawn = zurückgezogen
story-published-on = veröffentlicht am { $date }
story-topics = Themen
story-draft-title = Entwurf (Fassung { $version })
story-draft-lead = Diesen Entwurf sehen nur die Beteiligten des Jobtauschs und die Pressestellen ihrer Organisationen. Er erscheint, sobald alle dieser Fassung zugestimmt haben; jede Änderung fragt alle erneut.
story-approved-by = Zugestimmt haben: { $names }.
story-waiting-for = Es fehlt noch die Zustimmung von:
story-press-contact = Pressestelle
story-no-press-contact = diese Organisation hat noch keine Pressestelle benannt; ihre Admins können die Rolle vergeben
story-approve = Dieser Fassung zustimmen
story-approve-member = Sie stimmen als Beteiligte oder Beteiligter der Veröffentlichung dieser Fassung zu.
story-approve-press = Sie stimmen als Pressestelle für { $org } der Veröffentlichung dieser Fassung zu.
story-new-title = Geschichte erzählen
story-edit-title = Geschichte bearbeiten
story-tell = Die Geschichte dieses Jobtauschs erzählen
story-see = Zur Geschichte dieses Jobtauschs
story-form-lead = Erzählen Sie, was Sie in der Tauschwoche erlebt und gelernt haben. Nur die Beteiligten und die Pressestellen sehen den Entwurf, bis alle zugestimmt haben.
story-form-approval-note = Mit dem Speichern stimmen Sie dieser Fassung zu. Die anderen Beteiligten und die Pressestellen werden per E-Mail um Zustimmung gebeten.
story-group-text = Text
story-group-photo = Foto
story-group-quotes = Zitate
story-quotes-lead = Bis zu drei Sätze, die jemand aus dem Jobtausch gesagt hat, mit Namen.
story-quote-number = Zitat { $number }
story-quote-nobody = Bitte wählen
story-photo-current = Das Foto der Geschichte jetzt
story-save = Speichern und zustimmen
story-withdraw-title = Geschichte zurückziehen
story-withdraw-lead = Jede beteiligte Person und jede beteiligte Organisation kann die Geschichte jederzeit zurückziehen. Sie verschwindet dann von allen Seiten und aus dem Feed; Text, Foto und Kommentare werden gelöscht. Das lässt sich nicht rückgängig machen.
story-withdraw = Endgültig zurückziehen
field-story_title = Überschrift
field-story_body = Text
hint-story_body = Absätze durch eine Leerzeile trennen. *kursiv*, **fett**, Listen mit „- “ am Zeilenanfang, Links als [Text](https://…).
field-story_topics = Themen
hint-story_topics = Bis zu fünf, durch Kommas getrennt, z. B. „Digitalisierung, Onlinezugangsgesetz“.
field-photo = Foto
hint-photo = JPEG oder PNG, höchstens 3 MB. Ortsangaben und andere Metadaten werden entfernt. Alle Abgebildeten müssen der Veröffentlichung zugestimmt haben.
field-photo_alt = Was das Foto zeigt
hint-photo_alt = Für Menschen, die das Foto nicht sehen können; Pflicht, wenn Sie ein Foto hochladen.
field-remove_photo = Foto entfernen
field-quote1 = Zitat 1
field-quote2 = Zitat 2
field-quote3 = Zitat 3
field-quote1_speaker = Gesagt von
field-quote2_speaker = Gesagt von
field-quote3_speaker = Gesagt von
field-quotes = Zitate
field-confirm = Bestätigung
field-confirm-withdraw = Ja, ich möchte diese Geschichte endgültig zurückziehen.
comments-title = Kommentare
comments-none = Noch keine Kommentare.
comment-hint = Ihr Name und Ihre Organisation erscheinen mit dem Kommentar. Die Netzwerk-Koordination prüft jeden Kommentar, bevor er erscheint.
comment-send = Kommentar senden
comment-sign-in = Angemeldete Mitglieder des Netzwerks können kommentieren.
comment-pending = wartet auf Freigabe (nur für Sie sichtbar)
comment-rejected = nicht freigegeben: { $reason } (nur für Sie sichtbar)
comment-delete = Kommentar löschen
moderation-title = Kommentare prüfen
moderation-lead = Kommentare erscheinen erst, wenn Sie sie freigeben. Wer ablehnt, nennt einen Grund; die Person erhält ihn per E-Mail.
moderation-none = Kein Kommentar wartet auf Prüfung.
moderation-on = Zu „{ $title }“
moderation-open-story = Geschichte öffnen
moderation-own = Ihr eigener Kommentar: Darüber entscheidet eine andere Person der Koordination.
moderation-approve = Freigeben
moderation-reject = Ablehnen
field-reject-reason = Grund der Ablehnung
flash-story-drafted = Der Entwurf ist gespeichert. Die anderen Beteiligten und die Pressestellen sind um Zustimmung gebeten.
flash-story-changed = Die neue Fassung ist gespeichert. Alle anderen sind erneut um Zustimmung gebeten.
flash-story-approved = Ihre Zustimmung ist gespeichert.
flash-story-published = Ihre Zustimmung ist gespeichert. Damit haben alle zugestimmt: Die Geschichte ist veröffentlicht.
flash-story-withdrawn = Die Geschichte ist zurückgezogen.
flash-comment-sent = Danke! Ihr Kommentar erscheint, sobald die Koordination ihn freigegeben hat.
flash-comment-deleted = Ihr Kommentar ist gelöscht.
flash-comment-approved = Der Kommentar ist freigegeben.
flash-comment-rejected = Der Kommentar ist abgelehnt; die Person erhält den Grund per E-Mail.
error-not-a-photo = Bitte laden Sie ein Foto als JPEG oder PNG hoch.
reason-story-members-only = Das dürfen nur die Beteiligten des Jobtauschs.
reason-story-not-party = Das dürfen nur die Beteiligten und die Pressestellen oder Admins ihrer Organisationen.
reason-story-changed = Die Geschichte wurde inzwischen geändert. Bitte lesen Sie die neue Fassung, bevor Sie zustimmen.
reason-story-published = Die Geschichte ist schon veröffentlicht; ändern lässt sie sich nicht mehr, nur zurückziehen.
reason-story-withdrawn = Die Geschichte wurde zurückgezogen.
reason-story-already-approved = Dieser Fassung ist schon zugestimmt.
reason-story-exists = Zu diesem Jobtausch gibt es schon eine Geschichte.
reason-story-swap-not-completed = Eine Geschichte lässt sich erst nach der Tauschwoche erzählen.
reason-story-not-published = Kommentieren lassen sich nur veröffentlichte Geschichten.
reason-comment-decided = Über diesen Kommentar wurde schon entschieden.
reason-own-comment = Über Ihren eigenen Kommentar entscheidet eine andere Person der Koordination (Vier-Augen-Prinzip).
home-task-stories = { $count ->
    [one] Eine Geschichte wartet auf Ihre Zustimmung
   *[other] { $count } Geschichten warten auf Ihre Zustimmung
}
home-task-comments = { $count ->
    [one] Ein Kommentar wartet auf Prüfung
   *[other] { $count } Kommentare warten auf Prüfung
}
mail-story-drafted-subject = Jobtausch: Bitte stimmen Sie „{ $title }“ zu
mail-story-drafted-body =
    Guten Tag { $name },

    { $by } hat die Geschichte eines Jobtauschs aufgeschrieben: „{ $title }“. Sie erscheint erst, wenn alle Beteiligten und die Pressestellen ihrer Organisationen zugestimmt haben.

    Bitte lesen Sie den Entwurf und stimmen Sie zu, oder sprechen Sie mit { $by } über Änderungen:

    { $link }
mail-story-changed-subject = Jobtausch: „{ $title }“ wurde geändert
mail-story-changed-body =
    Guten Tag { $name },

    { $by } hat die Geschichte „{ $title }“ geändert. Zustimmungen zur früheren Fassung gelten nicht mehr; bitte lesen Sie die neue Fassung und stimmen Sie erneut zu:

    { $link }
mail-story-no-press-subject = Jobtausch: Bitte benennen Sie eine Pressestelle
mail-story-no-press-body =
    Guten Tag { $name },

    { $by } hat die Geschichte „{ $title }“ aufgeschrieben, an der Ihre Organisation beteiligt ist. Veröffentlicht wird sie erst, wenn eine Pressestelle Ihrer Organisation zugestimmt hat – und Ihre Organisation hat noch niemandem diese Rolle gegeben.

    Bitte vergeben Sie die Rolle „Pressestelle“ auf der Seite Ihrer Organisation unter „Mitglieder“. Der Entwurf: { $link }
mail-story-published-subject = Jobtausch: „{ $title }“ ist veröffentlicht
mail-story-published-body =
    Guten Tag { $name },

    alle haben zugestimmt: Die Geschichte „{ $title }“ ist jetzt öffentlich zu lesen.

    { $link }

    Sie können sie jederzeit auf dieser Seite zurückziehen.
mail-story-withdrawn-subject = Jobtausch: „{ $title }“ wurde zurückgezogen
mail-story-withdrawn-body =
    Guten Tag { $name },

    { $by } hat die Geschichte „{ $title }“ zurückgezogen. Sie ist nicht mehr zu sehen; Text, Foto und Kommentare sind gelöscht.
mail-comment-rejected-subject = Jobtausch: Ihr Kommentar zu „{ $title }“
mail-comment-rejected-body =
    Guten Tag { $name },

    die Netzwerk-Koordination hat Ihren Kommentar zu „{ $title }“ nicht freigegeben. Der Grund:

    { $reason }

    Die Geschichte: { $link }
data-section-stories = Geschichten Ihrer Jobtausche
data-section-story_quotes = Ihre Zitate in Geschichten
data-section-story_approvals = Ihre Zustimmungen zu Geschichten
data-section-comments = Ihre Kommentare
data-section-comments_decided = Von Ihnen geprüfte Kommentare
data-col-published_at = Veröffentlicht am
data-col-withdrawn_at = Zurückgezogen am
data-col-press_office_for = Als Pressestelle für
data-col-approved_at = Zugestimmt am
story-to-swap = Zum Jobtausch

## Kennzahlen (issue 19)
figures-withheld = geschützt
figures-quarter = { $quarter }. Quartal { $year }
figures-measure-proposed = vorgeschlagen
figures-measure-approved = genehmigt
figures-measure-confirmed = bestätigt
figures-measure-completed = abgeschlossen
figures-measure-ended = nicht zustande gekommen
figures-chart-swaps = Tausche nach Stand
figures-chart-quarters = Tausche nach Quartal des Vorschlags
figures-chart-regions = Beteiligte Personen nach Bundesland ihrer Organisation
figures-chart-kinds = Beteiligte Personen nach Art ihrer Organisation
figures-chart-end-reasons = Warum Tausche nicht zustande kamen
figures-chart-decline-reasons = Warum Genehmigungen verweigert wurden
figures-chart-recommend = Würden einen Tausch weiterempfehlen (Rückblicke)
figures-chart-topics = Was die Tauschenden lernen wollten (Themen ab 5 Nennungen)
figures-chart-rounds = Matching-Runden: vermittelte Personen und bewiesene Obergrenze
figures-chart-desc = Balkendiagramm „{ $title }“. Der größte Wert ({ $series }): { $label } mit { $value }. Alle Werte stehen in der Tabelle unter dem Diagramm.
figures-chart-desc-empty = Balkendiagramm „{ $title }“: noch keine Werte über null. Die Tabelle unter dem Diagramm nennt alle Werte.
figures-chart-desc-suppressed = Balkendiagramm „{ $title }“: Alle Werte liegen unter 5 oder sind geschützt und werden ohne Balken genannt. Die Tabelle unter dem Diagramm nennt alle Werte.
figures-rows-swaps = Stand
figures-rows-quarters = Quartal
figures-rows-regions = Bundesland
figures-rows-kinds = Art der Organisation
figures-rows-end-reasons = Grund
figures-rows-decline-reasons = Grund
figures-rows-recommend = Antwort
figures-rows-topics = Thema
figures-rows-rounds = Zeitraum der Runde
figures-series-swaps = Tausche
figures-series-declines = Verweigerte Genehmigungen
figures-series-people = Personen
figures-series-matched = vermittelte Personen
figures-series-bound = bewiesene Obergrenze
figures-recommend-yes = ja
figures-recommend-no = nein
figures-total = Summe
figures-csv-figure = Kennzahl
figures-csv-row = Zeile
figures-csv-series = Reihe
figures-csv-value = Wert
figures-title = Kennzahlen
figures-title-org = Kennzahlen: { $name }
figures-title-umbrella = Kennzahlen: { $name } und seine Mitglieder
figures-title-network = Kennzahlen des Netzwerks
figures-public-title = Das Netzwerk in Zahlen
figures-public-lead = Was die Tausche im Jobtausch-Netzwerk bisher bewegt haben. Alle Zahlen sind zum Schutz der Beteiligten vergröbert.
figures-public-all-small = Bisher gibt es nur wenige Tausche: Fast alle Werte liegen unter 5 und werden zum Schutz der Beteiligten nicht genannt.
figures-lead = Ein Tausch zählt im Quartal, in dem er vorgeschlagen wurde. Beteiligte Personen zählen nach der Organisation, für die sie tauschen, auch Personen der Partnerorganisationen.
figures-privacy = Datenschutz: Werte von 1 bis 4 stehen als „< 5“. Werte, aus denen sich ein solcher Wert über die Summen errechnen ließe, stehen als „geschützt“.
figures-year = Jahr
figures-all-years = alle Jahre
figures-show = Anzeigen
figures-download-csv = Alle Zahlen als CSV herunterladen
figures-download-svg = Diagramm als SVG herunterladen
figures-download-pdf = Jahresbericht { $year } als PDF herunterladen
figures-time = Dauer vom Vorschlag bis zur Bestätigung
figures-time-values = Median { $median } Tage, 90. Perzentil { $p90 } Tage ({ $swaps } bestätigte Tausche).
figures-time-few = Weniger als 5 bestätigte Tausche: Die Dauer wird nicht genannt.
figures-no-topics = Noch kein Thema wurde von 5 oder mehr Personen genannt.
figures-link-org = Kennzahlen
figures-link-network = Das Netzwerk in Zahlen
figures-link-admin = Kennzahlen des Netzwerks
figures-chart-link = Zum Diagramm
figures-table-caption = { $title }: die Zahlen
figures-report-title = Jahresbericht { $year }: { $name }
figures-report-stories = Aus den Geschichten
figures-report-none = In diesem Jahr keine.
figures-report-footer = Erstellt mit Jobtausch am { $date }. Werte von 1 bis 4 stehen als „< 5“, Werte, die sie verraten würden, als „geschützt“.
