// Journey 2: a wrong password is refused with a message; the right one signs in; logging out
// signs out, and pages that need a login send the person to the login form again.

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
  toPasswordStep,
} from './lib/browser.js';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const EMAIL = 'bernd.weber@musterstadt.example';
const loginButton = (page) => page.locator('main').getByRole('button', { name: 'Anmelden', exact: true });

test('login: a wrong password shows the error, the right one signs in, logout signs out', async () => {
  const { context, page } = await newPage(browser);
  try {
    // A page that needs a login leads to the login form and, after it, back to that page.
    await page.goto('/profile');
    assert.equal(new URL(page.url()).pathname, '/login');
    assert.equal(new URL(page.url()).searchParams.get('next'), '/profile');
    await expectLoginForm(page);

    await toPasswordStep(page, EMAIL);
    await field(page, 'Passwort').fill('Falsches-Passwort-123');
    await submit(page, loginButton(page), { status: 422 });
    assert.deepEqual(await summaryTargets(page), ['password']);
    assert.equal(await fieldError(page, 'password'), 'E-Mail-Adresse oder Passwort sind falsch.');
    await page.locator('#error-summary').getByText('Passwort: E-Mail-Adresse oder Passwort sind falsch.').waitFor();
    assert.equal(await field(page, 'E-Mail-Adresse').inputValue(), EMAIL, 'the address is kept');
    assert.equal(await field(page, 'Passwort').inputValue(), '', 'the password is not sent back');
    // Still signed out.
    assert.equal(await page.getByRole('button', { name: 'Abmelden' }).count(), 0);

    await field(page, 'Passwort').fill(DEMO_PASSWORD);
    await submit(page, loginButton(page), { status: 200 });
    assert.equal(new URL(page.url()).pathname, '/');
    await page.getByText('Sie sind angemeldet.').waitFor();
    await page.getByRole('heading', { name: 'Willkommen, Bernd Weber' }).waitFor();
    await page.getByText('Angemeldet als Bernd Weber').waitFor();
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Mein Profil' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Anmelden' }).count(), 0);

    // A page that needs the login now opens.
    await visit(page, '/profile');
    await page.getByRole('heading', { level: 1, name: 'Mein Profil' }).waitFor();

    // The header says when the session ends; extending it keeps the person on the page.
    await page.getByText(/Ihre Sitzung endet ohne Aktivität um \d{1,2}:\d{2} Uhr/).waitFor();
    await submit(page, page.getByRole('banner').getByRole('button', { name: 'Sitzung verlängern' }), { status: 200 });
    assert.equal(new URL(page.url()).pathname, '/profile');
    await page.getByText('Angemeldet als Bernd Weber').waitFor();

    await submit(page, page.getByRole('button', { name: 'Abmelden' }), { status: 200 });
    assert.equal(new URL(page.url()).pathname, '/');
    await page.getByText('Sie sind abgemeldet.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Abmelden' }).count(), 0);
    await nav.getByRole('link', { name: 'Anmelden' }).waitFor();
    assert.equal(await page.getByText('Angemeldet als').count(), 0);

    // The session is gone: the profile asks for a login again.
    await page.goto('/profile');
    assert.equal(new URL(page.url()).pathname, '/login');
    await expectLoginForm(page);
  } finally {
    await context.close();
  }
});

test('login: after the form, the person lands on the page they wanted', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.goto('/orgs');
    assert.equal(new URL(page.url()).pathname, '/login');
    await expectLoginForm(page);
    await toPasswordStep(page, EMAIL, { open: false });
    await field(page, 'Passwort').fill(DEMO_PASSWORD);
    await submit(page, loginButton(page), { status: 200 });
    assert.equal(new URL(page.url()).pathname, '/orgs');
    await page.getByRole('heading', { level: 1, name: 'Organisationen im Netzwerk' }).waitFor();
  } finally {
    await context.close();
  }
});

async function expectLoginForm(page) {
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  await expectAccessible(page);
}
