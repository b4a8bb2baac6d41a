// "Barriere melden": a visitor (not signed in) reports a barrier from the page where it is;
// the organisers see it with its age and deadline and mark it answered. Both pages at both
// widths with axe.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { launch, newPage, login, visit, submit, field, summaryTargets, expectAccessible } from './lib/browser.js';
import { mailboxMark, waitForMail } from './lib/mail.js';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const words = `Die Tabelle der Tausche lässt sich am Handy nicht bedienen (${randomBytes(3).toString('hex')}).`;

test('barrier: reported without signing in, from the page where it is', async () => {
  const { context, page } = await newPage(browser);
  try {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await visit(page, '/signup');
      await Promise.all([page.waitForURL('**/accessibility/report**'), page.getByRole('contentinfo').getByRole('link', { name: 'Barriere melden' }).click()]);
      await expectAccessible(page);
      assert.equal(await field(page, 'Seite, auf der die Barriere ist').inputValue(), '/signup');
    }
    await submit(page, page.locator('main').getByRole('button', { name: 'Meldung senden' }), { status: 422 });
    assert.deepEqual(await summaryTargets(page), ['barrier_description']);

    const mark = await mailboxMark();
    await field(page, 'Was ist das Problem?').fill(words);
    await field(page, 'E-Mail-Adresse für die Antwort').fill('leserin@example.org');
    await submit(page, page.locator('main').getByRole('button', { name: 'Meldung senden' }), { status: 200 });
    await page.getByRole('heading', { level: 1, name: 'Vielen Dank für Ihre Meldung' }).waitFor();
    await page.getByText(/Wir antworten Ihnen bis spätestens \d{2}\.\d{2}\.\d{4}/).waitFor();
    const receipt = await waitForMail('leserin@example.org', { subject: /Meldung einer Barriere ist eingegangen/, after: mark });
    assert.match(receipt.body, /Schlichtungsstelle/);
  } finally {
    await context.close();
  }
});

test('barrier: the organisers see its age and deadline and mark it answered', async () => {
  const { context, page } = await newPage(browser);
  try {
    await login(page, 'koordination@jobtausch.example');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Barrieremeldungen' }).click();
    await page.waitForURL('**/accessibility/reports');
    await expectAccessible(page);
    const report = page.locator('li.report').filter({ hasText: words });
    await report.getByText('heute').waitFor();
    await report.getByText('leserin@example.org').waitFor();
    await report.getByText(/\d{2}\.\d{2}\.\d{4}/).first().waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page);
    await field(report, 'Wie beantwortet (optional)').fill('Per E-Mail geantwortet, Tabelle wird umgebaut.');
    await submit(page, report.getByRole('button', { name: 'Als beantwortet markieren' }), { status: 200 });
    await page.getByText('Die Meldung ist als beantwortet markiert.').waitFor();
    await page.getByRole('table').getByText('Per E-Mail geantwortet, Tabelle wird umgebaut.').waitFor();
  } finally {
    await context.close();
  }
});
