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
imprint-p1 = Jobtausch wird vom Betreiber dieser Installation bereitgestellt. Verantwortlich im Sinne von § 5 DDG und § 18 MStV ist die Netzwerk-Koordination des Betreibers.
imprint-p2 = Anschrift und Kontakt trägt der Betreiber bei der Einrichtung ein. Diese Demo-Installation hat keinen öffentlichen Betreiber.
privacy-title = Datenschutzerklärung
privacy-p1 = Wir verarbeiten nur, was für den Jobtausch nötig ist: Ihre E-Mail-Adresse, Ihren Namen, Ihre Organisation und die Angaben, die Sie freiwillig in Ihr Profil schreiben.
privacy-p2 = Ihr Profil sehen nur angemeldete Mitglieder des Netzwerks. Ihre E-Mail-Adresse sehen andere nicht; nur wer Sie in einem Tausch kontaktieren muss (Genehmigende, Tauschpartner), erhält sie.
privacy-p3 = Ob Sie für einen Tausch offen sind, bleibt für Ihre eigene Organisation verborgen, bis Sie es freigeben. Die Teilnahme ist freiwillig und jederzeit widerrufbar.
privacy-p4 = Wir setzen nur ein technisch notwendiges Sitzungs-Cookie und ein Cookie zum Schutz von Formularen. Es gibt keine Analyse, keine Schriften oder Skripte von fremden Servern.
privacy-p5 = Rechtsgrundlage ist Art. 6 Abs. 1 lit. a und e DSGVO in Verbindung mit dem jeweiligen Landesdatenschutzgesetz. Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung und Beschwerde bei der Aufsichtsbehörde.
accessibility-title = Erklärung zur Barrierefreiheit
accessibility-p1 = Diese Anwendung soll die Anforderungen der BITV 2.0 und der WCAG 2.1 auf Stufe AA erfüllen.
accessibility-p2 = Stand der Vereinbarkeit: teilweise vereinbar. Die Seiten werden bei jeder Änderung automatisch mit axe-core geprüft; eine vollständige Prüfung durch Sachverständige steht noch aus.
accessibility-p3 = Bekannte Einschränkungen: Eine Fassung in Gebärdensprache fehlt noch.
accessibility-p4 = Barrieren melden Sie bitte der Netzwerk-Koordination des Betreibers. Wir antworten innerhalb eines Monats.
accessibility-p5 = Wenn Sie keine zufriedenstellende Antwort erhalten, können Sie sich an die Schlichtungsstelle nach § 16 BGG oder an die Durchsetzungsstelle Ihres Landes wenden.
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
problem-internal = Interner Fehler
problem-internal-text = Etwas ist schiefgegangen. Bitte versuchen Sie es später noch einmal.
reason-organiser-only = Das dürfen nur Personen der Netzwerk-Koordination.
reason-org-admin-only = Das dürfen nur Admins dieser Organisation.
reason-owner-only = Das darf nur die Person selbst.
reason-no-organisation = Ihr Konto gehört zu keiner Organisation.
reason-last-own-admin-role = Sie können sich die Admin-Rolle nicht selbst entziehen.
reason-changed-meanwhile = Das Objekt wurde inzwischen geändert.

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
hint-pay_grade = Zum Beispiel „A 13“ oder „E 11“. Freiwillig.
hint-topics = Mehrere durch Kommas trennen, z. B. „Open Data, E-Akte“.
hint-wants_to_learn = Mehrere durch Kommas trennen.
hint-languages = Sprachkürzel durch Kommas trennen, z. B. „de, en“.
hint-availability = Kalenderwochen durch Kommas trennen, z. B. „2027-W07, 2027-W10“.
hint-domains = Mehrere durch Kommas trennen, z. B. „stadt.de, verwaltung.stadt.de“.
hint-shared_with_own_org = Ohne Freigabe sehen Personen Ihrer Organisation nicht, dass Sie offen für einen Tausch sind.
hint-week = Zum Beispiel „2027-W07“.

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
notice-password-changed = Ihr Passwort wurde mit einem Link zum Zurücksetzen geändert
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
profile-swap-legend = Jobtausch
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

    { $inviter } lädt Sie ein, Jobtausch für „{ $org }“ zu nutzen. Mit diesem Link legen Sie Ihr Konto an (14 Tage gültig):

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
error-week-begun = Diese Woche hat schon begonnen. Bitte eine spätere wählen.
error-wrong-password = Das Passwort ist falsch.
error-week-taken = In dieser Woche ist schon ein Jobtausch vereinbart (bei Ihnen oder der anderen Person). Bitte eine andere Woche wählen.
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
note-approved = { $name } hat eine Genehmigung für den Jobtausch in { $week } erteilt.
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
mail-swap-subject = Jobtausch: { $text }
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
hint-from = Zum Beispiel „2027-W10“. Die Woche muss in der Zukunft liegen.
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
swap-matched-lead = Die Matching-Runde hat diesen Tausch gefunden. Beide Seiten sind in { $week } frei.
swap-matched-leg = { $person } möchte { $topics } lernen; { $host } arbeitet daran.
swap-matched-distance = Entfernung: { $km } km.
## Matching settings of an organisation
org-matching-title = Matching
org-matching-lead = Der Standort begrenzt Tausche auf den Reiseradius der Menschen. Mit gesperrten Organisationen (etwa einer Aufsichtsbehörde) schlägt Jobtausch keinen Tausch vor.
org-matching-save = Matching-Einstellungen speichern
org-matching-blocked = Gesperrte Organisationen
org-matching-none = keine
field-place = Ort
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
