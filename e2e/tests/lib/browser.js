// The browser side of the suite: launches Debian's Chromium through playwright-core, opens pages
// in a German (or other) context, and checks every page it shows with axe-core.

import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const BASE_URL = (process.env.E2E_BASE_URL || '').replace(/\/$/, '');
export const DEMO_PASSWORD = 'Jobtausch-Demo-2026';
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';

if (!BASE_URL) {
  throw new Error('E2E_BASE_URL is not set: run the suite with e2e/run.sh, which starts the server.');
}

/** Starts Chromium; fails with what to install when it is missing. */
export async function launch() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium fonts-dejavu-core`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh context (own cookies) and a page in it. axe refuses pages from browser.newPage(), so
 * every page comes from a context.
 */
export async function newPage(browser, { locale = 'de-DE' } = {}) {
  const context = await browser.newContext({ locale, baseURL: BASE_URL });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  const page = await context.newPage();
  return { context, page };
}

/** Every WCAG 2.1 A and AA rule axe knows; a violation fails the test that showed the page. */
export async function expectAccessible(page) {
  await page.waitForLoadState('load');
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  if (results.violations.length > 0) {
    assert.fail(`axe found ${results.violations.length} accessibility violation(s) on ${page.url()}:\n${formatViolations(results.violations)}`);
  }
  expectNoCodes(await page.locator('body').innerText(), page.url());
}

/**
 * A translation key or code name where people read words: `approval_needed`,
 * `no-management-approval`. Links and addresses may hold such runs by right.
 */
const CODE = /\b[a-z]+_[a-z_]+\b|\b[a-z]+-[a-z-]+-[a-z]+\b/g;

/** The codes in `text` outside links and addresses. */
export function codesIn(text) {
  const words = text.replace(/https?:\/\/\S+/g, ' ').replace(/[\w.+-]+@[\w.-]+/g, ' ');
  return [...new Set(words.match(CODE) || [])];
}

/** Fails when a page, mail or document shows a code instead of words. */
export function expectNoCodes(text, where) {
  const codes = codesIn(text);
  assert.deepEqual(codes, [], `${where} shows codes instead of words: ${codes.join(', ')}`);
}

export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const summary = (n.failureSummary || '').replace(/\n/g, '\n        ');
          return `    - ${n.target.join(' ')}\n      ${n.html}\n        ${summary}`;
        })
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/** Opens a path, expects the given HTTP status, and checks the page with axe. */
export async function visit(page, path, { status = 200 } = {}) {
  const response = await page.goto(path);
  assert.ok(response, `no response for ${path}`);
  assert.equal(response.status(), status, `GET ${path} answered ${response.status()}, expected ${status}`);
  await expectAccessible(page);
  return response;
}

/**
 * Clicks a button that submits a form and waits for the page the server answers with (a
 * redirect's target or the form again with its errors); then checks that page with axe.
 * Returns the response of the final navigation.
 */
export async function submit(page, button, { status } = {}) {
  const [response] = await Promise.all([page.waitForNavigation(), button.click()]);
  assert.ok(response, 'the form submission led to no navigation');
  if (status !== undefined) {
    assert.equal(response.status(), status, `the form answered ${response.status()} at ${page.url()}, expected ${status}`);
  }
  await expectAccessible(page);
  return response;
}

/**
 * The login's first step: the address alone ("Weiter"); for an address that signs in with a
 * password, the form then asks for it.
 * `open: false` uses the login form on the page already.
 */
export async function toPasswordStep(page, email, { open = true } = {}) {
  if (open) await visit(page, '/login');
  await field(page, 'E-Mail-Adresse').fill(email);
  await submit(page, page.locator('main').getByRole('button', { name: 'Weiter', exact: true }), { status: 200 });
  await field(page, 'Passwort').waitFor();
}

/** Signs in through the login form (and checks its pages with axe). */
export async function login(page, email, password = DEMO_PASSWORD) {
  await toPasswordStep(page, email);
  await field(page, 'Passwort').fill(password);
  await submit(page, page.locator('main').getByRole('button', { name: 'Anmelden', exact: true }));
  assert.equal(await page.locator('#error-summary').count(), 0, `login as ${email} failed`);
  await page.getByText('Sie sind angemeldet.').waitFor();
}

/** Where the screenshots go: E2E_SCREENSHOTS, or e2e/screenshots. */
export const SHOTS = process.env.E2E_SCREENSHOTS || join(import.meta.dirname, '..', '..', 'screenshots');

/**
 * The page as it is at 1280 and 390 px: checked with axe, never scrolling sideways, and written
 * as `{name}-{width}.png` into SHOTS.
 */
export async function shoot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await expectAccessible(page);
    assert.ok(
      (await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0,
      `${name} scrolls sideways at ${width} px`,
    );
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
}

/** The ids of the links in the error summary, in order (the fields they point to). */
export async function summaryTargets(page) {
  const summary = page.locator('#error-summary');
  await summary.waitFor();
  const hrefs = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  return hrefs.map((h) => h.replace(/^#/, ''));
}

/** The message shown at a field, or null when it shows none. */
export async function fieldError(page, id) {
  const el = page.locator(`#${id}-error`);
  if ((await el.count()) === 0) return null;
  return (await el.innerText()).trim();
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A form control found by its visible label, as a person (or a screen reader) finds it; the
 * label may go on with "(Pflichtfeld)" / "(required)" or "– optional".
 */
export function field(scope, label) {
  return scope.getByLabel(new RegExp(`^\\s*${escapeRe(label)}\\s*(\\([^)]*\\)|– .*)?\\s*$`));
}

/** The ISO week (as "2027-W07") of the UTC date `days` days from now, as the demo computes it. */
export function isoWeekFromNow(days) {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
  const weekday = d.getUTCDay() || 7; // Monday 1 … Sunday 7
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of that week decides the year
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** "2027-W02" as pages and mails name the week in a sentence: "KW 02/2027 (11.01.–15.01.2027)". */
export function weekInWords(isoWeek) {
  const [year, week] = isoWeek.split('-W').map(Number);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (week - 1) * 7);
  const friday = new Date(monday.getTime() + 4 * 86_400_000);
  const dm = (d) => `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.`;
  return `KW ${String(week).padStart(2, '0')}/${year} (${dm(monday)}–${dm(friday)}${friday.getUTCFullYear()})`;
}
