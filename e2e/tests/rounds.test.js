// Matching rounds and an organisation's matching settings. The network's organiser starts a
// round over the weeks the demo profiles are free (after a period in the wrong order) and
// follows it until its figures are shown; Musterstadt's admin chooses the city's place by name
// or postcode (after one the list does not know) and blocks an organisation.
//
// The demo database is shared with the other journeys: the round proposes swaps to demo people
// (so it runs for a period of its own, and nothing here counts anyone's swaps), and the blocked
// organisation is one whose people no other journey proposes to Musterstadt's.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch,
  newPage,
  visit,
  submit,
  login,
  field,
  fieldError,
  summaryTargets,
  expectAccessible,
  isoWeekFromNow,
} from './lib/browser.js';
import { setTimeout as delay } from 'node:timers/promises';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const mainNav = (page) => page.getByRole('navigation', { name: 'Hauptnavigation' });

/** {term: description} of a description list. */
async function descriptions(list) {
  const out = {};
  for (const item of await list.locator('.kern-description-list-item').all()) {
    out[(await item.locator('dt').innerText()).trim()] = (await item.locator('dd').innerText()).trim();
  }
  return out;
}

/** "51.960000, 7.620000" -> [51.96, 7.62] */
/** "2027-W07" as the pages write it: "KW 07/2027". */
const kw = (iso) => `KW ${iso.slice(6)}/${iso.slice(0, 4)}`;

test('rounds: the organiser starts a matching round and sees its figures', async (t) => {
  const { context, page } = await newPage(browser);
  try {
    await login(page, 'koordination@jobtausch.example');
    const navLink = mainNav(page).getByRole('link', { name: 'Matching-Runden' });
    await navLink.waitFor();
    await navLink.click();
    await page.waitForURL('**/rounds');
    await expectAccessible(page);
    await page.getByRole('heading', { level: 1, name: 'Matching-Runden' }).waitFor();
    const form = () => page.getByRole('form', { name: 'Neue Runde starten' });
    const start = () => submit(page, form().getByRole('button', { name: 'Runde starten' }), { status: 422 });

    // The weeks are choices of the coming year, written the German way.
    const from = isoWeekFromNow(5 * 7);
    const to = isoWeekFromNow(13 * 7);
    const firstWeek = await field(form(), 'Erste Kalenderwoche').locator('option').first().innerText();
    assert.match(firstWeek, /^KW \d{2}\/\d{4} · \d{2}\.\d{2}\.–\d{2}\.\d{2}\.$/);
    // A last week before the first: refused at the field, nothing started, the choices kept.
    await field(form(), 'Erste Kalenderwoche').selectOption(to);
    await field(form(), 'Letzte Kalenderwoche').selectOption(from);
    await start();
    assert.deepEqual(await summaryTargets(page), ['to']);
    assert.equal(await fieldError(page, 'to'), 'Die letzte Woche darf nicht vor der ersten liegen.');
    assert.equal(await field(form(), 'Letzte Kalenderwoche').getAttribute('aria-invalid'), 'true');
    assert.equal(await field(form(), 'Erste Kalenderwoche').inputValue(), to);
    assert.equal(await field(form(), 'Letzte Kalenderwoche').inputValue(), from);

    // The demo profiles are free in weeks 6 to 12 from now.
    await field(form(), 'Erste Kalenderwoche').selectOption(from);
    await field(form(), 'Letzte Kalenderwoche').selectOption(to);
    await field(form(), 'Art der Tausche').selectOption('3');
    await field(form(), 'Rechenzeit in Sekunden').fill('10');
    await submit(page, form().getByRole('button', { name: 'Runde starten' }), { status: 200 });
    assert.match(new URL(page.url()).pathname, /^\/rounds\/[0-9a-f-]{36}$/);
    const roundPath = new URL(page.url()).pathname;
    await page.getByRole('status').getByText('Die Matching-Runde ist gestartet.').waitFor();
    await page.getByRole('heading', { level: 1, name: `Matching-Runde ${kw(from)} – ${kw(to)}` }).waitFor();

    // The round runs in the background: the page is reloaded until it shows the figures.
    const deadline = Date.now() + 60_000;
    while ((await page.locator('#round-figures').count()) === 0) {
      assert.equal(await page.getByRole('alert').filter({ hasText: 'fehlgeschlagen' }).count(), 0, 'the round failed');
      assert.ok(Date.now() < deadline, `no figures after 60 s; state: ${await page.locator('#round-state').innerText()}`);
      await delay(1000);
      await visit(page, roundPath);
    }
    await expectAccessible(page);
    assert.equal((await page.locator('#round-state').innerText()).trim(), 'fertig');
    const facts = await descriptions(page.locator('main dl').first());
    assert.equal(facts['Art der Tausche'], 'Paare und Dreierringe');
    const figures = await descriptions(page.locator('#round-figures'));
    t.diagnostic(`round figures: ${JSON.stringify(figures)}`);
    const number = (label) => {
      const n = Number(figures[label]);
      assert.ok(Number.isInteger(n) && n >= 0, `${label}: ${figures[label]}`);
      return n;
    };
    const candidates = number('Teilnehmende mit freier Woche');
    const matched = number('Vermittelte Personen');
    const pairs = number('Paare');
    const rings = number('Dreierringe');
    assert.ok(candidates >= 2, `only ${candidates} candidates: are the demo profiles free in ${from} – ${to}?`);
    assert.equal(matched, 2 * pairs + 3 * rings);
    assert.ok(matched <= candidates);
    assert.match(figures['Obere Schranke'], /^\d+ – (bewiesen optimal|höchstens \d+ Personen mehr wären möglich)$/);
    assert.match(figures['Dauer'], /^\d+ ms$/);
    // Every swap found is proposed to its members.
    if (pairs + rings > 0) {
      const proposals = await descriptions(page.locator('#round-proposals'));
      const total = Object.values(proposals).reduce((sum, n) => sum + Number(n), 0);
      assert.equal(total, pairs + rings, `proposals: ${JSON.stringify(proposals)}`);
    } else {
      await page.getByText('Diese Runde hat keinen Tausch gefunden.').waitFor();
    }

    // The list names the round with its figures.
    await page.getByRole('link', { name: 'Zurück zu den Matching-Runden' }).click();
    await page.waitForURL('**/rounds');
    await expectAccessible(page);
    const row = page.getByRole('table', { name: 'Matching-Runden, die neueste zuerst' }).locator('tbody tr').filter({
      has: page.locator(`a[href="${roundPath}"]`),
    });
    const cells = (await row.locator('td').allInnerTexts()).map((s) => s.trim());
    assert.equal(cells[0], `${kw(from)} – ${kw(to)}`);
    assert.deepEqual(cells.slice(2), ['fertig', String(matched), String(pairs), String(rings)]);

    // The calls for help from the daily check-ins are the organisers' too.
    await mainNav(page).getByRole('link', { name: 'Hilferufe' }).click();
    await page.waitForURL('**/help-requests');
    await page.getByRole('heading', { level: 1, name: 'Hilferufe aus dem Check-in' }).waitFor();
    await expectAccessible(page);
  } finally {
    await context.close();
  }

  // Participants have no rounds in their navigation, and the page is refused to them.
  const participant = await newPage(browser);
  try {
    await login(participant.page, 'karl.meyer@beispielhausen.example');
    assert.equal(await mainNav(participant.page).getByRole('link', { name: 'Matching-Runden' }).count(), 0);
    await visit(participant.page, '/rounds', { status: 403 });
  } finally {
    await participant.context.close();
  }
});

test('matching settings: the admin chooses the place by name or postcode, never coordinates, and blocks an organisation', async () => {
  const { context, page } = await newPage(browser);
  try {
    await login(page, 'dieter.krause@musterstadt.example');
    await mainNav(page).getByRole('link', { name: 'Organisationen' }).click();
    await page.waitForURL('**/orgs');
    await expectAccessible(page);
    await page.getByRole('table', { name: 'Alle Organisationen' }).getByRole('link', { name: 'Stadt Musterstadt', exact: true }).click();
    await page.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
    const orgPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: 'Stadt Musterstadt' }).waitFor();

    const form = () => page.getByRole('form', { name: 'Matching' });
    const save = (status) => submit(page, form().getByRole('button', { name: 'Matching-Einstellungen speichern' }), { status });
    const blocked = () => form().getByRole('group', { name: 'Gesperrte Organisationen' });
    // An organisation does not block itself.
    assert.equal(await blocked().getByRole('checkbox', { name: 'Stadt Musterstadt' }).count(), 0);

    // No coordinates to type: the place is a name or postcode.
    assert.equal(await form().getByLabel(/Koordinaten/).count(), 0);
    const place = () => field(form(), 'Ort oder Postleitzahl');

    // A place the list does not know: refused at the field; what was typed and ticked stays.
    await place().fill('Musterstadt');
    await blocked().getByRole('checkbox', { name: 'Stadt Beispielhausen' }).check();
    await save(422);
    assert.deepEqual(await summaryTargets(page), ['m-place']);
    assert.equal(
      await fieldError(page, 'm-place'),
      'Diesen Ort finden wir nicht. Bitte prüfen Sie den Ortsnamen oder die Postleitzahl.',
    );
    assert.equal(await place().getAttribute('aria-invalid'), 'true');
    assert.equal(await place().inputValue(), 'Musterstadt');
    assert.ok(await blocked().getByRole('checkbox', { name: 'Stadt Beispielhausen' }).isChecked());
    // The co-determination form on the same page shows no errors of its own.
    assert.equal(await page.locator('#error-summary').count(), 1);

    // A name of several places: they are offered to choose from, with their state.
    await place().fill('muenster');
    await save(422);
    assert.equal(await fieldError(page, 'm-place'), 'Mehrere Orte passen dazu. Bitte wählen Sie einen aus.');
    const offered = await place().locator('option').allInnerTexts();
    assert.ok(offered.includes('Münster (Nordrhein-Westfalen)'), `${offered}`);
    assert.ok(offered.some((o) => /^\d{5} Münster – Hessen$/.test(o)), `${offered}`);
    await place().selectOption({ label: 'Münster (Nordrhein-Westfalen)' });
    await save(200);
    assert.equal(new URL(page.url()).pathname, orgPath);
    await page.getByRole('status').getByText('Die Matching-Einstellungen sind gespeichert.').waitFor();
    assert.equal(await place().inputValue(), 'Münster (Nordrhein-Westfalen)');
    assert.ok(await blocked().getByRole('checkbox', { name: 'Stadt Beispielhausen' }).isChecked());
    assert.ok(!(await blocked().getByRole('checkbox', { name: 'Regionales Rechenzentrum Westfalen' }).isChecked()));

    // A postcode names its place at once.
    await place().fill('48143');
    await save(200);
    assert.equal(await place().inputValue(), '48143 Münster');
  } finally {
    await context.close();
  }

  // A participant of the city reads the settings.
  const participant = await newPage(browser);
  try {
    await login(participant.page, 'anna.schmidt@musterstadt.example');
    await visit(participant.page, '/orgs');
    await participant.page.getByRole('table', { name: 'Alle Organisationen' }).getByRole('link', { name: 'Stadt Musterstadt', exact: true }).click();
    await participant.page.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    await expectAccessible(participant.page);
    assert.equal(await participant.page.getByRole('form', { name: 'Matching' }).count(), 0);
    const shown = await descriptions(participant.page.getByRole('heading', { name: 'Matching' }).locator('xpath=following-sibling::dl[1]'));
    assert.equal(shown['Standort'], '48143 Münster');
    assert.equal(shown['Gesperrte Organisationen'], 'Stadt Beispielhausen');
  } finally {
    await participant.context.close();
  }
});
