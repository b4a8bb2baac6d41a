// Journey 7: the legal pages are linked from the footer of every page, signed in or not, and
// each of them passes axe.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, visit, login, expectAccessible } from './lib/browser.js';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const LEGAL = [
  { link: 'Impressum', path: '/imprint', heading: 'Impressum' },
  { link: 'Datenschutzerklärung', path: '/privacy', heading: 'Datenschutzerklärung' },
  { link: 'Erklärung zur Barrierefreiheit', path: '/accessibility', heading: 'Erklärung zur Barrierefreiheit' },
  { link: 'Leichte Sprache', path: '/easy-language', heading: 'Leichte Sprache' },
];

async function expectFooterLinks(page) {
  const footer = page.getByRole('contentinfo');
  for (const { link, path } of LEGAL) {
    const a = footer.getByRole('link', { name: link, exact: true });
    assert.equal(await a.count(), 1, `the footer of ${page.url()} has no link "${link}"`);
    assert.equal(await a.getAttribute('href'), path);
  }
}

test('every legal page is reachable from the footer and passes axe (signed out)', async () => {
  const { context, page } = await newPage(browser);
  try {
    for (const path of ['/', '/login', '/signup']) {
      await visit(page, path);
      await expectFooterLinks(page);
    }
    await visit(page, '/');
    for (const { link, path, heading } of LEGAL) {
      await Promise.all([page.waitForURL(`**${path}`), page.getByRole('contentinfo').getByRole('link', { name: link, exact: true }).click()]);
      await expectAccessible(page);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      // Every legal page has text below its heading and the footer again.
      assert.ok((await page.locator('main p').count()) >= 2, `${path} has no text`);
      await expectFooterLinks(page);
    }
  } finally {
    await context.close();
  }
});

test('signed-in pages carry the legal links in the footer too', async () => {
  const { context, page } = await newPage(browser);
  try {
    await login(page, 'carla.yilmaz@musterstadt.example');
    for (const path of ['/', '/profile', '/people', '/orgs', '/tokens']) {
      await visit(page, path);
      await expectFooterLinks(page);
    }
    await page.getByRole('contentinfo').getByRole('link', { name: 'Datenschutzerklärung' }).click();
    await page.waitForURL('**/privacy');
    await expectAccessible(page);
    await page.getByRole('heading', { level: 1, name: 'Datenschutzerklärung' }).waitFor();
  } finally {
    await context.close();
  }
});

test('an unknown page says so in German and passes axe', async () => {
  const { context, page } = await newPage(browser);
  try {
    await visit(page, '/gibt-es-nicht', { status: 404 });
    await expectFooterLinks(page);
  } finally {
    await context.close();
  }
});
