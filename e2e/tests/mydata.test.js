// "Meine Daten": a person finds their data from every page's footer, reads it in words, and
// downloads it as a file; the page is accessible and does not scroll sideways at either width.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, newPage, login, expectAccessible } from './lib/browser.js';
import { download } from './lib/files.js';

const SHOTS = process.env.E2E_SCREENSHOTS || join(import.meta.dirname, '..', 'screenshots');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('my data: read from the footer, in words, and downloaded as JSON, at both widths', async () => {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    const { context, page } = await newPage(browser);
    try {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await login(page, 'ingo.lehmann@rz-westfalen.example');
      await Promise.all([page.waitForURL('**/me/data'), page.getByRole('contentinfo').getByRole('link', { name: 'Meine Daten' }).click()]);
      await expectAccessible(page);
      await page.getByRole('heading', { level: 1, name: 'Meine Daten' }).waitFor();
      // Ingo's finished swap, with his reflection, in words.
      for (const heading of ['Konto', 'Ihre Tausche', 'Reflexionen', 'Ihre Unterschriften', 'E-Mails an Sie']) {
        await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
      }
      const account = page.getByRole('table', { name: 'Konto' });
      await account.getByText('ingo.lehmann@rz-westfalen.example').waitFor();
      assert.ok(
        (await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0,
        `the page scrolls sideways at ${width} px`,
      );
      await page.screenshot({ path: join(SHOTS, `ingo-my-data-${width}.png`), fullPage: false });

      const file = await download(page, page.getByRole('button', { name: 'Alle Daten herunterladen (JSON)' }));
      assert.match(file.filename, /^meine-daten-\d{4}-\d{2}-\d{2}\.json$/);
      const data = JSON.parse(file.bytes.toString('utf8'));
      assert.equal(data.sections.account[0].email, 'ingo.lehmann@rz-westfalen.example');
      assert.ok(data.sections.reflections.length >= 1, 'his reflection is in the file');
      assert.ok(data.sections.signatures.every((s) => /^[0-9a-f]{64}$/.test(s.document_hash)));
    } finally {
      await context.close();
    }
  }
});
