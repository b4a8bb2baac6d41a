// The network grows: the public network page and the application form work without signing in
// and without JavaScript; an employer applies, confirms its address by mail, answers the
// organisers' question and is approved; its first admin accepts the invitation and finds the
// setup checklist; the new organisation shows on the public map. Every page with axe, at both
// widths, with screenshots.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { BASE_URL, launch, newPage, visit, submit, field, fieldError, login, summaryTargets, expectNoCodes, expectAccessible } from './lib/browser.js';
import { waitForMail, mailboxMark } from './lib/mail.js';

const SHOTS = process.env.E2E_SCREENSHOTS || join(import.meta.dirname, '..', 'screenshots');
const PASSWORD = 'Herbst-Tausch-2026!';
const ORGANISER = 'koordination@jobtausch.example';

let browser;
before(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
});

const noSidewaysScroll = async (page, width) =>
  assert.ok(
    (await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0,
    `the page scrolls sideways at ${width} px`,
  );

/** axe and screenshots of the page as it is, at 1280 and 390 px. */
async function shoot(page, name) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await expectAccessible(page);
    await noSidewaysScroll(page, width);
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
}

const linkIn = (mail, path) => {
  const link = (mail.body.match(new RegExp(`https?://\\S+${path}[A-Za-z0-9_-]+`)) || [])[0];
  assert.ok(link?.startsWith(`${BASE_URL}${path}`), `no ${path} link in:\n${mail.body}`);
  return link;
};

test('the network page and the application form work without JavaScript', async () => {
  const context = await browser.newContext({ locale: 'de-DE', baseURL: BASE_URL, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const res = await page.goto('/network');
    assert.equal(res.status(), 200);
    await page.getByRole('heading', { level: 1, name: 'Das Jobtausch-Netzwerk' }).waitFor();
    const map = page.getByRole('img', { name: 'Karte der Mitglieder in Deutschland' });
    assert.equal(await map.count(), 1, 'the map is an image with its title');
    const rows = page.locator('#member-table tbody tr');
    assert.ok((await rows.count()) >= 4, 'the demo organisations are listed');
    assert.equal(await page.locator('.network-map__dot').count(), await rows.count(), 'one dot per organisation with a seat');
    // The filter is a plain form: the address carries it.
    await field(page, 'Art der Organisation').selectOption({ label: 'Verband' });
    await Promise.all([page.waitForURL(/kind=association/), page.getByRole('button', { name: 'Filtern' }).click()]);
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().innerText(), /Bundesverband kommunaler IT-Dienstleister/);
    expectNoCodes(await page.locator('body').innerText(), page.url());
    // The application form is there, with the framework agreement.
    await page.goto('/join');
    await page.getByRole('heading', { name: 'Rahmenvereinbarung des Jobtausch-Netzwerks' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Antrag senden' }).count(), 1);
  } finally {
    await context.close();
  }
  // With JavaScript: axe on both pages, and screenshots.
  const { context: c2, page } = await newPage(browser);
  try {
    await visit(page, '/network');
    await shoot(page, 'visitor-network');
    await visit(page, '/join');
    await shoot(page, 'visitor-join');
  } finally {
    await c2.close();
  }
});

test('an employer applies, is asked, approved, and its first admin sets up', async () => {
  const suffix = randomBytes(3).toString('hex');
  const name = `Landkreis Probe ${suffix}`;
  const domain = `lk-probe-${suffix}.example`;
  const admin = `mara.muster@${domain}`;

  // The application: refused at its fields first, then sent.
  const { context, page } = await newPage(browser);
  try {
    await visit(page, '/join');
    await submit(page, page.getByRole('button', { name: 'Antrag senden' }), { status: 422 });
    const targets = await summaryTargets(page);
    for (const id of ['name', 'kind', 'region', 'domains', 'admin_name', 'admin_email']) {
      assert.ok(targets.includes(id), `the summary names ${id}: ${targets}`);
    }
    await field(page, 'Name der Organisation').fill(name);
    await field(page, 'Art der Organisation').selectOption({ label: 'Kreis' });
    await field(page, 'Bundesland').selectOption({ label: 'Niedersachsen' });
    await field(page, 'Ort oder Postleitzahl').fill('26121');
    await field(page, 'Dachverband').selectOption({ label: 'Bundesverband kommunaler IT-Dienstleister (Demo)' });
    await field(page, 'E-Mail-Domains').fill(`${domain}, musterstadt.example`);
    await field(page, 'Name der Ansprechperson').fill('Mara Muster');
    await field(page, 'Dienstliche E-Mail-Adresse').fill(admin);
    await submit(page, page.getByRole('button', { name: 'Antrag senden' }), { status: 422 });
    assert.match(await fieldError(page, 'domains'), /gehört schon zu einer Organisation im Netzwerk/);
    assert.match(await fieldError(page, 'accept_framework'), /Rahmenvereinbarung annimmt/);
    await field(page, 'E-Mail-Domains').fill(domain);
    await page.getByLabel(/nimmt die Rahmenvereinbarung des Netzwerks an \(Fassung \d+\)/).setChecked(true);
    const mark = await mailboxMark();
    await submit(page, page.getByRole('button', { name: 'Antrag senden' }), { status: 200 });
    await page.getByRole('heading', { level: 1, name: 'Bitte bestätigen Sie Ihre Adresse' }).waitFor();

    // The address confirmed through the mail's link.
    const confirm = await waitForMail(admin, { subject: /bestätigen Sie den Aufnahmeantrag/, after: mark });
    await visit(page, linkIn(confirm, '/join/'));
    assert.equal((await page.locator('#application-state').innerText()).trim(), 'Adresse noch nicht bestätigt');
    await shoot(page, 'applicant-confirm');
    await submit(page, page.getByRole('button', { name: 'Adresse bestätigen und Antrag senden' }), { status: 200 });
    assert.equal((await page.locator('#application-state').innerText()).trim(), 'Wird geprüft');
  } finally {
    await context.close();
  }

  // The organiser reviews, asks a question.
  const orga = await newPage(browser);
  let review;
  try {
    await login(orga.page, ORGANISER);
    await visit(orga.page, '/admin/applications');
    await shoot(orga.page, 'organiser-applications');
    await Promise.all([orga.page.waitForURL(/\/admin\/applications\/[0-9a-f-]{36}$/), orga.page.getByRole('link', { name }).click()]);
    review = orga.page.url();
    await orga.page.getByText('26121 Oldenburg').waitFor();
    const mark = await mailboxMark();
    await field(orga.page, 'Frage an die antragstellende Person').fill('Wer vertritt den Landkreis im Netzwerk?');
    await submit(orga.page, orga.page.getByRole('button', { name: 'Frage senden' }), { status: 200 });
    assert.equal((await orga.page.locator('#application-state').innerText()).trim(), 'Rückfrage offen');
    await shoot(orga.page, 'organiser-application');

    // The applicant answers through the new link.
    const question = await waitForMail(admin, { subject: /Rückfrage zu Ihrem Aufnahmeantrag/, after: mark });
    const applicant = await newPage(browser);
    try {
      await visit(applicant.page, linkIn(question, '/join/'));
      await applicant.page.getByText('Wer vertritt den Landkreis im Netzwerk?').waitFor();
      await field(applicant.page, 'Ihre Antwort').fill('Mara Muster, Stabsstelle Digitalisierung.');
      await submit(applicant.page, applicant.page.getByRole('button', { name: 'Antwort senden' }), { status: 200 });
      assert.equal((await applicant.page.locator('#application-state').innerText()).trim(), 'Wird geprüft');
      await shoot(applicant.page, 'applicant-status');
    } finally {
      await applicant.context.close();
    }

    // Approved.
    await visit(orga.page, review);
    await orga.page.getByText('Mara Muster, Stabsstelle Digitalisierung.').waitFor();
    const approvedMark = await mailboxMark();
    await submit(orga.page, orga.page.getByRole('button', { name: 'Aufnehmen', exact: true }), { status: 200 });
    assert.equal((await orga.page.locator('#application-state').innerText()).trim().split(' (')[0], 'Aufgenommen');

    // The first admin accepts the invitation and finds the setup checklist.
    const welcome = await waitForMail(admin, { subject: /ist im Netzwerk/, after: approvedMark });
    assert.match(welcome.body, /Guten Tag Mara Muster/);
    const first = await newPage(browser);
    try {
      await visit(first.page, linkIn(welcome, '/invitations/'));
      await field(first.page, 'Name').fill('Mara Muster');
      await field(first.page, 'Passwort').fill(PASSWORD);
      await field(first.page, 'Passwort wiederholen').fill(PASSWORD);
      await field(first.page, 'Ich habe die Datenschutzerklärung gelesen.').setChecked(true);
      await submit(first.page, first.page.getByRole('button', { name: 'Konto anlegen' }), { status: 200 });
      const setupTask = first.page.getByRole('link', { name: 'Die Organisation einrichten' });
      await setupTask.waitFor();
      await shoot(first.page, 'new-admin-start');
      await Promise.all([first.page.waitForURL(/\/orgs\/[0-9a-f-]{36}$/), setupTask.click()]);
      await first.page.getByRole('heading', { name: 'Einrichtung' }).waitFor();
      const steps = first.page.locator('.setup-list li');
      assert.equal(await steps.count(), 8);
      assert.match(await steps.filter({ hasText: 'Festlegen, was öffentlich sichtbar ist' }).innerText(), /erledigt/);
      assert.match(await steps.filter({ hasText: 'Genehmigende benennen' }).innerText(), /offen/);
      await shoot(first.page, 'new-admin-org');
    } finally {
      await first.context.close();
    }
  } finally {
    await orga.context.close();
  }

  // In public: the new member with its dot.
  const visitor = await newPage(browser);
  try {
    await visit(visitor.page, '/network?kind=district');
    const row = visitor.page.locator('#member-table tbody tr', { hasText: name });
    assert.match(await row.innerText(), /Niedersachsen[\s\S]*26121 Oldenburg/);
    assert.ok(
      (await visitor.page.locator('.network-map__dot title').allTextContents()).some((t) => t.startsWith(name)),
      'the new member has its dot on the map',
    );
  } finally {
    await visitor.context.close();
  }
});
