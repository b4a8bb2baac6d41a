// New people for the tests that change an account for good (erase it, reset its password), so
// that the demo's people stay as the other tests expect them.

import { randomBytes } from 'node:crypto';
import { newPage, visit, submit, field } from './browser.js';
import { waitForMail, mailboxMark } from './mail.js';

/**
 * Signs up a new person at Stadt Musterstadt with `password` and confirms the address by the
 * link in the mail; returns the address.
 */
export async function signUp(browser, name, password) {
  const email = `e2e.${name.toLowerCase().replace(/\s+/g, '.')}.${randomBytes(3).toString('hex')}@musterstadt.example`;
  const { context, page } = await newPage(browser);
  try {
    const mark = await mailboxMark();
    await visit(page, '/signup');
    await field(page, 'E-Mail-Adresse').fill(email);
    await field(page, 'Name').fill(name);
    await field(page, 'Passwort').fill(password);
    await field(page, 'Passwort wiederholen').fill(password);
    await field(page, 'Ich habe die Datenschutzerklärung gelesen.').setChecked(true);
    await submit(page, page.getByRole('button', { name: 'Konto anlegen' }), { status: 200 });
    const mail = await waitForMail(email, { subject: /bestätigen Sie Ihre E-Mail-Adresse/, after: mark });
    const link = mail.body.match(/https?:\/\/[^\s<>"]+\/verify\?token=[A-Za-z0-9_-]+/)[0];
    await visit(page, link);
    await submit(page, page.locator('main').getByRole('button', { name: 'Adresse bestätigen' }), { status: 200 });
  } finally {
    await context.close();
  }
  return email;
}
