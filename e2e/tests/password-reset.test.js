// A forgotten password: the link comes by real mail, a new password is refused until it is long
// enough and repeated, then it works once, ends the other sessions, and the owner is told.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL,
  launch,
  newPage,
  visit,
  submit,
  login,
  field,
  fieldError,
  summaryTargets,
  expectAccessible,
  toPasswordStep,
} from './lib/browser.js';
import { waitForMail, mailboxMark } from './lib/mail.js';
import { signUp } from './lib/people.js';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// A person of its own, signed up for this test: the demo's people keep their password.
const NAME = 'Rita Reset';
const OLD_PASSWORD = 'Erstes-Passwort-Herbst-2026';
const NEW_PASSWORD = 'Neues-Passwort-Herbst-2026';

test('password reset: the mailed link sets a new password once and ends the other sessions', async () => {
  const EMAIL = await signUp(browser, NAME, OLD_PASSWORD);
  // A session elsewhere, which the reset must end.
  const elsewhere = await newPage(browser);
  await login(elsewhere.page, EMAIL, OLD_PASSWORD);

  const { context, page } = await newPage(browser);
  try {
    await visit(page, '/login');
    await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
    await page.waitForURL('**/password/forgot');
    await expectAccessible(page);
    await page.getByRole('heading', { level: 1, name: 'Passwort vergessen' }).waitFor();

    // A malformed address is refused at the field.
    await field(page, 'E-Mail-Adresse').fill('rita.reset');
    await submit(page, page.locator('main form').getByRole('button', { name: 'Link anfordern' }), { status: 422 });
    assert.deepEqual(await summaryTargets(page), ['email']);
    assert.equal(await fieldError(page, 'email'), 'Bitte eine gültige E-Mail-Adresse angeben, z. B. name@stadt.de.');

    await field(page, 'E-Mail-Adresse').fill(EMAIL);
    const mark = await mailboxMark();
    await submit(page, page.locator('main form').getByRole('button', { name: 'Link anfordern' }), { status: 200 });
    await page.getByRole('heading', { level: 1, name: 'Bitte sehen Sie in Ihr Postfach' }).waitFor();
    await page.getByText(`Wenn zu ${EMAIL} ein Konto gehört`).waitFor();

    const mail = await waitForMail(EMAIL, { subject: /Passwort zurücksetzen/, after: mark });
    assert.match(mail.body, /Guten Tag Rita Reset,/);
    const link = (mail.body.match(/https?:\/\/[^\s<>"]+\/password\/reset\?token=[A-Za-z0-9_-]+/) || [])[0];
    assert.ok(link?.startsWith(`${BASE_URL}/password/reset?token=`), `no reset link in:\n${mail.body}`);

    await visit(page, link);
    await page.getByRole('heading', { level: 1, name: 'Neues Passwort setzen' }).waitFor();
    const save = () => page.locator('main form').getByRole('button', { name: 'Passwort speichern' });

    await field(page, 'Passwort').fill('zu-kurz');
    await field(page, 'Passwort wiederholen').fill('zu-kurz');
    await submit(page, save(), { status: 422 });
    assert.deepEqual(await summaryTargets(page), ['password']);
    assert.equal(await fieldError(page, 'password'), 'Mindestens 12 Zeichen.');

    await field(page, 'Passwort').fill(NEW_PASSWORD);
    await field(page, 'Passwort wiederholen').fill(`${NEW_PASSWORD}!`);
    await submit(page, save(), { status: 422 });
    assert.deepEqual(await summaryTargets(page), ['password_confirm']);
    assert.equal(await fieldError(page, 'password_confirm'), 'Die Angaben stimmen nicht überein.');

    await field(page, 'Passwort').fill(NEW_PASSWORD);
    await field(page, 'Passwort wiederholen').fill(NEW_PASSWORD);
    await submit(page, save(), { status: 200 });
    assert.equal(new URL(page.url()).pathname, '/login');
    await page.getByRole('status').getByText('Ihr Passwort ist geändert. Bitte melden Sie sich an.').waitFor();

    // The owner is told by mail.
    const notice = await waitForMail(EMAIL, { subject: /Änderung an Ihrem Konto/, after: mark });
    assert.match(notice.body, /Ihr Passwort wurde mit einem Link zum Zurücksetzen geändert/);

    // The link works once.
    await visit(page, link, { status: 400 });
    await page.getByRole('heading', { level: 1, name: 'Link ungültig' }).waitFor();
    await page.getByRole('link', { name: 'Passwort vergessen' }).waitFor();

    // The old password no longer works, the new one does.
    await toPasswordStep(page, EMAIL);
    await field(page, 'Passwort').fill(OLD_PASSWORD);
    await submit(page, page.locator('main').getByRole('button', { name: 'Anmelden', exact: true }), { status: 422 });
    assert.equal(await fieldError(page, 'password'), 'E-Mail-Adresse oder Passwort sind falsch.');
    await login(page, EMAIL, NEW_PASSWORD);
    await page.getByRole('heading', { name: `Willkommen, ${NAME}` }).waitFor();

    // The session from before the reset has ended.
    await elsewhere.page.goto('/profile');
    assert.equal(new URL(elsewhere.page.url()).pathname, '/login');
    await expectAccessible(elsewhere.page);
  } finally {
    await context.close();
    await elsewhere.context.close();
  }
});

test('password reset: an unknown address gets the same answer; a made-up link is refused', async () => {
  const { context, page } = await newPage(browser);
  try {
    const unknown = `niemand.${Date.now().toString(36)}@musterstadt.example`;
    await visit(page, '/password/forgot');
    await field(page, 'E-Mail-Adresse').fill(unknown);
    await submit(page, page.locator('main form').getByRole('button', { name: 'Link anfordern' }), { status: 200 });
    await page.getByRole('heading', { level: 1, name: 'Bitte sehen Sie in Ihr Postfach' }).waitFor();
    await page.getByText(`Wenn zu ${unknown} ein Konto gehört`).waitFor();
    // A made-up link is refused.
    await visit(page, '/password/reset?token=erfunden', { status: 400 });
    await page.getByRole('heading', { level: 1, name: 'Link ungültig' }).waitFor();
  } finally {
    await context.close();
  }
});
