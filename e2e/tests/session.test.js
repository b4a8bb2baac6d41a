// The warning before a session ends (WCAG 2.2.1): two minutes before the end without activity a
// dialog, announced as an alert dialog with its text, focus on "Angemeldet bleiben", offers to
// stay signed in (by keyboard), which extends the session; past the end it offers the login.
// The page's clock is moved (Playwright's clock); the server's session is real.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, visit, expectAccessible } from './lib/browser.js';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('session: a warning two minutes before the end, stay signed in by keyboard, and the end', async () => {
  for (const width of [1280, 390]) {
    const { context, page } = await newPage(browser);
    try {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.clock.install();
      await login(page, 'anna.schmidt@musterstadt.example');
      await visit(page, '/profile');
      const dialog = page.getByRole('alertdialog', { name: 'Ihre Sitzung endet bald' });
      assert.equal(await dialog.isVisible(), false, 'no warning yet');

      // 28 minutes and a bit later (the idle timeout is 30 minutes): the warning.
      await page.clock.fastForward('28:05');
      await dialog.waitFor();
      await dialog.getByText(/Ohne Aktivität endet Ihre Sitzung um \d{2}:\d{2} Uhr/).waitFor();
      const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
      assert.equal(focused, 'Angemeldet bleiben', 'the focus is on staying signed in');
      assert.equal(await dialog.getByRole('link', { name: 'Anmelden' }).isVisible(), false, 'no login while signed in');
      await expectAccessible(page);

      // Enter on the focused button: extended in the background, the dialog closes.
      const [extended] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/session/extend'),
        page.keyboard.press('Enter'),
      ]);
      assert.equal(extended.status(), 204);
      await dialog.waitFor({ state: 'hidden' });

      // Past the end without activity: the dialog says so and offers the login.
      await page.clock.fastForward('31:00');
      await dialog.getByText('Ihre Sitzung ist abgelaufen.', { exact: false }).waitFor();
      await dialog.getByRole('link', { name: 'Anmelden' }).waitFor();
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  }
});
