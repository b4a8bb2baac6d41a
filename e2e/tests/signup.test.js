// Journey 1: a new person at Stadt Musterstadt signs up. Bad input first (every error shown at
// its field and in the summary, nothing created), then a correct sign-up; the confirmation link
// comes by real mail through the SMTP server; after confirming, the person logs in.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  BASE_URL,
  launch,
  newPage,
  visit,
  submit,
  field,
  fieldError,
  summaryTargets,
  toPasswordStep,
} from './lib/browser.js';
import { waitForMail, readMails, mailboxMark } from './lib/mail.js';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const PASSWORD = 'Sommer-Tausch-2026!';

async function fillSignup(page, { email = '', name = '', password = '', confirm = '', privacy = false }) {
  await field(page, 'E-Mail-Adresse').fill(email);
  await field(page, 'Name').fill(name);
  await field(page, 'Passwort').fill(password);
  await field(page, 'Passwort wiederholen').fill(confirm);
  await field(page, 'Ich habe die Datenschutzerklärung gelesen.').setChecked(privacy);
}

const submitButton = (page) => page.getByRole('button', { name: 'Konto anlegen' });

/** The fields the summary links to equal `ids`, each shows its message, and the message is the same in both places. */
async function expectErrors(page, expected) {
  const ids = Object.keys(expected);
  assert.deepEqual((await summaryTargets(page)).sort(), [...ids].sort(), 'the error summary links to other fields');
  await page.getByRole('heading', { name: 'Bitte prüfen Sie Ihre Angaben' }).waitFor();
  for (const [id, message] of Object.entries(expected)) {
    assert.equal(await fieldError(page, id), message, `the message at #${id}`);
    const link = page.locator('#error-summary').locator(`a[href="#${id}"]`);
    assert.match(await link.innerText(), new RegExp(`${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    // The field itself is there (the summary link leads somewhere) and announces its error.
    const control = page.locator(`#${id}`);
    assert.equal(await control.count(), 1, `no field #${id}`);
    const describedBy = (await control.getAttribute('aria-describedby')) || '';
    assert.ok(describedBy.split(' ').includes(`${id}-error`), `#${id} is not described by its error`);
  }
  // Fields without an error show none.
  for (const id of ['email', 'display_name', 'password', 'password_confirm', 'privacy_accepted']) {
    if (!ids.includes(id)) assert.equal(await fieldError(page, id), null, `#${id} shows an error it should not`);
  }
}

test('sign-up: bad input is refused at the fields, a correct sign-up is confirmed by mail, then login works', async () => {
  const suffix = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const email = `e2e.${suffix}@musterstadt.example`;
  const name = `Erika Testfrau ${suffix}`;
  const mark = await mailboxMark();
  const { context, page } = await newPage(browser);
  try {
    await visit(page, '/');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Registrieren' }).click();
    await page.waitForURL('**/signup');
    await page.getByRole('heading', { level: 1, name: 'Registrieren' }).waitFor();

    // 1. Nothing filled in.
    await submit(page, submitButton(page), { status: 422 });
    await expectErrors(page, {
      email: 'Bitte ausfüllen.',
      display_name: 'Bitte ausfüllen.',
      password: 'Bitte ausfüllen.',
      privacy_accepted: 'Bitte bestätigen Sie, dass Sie die Datenschutzerklärung gelesen haben.',
    });
    // The summary's link takes the person to the field.
    await page.locator('#error-summary').getByRole('link', { name: /^Name:/ }).click();
    await page.waitForURL('**/signup#display_name');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'display_name');

    // 2. A password that is too short; what was typed stays, the password does not.
    await fillSignup(page, { email, name, password: 'kurz', confirm: 'kurz', privacy: true });
    await submit(page, submitButton(page), { status: 422 });
    await expectErrors(page, { password: 'Mindestens 12 Zeichen.' });
    assert.equal(await field(page, 'E-Mail-Adresse').inputValue(), email);
    assert.equal(await field(page, 'Name').inputValue(), name);
    assert.equal(await field(page, 'Passwort').inputValue(), '');
    assert.equal(await field(page, 'Ich habe die Datenschutzerklärung gelesen.').isChecked(), true);

    // 3. The repetition differs and the privacy statement is not confirmed.
    await fillSignup(page, { email, name, password: PASSWORD, confirm: `${PASSWORD}x`, privacy: false });
    await submit(page, submitButton(page), { status: 422 });
    await expectErrors(page, {
      password_confirm: 'Die Angaben stimmen nicht überein.',
      privacy_accepted: 'Bitte bestätigen Sie, dass Sie die Datenschutzerklärung gelesen haben.',
    });

    // 4. An address outside the network's organisations.
    const foreign = `e2e.${suffix}@example.org`;
    await fillSignup(page, { email: foreign, name, password: PASSWORD, confirm: PASSWORD, privacy: true });
    await submit(page, submitButton(page), { status: 422 });
    await expectErrors(page, {
      email:
        'Diese Adresse gehört zu keiner Organisation im Netzwerk. Nutzen Sie Ihre dienstliche Adresse oder eine Einladung.',
    });

    // Nothing was created: the password of the refused attempts opens no account (an account
    // that existed unconfirmed would be told to confirm its address instead).
    await toPasswordStep(page, email);
    await field(page, 'Passwort').fill(PASSWORD);
    await submit(page, page.locator('main').getByRole('button', { name: 'Anmelden', exact: true }), { status: 422 });
    assert.equal(await fieldError(page, 'password'), 'E-Mail-Adresse oder Passwort sind falsch.');
    assert.equal(await fieldError(page, 'email'), null);

    // 5. The correct sign-up.
    await visit(page, '/signup');
    await fillSignup(page, { email, name, password: PASSWORD, confirm: PASSWORD, privacy: true });
    await submit(page, submitButton(page), { status: 200 });
    await page.getByRole('heading', { level: 1, name: 'Bitte bestätigen Sie Ihre Adresse' }).waitFor();
    await page.getByText(`Wir haben einen Bestätigungslink an ${email} geschickt`).waitFor();

    // The mail, as the SMTP server received it.
    const mail = await waitForMail(email, { subject: /bestätigen Sie Ihre E-Mail-Adresse/, after: mark });
    assert.equal(mail.headers.subject, 'Jobtausch: Bitte bestätigen Sie Ihre E-Mail-Adresse');
    assert.ok(mail.headers['message-id'], 'the mail has no Message-ID');
    assert.match(mail.body, new RegExp(`Guten Tag ${name},`));
    const links = mail.body.match(/https?:\/\/[^\s<>"]+\/verify\?token=[A-Za-z0-9_-]+/g) || [];
    assert.equal(links.length, 1, `expected one confirmation link in the mail:\n${mail.body}`);
    const link = links[0];
    assert.ok(link.startsWith(`${BASE_URL}/verify?token=`), `the link ${link} does not lead to ${BASE_URL}`);
    // The refused attempts sent nothing to the foreign address.
    assert.equal((await readMails()).filter((m) => (m.headers.to || '').includes(`e2e.${suffix}@example.org`)).length, 0);

    // Opening the link (as a mail filter does) confirms nothing; the button does.
    await visit(page, link);
    await page.getByRole('heading', { level: 1, name: 'E-Mail-Adresse bestätigen' }).waitFor();
    await submit(page, page.locator('main').getByRole('button', { name: 'Adresse bestätigen' }), { status: 200 });
    await page.getByRole('heading', { level: 1, name: 'Adresse bestätigt' }).waitFor();
    // The link works once.
    await visit(page, link, { status: 400 });
    await page.getByRole('heading', { level: 1, name: 'Link ungültig' }).waitFor();

    // Log in with the new account.
    await toPasswordStep(page, email);
    await field(page, 'Passwort').fill(PASSWORD);
    await submit(page, page.locator('main').getByRole('button', { name: 'Anmelden', exact: true }), { status: 200 });
    assert.equal(new URL(page.url()).pathname, '/');
    await page.getByRole('heading', { name: `Willkommen, ${name}` }).waitFor();
    await page.getByText('Sie sind angemeldet.').waitFor();
    await page.getByText(`Angemeldet als ${name}`).waitFor();
  } finally {
    await context.close();
  }
});
