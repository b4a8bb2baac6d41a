// Erasure and the record of processing activities: a new person deletes their account from
// "Meine Daten" (a wrong password first), an admin erases someone who left, and an organiser
// reads and downloads the record. Every page with axe, at both widths, with screenshots.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, newPage, visit, submit, field, fieldError, login, toPasswordStep, expectAccessible } from './lib/browser.js';
import { download, pdfText } from './lib/files.js';
import { signUp } from './lib/people.js';

const SHOTS = process.env.E2E_SCREENSHOTS || join(import.meta.dirname, '..', 'screenshots');
const PASSWORD = 'Herbst-Tausch-2026!';

let browser;
before(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
});

const newPerson = (name) => signUp(browser, name, PASSWORD);

const noSidewaysScroll = async (page, width) =>
  assert.ok(
    (await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0,
    `the page scrolls sideways at ${width} px`,
  );

test('a person deletes their own account from Meine Daten', async () => {
  const email = await newPerson('Paula Probe');
  const { context, page } = await newPage(browser);
  try {
    await login(page, email, PASSWORD);
    await visit(page, '/me/data');
    await Promise.all([page.waitForURL('**/me/delete'), page.getByRole('link', { name: 'Konto löschen' }).click()]);
    await expectAccessible(page);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.getByRole('heading', { level: 1, name: 'Konto löschen' }).waitFor();
      await page.getByText('Keine: Es ist kein Jobtausch geplant.').waitFor();
      await noSidewaysScroll(page, width);
      await page.screenshot({ path: join(SHOTS, `participant-delete-account-${width}.png`), fullPage: true });
    }
    // A wrong password: said at the field, the account stays.
    await field(page, 'Passwort').fill('nicht-mein-passwort');
    await submit(page, page.getByRole('button', { name: 'Mein Konto endgültig löschen' }), { status: 422 });
    assert.ok(await fieldError(page, 'password'), 'the wrong password is named at its field');
    await field(page, 'Passwort').fill(PASSWORD);
    await submit(page, page.getByRole('button', { name: 'Mein Konto endgültig löschen' }), { status: 200 });
    await page.getByRole('heading', { level: 1, name: 'Ihr Konto ist gelöscht' }).waitFor();
    // Signed out, and the address signs in no more.
    await visit(page, '/me/data');
    assert.equal(new URL(page.url()).pathname, '/login');
    await toPasswordStep(page, email);
    await field(page, 'Passwort').fill(PASSWORD);
    await submit(page, page.locator('main').getByRole('button', { name: 'Anmelden', exact: true }));
    assert.ok((await page.locator('#error-summary').count()) > 0, 'the deleted account cannot sign in');
  } finally {
    await context.close();
  }
});

test('an admin erases the account of someone who left; an organiser files the record', async () => {
  const email = await newPerson('Ole Ausgeschieden');
  const { context, page } = await newPage(browser);
  try {
    await login(page, 'dieter.krause@musterstadt.example');
    await page.getByRole('link', { name: 'Meine Organisation' }).click();
    await page.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    const orgPath = new URL(page.url()).pathname;
    await visit(page, `${orgPath}/members?q=Ole`);
    const card = page.getByRole('region', { name: 'Ole Ausgeschieden' });
    await Promise.all([page.waitForURL('**/erase'), card.getByRole('link', { name: /Konto löschen \(ausgeschieden\)/ }).click()]);
    await expectAccessible(page);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.getByRole('heading', { level: 1, name: 'Konto von Ole Ausgeschieden löschen' }).waitFor();
      await noSidewaysScroll(page, width);
      await page.screenshot({ path: join(SHOTS, `admin-erase-member-${width}.png`), fullPage: true });
    }
    await submit(page, page.getByRole('button', { name: 'Konto endgültig löschen' }), { status: 422 });
    assert.ok(await fieldError(page, 'left'), 'the box is ticked on purpose');
    await field(page, 'Die Person hat die Organisation verlassen; ihr Konto soll gelöscht werden.').check();
    await submit(page, page.getByRole('button', { name: 'Konto endgültig löschen' }), { status: 200 });
    await page.getByText('Das Konto ist gelöscht.').waitFor();
    assert.equal(await page.getByRole('region', { name: 'Ole Ausgeschieden' }).count(), 0);
    assert.ok(email.endsWith('@musterstadt.example'));
  } finally {
    await context.close();
  }

  const organiser = await newPage(browser);
  try {
    const { page } = organiser;
    await login(page, 'koordination@jobtausch.example');
    await visit(page, '/admin/legal');
    await Promise.all([page.waitForURL('**/admin/privacy-record'), page.getByRole('link', { name: 'Verzeichnis von Verarbeitungstätigkeiten' }).click()]);
    await expectAccessible(page);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.getByRole('heading', { level: 2, name: 'Löschfristen' }).waitFor();
      await page.getByText('30 Tage nach dem Versand').waitFor();
      await noSidewaysScroll(page, width);
      await page.screenshot({ path: join(SHOTS, `organiser-privacy-record-${width}.png`), fullPage: true });
    }
    const file = await download(page, page.getByRole('link', { name: 'Als PDF herunterladen' }));
    assert.match(file.filename, /^verarbeitungsverzeichnis-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = (await pdfText(file.bytes)).split(/\s+/).join(' ');
    for (const words of ['Verzeichnis von Verarbeitungstätigkeiten', 'Löschfristen', '6 Jahre nach der Tauschwoche']) {
      assert.ok(text.includes(words), `the PDF lacks ${words}`);
    }
  } finally {
    await organiser.context.close();
  }
});
