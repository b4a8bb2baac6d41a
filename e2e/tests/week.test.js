// The week plan of a confirmed swap and the time after the week, with the demo's two planned
// swaps. Anna Schmidt (Stadt Musterstadt) and Eva Nowak (Bundesverband) swap about three weeks
// from now: Anna moves the daily briefings to 09:00, is told that a Saturday is no swap day and
// cancels one day; Eva, who hosts Anna, enters an appointment for her (first with its end before
// its start), rewrites her handover note, names a colleague as deputy (one of another
// organisation is refused) and grants Anna's VPN access; both download the swap's calendar
// file; Eva makes her private calendar address and a calendar program reads it without a
// session. Karl Meyer (Stadt Beispielhausen) writes the reflection on last month's swap with
// Ingo Lehmann, then reads Ingo's and downloads his certificate of participation.
//
// The demo database is shared with the other journeys (swap.test.js confirms a second swap of
// Anna and Eva, a matching round may propose more): the demo's swap is found by its week and
// its state, never by the number of swaps in a list.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO_PASSWORD,
  launch,
  newPage,
  visit,
  submit,
  field,
  fieldError,
  summaryTargets,
  expectAccessible,
  isoWeekFromNow,
  toPasswordStep,
} from './lib/browser.js';
import { download, fetchWithSession, pdfText } from './lib/files.js';

const ANNA = 'anna.schmidt@musterstadt.example';
const EVA = 'eva.nowak@kommunal-it.example';
const KARL = 'karl.meyer@beispielhausen.example';

let browser;
/** email -> {context, page}: one signed-in browser context per person. */
const sessions = new Map();

before(async () => {
  browser = await launch();
});
after(async () => {
  for (const { context } of sessions.values()) await context.close().catch(() => {});
  await browser?.close();
});

/** Signs in through the login form; a person left with English is switched back to German. */
async function as(email) {
  let s = sessions.get(email);
  if (!s) {
    s = await newPage(browser);
    sessions.set(email, s);
    const { page } = s;
    await toPasswordStep(page, email);
    await field(page, 'Passwort').fill(DEMO_PASSWORD);
    await submit(page, page.locator('main').getByRole('button', { name: 'Anmelden', exact: true }), { status: 200 });
    assert.equal(await page.locator('#error-summary').count(), 0, `login as ${email} failed`);
    if ((await page.locator('html').getAttribute('lang')) === 'en') {
      await submit(page, page.getByRole('banner').getByRole('button', { name: 'Deutsch' }), { status: 200 });
    }
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  }
  return s.page;
}

const mainNav = (page) => page.getByRole('navigation', { name: 'Hauptnavigation' });
const flash = (page, text) => page.getByRole('status').getByText(text).waitFor();

/** Follows a link to another page (expects 200) and checks that page with axe. */
async function follow(page, link) {
  const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
  assert.ok(response, 'following the link led to no navigation');
  assert.equal(response.status(), 200, `${page.url()} answered ${response.status()}`);
  await expectAccessible(page);
  return response;
}

/** "2027-W07" -> "KW 7/2027", as the swap list and the headings name a week. */
function kwLabel(isoWeek) {
  const [year, week] = isoWeek.split('-W');
  return `KW ${Number(week)}/${year}`;
}

/** The Monday of an ISO week as a UTC Date. */
function mondayOf(isoWeek) {
  const [year, week] = isoWeek.split('-W').map(Number);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (week - 1) * 7);
  return monday;
}
const ymd = (d) => d.toISOString().slice(0, 10);
const plusDays = (d, n) => new Date(d.getTime() + n * 86_400_000);

/**
 * From /swaps (through the main navigation) to the week plan of the person's swap whose list
 * entry names `weekLabel` and shows the state `state`; returns the week plan's path.
 */
async function openWeekPlan(page, { weekLabel, state, partner }) {
  await follow(page, mainNav(page).getByRole('link', { name: 'Jobtausche' }));
  const entries = page
    .getByRole('region', { name: 'Meine Jobtausche' })
    .getByRole('listitem')
    .filter({ hasText: weekLabel })
    .filter({ hasText: partner })
    .filter({ has: page.locator('.kern-badge', { hasText: new RegExp(`^\\s*${state}\\s*$`) }) });
  assert.equal(await entries.count(), 1, `no single ${state} swap in ${weekLabel} with ${partner} in the list`);
  await follow(page, entries.getByRole('link'));
  assert.match(new URL(page.url()).pathname, /^\/swaps\/[0-9a-f-]{36}$/);
  await follow(page, page.getByRole('link', { name: 'Wochenplan öffnen' }));
  const path = new URL(page.url()).pathname;
  assert.match(path, /^\/swaps\/[0-9a-f-]{36}\/week$/);
  await page.getByRole('heading', { level: 1, name: new RegExp(`^Wochenplan: ${weekLabel} `) }).waitFor();
  return path;
}

/** Opens one part of the week plan through its tab and checks that it is the one shown. */
async function openTab(page, name) {
  const tabs = page.getByRole('navigation', { name: 'Abschnitte des Wochenplans' });
  await follow(page, tabs.getByRole('link', { name, exact: true }));
  assert.equal(await tabs.locator('[aria-current="page"]').innerText(), name);
}

/** The texts of the briefing list, by planned day. */
async function briefingList(page) {
  const out = {};
  for (const li of await page.locator('#briefing-list li').all()) {
    out[await li.getAttribute('data-planned')] = (await li.innerText()).trim();
  }
  return out;
}

/** The rows of a table's body as arrays of cell texts. */
async function tableRows(table) {
  const rows = [];
  for (const row of await table.locator('tbody tr').all()) {
    rows.push((await row.locator('td').allInnerTexts()).map((s) => s.trim()));
  }
  return rows;
}

const demoWeek = isoWeekFromNow(21);
const demoLabel = kwLabel(demoWeek);
const monday = mondayOf(demoWeek);
const [MON, TUE, THU, SAT] = [0, 1, 3, 5].map((n) => ymd(plusDays(monday, n)));

test('week plan: briefings, appointments, handover, deputy, access, calendar file and feed', async (t) => {
  let weekPath;
  let annaId;

  // --- Anna: all briefings at 09:00, a Saturday refused, one day cancelled.
  {
    const page = await as(ANNA);
    weekPath = await openWeekPlan(page, { weekLabel: demoLabel, state: 'bestätigt', partner: 'Eva Nowak' });
    const before = await briefingList(page);
    t.diagnostic(`briefings of ${demoWeek}: ${JSON.stringify(before)}`);
    assert.ok(before[MON], `no briefing on Monday ${MON}: ${JSON.stringify(before)}`);

    const settings = page.getByRole('form', { name: 'Uhrzeit, Dauer und Videolink für alle Tage' });
    await field(settings, 'Uhrzeit').fill('09:00');
    await submit(page, settings.getByRole('button', { name: 'Für alle Tage übernehmen' }), { status: 200 });
    assert.equal(new URL(page.url()).pathname, weekPath);
    await flash(page, 'Der Wochenplan ist gespeichert.');
    const after = await briefingList(page);
    assert.deepEqual(Object.keys(after), Object.keys(before));
    for (const [day, text] of Object.entries(after)) {
      const [y, m, d] = day.split('-');
      assert.equal(text, `${d}.${m}.${y} 09:00 (10 min)`, `the briefing of ${day} was not moved to 09:00`);
    }
    assert.equal(await field(settings, 'Uhrzeit').inputValue(), '09:00');

    // Monday's briefing to the Saturday: refused at the date, in the summary too; the form
    // that failed is open, its values kept, nothing moved.
    const mondayBox = page.locator('details.week-day').filter({ has: page.locator(`input[name="planned"][value="${MON}"]`) });
    await mondayBox.locator('summary').click();
    const dateId = `move-${MON}-date`;
    await page.locator(`#${dateId}`).fill(SAT);
    await submit(page, mondayBox.getByRole('button', { name: 'Verschieben' }), { status: 422 });
    assert.deepEqual(await summaryTargets(page), [dateId]);
    const message = await fieldError(page, dateId);
    assert.match(message, /^(Bitte einen Tag von Montag bis Freitag der Tauschwoche wählen\.|An diesem Tag ist bei allen Gastgebern Feiertag)/);
    const summaryLink = page.locator('#error-summary').getByRole('link');
    assert.equal((await summaryLink.innerText()).trim(), `Datum: ${message}`);
    const dateField = page.locator(`#${dateId}`);
    assert.equal(await dateField.inputValue(), SAT);
    assert.equal(await dateField.getAttribute('aria-invalid'), 'true');
    // The summary's link reaches the field: it must not hide in a closed disclosure.
    await summaryLink.click();
    assert.ok(await dateField.isVisible(), 'the field with the error is hidden in a closed <details>');
    assert.ok(await dateField.evaluate((el) => el === document.activeElement), 'the summary link does not focus the field');
    assert.deepEqual(await briefingList(page), after, 'a refused move changed the briefings');

    // Tuesday is cancelled.
    await visit(page, weekPath);
    const tuesdayBox = page.locator('details.week-day').filter({ has: page.locator(`input[name="planned"][value="${TUE}"]`) });
    await tuesdayBox.locator('summary').click();
    await submit(page, tuesdayBox.getByRole('button', { name: 'Absagen' }), { status: 200 });
    await flash(page, 'Der Wochenplan ist gespeichert.');
    const cancelled = await briefingList(page);
    assert.match(cancelled[TUE], /09:00 \(10 min\) – abgesagt$/);
    for (const [day, text] of Object.entries(cancelled)) {
      if (day !== TUE) assert.ok(!text.includes('abgesagt'), `${day} is cancelled too: ${text}`);
    }
    // A cancelled day can still be moved, but offers no second cancellation.
    const tuesdayAgain = page.locator('details.week-day').filter({ has: page.locator(`input[name="planned"][value="${TUE}"]`) });
    assert.equal(await tuesdayAgain.getByRole('button', { name: 'Absagen' }).count(), 0);
  }

  // --- Eva hosts Anna: an appointment for her, the handover, a deputy, Anna's VPN.
  const title = 'Vorstandssitzung des Verbands';
  {
    const page = await as(EVA);
    assert.equal(await openWeekPlan(page, { weekLabel: demoLabel, state: 'bestätigt', partner: 'Anna Schmidt' }), weekPath);
    // Eva enters appointments for her guest Anna only.
    await openTab(page, 'Termine am Gastort');
    assert.equal(await page.getByRole('heading', { name: 'Termin für Eva Nowak eintragen' }).count(), 0);
    const form = () => page.getByRole('form', { name: 'Termin für Anna Schmidt eintragen' });
    annaId = await form().locator('input[name="guest"]').inputValue();
    const prefix = `appointment-${annaId}`;

    await field(form(), 'Titel').fill(title);
    await field(form(), 'Art des Termins').selectOption({ label: 'Führungsrunde' });
    await field(form(), 'Datum').fill(THU);
    await field(form(), 'Beginn').fill('14:00');
    await field(form(), 'Ende').fill('13:00');
    await field(form(), 'Ort oder Link').fill('Geschäftsstelle, Raum 3.01');
    await field(form(), 'Hinweis für den Gast').fill('Gäste hören zu; bitte keine Notizen aus dem nichtöffentlichen Teil.');
    await submit(page, form().getByRole('button', { name: 'Termin eintragen' }), { status: 422 });
    assert.deepEqual(await summaryTargets(page), [`${prefix}-end`]);
    assert.equal(await fieldError(page, `${prefix}-end`), 'Das Ende muss nach dem Beginn liegen.');
    assert.equal(await field(form(), 'Ende').getAttribute('aria-invalid'), 'true');
    assert.equal(await field(form(), 'Titel').inputValue(), title);
    assert.equal(await field(form(), 'Art des Termins').inputValue(), 'leadership_round');
    assert.equal(await page.locator('#appointment-table').getByText(title).count(), 0);

    await field(form(), 'Ende').fill('15:30');
    await submit(page, form().getByRole('button', { name: 'Termin eintragen' }), { status: 200 });
    await flash(page, 'Der Wochenplan ist gespeichert.');
    const rows = await tableRows(page.getByRole('table', { name: 'Termine der Gäste in der Tauschwoche' }));
    const row = rows.find((r) => r[2].startsWith(title));
    assert.ok(row, `the appointment is not in the table: ${JSON.stringify(rows)}`);
    const [y, m, d] = THU.split('-');
    assert.equal(row[0], 'Anna Schmidt');
    assert.match(row[1], new RegExp(`${d}\\.${m}\\. 14:00–15:30$`));
    assert.equal(row[2], `${title} · Führungsrunde`);
    assert.equal(row[3], 'Geschäftsstelle, Raum 3.01');
    assert.match(row[4], /^Gäste hören zu/);
    // The form is empty again.
    assert.equal(await field(form(), 'Titel').inputValue(), '');

    // The handover note for Anna, who takes Eva's place.
    await openTab(page, 'Übergabe und Vertretung');
    const note = 'Die Stellungnahme ist fertig; bitte nur noch die Rückmeldungen der Mitglieder sammeln.\nTeams-Kanal: „Gremien“.';
    const handover = page.locator('form[action$="/week/handover"]');
    await field(handover, 'Text').fill(note);
    await submit(page, handover.getByRole('button', { name: 'Übergabe speichern' }), { status: 200 });
    await flash(page, 'Der Wochenplan ist gespeichert.');
    const shown = page.getByRole('heading', { level: 3, name: 'Übergabe Eva Nowak → Anna Schmidt' }).locator('xpath=following-sibling::p[1]');
    assert.equal((await shown.innerText()).trim(), note);
    assert.equal(await field(page.locator('form[action$="/week/handover"]'), 'Text').inputValue(), note);

    // A deputy from another organisation is refused; a colleague of the association is named.
    const deputy = () => page.locator('form[action$="/week/deputy"]');
    await field(deputy(), 'E-Mail-Adresse der Vertretung').fill('dieter.krause@musterstadt.example');
    await submit(page, deputy().getByRole('button', { name: 'Vertretung benennen' }), { status: 422 });
    assert.deepEqual(await summaryTargets(page), ['deputy-email']);
    assert.ok(await fieldError(page, 'deputy-email'), 'no message at the deputy field');
    assert.equal(await page.getByText('Vertretung von Eva Nowak:').count(), 0);
    await field(deputy(), 'E-Mail-Adresse der Vertretung').fill('frank.otto@kommunal-it.example');
    await submit(page, deputy().getByRole('button', { name: 'Vertretung benennen' }), { status: 200 });
    await flash(page, 'Der Wochenplan ist gespeichert.');
    const deputies = page.getByRole('heading', { name: 'Vertretung zu Hause' }).locator('xpath=following-sibling::ul[1]');
    const deputyItems = (await deputies.getByRole('listitem').allInnerTexts()).map((s) => s.trim());
    assert.ok(deputyItems.includes('Vertretung von Eva Nowak: Frank Otto'), `deputies: ${deputyItems}`);
    assert.ok(deputyItems.includes('Vertretung von Anna Schmidt: Dieter Krause'), `deputies: ${deputyItems}`);

    // Anna's VPN at the association: granted.
    await openTab(page, 'Zugänge');
    const vpn = () => page.getByRole('form', { name: 'VPN – Anna Schmidt' });
    await field(vpn(), 'Stand').selectOption({ label: 'gewährt' });
    await submit(page, vpn().getByRole('button', { name: 'Speichern – VPN, Anna Schmidt' }), { status: 200 });
    await flash(page, 'Der Wochenplan ist gespeichert.');
    assert.equal(await field(vpn(), 'Stand').inputValue(), 'granted');
    assert.equal((await field(vpn(), 'Stand').locator('option:checked').innerText()).trim(), 'gewährt');

    // Eva's calendar file: her briefings (09:00 Berlin time, Tuesday cancelled) and the
    // appointments planned for her, not those she planned for Anna.
    await openTab(page, 'Plan und Briefings');
    const file = await download(page, page.getByRole('link', { name: 'Kalenderdatei (.ics) herunterladen' }));
    assert.equal(file.filename, `jobtausch-${demoWeek}.ics`);
    const ics = unfold(file.bytes.toString('utf-8'));
    assert.ok(ics.startsWith('BEGIN:VCALENDAR'), ics.slice(0, 200));
    assert.ok(ics.includes('SUMMARY:Jobtausch-Briefing mit Anna Schmidt'), ics);
    assert.ok(ics.includes('SUMMARY:Amtsleitungsrunde'), ics);
    assert.ok(!ics.includes(title), 'Anna\'s appointment is in Eva\'s file');
    assert.equal(events(ics).filter((e) => e.includes('STATUS:CANCELLED')).length, 1, 'not one cancelled briefing');
    const swapPath = weekPath.replace(/\/week$/, '');
    const res = await fetchWithSession(page, `${swapPath}/calendar.ics`);
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /^text\/calendar/);

    // The swap's history names the planning steps in words.
    await follow(page, page.getByRole('link', { name: 'zurück zum Jobtausch' }));
    assert.equal(new URL(page.url()).pathname, swapPath);
    const history = (await tableRows(page.getByRole('table', { name: 'Verlauf' }))).map((r) => r[2]);
    for (const step of ['Woche geplant', 'Briefing für alle Tage geändert', 'Briefing abgesagt', 'Termin eingetragen', 'Übergabe gespeichert', 'Vertretung benannt', 'Zugang geändert']) {
      assert.ok(history.includes(step), `the history lacks "${step}": ${history}`);
    }
    assert.deepEqual(history.filter((h) => /^audit-/.test(h)), [], 'the history shows untranslated keys');
  }

  // --- Anna's calendar file has Eva's appointment for her.
  {
    const page = await as(ANNA);
    await visit(page, weekPath);
    const file = await download(page, page.getByRole('link', { name: 'Kalenderdatei (.ics) herunterladen' }));
    const ics = unfold(file.bytes.toString('utf-8'));
    assert.ok(ics.startsWith('BEGIN:VCALENDAR'));
    const mine = events(ics).find((e) => e.includes(`SUMMARY:${title}`));
    assert.ok(mine, `the new appointment is not in Anna's file:\n${ics}`);
    assert.ok(mine.includes('LOCATION:Geschäftsstelle\\, Raum 3.01'), mine);
  }

  // --- Eva's private calendar address, read by a calendar program without a session.
  {
    const page = await as(EVA);
    await follow(page, mainNav(page).getByRole('link', { name: 'Kalender' }));
    assert.equal(new URL(page.url()).pathname, '/calendar');
    await page.getByRole('heading', { level: 1, name: 'Kalender abonnieren' }).waitFor();
    const create = page.getByRole('button', { name: /^(Kalenderadresse erstellen|Neue Kalenderadresse erstellen)$/ });
    await submit(page, create, { status: 200 });
    const url = await page.getByRole('textbox', { name: 'Kalenderadresse' }).inputValue();
    assert.match(url, /^https?:\/\/[^/]+\/calendar\/[0-9a-f]{64}\.ics$/);
    assert.ok(!page.url().includes(url.split('/').pop()), 'the secret travels in the page address');

    const res = await fetch(url, { redirect: 'manual' });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') || '', /^text\/calendar/);
    assert.equal(res.headers.get('set-cookie'), null, 'the feed sets a cookie');
    const ics = unfold(await res.text());
    assert.ok(ics.startsWith('BEGIN:VCALENDAR'));
    assert.ok(ics.includes('X-WR-CALNAME:Jobtausch – Eva Nowak') || ics.includes('Eva Nowak'), ics.slice(0, 400));
    const briefings = events(ics).filter((e) => e.includes('SUMMARY:Jobtausch-Briefing mit Anna Schmidt'));
    assert.ok(briefings.length >= 2, `the feed has ${briefings.length} briefings with Anna`);
    // Monday's briefing at 09:00 German time (08:00 UTC in winter, 07:00 in summer).
    const compact = MON.replace(/-/g, '');
    assert.ok(
      briefings.some((e) => new RegExp(`DTSTART:${compact}T0[78]0000Z`).test(e)),
      `no briefing at 09:00 on ${MON}:\n${briefings.join('\n')}`,
    );
    assert.ok(ics.includes('SUMMARY:Amtsleitungsrunde'));

    // The page now says the address exists; the address is not shown again.
    await visit(page, '/calendar');
    assert.equal(await page.getByRole('textbox', { name: 'Kalenderadresse' }).count(), 0);
    await page.getByRole('button', { name: 'Neue Kalenderadresse erstellen' }).waitFor();
  }
});

test('after the week: Karl writes his reflection, reads Ingo\'s and downloads his certificate', async () => {
  const page = await as(KARL);
  const pastLabel = kwLabel(isoWeekFromNow(-28));
  const weekPath = await openWeekPlan(page, { weekLabel: pastLabel, state: 'abgeschlossen', partner: 'Ingo Lehmann' });
  assert.equal(await page.locator('[data-state]').first().getAttribute('data-state'), 'completed');
  // The plan is closed: no briefing forms after the week.
  assert.equal(await page.getByRole('button', { name: 'Für alle Tage übernehmen' }).count(), 0);
  await openTab(page, 'Termine am Gastort');
  assert.equal(await page.getByRole('button', { name: 'Termin eintragen' }).count(), 0);
  await openTab(page, 'Nach der Woche');
  // Ingo wrote his; Karl does not see it before he wrote his own.
  await page.locator('#reflections-hidden').waitFor();
  assert.equal(await page.getByRole('region', { name: 'Reflexion von Ingo Lehmann' }).count(), 0);
  // No certificate before the reflection.
  assert.equal(await page.getByRole('link', { name: 'Teilnahmebescheinigung (PDF) herunterladen' }).count(), 0);
  const form = () => page.locator('form[action$="/week/reflection"]');
  await submit(page, form().getByRole('button', { name: 'Reflexion speichern' }), { status: 422 });
  assert.deepEqual(await summaryTargets(page), ['reflection-learned', 'reflection-will_change']);
  assert.equal(await fieldError(page, 'reflection-learned'), 'Bitte ausfüllen.');
  assert.equal(await fieldError(page, 'reflection-will_change'), 'Bitte ausfüllen.');
  assert.equal(await field(form(), 'Was ich gelernt habe').getAttribute('aria-invalid'), 'true');

  const learned = 'Wie ein Rechenzentrum Änderungen plant und warum Wartungsfenster am Montagmorgen uns treffen.';
  await field(form(), 'Was ich gelernt habe').fill(learned);
  await field(form(), 'Was ich in meiner Rolle ändere').fill('Ich melde Stoßzeiten des Bürgeramts künftig vorab an das Rechenzentrum.');
  await field(form(), 'Würde ich den Jobtausch empfehlen?').selectOption({ label: 'ja' });
  await field(form(), 'Was ich noch sagen möchte').fill('Danke an das Team in Münster!');
  await submit(page, form().getByRole('button', { name: 'Reflexion speichern' }), { status: 200 });
  assert.equal(new URL(page.url()).pathname, `${weekPath}/after`);
  await flash(page, 'Danke für Ihre Reflexion. Ihre Teilnahmebescheinigung steht bereit.');
  assert.equal(await form().count(), 0, 'the reflection can be written twice');

  // Both wrote: both reflections are visible, the swap is evaluated.
  assert.equal(await page.locator('#reflections-hidden').count(), 0);
  const ingo = page.getByRole('region', { name: 'Reflexion von Ingo Lehmann' });
  await ingo.getByText('Wie ein Bürgeramt den Andrang am Montagmorgen organisiert').waitFor();
  const karl = page.getByRole('region', { name: 'Reflexion von Karl Meyer' });
  await karl.getByText(learned).waitFor();
  assert.notEqual(await page.locator('[data-state]').first().getAttribute('data-state'), 'completed');

  // The certificate.
  const link = page.getByRole('link', { name: 'Teilnahmebescheinigung (PDF) herunterladen' });
  const pdf = await download(page, link);
  assert.match(pdf.filename, /^jobtausch-bescheinigung-\d{4}-W\d{2}\.pdf$/);
  assert.ok(pdf.bytes.length > 1024, `the certificate has only ${pdf.bytes.length} bytes`);
  assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  const res = await fetchWithSession(page, await link.getAttribute('href'));
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  const text = (await pdfText(pdf.bytes)).replace(/\s+/g, ' ');
  for (const s of ['Teilnahmebescheinigung', 'Karl Meyer', 'Stadt Beispielhausen', 'Regionales Rechenzentrum Westfalen']) {
    assert.ok(text.includes(s), `the certificate lacks "${s}":\n${text}`);
  }
});

/** Undoes RFC 5545 line folding (CRLF followed by a space or tab). */
function unfold(ics) {
  return ics.replace(/\r\n[ \t]/g, '').replace(/\r\n/g, '\n');
}

/** The VEVENT blocks of an unfolded calendar. */
function events(ics) {
  return ics.split('BEGIN:VEVENT').slice(1).map((e) => e.split('END:VEVENT')[0]);
}
