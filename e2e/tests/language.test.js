// Journey 5: the language button in the header switches the pages to English and back; a
// browser that prefers English gets English from the start.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, visit, submit, login, field, toPasswordStep } from './lib/browser.js';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const htmlLang = (page) => page.locator('html').getAttribute('lang');

test('language: the header button switches to English and back, on the page one is on', async () => {
  const { context, page } = await newPage(browser);
  try {
    await visit(page, '/login');
    assert.equal(await htmlLang(page), 'de');
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();

    // The button names the other language, in that language.
    const toEnglish = page.getByRole('banner').getByRole('button', { name: 'English' });
    assert.equal(await toEnglish.getAttribute('lang'), 'en');
    await submit(page, toEnglish, { status: 200 });
    assert.equal(new URL(page.url()).pathname, '/login', 'the switch stays on the page');
    assert.equal(await htmlLang(page), 'en');
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Sign up' }).waitFor();
    await page.getByRole('link', { name: 'Skip to content' }).waitFor();
    await page.getByRole('contentinfo').getByRole('link', { name: 'Imprint' }).waitFor();

    // English stays for the next pages.
    await visit(page, '/');
    assert.equal(await htmlLang(page), 'en');
    await page.getByRole('heading', { name: 'How it works' }).waitFor();

    // English forms answer in English.
    await visit(page, '/login');
    await submit(page, page.locator('main').getByRole('button', { name: 'Continue' }), { status: 422 });
    assert.equal(await htmlLang(page), 'en');
    await page.locator('#error-summary').getByRole('heading', { name: 'Please check your entries' }).waitFor();

    const toGerman = page.getByRole('banner').getByRole('button', { name: 'Deutsch' });
    assert.equal(await toGerman.getAttribute('lang'), 'de');
    await submit(page, toGerman, { status: 200 });
    assert.equal(await htmlLang(page), 'de');
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'English' }).waitFor();

    await visit(page, '/');
    assert.equal(await htmlLang(page), 'de');
    await page.getByRole('heading', { name: 'So funktioniert es' }).waitFor();
  } finally {
    await context.close();
  }
});

test('language: a signed-in person keeps the chosen language on the next login', async () => {
  const { context, page } = await newPage(browser);
  try {
    await login(page, 'gisela.brandt@kommunal-it.example');
    await submit(page, page.getByRole('banner').getByRole('button', { name: 'English' }), { status: 200 });
    assert.equal(await htmlLang(page), 'en');
    await page.getByRole('heading', { name: 'Welcome, Gisela Brandt' }).waitFor();
    await submit(page, page.getByRole('banner').getByRole('button', { name: 'Log out' }), { status: 200 });
  } finally {
    await context.close();
  }
  // A new browser (German by its settings) gets German until the login, then her English.
  const again = await newPage(browser);
  try {
    await visit(again.page, '/login');
    assert.equal(await htmlLang(again.page), 'de');
    await toPasswordStep(again.page, 'gisela.brandt@kommunal-it.example', { open: false });
    await field(again.page, 'Passwort').fill('Jobtausch-Demo-2026');
    await submit(again.page, again.page.locator('main').getByRole('button', { name: 'Anmelden', exact: true }), { status: 200 });
    assert.equal(await htmlLang(again.page), 'en');
    await again.page.getByText('You are logged in.').waitFor();
  } finally {
    await again.context.close();
  }
});

test('language: a browser that prefers English gets English pages', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US' });
  try {
    await visit(page, '/');
    assert.equal(await htmlLang(page), 'en');
    await page.getByRole('heading', { name: 'How it works' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Log in' }).waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Deutsch' }).waitFor();
    await visit(page, '/signup');
    await page.getByRole('heading', { level: 1, name: 'Sign up' }).waitFor();
    assert.equal(await page.getByText('Registrieren').count(), 0);
  } finally {
    await context.close();
  }
});
