// Single sign-on with an employer's identity provider (OpenID Connect): an organiser registers
// a district's provider; a person of its domain is sent there by the login page, comes back and
// gets an account (just in time, after agreeing); an existing account is linked once its
// password is proved; logging out ends the session at the provider too. Answers that must be
// refused are: a wrong state, a used one, a wrong nonce, an expired and a wrongly signed ID
// token, and a provider that is down.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  BASE_URL,
  DEMO_PASSWORD,
  launch,
  newPage,
  visit,
  submit,
  field,
  fieldError,
  summaryTargets,
  expectAccessible,
  login,
} from './lib/browser.js';
import { startProvider, startHostileProvider } from './lib/idp.js';
import { mailboxMark, waitForMail } from './lib/mail.js';

const suffix = randomBytes(3).toString('hex');
const DOMAIN = `landkreis-${suffix}.example`;
const ORG = `Landkreis Anmeldetest ${suffix}`;
const HOSTILE_DOMAIN = `amt-${suffix}.example`;
const HOSTILE_ORG = `Amt Prüfstand ${suffix}`;
const CLIENT_ID = 'jobtausch';
const CLIENT_SECRET = 'geheimnis-des-clients';

let browser;
let idp;
let hostile;
let orgPath;
let hostileOrgPath;

before(async () => {
  browser = await launch();
  idp = await startProvider({
    base: BASE_URL,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    accounts: {
      anna: { email: `anna.neu@${DOMAIN}`, email_verified: true, name: 'Anna Neumann' },
      bernd: { email: `bernd.bestand@${DOMAIN}`, email_verified: true, name: 'Bernd Bestand' },
      carla: { email: `carla@${DOMAIN}`, email_verified: false, name: 'Carla Unbestätigt' },
      fremd: { email: 'karl.meyer@beispielhausen.example', email_verified: true, name: 'Karl Fremd' },
    },
  });
  hostile = await startHostileProvider({
    clientId: CLIENT_ID,
    claims: { sub: 'h-1', email: `hanna@${HOSTILE_DOMAIN}`, email_verified: true, name: 'Hanna Prüf' },
  });
});
after(async () => {
  await idp?.stop().catch(() => {});
  await hostile?.stop().catch(() => {});
  await browser?.close();
});

const main = (page) => page.locator('main');
const button = (page, name) => main(page).getByRole('button', { name, exact: true });

/** An organisation made by the demo's organiser, with one domain. */
async function createOrg(page, name, domain) {
  await visit(page, '/orgs/new');
  await field(page, 'Name').fill(name);
  await field(page, 'Art der Organisation').selectOption({ label: 'Kreis' });
  await field(page, 'Bundesland').selectOption({ label: 'Niedersachsen' });
  await field(page, 'E-Mail-Domains').fill(domain);
  await submit(page, button(page, 'Speichern'), { status: 200 });
  return new URL(page.url()).pathname;
}

/** Registers a provider on the organisation's page for it, as its admins (or organisers) do. */
async function registerProvider(page, path, issuer, { passwordAllowed }) {
  await visit(page, `${path}/sso`);
  await page.getByRole('heading', { level: 1, name: 'Anmeldedienst (Single Sign-on)' }).waitFor();
  // What the admin enters at the provider is on the page.
  await main(page).getByText(`${BASE_URL}/sso/callback`).waitFor();
  await field(page, 'Adresse des Ausstellers (Issuer)').fill(issuer);
  await field(page, 'Client-ID').fill(CLIENT_ID);
  await field(page, 'Client-Secret').fill(CLIENT_SECRET);
  const pw = field(page, 'Anmeldung mit Passwort bleibt für diese Domains erlaubt');
  if (passwordAllowed) await pw.check();
  else await pw.uncheck();
  await submit(page, button(page, 'Anmeldedienst speichern'), { status: 200 });
  await page.getByRole('status').getByText('Der Anmeldedienst ist gespeichert.').waitFor();
}

/** The login's first step with an address; the page it leads to. */
async function loginStepOne(page, email, { status } = {}) {
  await visit(page, '/login');
  await field(page, 'E-Mail-Adresse').fill(email);
  const [response] = await Promise.all([page.waitForNavigation(), button(page, 'Weiter').click()]);
  if (status !== undefined) assert.equal(response.status(), status, `${page.url()} answered ${response.status()}`);
  return response;
}

/** What the provider's answer (the callback) answered, after `action` set the sign-in off. */
async function callbackAfter(page, action) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/sso/callback', { timeout: 20_000 }),
    action(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

/** oidc-provider's development login and consent pages. */
async function signInAtProvider(page, login) {
  await page.waitForURL(`${idp.issuer}/**`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('beliebig');
  await Promise.all([page.waitForNavigation(), page.locator('button[type="submit"]').click()]);
  // Consent, the first time this person uses the client.
  if (page.url().startsWith(idp.issuer)) {
    await Promise.all([page.waitForNavigation(), page.locator('button[type="submit"]').click()]);
  }
}

test('sso: an organiser registers a provider; a refused registration says why', async () => {
  const { context, page } = await newPage(browser);
  try {
    await login(page, 'koordination@jobtausch.example');
    orgPath = await createOrg(page, ORG, DOMAIN);
    hostileOrgPath = await createOrg(page, HOSTILE_ORG, HOSTILE_DOMAIN);

    // A typing error in the issuer's address shows at the field, and nothing is saved.
    await visit(page, `${orgPath}/sso`);
    await field(page, 'Adresse des Ausstellers (Issuer)').fill('http://login.example/realms/x');
    await field(page, 'Client-ID').fill(CLIENT_ID);
    await field(page, 'Client-Secret').fill(CLIENT_SECRET);
    await submit(page, button(page, 'Anmeldedienst speichern'), { status: 422 });
    assert.deepEqual(await summaryTargets(page), ['issuer']);
    await field(page, 'Adresse des Ausstellers (Issuer)').fill(`${idp.issuer}/nichts-hier`);
    await field(page, 'Client-Secret').fill(CLIENT_SECRET);
    await submit(page, button(page, 'Anmeldedienst speichern'), { status: 422 });
    assert.match(await fieldError(page, 'issuer'), /antwortet kein Anmeldedienst/);
    assert.equal(await main(page).getByRole('button', { name: 'Anmeldedienst entfernen' }).count(), 0);

    await registerProvider(page, orgPath, idp.issuer, { passwordAllowed: true });
    await registerProvider(page, hostileOrgPath, hostile.issuer, { passwordAllowed: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page);
  } finally {
    await context.close();
  }
});

test('sso: a new person is sent to the provider, comes back, agrees, and has an account', async () => {
  const { context, page } = await newPage(browser);
  try {
    // The address's organisation allows passwords too: the second step offers both.
    await loginStepOne(page, `anna.neu@${DOMAIN}`, { status: 200 });
    await expectAccessible(page);
    await main(page).getByRole('heading', { name: `Anmelden über ${ORG}` }).waitFor();
    await Promise.all([
      page.waitForURL(`${idp.issuer}/**`),
      button(page, `Mit dem Dienstkonto bei ${ORG} anmelden`).click(),
    ]);
    await signInAtProvider(page, 'anna');

    await page.waitForURL('**/sso/confirm');
    await expectAccessible(page);
    await page.getByRole('heading', { level: 1, name: 'Konto anlegen' }).waitFor();
    await main(page).getByText('Anna Neumann').waitFor();
    await main(page).getByText(ORG, { exact: true }).waitFor();
    // Taking part is the person's choice: without agreeing, no account.
    await submit(page, button(page, 'Konto anlegen und anmelden'), { status: 422 });
    assert.deepEqual(await summaryTargets(page), ['privacy_accepted']);
    await field(page, 'Ich habe die Datenschutzerklärung gelesen.').check();
    await submit(page, button(page, 'Konto anlegen und anmelden'), { status: 200 });
    await page.getByText('Willkommen bei Jobtausch! Ihr Konto ist angelegt').waitFor();
    await page.getByText('Angemeldet als Anna Neumann').waitFor();

    // Logging out ends the session at the provider too, which sends the person back here.
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL(`${idp.issuer}/**`);
    await Promise.all([page.waitForURL(`${BASE_URL}/`), page.locator('button[autofocus], button[type="submit"]').first().click()]);
    await page.getByText('Sie sind abgemeldet.').waitFor();
    assert.equal(await page.getByText('Angemeldet als').count(), 0);

    // The next sign-in knows her: straight back, signed in (the provider asks again, as its
    // session ended with the logout).
    await loginStepOne(page, `anna.neu@${DOMAIN}`);
    await Promise.all([page.waitForURL(`${idp.issuer}/**`), button(page, `Mit dem Dienstkonto bei ${ORG} anmelden`).click()]);
    await signInAtProvider(page, 'anna');
    await page.getByText('Sie sind angemeldet.').waitFor();
    await page.getByText('Angemeldet als Anna Neumann').waitFor();
    const cookies = await context.cookies();
    assert.ok(!cookies.some((c) => c.name === 'jt_sso'), 'the sign-in cookie is gone once it is used');
  } finally {
    await context.close();
  }
});

test('sso: an existing account is linked once its password is proved', async () => {
  const { context, page } = await newPage(browser);
  try {
    // Bernd signed up with a password before his district used the provider.
    const mark = await mailboxMark();
    await visit(page, '/signup');
    await field(page, 'E-Mail-Adresse').fill(`bernd.bestand@${DOMAIN}`);
    await field(page, 'Name').fill('Bernd Bestand');
    await field(page, 'Passwort').fill(DEMO_PASSWORD);
    await field(page, 'Passwort wiederholen').fill(DEMO_PASSWORD);
    await field(page, 'Ich habe die Datenschutzerklärung gelesen.').check();
    await submit(page, button(page, 'Konto anlegen'), { status: 200 });

    await loginStepOne(page, `bernd.bestand@${DOMAIN}`);
    await Promise.all([page.waitForURL(`${idp.issuer}/**`), button(page, `Mit dem Dienstkonto bei ${ORG} anmelden`).click()]);
    await signInAtProvider(page, 'bernd');
    await page.waitForURL('**/sso/confirm');
    await expectAccessible(page);
    await page.getByRole('heading', { level: 1, name: 'Konto verknüpfen' }).waitFor();
    await field(page, 'Passwort').fill('Falsches-Passwort-123');
    await submit(page, button(page, 'Verknüpfen und anmelden'), { status: 422 });
    assert.equal(await fieldError(page, 'password'), 'Das Passwort ist falsch.');
    await field(page, 'Passwort').fill(DEMO_PASSWORD);
    await submit(page, button(page, 'Verknüpfen und anmelden'), { status: 200 });
    await page.getByText('Ihr Konto ist mit dem Anmeldedienst Ihrer Organisation verknüpft').waitFor();
    await page.getByText('Angemeldet als Bernd Bestand').waitFor();
    // The owner is told by mail, out of band.
    const notice = await waitForMail(`bernd.bestand@${DOMAIN}`, { subject: /Änderung an Ihrem Konto/, after: mark });
    assert.match(notice.body, new RegExp(`Anmeldedienst von ${ORG}`));
  } finally {
    await context.close();
  }
});

test('sso: a provider cannot vouch for an unverified address or another organisation\'s people', async () => {
  for (const who of ['carla', 'fremd']) {
    const { context, page } = await newPage(browser);
    try {
      await loginStepOne(page, `carla@${DOMAIN}`);
      await Promise.all([page.waitForURL(`${idp.issuer}/**`), button(page, `Mit dem Dienstkonto bei ${ORG} anmelden`).click()]);
      await signInAtProvider(page, who);
      await page.getByRole('heading', { level: 1, name: 'Anmeldung nicht möglich' }).waitFor();
      await page.getByText('keine bestätigte E-Mail-Adresse Ihrer Organisation').waitFor();
      await expectAccessible(page);
      assert.equal(await page.getByText('Angemeldet als').count(), 0, `${who} is not signed in`);
    } finally {
      await context.close();
    }
  }
});

test('sso: a wrong or used state, a wrong nonce, an expired or wrongly signed token are refused', async () => {
  const { context, page } = await newPage(browser);
  try {
    // Passwords are off for this organisation: the first step leads straight to the provider,
    // which answers at once. Its good answer is accepted (so the refusals below are for what
    // was spoilt, nothing else).
    hostile.mode = 'good';
    await loginStepOne(page, `hanna@${HOSTILE_DOMAIN}`);
    await page.waitForURL('**/sso/confirm');
    await page.getByRole('heading', { level: 1, name: 'Konto anlegen' }).waitFor();

    for (const mode of ['wrong-nonce', 'expired', 'wrong-key']) {
      hostile.mode = mode;
      const response = await callbackAfter(page, () => loginStepOne(page, `hanna@${HOSTILE_DOMAIN}`));
      assert.equal(response.status(), 502, `${mode}: ${response.status()}`);
      await page.getByRole('heading', { level: 1, name: 'Anmeldung nicht möglich' }).waitFor();
      await page.getByText('eine Antwort geschickt, die Jobtausch nicht annehmen kann').waitFor();
      assert.equal(await page.getByText('Angemeldet als').count(), 0, `${mode}: not signed in`);
    }
    await expectAccessible(page);
    hostile.mode = 'good';

    // The same answer twice: the second finds nothing (the state was used).
    const answered = await callbackAfter(page, () => loginStepOne(page, `hanna@${HOSTILE_DOMAIN}`));
    await page.waitForURL('**/sso/confirm');
    const replay = await page.goto(answered.url());
    assert.equal(replay.status(), 400);
    await page.getByText('Diese Anmeldung ist abgelaufen oder wurde schon verwendet.').waitFor();

    // A state this browser did not leave with.
    const forged = await page.goto('/sso/callback?state=erfunden&code=irgendwas');
    assert.equal(forged.status(), 400);
    await page.getByText('Diese Anmeldung ist abgelaufen oder wurde schon verwendet.').waitFor();
  } finally {
    await context.close();
  }
});

test('sso: with the provider down, the login says so instead of failing', async () => {
  await idp.stop();
  const { context, page } = await newPage(browser);
  try {
    await loginStepOne(page, `anna.neu@${DOMAIN}`);
    const [response] = await Promise.all([
      page.waitForNavigation(),
      button(page, `Mit dem Dienstkonto bei ${ORG} anmelden`).click(),
    ]);
    assert.equal(response.status(), 502);
    await page.getByRole('heading', { level: 1, name: 'Anmeldung nicht möglich' }).waitFor();
    await page.getByText('Der Anmeldedienst Ihrer Organisation ist gerade nicht erreichbar.').waitFor();
    await expectAccessible(page);
  } finally {
    await context.close();
  }
});
