// Journey 6 and the organisation pages: the admin of Stadt Musterstadt changes the
// co-determination policy and sees it saved; a participant of the same organisation sees the
// policy read-only and may not create organisations. Also the list, the members page with an
// invitation (the mail arrives), and the organiser's form for a new organisation.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  BASE_URL,
  launch,
  newPage,
  visit,
  submit,
  login,
  field,
  fieldError,
  summaryTargets,
  expectAccessible,
} from './lib/browser.js';
import { waitForMail, mailboxMark } from './lib/mail.js';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Opens the organisation from the list of organisations and returns its path. */
async function openOrg(page, name) {
  await visit(page, '/orgs');
  await page.getByRole('table', { name: 'Alle Organisationen' }).getByRole('link', { name, exact: true }).click();
  await page.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
  await expectAccessible(page);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  return new URL(page.url()).pathname;
}

/** The read-only policy as {body: rule}. */
async function readOnlyPolicy(page) {
  const list = page.getByRole('heading', { level: 2, name: 'Beteiligung der Gremien' }).locator('xpath=following-sibling::dl[1]');
  const items = list.locator('.kern-description-list-item');
  const policy = {};
  for (const item of await items.all()) {
    policy[(await item.locator('dt').innerText()).trim()] = (await item.locator('dd').innerText()).trim();
  }
  return policy;
}

test('policy: the admin changes a rule and sees it saved; a participant sees it read-only', async () => {
  const admin = await newPage(browser);
  let orgPath;
  try {
    const { page } = admin;
    await login(page, 'dieter.krause@musterstadt.example');
    await page.getByRole('link', { name: 'Meine Organisation' }).click();
    await page.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
    await page.getByRole('heading', { level: 1, name: 'Stadt Musterstadt' }).waitFor();
    orgPath = new URL(page.url()).pathname;

    const form = page.getByRole('form', { name: 'Beteiligung der Gremien' });
    const equal = field(form, 'Gleichstellungsbeauftragte');
    // The demo's policy: the staff council must consent, data protection is informed.
    assert.equal(await field(form, 'Personalrat').inputValue(), 'consent');
    assert.equal(await field(form, 'Datenschutzbeauftragte').inputValue(), 'inform');
    assert.equal(await equal.inputValue(), 'not_needed');

    await equal.selectOption({ label: 'Zustimmung einholen' });
    await submit(page, form.getByRole('button', { name: 'Beteiligungsregeln speichern' }), { status: 200 });
    assert.equal(new URL(page.url()).pathname, orgPath);
    await page.getByRole('status').getByText('Die Beteiligungsregeln sind gespeichert.').waitFor();
    const saved = field(page.getByRole('form', { name: 'Beteiligung der Gremien' }), 'Gleichstellungsbeauftragte');
    assert.equal(await saved.inputValue(), 'consent');
    assert.equal((await saved.locator('option:checked').innerText()).trim(), 'Zustimmung einholen');

    // Still so after a reload; the other rules are unchanged.
    await visit(page, orgPath);
    const again = page.getByRole('form', { name: 'Beteiligung der Gremien' });
    assert.equal(await field(again, 'Gleichstellungsbeauftragte').inputValue(), 'consent');
    assert.equal(await field(again, 'Personalrat').inputValue(), 'consent');
    assert.equal(await field(again, 'Schwerbehindertenvertretung').inputValue(), 'not_needed');
    assert.equal(await field(again, 'Datenschutzbeauftragte').inputValue(), 'inform');
  } finally {
    await admin.context.close();
  }

  const participant = await newPage(browser);
  try {
    const { page } = participant;
    await login(page, 'anna.schmidt@musterstadt.example');
    await visit(page, orgPath);
    await page.getByRole('heading', { level: 1, name: 'Stadt Musterstadt' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Beteiligung der Gremien' }).waitFor();
    // No form, no buttons to change anything.
    assert.equal(await page.getByRole('form').count(), 0);
    assert.equal(await page.locator('main').getByRole('combobox').count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Beteiligungsregeln speichern' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Organisation bearbeiten' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Personen und Rollen' }).count(), 0);
    assert.deepEqual(await readOnlyPolicy(page), {
      Personalrat: 'Zustimmung einholen',
      Gleichstellungsbeauftragte: 'Zustimmung einholen',
      Schwerbehindertenvertretung: 'nicht nötig',
      Datenschutzbeauftragte: 'informieren',
    });

    // Only the network's organisers create organisations; the members page is the admins'.
    await visit(page, '/orgs/new', { status: 403 });
    await page.getByRole('heading', { level: 1, name: 'Keine Berechtigung' }).waitFor();
    await page.getByText('Das dürfen nur Personen der Netzwerk-Koordination.').waitFor();
    await visit(page, `${orgPath}/members`, { status: 403 });
    await page.getByRole('heading', { level: 1, name: 'Keine Berechtigung' }).waitFor();
    await page.getByText('Das dürfen nur Admins dieser Organisation.').waitFor();
  } finally {
    await participant.context.close();
  }
});

test('orgs: the list names every demo organisation with its kind, region and umbrella', async () => {
  const { context, page } = await newPage(browser);
  try {
    await login(page, 'karl.meyer@beispielhausen.example');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Organisationen' }).click();
    await page.waitForURL('**/orgs');
    await expectAccessible(page);
    const table = page.getByRole('table', { name: 'Alle Organisationen' });
    const rows = {};
    for (const row of await table.locator('tbody tr').all()) {
      const cells = (await row.locator('td').allInnerTexts()).map((s) => s.trim());
      rows[cells[0]] = cells.slice(1);
    }
    assert.deepEqual(rows['Stadt Musterstadt'], ['Stadt oder Gemeinde', 'Nordrhein-Westfalen', '–']);
    assert.deepEqual(rows['Regionales Rechenzentrum Westfalen'], [
      'IT-Dienstleister',
      'Nordrhein-Westfalen',
      'Bundesverband kommunaler IT-Dienstleister (Demo)',
    ]);
    assert.deepEqual(rows['Bundesverband kommunaler IT-Dienstleister (Demo)'], ['Verband', 'Berlin', '–']);
    assert.deepEqual(rows['Stadt Beispielhausen'], ['Stadt oder Gemeinde', 'Schleswig-Holstein', '–']);
    // A participant gets no button to create one.
    assert.equal(await page.getByRole('link', { name: 'Organisation anlegen' }).count(), 0);

    // The data centre's page links its umbrella association.
    await openOrg(page, 'Regionales Rechenzentrum Westfalen');
    await page.locator('main dl').getByRole('link', { name: 'Bundesverband kommunaler IT-Dienstleister (Demo)' }).click();
    await page.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
    await page.getByRole('heading', { level: 1, name: 'Bundesverband kommunaler IT-Dienstleister (Demo)' }).waitFor();
  } finally {
    await context.close();
  }
});

test('members: the admin sees the people and roles, and an invitation is sent by mail', async () => {
  const { context, page } = await newPage(browser);
  try {
    await login(page, 'frank.otto@kommunal-it.example');
    const orgPath = await openOrg(page, 'Bundesverband kommunaler IT-Dienstleister (Demo)');
    await page.getByRole('link', { name: 'Personen und Rollen' }).click();
    await page.waitForURL(`**${orgPath}/members`);
    await expectAccessible(page);
    await page
      .getByRole('heading', { level: 1, name: 'Personen und Rollen: Bundesverband kommunaler IT-Dienstleister (Demo)' })
      .waitFor();
    for (const name of ['Eva Nowak', 'Frank Otto', 'Gisela Brandt']) {
      await page.getByRole('region', { name }).waitFor();
    }
    // Roles in words, not a grid of yes and no.
    const roles = async (name) => (await page.getByRole('region', { name }).locator('.member-roles').innerText()).trim();
    assert.equal(await roles('Frank Otto'), 'Rollen: Genehmigende Person, Organisations-Admin');
    assert.equal(await roles('Eva Nowak'), 'Rollen: Teilnehmende Person');
    const eva = page.getByRole('region', { name: 'Eva Nowak' });

    // Grant Eva the approver role; the page says so and shows it.
    await submit(page, eva.getByRole('button', { name: 'Genehmigende Person vergeben – Eva Nowak' }), { status: 200 });
    await page.getByRole('status').getByText('Die Rollen sind gespeichert.').waitFor();
    assert.equal(await roles('Eva Nowak'), 'Rollen: Genehmigende Person');
    // And take it back.
    await submit(
      page,
      page.getByRole('region', { name: 'Eva Nowak' }).getByRole('button', { name: 'Genehmigende Person entziehen – Eva Nowak' }),
      { status: 200 },
    );
    assert.equal(await roles('Eva Nowak'), 'Rollen: Teilnehmende Person');

    // An invitation without an address is refused at the field.
    const invite = page.getByRole('form', { name: 'Person einladen' });
    await submit(page, invite.getByRole('button', { name: 'Einladung senden' }), { status: 422 });
    assert.deepEqual(await summaryTargets(page), ['email']);
    assert.equal(await fieldError(page, 'email'), 'Bitte ausfüllen.');

    // A valid one is sent by mail.
    const address = `gast.${Date.now().toString(36)}${randomBytes(3).toString('hex')}@partner.example`;
    const form = page.getByRole('form', { name: 'Person einladen' });
    await field(form, 'E-Mail-Adresse').fill(address);
    await field(form, 'Rolle').selectOption({ label: 'Teilnehmende Person' });
    const mark = await mailboxMark();
    await submit(page, form.getByRole('button', { name: 'Einladung senden' }), { status: 200 });
    await page.getByRole('status').getByText('Die Einladung ist verschickt.').waitFor();
    const mail = await waitForMail(address, { subject: /Einladung/, after: mark });
    assert.equal(mail.headers.subject, 'Jobtausch: Einladung von Bundesverband kommunaler IT-Dienstleister (Demo)');
    assert.match(mail.body, /Frank Otto lädt Sie ein/);
    const link = (mail.body.match(/https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/) || [])[0];
    assert.ok(link?.startsWith(`${BASE_URL}/invitations/`), `no invitation link in:\n${mail.body}`);

    // The invited person's sign-up page names the organisation and has the address filled in.
    const guest = await newPage(browser);
    try {
      await visit(guest.page, link);
      await guest.page.getByText('Sie wurden zu „Bundesverband kommunaler IT-Dienstleister (Demo)“ eingeladen.').waitFor();
      assert.equal(await field(guest.page, 'E-Mail-Adresse').inputValue(), address);
    } finally {
      await guest.context.close();
    }
  } finally {
    await context.close();
  }
});

test('new organisation: the organiser is told what is missing, then creates one', async () => {
  const { context, page } = await newPage(browser);
  try {
    await login(page, 'koordination@jobtausch.example');
    await visit(page, '/orgs');
    await page.getByRole('link', { name: 'Organisation anlegen' }).click();
    await page.waitForURL('**/orgs/new');
    await expectAccessible(page);
    await page.getByRole('heading', { level: 1, name: 'Organisation anlegen' }).waitFor();

    const save = () => page.locator('main form').getByRole('button', { name: 'Speichern' });
    await field(page, 'E-Mail-Domains').fill('keine domain');
    await submit(page, save(), { status: 422 });
    const targets = await summaryTargets(page);
    assert.ok(targets.includes('name'), `the summary misses the name: ${targets}`);
    assert.ok(targets.includes('domains'), `the summary misses the domains: ${targets}`);
    assert.equal(await fieldError(page, 'name'), 'Bitte ausfüllen.');
    assert.equal(await fieldError(page, 'domains'), 'Bitte gültige Domains angeben, z. B. stadt.de.');

    const suffix = randomBytes(3).toString('hex');
    const name = `Kreis Teststadt ${suffix}`;
    await field(page, 'Name').fill(name);
    await field(page, 'Art der Organisation').selectOption({ label: 'Kreis' });
    await field(page, 'Bundesland').selectOption({ label: 'Hessen' });
    await field(page, 'Dachverband').selectOption({ label: 'Bundesverband kommunaler IT-Dienstleister (Demo)' });
    await field(page, 'E-Mail-Domains').fill(`kreis-${suffix}.example`);
    await submit(page, save(), { status: 200 });
    await page.getByRole('status').getByText('Die Organisation ist angelegt.').waitFor();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const facts = page.locator('main dl').first();
    await facts.getByText('Kreis', { exact: true }).waitFor();
    await facts.getByText('Hessen').waitFor();
    await facts.getByText(`kreis-${suffix}.example`).waitFor();
    await facts.getByRole('link', { name: 'Bundesverband kommunaler IT-Dienstleister (Demo)' }).waitFor();

    await visit(page, '/orgs');
    await page.getByRole('table', { name: 'Alle Organisationen' }).getByRole('link', { name }).waitFor();
  } finally {
    await context.close();
  }
});
