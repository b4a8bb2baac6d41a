// The accessibility check itself must be able to fail: a page with known defects is refused,
// and the report names the rules and elements.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, expectAccessible } from './lib/browser.js';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('expectAccessible refuses a page with an unlabelled field, an image without text and low contrast', async () => {
  const { context, page } = await newPage(browser);
  try {
    // about:blank, not the app: the app's Content-Security-Policy would block the inline style.
    await page.setContent(`<!DOCTYPE html><html lang="de"><head><title>Kaputt</title></head><body>
      <main><h1>Kaputt</h1>
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
      <input type="text" name="x">
      <p style="color:#bbb;background:#fff">Kaum lesbar</p></main></body></html>`);
    await assert.rejects(expectAccessible(page), (err) => {
      assert.match(err.message, /image-alt/);
      assert.match(err.message, /label/);
      assert.match(err.message, /color-contrast/);
      return true;
    });
  } finally {
    await context.close();
  }
});
