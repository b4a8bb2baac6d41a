// What each demo role sees first, at desktop (1280 px) and phone (390 px) width: the start page
// lists that person's open tasks, and the start page, a swap's page and every tab of its week
// plan are checked with axe and must not scroll sideways. Every page is written as a screenshot to E2E_SCREENSHOTS
// (default: e2e/screenshots) for people to look at before an issue about them is resolved.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, newPage, login, visit } from './lib/browser.js';

const SHOTS = process.env.E2E_SCREENSHOTS || join(import.meta.dirname, '..', 'screenshots');

// Each demo person with tasks the demo leaves them: the swap Karl proposed to Anna waits for the
// approvals of both cities and the consent of Musterstadt's staff council. (The Rust tests
// check that the list is exactly a person's tasks; here other tests may have added some.)
const ROLES = [
  ['anna', 'anna.schmidt@musterstadt.example', []],
  ['eva', 'eva.nowak@kommunal-it.example', []],
  ['bernd', 'bernd.weber@musterstadt.example', ['approve']],
  ['carla', 'carla.yilmaz@musterstadt.example', ['consent']],
  ['dieter', 'dieter.krause@musterstadt.example', ['approve', 'setup']],
  ['lena', 'lena.wolf@beispielhausen.example', ['approve', 'setup']],
  ['koordination', 'koordination@jobtausch.example', []],
];

/** How much wider than the window the page is (0 or less: no sideways scrolling). */
async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

async function shoot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

test('each role: tasks first on the start page, no sideways scrolling, screenshots at both widths', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const browser = await launch();
  try {
    for (const [who, email, expected] of ROLES) {
      for (const width of [1280, 390]) {
        const { context, page } = await newPage(browser);
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await login(page, email);
        await visit(page, '/');
        const tasks = await page.locator('#tasks [data-task]').evaluateAll((ts) => ts.map((t) => t.dataset.task));
        // Other tests of the suite may have given them more to do (a round's proposal).
        for (const kind of expected) assert.ok(tasks.includes(kind), `${who}'s tasks ${tasks} lack ${kind}`);
        if (who === 'koordination') assert.ok(!tasks.includes('approve'), 'organisers approve nothing');
        assert.ok((await overflow(page)) <= 0, `${who}'s start page scrolls sideways at ${width} px`);
        await shoot(page, `${who}-start-${width}`);

        // The first swap on the start page (a task's, else one's own).
        const link = page.locator('#tasks a[href^="/swaps/"], #my-swaps a[href^="/swaps/"]').first();
        if ((await link.count()) > 0) {
          // The swap itself, also where the task leads into its week.
          const path = new URL(await link.getAttribute('href'), page.url()).pathname.match(/^\/swaps\/[0-9a-f-]{36}/)[0];
          await visit(page, path);
          assert.match(await page.locator('#swap-next').innerText(), /^Als Nächstes: .{10,}/, `${who}'s swap page says what is next`);
          assert.ok((await overflow(page)) <= 0, `${who}'s swap page scrolls sideways at ${width} px`);
          await shoot(page, `${who}-swap-${width}`);
          const week = page.locator('#week-plan-link');
          if ((await week.count()) > 0) {
            // Every part of the week plan, one tab each.
            await visit(page, new URL(await week.getAttribute('href'), page.url()).pathname);
            const tabs = await page.locator('.week-tabs a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
            assert.ok(tabs.length >= 5, `the week has tabs: ${tabs}`);
            for (const [i, tab] of tabs.entries()) {
              await visit(page, tab);
              assert.ok((await overflow(page)) <= 0, `${who}'s week page ${tab} scrolls sideways at ${width} px`);
              await shoot(page, `${who}-week-${i}-${width}`);
            }
          }
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
});
