// Stories: Ingo's draft of last month's swap waits for Karl and the press offices of both
// organisations; each approves from the start page's task; the story is then public (read
// without signing in or JavaScript, in the list, its filter and the Atom feed); Anna comments,
// the organisers approve her comment; Ingo withdraws the story and tells a new one with a photo.
// Every page with axe, at both widths, with screenshots.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, newPage, visit, submit, field, login, shoot } from './lib/browser.js';
import { waitForMail, mailboxMark } from './lib/mail.js';

const INGO = 'ingo.lehmann@rz-westfalen.example';
const TITLE = 'Vom Rechenzentrum ins Bürgeramt';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const flash = (page, text) => page.getByRole('status').filter({ hasText: text }).waitFor();

/** Signs in as `email`, follows the start page's task to the story and approves it. */
async function approveFromTask(email, name, expected) {
  const { context, page } = await newPage(browser);
  try {
    await login(page, email);
    await visit(page, '/');
    await page.getByRole('link', { name: /Geschichte wartet auf Ihre Zustimmung/ }).click();
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await shoot(page, `story-draft-${name}`);
    await submit(page, page.getByRole('button', { name: 'Dieser Fassung zustimmen' }), { status: 200 });
    await flash(page, expected);
    return new URL(page.url()).pathname;
  } finally {
    await context.close();
  }
}

test('a story: approved by everyone, read in public, commented, withdrawn, told anew', async () => {
  const mark = await mailboxMark();
  await approveFromTask('karl.meyer@beispielhausen.example', 'karl', 'Ihre Zustimmung ist gespeichert.');
  await approveFromTask('jana.fischer@rz-westfalen.example', 'jana', 'Ihre Zustimmung ist gespeichert.');
  const storyPath = await approveFromTask('lena.wolf@beispielhausen.example', 'lena', 'Die Geschichte ist veröffentlicht.');
  assert.match(storyPath, /^\/stories\/[0-9a-f-]{36}$/);
  const published = await waitForMail(INGO, { subject: /ist veröffentlicht/, after: mark });
  assert.ok(published.body.includes(`${BASE_URL}${storyPath}`), published.body);

  // In public, without JavaScript: the list with its filter, the story, the feed.
  const plain = await browser.newContext({ locale: 'de-DE', baseURL: BASE_URL, javaScriptEnabled: false });
  try {
    const page = await plain.newPage();
    assert.equal((await page.goto('/stories')).status(), 200);
    await page.getByRole('link', { name: TITLE }).waitFor();
    await page.getByLabel('Bundesland').selectOption({ label: 'Bayern' });
    await page.getByRole('button', { name: 'Filtern' }).click();
    await page.getByText('Keine veröffentlichte Geschichte passt zu diesem Filter.').waitFor();
    await page.getByLabel('Bundesland').selectOption({ label: 'Schleswig-Holstein' });
    await page.getByRole('button', { name: 'Filtern' }).click();
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    assert.equal(await page.locator('.story-text strong').first().innerText(), 'Montagmorgen');
    const feed = await plain.request.get('/stories/feed.atom');
    assert.equal(feed.status(), 200);
    const xml = await feed.text();
    assert.ok(xml.includes(`<title>${TITLE}</title>`) && xml.includes(`${BASE_URL}${storyPath}`), xml);
  } finally {
    await plain.close();
  }
  const visitor = await newPage(browser);
  try {
    await visit(visitor.page, '/stories');
    await shoot(visitor.page, 'stories-public');
    await visit(visitor.page, storyPath);
    await shoot(visitor.page, 'story-public');
  } finally {
    await visitor.context.close();
  }

  // Anna comments; the organisers approve; then everybody reads it.
  const anna = await newPage(browser);
  try {
    await login(anna.page, 'anna.schmidt@musterstadt.example');
    await visit(anna.page, storyPath);
    await submit(anna.page, anna.page.getByRole('button', { name: 'Kommentar senden' }), { status: 422 });
    await field(anna.page, 'Kommentar').fill('Genau so etwas brauchen wir auch zwischen Stadt und Rechenzentrum!');
    await submit(anna.page, anna.page.getByRole('button', { name: 'Kommentar senden' }), { status: 200 });
    await flash(anna.page, 'sobald die Koordination ihn freigegeben hat');
    await anna.page.getByText('wartet auf Freigabe').waitFor();
  } finally {
    await anna.context.close();
  }
  const orga = await newPage(browser);
  try {
    await login(orga.page, 'koordination@jobtausch.example');
    await visit(orga.page, '/');
    await orga.page.getByRole('link', { name: /Kommentar wartet auf Prüfung/ }).click();
    await orga.page.getByRole('heading', { level: 1, name: 'Kommentare prüfen' }).waitFor();
    await shoot(orga.page, 'comments-queue');
    await submit(orga.page, orga.page.getByRole('button', { name: 'Freigeben' }).first(), { status: 200 });
    await flash(orga.page, 'Der Kommentar ist freigegeben.');
  } finally {
    await orga.context.close();
  }
  const reader = await newPage(browser);
  try {
    await visit(reader.page, storyPath);
    await reader.page.getByText('Genau so etwas brauchen wir auch').waitFor();
  } finally {
    await reader.context.close();
  }

  // Ingo withdraws it (the confirmation first) and tells the swap's story anew, with a photo.
  const ingo = await newPage(browser);
  try {
    await login(ingo.page, INGO);
    await visit(ingo.page, storyPath);
    const swapPath = await ingo.page.locator('#swap-link').getAttribute('href');
    await submit(ingo.page, ingo.page.getByRole('button', { name: 'Endgültig zurückziehen' }), { status: 422 });
    await ingo.page.getByLabel('Ja, ich möchte diese Geschichte endgültig zurückziehen.').check();
    await submit(ingo.page, ingo.page.getByRole('button', { name: 'Endgültig zurückziehen' }), { status: 200 });
    await flash(ingo.page, 'Die Geschichte ist zurückgezogen.');
    assert.equal((await ingo.page.request.get(storyPath)).status(), 404);

    await visit(ingo.page, swapPath);
    await ingo.page.getByRole('link', { name: 'Die Geschichte dieses Jobtauschs erzählen' }).click();
    await ingo.page.getByRole('heading', { level: 1, name: 'Geschichte erzählen' }).waitFor();
    await shoot(ingo.page, 'story-form');
    await field(ingo.page, 'Überschrift').fill('Zweiter Versuch: Was eine Woche Bürgeramt lehrt');
    await field(ingo.page, 'Text').fill('Eine Woche im Bürgeramt hat meinen Blick auf unsere Dienste verändert. Davon erzähle ich hier.');
    // A 1×1 PNG.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    await ingo.page.getByLabel(/^Foto/).setInputFiles({ name: 'team.png', mimeType: 'image/png', buffer: png });
    await submit(ingo.page, ingo.page.getByRole('button', { name: 'Speichern und zustimmen' }), { status: 422 });
    await ingo.page.locator('#error-summary').getByRole('link', { name: /Was das Foto zeigt/ }).waitFor();
    await shoot(ingo.page, 'story-form-refused');
    await ingo.page.getByLabel(/^Foto/).setInputFiles({ name: 'team.png', mimeType: 'image/png', buffer: png });
    await field(ingo.page, 'Was das Foto zeigt').fill('Ingo und Karl am Schalter des Bürgeramts');
    await submit(ingo.page, ingo.page.getByRole('button', { name: 'Speichern und zustimmen' }), { status: 200 });
    await flash(ingo.page, 'Der Entwurf ist gespeichert.');
    await ingo.page.getByRole('img', { name: 'Ingo und Karl am Schalter des Bürgeramts' }).waitFor();
    await shoot(ingo.page, 'story-draft-ingo');
  } finally {
    await ingo.context.close();
  }
});
