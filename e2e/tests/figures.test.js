// The network's figures: the public page read without signing in (and without JavaScript),
// Dieter's figures of Stadt Musterstadt for this year with the report for the council meeting
// (one tagged PDF page) and the CSV, Frank's association with its members, the organisers'
// page. Every chart is an image with a title and a description, with its numbers in a table
// below; the demo's history shows counts, and "< 5" where they are small. Axe and screenshots
// at both widths.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_URL, launch, newPage, visit, submit, login, expectNoCodes, shoot } from './lib/browser.js';


let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Every chart on the page: an image with its title and description, a table after it. */
async function expectReadableCharts(page, atLeast) {
  const charts = page.locator('figure svg[role="img"]');
  const count = await charts.count();
  assert.ok(count >= atLeast, `${count} charts on ${page.url()}, expected at least ${atLeast}`);
  for (let i = 0; i < count; i++) {
    const chart = charts.nth(i);
    const title = (await chart.locator('title').first().textContent()).trim();
    const desc = (await chart.locator('desc').first().textContent()).trim();
    assert.ok(title.length > 3 && desc.length > 10, `chart ${i} has a title and a description`);
    const labelled = await chart.getAttribute('aria-labelledby');
    assert.ok(labelled, `chart ${i} is labelled by its title`);
    const section = chart.locator('xpath=ancestor::section[1]');
    assert.equal(await section.locator('table caption').count(), 1, `chart "${title}" has its table`);
  }
}

test('the public page shows the network in figures, without signing in or JavaScript', async () => {
  const context = await browser.newContext({ locale: 'de-DE', baseURL: BASE_URL, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    assert.equal((await page.goto('/network')).status(), 200);
    await page.locator('#network-figures-link').click();
    await page.getByRole('heading', { level: 1, name: 'Das Netzwerk in Zahlen' }).waitFor();
    await expectReadableCharts(page, 4);
    // The demo's history: counts of 5 and more are named, smaller ones shown as "< 5" (the
    // association's few people in Berlin).
    const proposed = page.locator('#table-swaps tbody tr').filter({ hasText: 'vorgeschlagen' });
    const count = (await proposed.locator('td').first().textContent()).trim();
    assert.ok(/^\d+$/.test(count) && Number(count) >= 5, `proposed: ${count}`);
    const berlin = page.locator('#table-regions tbody tr').filter({ hasText: 'Berlin' });
    assert.equal((await berlin.locator('td').first().textContent()).trim(), '< 5');
    assert.match(await page.locator('#table-quarters').innerText(), /\d\. Quartal 20\d\d/);
    expectNoCodes(await page.locator('main').innerText(), '/figures');
  } finally {
    await context.close();
  }
  // With JavaScript: axe at both widths, and screenshots.
  const { context: withScript, page } = await newPage(browser);
  try {
    await visit(page, '/figures');
    await shoot(page, 'figures-public');
  } finally {
    await withScript.close();
  }
});

test("an organisation's admin reads the year's figures and downloads the report and the CSV", async () => {
  const { context, page } = await newPage(browser);
  try {
    await login(page, 'dieter.krause@musterstadt.example');
    // From the start page to the organisation, and on to its figures.
    await page.locator('main a[href^="/orgs/"]').first().click();
    const org = new URL(page.url()).pathname;
    await page.locator('#org-figures').click();
    await page.getByRole('heading', { level: 1, name: 'Kennzahlen: Stadt Musterstadt' }).waitFor();
    const year = String(new Date().getFullYear());
    await page.getByRole('combobox', { name: 'Jahr' }).selectOption(year);
    await submit(page, page.getByRole('button', { name: 'Anzeigen' }), { status: 200 });
    assert.ok(page.url().endsWith(`year=${year}`), page.url());
    await expectReadableCharts(page, 6);
    assert.match(await page.locator('#figures-time').innerText(), /Median|Weniger als 5/);
    await shoot(page, 'figures-org');

    // The report: one tagged page with charts and the figures in words.
    const report = page.locator('#figures-report');
    assert.equal((await report.innerText()).trim(), `Jahresbericht ${year} als PDF herunterladen`);
    const pdf = await page.request.get(await report.getAttribute('href'));
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    const file = join(tmpdir(), `jahresbericht-${process.pid}.pdf`);
    writeFileSync(file, await pdf.body());
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    assert.match(info, /^Pages:\s+1$/m, info);
    assert.match(info, /^Tagged:\s+yes$/m, info);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    assert.ok(text.includes(`Jahresbericht ${year}: Stadt Musterstadt`), text);
    assert.ok(text.includes('Tausche nach Stand') && text.includes('vorgeschlagen'), text);
    expectNoCodes(text, 'the report');

    const csv = await page.request.get(await page.locator('#figures-csv').getAttribute('href'));
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-type'], /^text\/csv/);
    const lines = (await csv.text()).split('\r\n');
    assert.equal(lines[0], '"Kennzahl","Zeile","Reihe","Wert"');
    // A number, or "< 5" early in a year.
    assert.ok(
      lines.some((l) => /^"Tausche nach Stand","vorgeschlagen","Tausche","(< 5|\d+)"$/.test(l)),
      lines.slice(0, 8).join('\n'),
    );

    // A year typed by hand that the figures do not know: said, and all years shown instead.
    await visit(page, `${org}/figures?year=1999`, { status: 422 });
    await page.locator('#figures-error').waitFor();
  } finally {
    await context.close();
  }
});

test("an association's admin sees it with its members; the organisers see the network", async () => {
  const { context, page } = await newPage(browser);
  try {
    await login(page, 'frank.otto@kommunal-it.example');
    await page.locator('main a[href^="/orgs/"]').first().click();
    await visit(page, `${new URL(page.url()).pathname}/figures`);
    await page.getByRole('heading', { level: 1, name: /und seine Mitglieder$/ }).waitFor();
    await expectReadableCharts(page, 6);
    await shoot(page, 'figures-association');
  } finally {
    await context.close();
  }
  const organiser = await newPage(browser);
  try {
    await login(organiser.page, 'koordination@jobtausch.example');
    await organiser.page.getByRole('link', { name: 'Kennzahlen des Netzwerks' }).first().click();
    await organiser.page.getByRole('heading', { level: 1, name: 'Kennzahlen des Netzwerks' }).waitFor();
    await expectReadableCharts(organiser.page, 6);
    await shoot(organiser.page, 'figures-network');
  } finally {
    await organiser.context.close();
  }
});
