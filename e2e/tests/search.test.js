// Journey 4: Eva Nowak (association of municipal IT providers) looks for swap partners. Each
// filter finds the demo people it should; a malformed week is refused at the field; a person's
// page shows the profile and never the person's e-mail address.

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

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const searchButton = (page) => page.getByRole('search').getByRole('button', { name: 'Suchen' });

/** The names on the result cards, sorted. */
async function resultNames(page) {
  const results = page.getByRole('list', { name: 'Ergebnisse' });
  if ((await results.count()) === 0) return [];
  return (await results.getByRole('heading', { level: 3 }).allInnerTexts()).map((s) => s.trim()).sort();
}

/** Fills the search form as given (everything else emptied), submits it, checks the page. */
async function search(page, { topic = 'Alle', kind = 'Alle', region = 'Alle', week = '' } = {}) {
  const form = page.getByRole('search');
  await field(form, 'Thema').selectOption({ label: topic });
  await field(form, 'Art der Organisation').selectOption({ label: kind });
  await field(form, 'Bundesland').selectOption({ label: region });
  await field(form, 'Kalenderwoche').selectOption({ value: week });
  return submit(page, searchButton(page));
}

test('search: every filter finds the expected demo people', async () => {
  const { context, page } = await newPage(browser);
  try {
    await login(page, 'eva.nowak@kommunal-it.example');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Personen finden' }).click();
    await page.waitForURL('**/people');
    await expectAccessible(page);
    await page.getByRole('heading', { level: 1, name: 'Personen finden' }).waitFor();

    // Without a filter: everyone open to a swap, except Eva herself.
    assert.deepEqual(await resultNames(page), ['Anna Schmidt', 'Ingo Lehmann', 'Karl Meyer']);

    await search(page, { topic: 'Open Data' });
    assert.deepEqual(await resultNames(page), ['Anna Schmidt']);
    const card = page.getByRole('listitem').filter({ hasText: 'Anna Schmidt' });
    await card.getByText('Digitalisierungsbeauftragte · Stadt Musterstadt').waitFor();
    // Her topics (in the order of the list she ticked them in).
    const topics = (await card.getByText(/^Themen meiner Arbeit: /).innerText()).replace('Themen meiner Arbeit: ', '');
    assert.deepEqual(topics.split(', ').sort(), ['E-Akte', 'Onlinezugangsgesetz', 'Open Data']);
    // The query stays in the form.
    assert.equal(await field(page.getByRole('search'), 'Thema').inputValue(), 'Open Data');

    // Topics are choices: those suggested and those the network's people name.
    await search(page, { topic: 'IT-Betrieb' });
    assert.deepEqual(await resultNames(page), ['Ingo Lehmann']);
    // Weeks are choices in German: "KW 11/2027 · 15.03.–19.03.".
    const weekLabels = await field(page.getByRole('search'), 'Kalenderwoche').locator('option').allInnerTexts();
    assert.equal(weekLabels[0], 'Alle');
    assert.match(weekLabels[1], /^KW \d{2}\/\d{4} · \d{2}\.\d{2}\.–\d{2}\.\d{2}\.$/);

    await search(page, { kind: 'Stadt oder Gemeinde' });
    assert.deepEqual(await resultNames(page), ['Anna Schmidt', 'Karl Meyer']);

    await search(page, { kind: 'IT-Dienstleister' });
    assert.deepEqual(await resultNames(page), ['Ingo Lehmann']);

    await search(page, { region: 'Nordrhein-Westfalen' });
    assert.deepEqual(await resultNames(page), ['Anna Schmidt', 'Ingo Lehmann']);

    await search(page, { region: 'Schleswig-Holstein' });
    assert.deepEqual(await resultNames(page), ['Karl Meyer']);

    await search(page, { kind: 'Stadt oder Gemeinde', region: 'Nordrhein-Westfalen' });
    assert.deepEqual(await resultNames(page), ['Anna Schmidt']);

    // The demo's free weeks: Anna and Karl 6, 8 and 10 weeks from now, Ingo 6 and 9.
    await search(page, { week: isoWeekFromNow(8 * 7) });
    assert.deepEqual(await resultNames(page), ['Anna Schmidt', 'Karl Meyer']);
    await search(page, { week: isoWeekFromNow(9 * 7) });
    assert.deepEqual(await resultNames(page), ['Ingo Lehmann']);
    await search(page, { week: isoWeekFromNow(6 * 7), region: 'Nordrhein-Westfalen' });
    assert.deepEqual(await resultNames(page), ['Anna Schmidt', 'Ingo Lehmann']);

    // Nobody matches: the page says so.
    await search(page, { topic: 'Open Data', region: 'Schleswig-Holstein' });
    assert.deepEqual(await resultNames(page), []);
    await page.getByText('Keine passenden Personen gefunden.').waitFor();
  } finally {
    await context.close();
  }
});

test('search: a malformed week in a link is refused at the field', async () => {
  const { context, page } = await newPage(browser);
  try {
    await login(page, 'eva.nowak@kommunal-it.example');
    await visit(page, '/people?topic=Open+Data&week=KW+7', { status: 422 });
    assert.deepEqual(await summaryTargets(page), ['week']);
    assert.equal(await fieldError(page, 'week'), 'Bitte Kalenderwochen wie „2027-W07“ angeben.');
    assert.equal(await field(page.getByRole('search'), 'Kalenderwoche').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await resultNames(page), []);

    // Choosing a week from the list finds people again.
    await field(page.getByRole('search'), 'Kalenderwoche').selectOption({ value: isoWeekFromNow(8 * 7) });
    await submit(page, searchButton(page), { status: 200 });
    assert.equal(await page.locator('#error-summary').count(), 0);
    assert.deepEqual(await resultNames(page), ['Anna Schmidt']);
  } finally {
    await context.close();
  }
});

test("search: a person's page shows the profile but not the e-mail address", async () => {
  const { context, page } = await newPage(browser);
  try {
    await login(page, 'eva.nowak@kommunal-it.example');
    await visit(page, '/people');
    for (const [name, email, org] of [
      ['Ingo Lehmann', 'ingo.lehmann@rz-westfalen.example', 'Regionales Rechenzentrum Westfalen'],
      ['Karl Meyer', 'karl.meyer@beispielhausen.example', 'Stadt Beispielhausen'],
    ]) {
      await visit(page, '/people');
      await page.getByRole('list', { name: 'Ergebnisse' }).getByRole('link', { name }).click();
      await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
      await expectAccessible(page);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.locator('main').getByRole('link', { name: org }).waitFor();
      await page.getByText('Offen für einen Jobtausch').waitFor();
      await page.locator('main dl').getByText('Freie Kalenderwochen').waitFor();

      const html = await page.content();
      const text = await page.locator('body').innerText();
      for (const haystack of [html, text]) {
        assert.ok(!haystack.includes(email), `${name}'s page shows the address ${email}`);
        assert.ok(!haystack.includes(email.split('@')[1]), `${name}'s page shows the mail domain`);
      }
      assert.equal(await page.locator('a[href^="mailto:"]').count(), 0);
    }
  } finally {
    await context.close();
  }
});
