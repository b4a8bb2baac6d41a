// Personal API tokens: a name is required; a created token is shown once, works against the
// JSON API, is listed, and stops working once revoked.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, newPage, visit, submit, login, field, fieldError, summaryTargets, expectAccessible } from './lib/browser.js';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('tokens: create one (shown once, works), see it listed, revoke it', async () => {
  const { context, page } = await newPage(browser);
  try {
    await login(page, 'ingo.lehmann@rz-westfalen.example');
    // API keys are for the few who script: under the account's settings, not in the main navigation.
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    assert.equal(await nav.getByRole('link', { name: 'API-Schlüssel' }).count(), 0);
    await nav.getByRole('link', { name: 'Mein Profil' }).click();
    await page.waitForURL('**/profile');
    await page.locator('#account-settings').getByRole('link', { name: 'API-Schlüssel' }).click();
    await page.waitForURL('**/tokens');
    await expectAccessible(page);
    await page.getByRole('heading', { level: 1, name: 'API-Schlüssel' }).waitFor();
    await page.getByText('Sie haben keine API-Schlüssel.').waitFor();

    const form = page.getByRole('form', { name: 'Neuen Schlüssel anlegen' });
    await submit(page, form.getByRole('button', { name: 'Schlüssel anlegen' }), { status: 422 });
    assert.deepEqual(await summaryTargets(page), ['name']);
    assert.equal(await fieldError(page, 'name'), 'Bitte ausfüllen.');

    await field(page.getByRole('form', { name: 'Neuen Schlüssel anlegen' }), 'Name').fill('Kalender-Abgleich');
    await submit(page, page.getByRole('button', { name: 'Schlüssel anlegen' }), { status: 200 });
    const notice = page.getByRole('status').filter({ hasText: 'Ihr neuer API-Schlüssel' });
    await notice.getByText('Kopieren Sie den Schlüssel jetzt. Er wird nur dieses eine Mal angezeigt.').waitFor();
    const secret = (await page.locator('#new-token').innerText()).trim();
    assert.match(secret, /^jt_[A-Za-z0-9_-]{20,}$/);

    const table = page.getByRole('table', { name: 'Ihre API-Schlüssel' });
    const row = table.getByRole('row').filter({ hasText: 'Kalender-Abgleich' });
    await row.waitFor();
    assert.match((await row.getByRole('cell').nth(1).innerText()).trim(), /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    assert.equal((await row.getByRole('cell').nth(2).innerText()).trim(), '–', 'a new token was never used');

    // The token opens the JSON API.
    const api = (token) =>
      fetch(`${BASE_URL}/api/me`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    const ok = await api(secret);
    assert.equal(ok.status, 200, `the new token was refused: ${ok.status} ${await ok.text()}`);

    // Shown once: the list no longer shows it, but shows that it was used.
    await visit(page, '/tokens');
    assert.equal(await page.locator('#new-token').count(), 0);
    assert.ok(!(await page.content()).includes(secret), 'the secret is shown again');
    const used = page.getByRole('table', { name: 'Ihre API-Schlüssel' }).getByRole('row').filter({ hasText: 'Kalender-Abgleich' });
    assert.match((await used.getByRole('cell').nth(2).innerText()).trim(), /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);

    await submit(page, used.getByRole('button', { name: 'Widerrufen – Kalender-Abgleich' }), { status: 200 });
    await page.getByRole('status').getByText('Der API-Schlüssel ist widerrufen.').waitFor();
    await page.getByText('Sie haben keine API-Schlüssel.').waitFor();
    assert.equal((await api(secret)).status, 401);
  } finally {
    await context.close();
  }
});
