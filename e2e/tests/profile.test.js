// Journey 3: Anna Schmidt edits her profile. A travel radius out of range is refused at the
// field; a valid save is confirmed and the values are still there after a reload and on her
// public page.

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

const saveButton = (page) => page.locator('main form').getByRole('button', { name: 'Speichern' });

test('profile: a wrong travel radius is refused at the field, a valid profile is saved and kept', async () => {
  const { context, page } = await newPage(browser);
  try {
    await login(page, 'anna.schmidt@musterstadt.example');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Mein Profil' }).click();
    await page.waitForURL('**/profile');
    await page.getByRole('heading', { level: 1, name: 'Mein Profil' }).waitFor();
    // The demo profile is there.
    assert.equal(await field(page, 'Funktion').inputValue(), 'Digitalisierungsbeauftragte');
    assert.equal(await field(page, 'Reisebereitschaft in km').inputValue(), '300');
    // Her address is named as hidden from others.
    await page.getByText('Ihre Adresse anna.schmidt@musterstadt.example sehen andere Mitglieder nicht.').waitFor();

    // Out of range.
    await field(page, 'Reisebereitschaft in km').fill('5000');
    await field(page, 'Organisationseinheit').fill('Stabsstelle Digitalisierung und Open Government');
    await submit(page, saveButton(page), { status: 422 });
    assert.deepEqual(await summaryTargets(page), ['travel_radius_km']);
    assert.equal(await fieldError(page, 'travel_radius_km'), 'Bitte eine ganze Zahl von 0 bis 1000.');
    assert.equal(await field(page, 'Reisebereitschaft in km').getAttribute('aria-invalid'), 'true');
    // What was typed is still there to correct.
    assert.equal(await field(page, 'Reisebereitschaft in km').inputValue(), '5000');
    assert.equal(await field(page, 'Organisationseinheit').inputValue(), 'Stabsstelle Digitalisierung und Open Government');

    // Below the range.
    await field(page, 'Reisebereitschaft in km').fill('-20');
    await submit(page, saveButton(page), { status: 422 });
    assert.equal(await fieldError(page, 'travel_radius_km'), 'Bitte eine ganze Zahl von 0 bis 1000.');

    // Nothing was stored by the refused attempts.
    await visit(page, '/profile');
    assert.equal(await field(page, 'Reisebereitschaft in km').inputValue(), '300');
    assert.equal(await field(page, 'Organisationseinheit').inputValue(), 'Stabsstelle Digitalisierung');

    // A valid save.
    await field(page, 'Reisebereitschaft in km').fill('120');
    await field(page, 'Organisationseinheit').fill('Stabsstelle Digitalisierung und Open Government');
    await field(page, 'Besoldungs- oder Entgeltgruppe').selectOption('A 14');
    await field(page, 'Über mich').fill('Ich koordiniere Open-Data-Projekte der Stadt.');
    await submit(page, saveButton(page), { status: 200 });
    assert.equal(new URL(page.url()).pathname, '/profile');
    await page.getByRole('status').getByText('Ihr Profil ist gespeichert.').waitFor();
    assert.equal(await page.locator('#error-summary').count(), 0);

    // After a reload the values are there, and the message is gone.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mein Profil' }).waitFor();
    assert.equal(await page.getByText('Ihr Profil ist gespeichert.').count(), 0);
    assert.equal(await field(page, 'Reisebereitschaft in km').inputValue(), '120');
    assert.equal(await field(page, 'Organisationseinheit').inputValue(), 'Stabsstelle Digitalisierung und Open Government');
    assert.equal(await field(page, 'Besoldungs- oder Entgeltgruppe').inputValue(), 'A 14');
    assert.equal(await field(page, 'Über mich').inputValue(), 'Ich koordiniere Open-Data-Projekte der Stadt.');
    const topics = page.getByRole('group', { name: /^Themen meiner Arbeit/ });
    for (const topic of ['Open Data', 'Onlinezugangsgesetz', 'E-Akte']) {
      assert.equal(await topics.getByRole('checkbox', { name: topic, exact: true }).isChecked(), true, topic);
    }
    assert.equal(await field(page, 'Ich bin offen für einen Jobtausch.').isChecked(), true);

    // Others see the new values on her page.
    const other = await newPage(browser);
    try {
      await login(other.page, 'ingo.lehmann@rz-westfalen.example');
      await visit(other.page, '/people?topic=Open+Data');
      await other.page.getByRole('link', { name: 'Anna Schmidt' }).click();
      await other.page.waitForURL(/\/people\/[0-9a-f-]+$/);
      await expectAccessible(other.page);
      const details = other.page.locator('main dl');
      await details.getByText('Stabsstelle Digitalisierung und Open Government').waitFor();
      await details.getByText('120 km').waitFor();
      await details.getByText('A 14').waitFor();
      await other.page.getByText('Ich koordiniere Open-Data-Projekte der Stadt.').waitFor();
    } finally {
      await other.context.close();
    }
  } finally {
    await context.close();
  }
});

test('profile: the free weeks are a year of choices without the weeks a swap takes', async () => {
  const { context, page } = await newPage(browser);
  try {
    // Anna has said yes to Karl's proposal for ten weeks from now: that week is not offered.
    await login(page, 'anna.schmidt@musterstadt.example');
    await visit(page, '/profile');
    const weeks = page.getByRole('group', { name: /^Freie Kalenderwochen/ });
    const offered = await weeks.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.value));
    const taken = isoWeekFromNow(10 * 7);
    assert.ok(!offered.includes(taken), `${taken} is offered`);
    const kw = `KW ${taken.slice(6)}/${taken.slice(0, 4)}`;
    const note = await page.locator('#weeks-taken').innerText();
    assert.match(note, new RegExp(`nicht in der Liste: .*${kw} \\(`));
    // A year of weeks: those offered and those taken.
    assert.equal(offered.length + note.match(/KW /g).length, 52, `${offered} / ${note}`);
  } finally {
    await context.close();
  }
});

test('profile: topics, languages and weeks are ticked, and a new topic becomes a choice', async () => {
  const { context, page } = await newPage(browser);
  try {
    await login(page, 'ingo.lehmann@rz-westfalen.example');
    await visit(page, '/profile');
    const group = (name) => page.getByRole('group', { name: new RegExp(`^${name}`) });
    const box = (groupName, name) => group(groupName).getByRole('checkbox', { name, exact: true });

    // Weeks are written the German way, from next week on.
    const next = isoWeekFromNow(7);
    const nextBox = group('Freie Kalenderwochen').locator(`input[value="${next}"]`);
    const label = await page.locator(`label[for="${await nextBox.getAttribute('id')}"]`).innerText();
    assert.match(label, new RegExp(`^KW ${next.slice(6)}/${next.slice(0, 4)} · \\d{2}\\.\\d{2}\\.–\\d{2}\\.\\d{2}\\.$`));

    // Tick a suggested topic, add one of his own, a language and next week; save.
    await box('Themen meiner Arbeit', 'Smart City').check();
    await field(page, 'Weiteres Thema meiner Arbeit').fill('Kommunale Wärmeplanung');
    await box('Sprachen', 'Niederländisch').check();
    await nextBox.check();
    await submit(page, saveButton(page), { status: 200 });
    await page.getByRole('status').getByText('Ihr Profil ist gespeichert.').waitFor();

    // The new topic is now a choice of its own, ticked; the rest stayed as chosen.
    assert.equal(await box('Themen meiner Arbeit', 'Kommunale Wärmeplanung').isChecked(), true);
    assert.equal(await box('Themen meiner Arbeit', 'Smart City').isChecked(), true);
    assert.equal(await box('Themen meiner Arbeit', 'IT-Betrieb').isChecked(), true);
    assert.equal(await box('Sprachen', 'Niederländisch').isChecked(), true);
    assert.equal(await box('Sprachen', 'Deutsch').isChecked(), true);
    assert.equal(await nextBox.isChecked(), true);
    assert.equal(await field(page, 'Weiteres Thema meiner Arbeit').inputValue(), '');

    // The search offers the new topic too.
    await visit(page, '/people');
    const topics = await field(page.getByRole('search'), 'Thema').locator('option').allInnerTexts();
    assert.ok(topics.includes('Kommunale Wärmeplanung'), `${topics}`);
  } finally {
    await context.close();
  }
});
