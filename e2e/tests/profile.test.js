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
    assert.equal(await field(page, 'Themen meiner Arbeit').inputValue(), 'Open Data, Onlinezugangsgesetz, E-Akte');
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
