// Journey 5: a job swap from the proposal to the signed agreement, in German, each person in a
// browser context of their own. Anna Schmidt (Stadt Musterstadt) finds Eva Nowak (Bundesverband
// kommunaler IT-Dienstleister) and proposes a week; Eva sees the message and the mail and
// accepts; the approvers of both organisations approve both sides of both legs; Musterstadt's
// staff council consents, the association's is informed; both sign the confidentiality
// agreement with their password; Musterstadt's admin downloads the signed agreement and the
// organisation's audit trail. On the way, the refusals a person meets: an overlong message, a
// week Anna is already committed to, a refusal of approval without a reason, a wrong password.
//
// The demo database is shared with the other journeys, so the test finds its swap by the URL
// it lands on and never assumes an empty list or inbox.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
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
  isoWeekFromNow,
  weekInWords,
  toPasswordStep,
} from './lib/browser.js';
import { waitForMail, mailboxMark } from './lib/mail.js';
import { download, fetchWithSession, pdfText, parseCsv } from './lib/files.js';

const ANNA = 'anna.schmidt@musterstadt.example';
const EVA = 'eva.nowak@kommunal-it.example';
const BERND = 'bernd.weber@musterstadt.example';
const CARLA = 'carla.yilmaz@musterstadt.example';
const DIETER = 'dieter.krause@musterstadt.example';
const FRANK = 'frank.otto@kommunal-it.example';
const GISELA = 'gisela.brandt@kommunal-it.example';

const CITY = 'Stadt Musterstadt';
const ASSOC = 'Bundesverband kommunaler IT-Dienstleister (Demo)';

let browser;
/** email -> {context, page}: one signed-in browser context per person, kept for the journey. */
const sessions = new Map();
/** What the test had to put right in the shared demo data, for the test's diagnostics. */
const notes = [];

before(async () => {
  browser = await launch();
});
after(async () => {
  for (const { context } of sessions.values()) await context.close().catch(() => {});
  await browser?.close();
});

/**
 * Signs in through the login form, in German: a person whose saved language is English (the
 * language journey leaves Gisela so) is switched back with the header's button, which the app
 * saves for them, so that the messages made for them later are German too.
 */
async function loginInGerman(page, email) {
  await toPasswordStep(page, email);
  await field(page, 'Passwort').fill(DEMO_PASSWORD);
  await submit(page, page.locator('main').getByRole('button', { name: 'Anmelden', exact: true }), { status: 200 });
  assert.equal(await page.locator('#error-summary').count(), 0, `login as ${email} failed`);
  if ((await page.locator('html').getAttribute('lang')) === 'en') {
    notes.push(`${email} had English as saved language; switched back to German`);
    await submit(page, page.getByRole('banner').getByRole('button', { name: 'Deutsch' }), { status: 200 });
  }
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  await page.getByRole('banner').getByRole('button', { name: 'Abmelden' }).waitFor();
}

/** The page of the person's own browser context, signed in on first use. */
async function as(email) {
  let s = sessions.get(email);
  if (!s) {
    s = await newPage(browser);
    sessions.set(email, s);
    await loginInGerman(s.page, email);
  }
  return s.page;
}

const mainNav = (page) => page.getByRole('navigation', { name: 'Hauptnavigation' });

/** Follows a link to another page (expects 200) and checks that page with axe. */
async function follow(page, link) {
  const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
  assert.ok(response, 'following the link led to no navigation');
  assert.equal(response.status(), 200, `${page.url()} answered ${response.status()}`);
  await expectAccessible(page);
  return response;
}

const swapState = (page) => page.locator('#swap-state').getAttribute('data-state');
const flash = (page, text) => page.getByRole('status').getByText(text).waitFor();
const approvalCards = (page) => page.locator('main section.approval-card');
const decidableApprovals = (page) =>
  approvalCards(page).filter({ has: page.getByRole('button', { name: 'Genehmigen', exact: true }) });

/** The rows of a table's body as arrays of cell texts. */
async function tableRows(table) {
  const rows = [];
  for (const row of await table.locator('tbody tr').all()) {
    rows.push((await row.locator('td').allInnerTexts()).map((s) => s.trim()));
  }
  return rows;
}

/** {aria-label: text} of the approval cards (or body cards), for one look at all of them. */
async function cards(locator) {
  const out = {};
  for (const card of await locator.all()) {
    out[await card.getAttribute('aria-label')] = (await card.innerText()).replace(/\s+/g, ' ').trim();
  }
  return out;
}

/** Opens /swaps through the main navigation; the swap's link must be in the list `listName`. */
async function openFromOverview(page, swapPath, listName) {
  await follow(page, mainNav(page).getByRole('link', { name: 'Jobtausche' }));
  assert.equal(new URL(page.url()).pathname, '/swaps');
  await page.getByRole('heading', { level: 1, name: 'Jobtausche' }).waitFor();
  const list = page.getByRole('region', { name: listName });
  const link = list.locator(`a[href="${swapPath}"]`);
  assert.equal(await link.count(), 1, `the swap is not listed under "${listName}"`);
  await follow(page, link);
  assert.equal(new URL(page.url()).pathname, swapPath);
}

/**
 * Approves every approval the page's viewer may decide, one card after the other. Returns the
 * names the decided cards give as the approver's.
 */
async function approveAll(page, { expected, by, comment }) {
  assert.equal(await decidableApprovals(page).count(), expected, `${by} should decide ${expected} approvals`);
  const shownNames = [];
  for (let i = 0; i < expected; i++) {
    const card = decidableApprovals(page).first();
    const label = await card.getAttribute('aria-label');
    if (comment) await field(card, 'Kommentar').fill(comment);
    await submit(page, card.getByRole('button', { name: 'Genehmigen', exact: true }), { status: 200 });
    await flash(page, 'Ihre Entscheidung ist gespeichert.');
    const done = page.locator(`main section.approval-card[aria-label="${label}"]`);
    const text = (await done.innerText()).replace(/\s+/g, ' ');
    const m = /· genehmigt · (.+?) · \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/.exec(text);
    assert.ok(m, `the approval is not shown as given: ${text}`);
    shownNames.push(m[1]);
    if (comment) assert.ok(text.includes(`„${comment}“`), `the comment is not shown: ${text}`);
    assert.equal(await done.getByRole('button').count(), 0, 'a decided approval still offers buttons');
  }
  assert.equal(await decidableApprovals(page).count(), 0);
  return shownNames;
}

test('swap: proposal, acceptance, approvals, consent, signatures, signed agreement and audit trail', async (t) => {
  // Everyone signs in first: inbox messages and mails are written in the language the
  // recipient has when they are made.
  for (const email of [DIETER, ANNA, EVA, FRANK, BERND, CARLA, GISELA]) await as(email);
  for (const note of notes.splice(0)) t.diagnostic(note);

  // --- Dieter, Musterstadt's admin: the demo's co-determination rules, whatever other journeys
  // changed (the orgs journey asks the equal-opportunities officer for consent, a role nobody
  // holds in the demo, so the swap would wait until its approval deadline ends it). The rules
  // count when Eva accepts.
  {
    const page = await as(DIETER);
    await follow(page, page.getByRole('link', { name: 'Meine Organisation' }));
    await page.getByRole('heading', { level: 1, name: CITY }).waitFor();
    const form = page.getByRole('form', { name: 'Beteiligung der Gremien' });
    const wanted = {
      Personalrat: 'consent',
      Gleichstellungsbeauftragte: 'not_needed',
      Schwerbehindertenvertretung: 'not_needed',
      Datenschutzbeauftragte: 'inform',
    };
    const changed = [];
    for (const [body, rule] of Object.entries(wanted)) {
      const select = field(form, body);
      const was = await select.inputValue();
      if (was !== rule) {
        changed.push(`${body}: ${was} -> ${rule}`);
        await select.selectOption(rule);
      }
    }
    if (changed.length > 0) {
      t.diagnostic(`reset Musterstadt's policy to the demo's: ${changed.join(', ')}`);
      await submit(page, form.getByRole('button', { name: 'Beteiligungsregeln speichern' }), { status: 200 });
      await flash(page, 'Die Beteiligungsregeln sind gespeichert.');
    }
  }

  // --- Anna finds Eva and proposes a week.
  let swapPath;
  let swapId;
  let weekLabel;
  let personPath;
  let chosenWeek;
  const beforeProposal = await mailboxMark();
  {
    const page = await as(ANNA);
    await follow(page, mainNav(page).getByRole('link', { name: 'Personen finden' }));
    const search = page.getByRole('search');
    await field(search, 'Thema').selectOption({ label: 'Kommunale Zusammenarbeit' });
    await submit(page, search.getByRole('button', { name: 'Suchen' }), { status: 200 });
    const results = page.getByRole('list', { name: 'Ergebnisse' });
    await results.getByRole('link', { name: 'Eva Nowak' }).waitFor();
    await follow(page, results.getByRole('link', { name: 'Eva Nowak' }));
    assert.match(page.url(), /\/people\/[0-9a-f-]{36}$/);
    personPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: 'Eva Nowak' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Jobtausch vorschlagen' }).waitFor();

    const form = () => page.getByRole('form', { name: 'Jobtausch vorschlagen' });
    const week = () => field(form(), 'Kalenderwoche');
    const message = () => field(form(), 'Nachricht');
    const send = () => submit(page, form().getByRole('button', { name: 'Vorschlag senden' }));

    // Eva's free weeks are offered; the demo makes both free six weeks from now.
    const offered = await week().locator('option').evaluateAll((os) => os.map((o) => o.value));
    const preferred = isoWeekFromNow(6 * 7);
    assert.ok(offered.includes(preferred), `Eva's weeks ${offered} lack ${preferred}`);
    assert.equal(await week().getAttribute('required'), '');

    // The browser stops a message at 2000 characters; past that (a page without the limit, a
    // script), the server refuses it at the field and week and message stay.
    assert.equal(await message().getAttribute('maxlength'), '2000');
    await message().evaluate((el) => el.removeAttribute('maxlength'));
    const long = 'Ich möchte Ihre Arbeit kennenlernen. '.repeat(60);
    assert.ok(long.length > 2000);
    await week().selectOption(preferred);
    await message().fill(long);
    let response = await send();
    assert.equal(response.status(), 422);
    assert.deepEqual(await summaryTargets(page), ['propose-message']);
    assert.equal(await fieldError(page, 'propose-message'), 'Höchstens 2000 Zeichen.');
    assert.equal(await message().getAttribute('aria-invalid'), 'true');
    assert.equal(await message().inputValue(), long);
    assert.equal(await week().inputValue(), preferred);

    // The proposal. Should another journey have taken the week for Anna or Eva, the next one
    // Eva offers is tried.
    const text = 'Hallo Frau Nowak,\nich würde gern eine Woche in Ihrer Geschäftsstelle arbeiten.';
    for (const candidate of [preferred, ...offered.filter((w) => w !== preferred)]) {
      await week().selectOption(candidate);
      weekLabel = weekInWords(candidate);
      await message().fill(text);
      response = await send();
      const m = /\/swaps\/([0-9a-f-]{36})$/.exec(page.url());
      if (m) {
        swapId = m[1];
        chosenWeek = candidate;
        break;
      }
      assert.equal(response.status(), 422);
      assert.deepEqual(await summaryTargets(page), ['propose-week']);
      t.diagnostic(`${candidate} is taken (${await fieldError(page, 'propose-week')}); trying the next week`);
    }
    assert.ok(swapId, 'no week Eva offers could be proposed');
    swapPath = `/swaps/${swapId}`;
    assert.equal(response.status(), 200);
    await flash(page, 'Ihr Vorschlag ist verschickt.');
    await page.getByRole('heading', { level: 1, name: `Jobtausch ${weekLabel}` }).waitFor();
    assert.equal(await swapState(page), 'proposed');
    assert.equal((await page.locator('#swap-state').innerText()).trim(), 'Stand: vorgeschlagen');
    await page.getByRole('heading', { name: 'Nachricht von Anna Schmidt' }).waitFor();
    assert.deepEqual(await tableRows(page.getByRole('table', { name: 'Beteiligte' })), [
      ['Anna Schmidt', CITY, 'ja', 'nein'],
      ['Eva Nowak', ASSOC, 'nein', 'nein'],
    ]);
    // The proposer cannot accept for the partner, but may withdraw.
    assert.equal(await page.getByRole('button', { name: 'Jobtausch annehmen' }).count(), 0);
    await page.getByRole('button', { name: 'Vorschlag zurückziehen' }).waitFor();

    // Proposing the same week again: Anna is committed to it now. (A
    // matching round of another journey may have proposed Anna and Eva the same week: the
    // list is counted, not assumed to hold one entry.)
    await visit(page, '/swaps');
    const sameWeek = () =>
      page
        .getByRole('region', { name: 'Meine Jobtausche' })
        .getByRole('link')
        .filter({ hasText: weekLabel })
        .filter({ hasText: 'Eva Nowak' });
    const listedBefore = await sameWeek().count();
    await visit(page, personPath);
    // The week is no longer offered; a page from before (or a script) that still sends it is
    // refused at the week.
    const offeredNow = await week().locator('option').evaluateAll((os) => os.map((o) => o.value));
    assert.ok(!offeredNow.includes(chosenWeek), `${chosenWeek} is still offered: ${offeredNow}`);
    await week().evaluate((select, w) => select.add(new Option(w, w)), chosenWeek);
    await week().selectOption(chosenWeek);
    await message().fill('Noch einmal?');
    response = await send();
    assert.equal(response.status(), 422);
    assert.deepEqual(await summaryTargets(page), ['propose-week']);
    assert.match(await fieldError(page, 'propose-week'), /In dieser Woche ist schon ein Jobtausch vereinbart/);
    assert.equal(await week().getAttribute('aria-invalid'), 'true');

    // Her overview lists the swap once, and nothing more for that week.
    await openFromOverview(page, swapPath, 'Meine Jobtausche');
    await visit(page, '/swaps');
    assert.equal(await sameWeek().count(), listedBefore, 'the refused second proposal made a swap after all');
  }

  // --- Eva: the unread badge, the inbox, the mail; she accepts.
  const beforeAccept = await mailboxMark();
  {
    const mail = await waitForMail(EVA, { subject: /schlägt Ihnen einen Tausch vor/, after: beforeProposal });
    assert.equal(mail.headers.subject, `Jobtausch ${weekLabel.split(' (')[0]}: Anna Schmidt schlägt Ihnen einen Tausch vor`);
    assert.ok(mail.body.includes('Die Nachricht von Anna Schmidt: „Hallo Frau Nowak,'), `the mail lacks Anna's words:\n${mail.body}`);
    assert.ok(mail.body.includes(`${BASE_URL}${swapPath}`), `the mail does not link the swap:\n${mail.body}`);

    const page = await as(EVA);
    await visit(page, '/'); // Eva comes back to the start page later
    const inboxLink = mainNav(page).getByRole('link', { name: /^Nachrichten \d+ ungelesen$/ });
    assert.equal(await inboxLink.count(), 1, 'the header shows no unread messages');
    await follow(page, inboxLink);
    assert.equal(new URL(page.url()).pathname, '/inbox');
    const note = page.locator('main').locator(`a[href="${swapPath}"]`);
    assert.equal(await note.count(), 1);
    assert.equal((await note.innerText()).trim(), `Anna Schmidt schlägt Ihnen einen Jobtausch in ${weekLabel} vor.`);
    await page.locator('main li', { has: page.locator(`a[href="${swapPath}"]`) }).getByText('neu', { exact: true }).waitFor();
    await follow(page, note);
    assert.equal(new URL(page.url()).pathname, swapPath);
    assert.equal(await swapState(page), 'proposed');
    await page.getByText('ich würde gern eine Woche in Ihrer Geschäftsstelle arbeiten.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Ihre Antwort' }).waitFor();
    await submit(page, page.getByRole('button', { name: 'Jobtausch annehmen' }), { status: 200 });
    await flash(page, 'Ihre Entscheidung ist gespeichert.');
    assert.equal(new URL(page.url()).pathname, swapPath);
    assert.equal(await swapState(page), 'approvals_pending');
    assert.equal(await page.getByRole('button', { name: 'Jobtausch annehmen' }).count(), 0);

    // Both sides of both legs wait for approval; the bodies as the two policies say.
    const approvals = await cards(approvalCards(page));
    assert.deepEqual(Object.keys(approvals).sort(), [
      `Aufnehmende Stelle: Anna Schmidt → ${ASSOC}`,
      `Aufnehmende Stelle: Eva Nowak → ${CITY}`,
      `Entsendende Stelle: Anna Schmidt → ${ASSOC}`,
      `Entsendende Stelle: Eva Nowak → ${CITY}`,
    ]);
    for (const text of Object.values(approvals)) assert.match(text, / · offen$/, text);
    assert.equal(await decidableApprovals(page).count(), 0, 'a participant may not approve');
    const bodies = await cards(page.locator('main section.body-card'));
    assert.deepEqual(Object.keys(bodies).sort(), [
      `Datenschutzbeauftragte, ${CITY}`,
      `Personalrat, ${ASSOC}`,
      `Personalrat, ${CITY}`,
    ]);
    assert.match(bodies[`Personalrat, ${CITY}`], /Zustimmung einholen Entscheidung offen$/);
    assert.match(bodies[`Personalrat, ${ASSOC}`], /informieren informiert · \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    assert.equal(await page.getByRole('button', { name: 'Zustimmen' }).count(), 0);
  }

  // --- Frank approves both approvals of the association.
  {
    const page = await as(FRANK);
    await openFromOverview(page, swapPath, 'Wartet auf Ihre Genehmigung');
    assert.equal(await swapState(page), 'approvals_pending');
    const shown = await approveAll(page, { expected: 2, by: 'Frank Otto', comment: 'Gern, viel Erfolg.' });
    await t.test('the approval cards name Frank Otto as the approver', () => {
      assert.deepEqual(shown, ['Frank Otto', 'Frank Otto']);
    });
    assert.equal(await swapState(page), 'approvals_pending');
    // Nothing waits for him any more; the swap stays among his organisation's.
    await visit(page, '/swaps');
    assert.equal(await page.getByRole('region', { name: 'Wartet auf Ihre Genehmigung' }).locator(`a[href="${swapPath}"]`).count(), 0);
    assert.equal(await page.getByRole('region', { name: 'Jobtausche Ihrer Organisation' }).locator(`a[href="${swapPath}"]`).count(), 1);
  }

  // --- Bernd: a refusal of approval with "anderer Grund" needs a reason; then he approves.
  {
    const page = await as(BERND);
    await openFromOverview(page, swapPath, 'Wartet auf Ihre Genehmigung');
    assert.equal(await decidableApprovals(page).count(), 2);
    const card = decidableApprovals(page).first();
    const label = await card.getAttribute('aria-label');
    const idx = await card.locator('form[action$="/decline-approval"] input[name="approval"]').inputValue();
    await field(card, 'Art des Grundes').selectOption({ label: 'anderer Grund' });
    await field(card, 'Grund').fill('');
    await submit(page, card.getByRole('button', { name: 'Nicht genehmigen' }), { status: 422 });
    // Refused: nothing was decided.
    assert.equal(await swapState(page), 'approvals_pending');
    assert.equal(await decidableApprovals(page).count(), 2);
    const targets = await summaryTargets(page);
    assert.equal(targets.length, 1, `one error expected, got ${targets}`);
    assert.equal(
      (await page.locator('#error-summary a').innerText()).trim(),
      'Grund: Bitte ausfüllen.',
    );
    await t.test(
      'the missing reason is shown at the reason field of the approval, and the summary links there',
      async () => {
        const reasonId = `decline-approval-${idx}-reason`;
        assert.deepEqual(targets, [reasonId], 'the summary links a field that does not exist');
        const reasonField = field(page.locator(`main section.approval-card[aria-label="${label}"]`), 'Grund');
        assert.equal(await reasonField.getAttribute('id'), reasonId);
        assert.equal(await fieldError(page, reasonId), 'Bitte ausfüllen.');
        assert.equal(await reasonField.getAttribute('aria-invalid'), 'true');
      },
    );

    const shown = await approveAll(page, { expected: 2, by: 'Bernd Weber' });
    await t.test('the approval cards name Bernd Weber as the approver', () => {
      assert.deepEqual(shown, ['Bernd Weber', 'Bernd Weber']);
    });
    // Every approval is given; the staff council's consent is still missing.
    assert.equal(await swapState(page), 'approvals_pending');
    for (const text of Object.values(await cards(approvalCards(page)))) assert.match(text, /· genehmigt · /, text);
  }

  // --- Carla consents for Musterstadt's staff council; the agreement is made.
  {
    const page = await as(CARLA);
    await openFromOverview(page, swapPath, 'Wartet auf die Zustimmung Ihres Gremiums');
    assert.equal(await decidableApprovals(page).count(), 0, 'the staff council does not approve');
    const council = page.getByRole('region', { name: `Personalrat, ${CITY}` });
    await submit(page, council.getByRole('button', { name: 'Zustimmen' }), { status: 200 });
    await flash(page, 'Ihre Entscheidung ist gespeichert.');
    assert.equal(await swapState(page), 'agreement_pending');
    const text = (await page.getByRole('region', { name: `Personalrat, ${CITY}` }).innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Zustimmung einholen zugestimmt · .+ · \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/, text);
    await t.test('the staff council card names Carla Yilmaz as the one who consented', () => {
      assert.match(text, /zugestimmt · Carla Yilmaz · /);
    });
    await page.getByRole('link', { name: 'Verschwiegenheitserklärung herunterladen' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Unterschreiben' }).count(), 0, 'only members sign');
  }

  // --- Gisela, the association's staff council, was informed: inbox and mail.
  {
    const page = await as(GISELA);
    await follow(page, mainNav(page).getByRole('link', { name: /^Nachrichten/ }));
    const note = page.locator('main').locator(`a[href="${swapPath}"]`);
    assert.equal(await note.count(), 1, 'Gisela has no message about the swap');
    assert.equal(
      (await note.innerText()).trim(),
      `Zur Information Ihres Gremiums: Anna Schmidt, Eva Nowak (${CITY}, ${ASSOC}) tauschen in ${weekLabel} ihre Arbeitsplätze.`,
    );
    const mail = await waitForMail(GISELA, { subject: /Zur Information Ihres Gremiums/, after: beforeAccept });
    assert.ok(mail.body.includes(`${BASE_URL}${swapPath}`));
    await follow(page, note);
    await page.getByRole('region', { name: `Personalrat, ${ASSOC}` }).getByText(/^informiert · /).waitFor();
    assert.equal(await page.getByRole('button').filter({ hasText: /Zustimmen|Genehmigen|Unterschreiben/ }).count(), 0);
  }

  // --- Anna reads the agreement, signs with a wrong password, then with hers.
  let agreementHash;
  {
    const page = await as(ANNA);
    await visit(page, swapPath);
    assert.equal(await swapState(page), 'agreement_pending');
    agreementHash = (await page.locator('#agreement-hash').innerText()).trim();
    assert.match(agreementHash, /^[0-9a-f]{64}$/);

    const link = page.getByRole('link', { name: 'Verschwiegenheitserklärung herunterladen' });
    const file = await download(page, link);
    assert.match(file.filename, /^vereinbarung-\d{4}-W\d{2}\.pdf$/);
    assert.equal(file.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(createHash('sha256').update(file.bytes).digest('hex'), agreementHash, 'the page names another document');
    const res = await fetchWithSession(page, `${swapPath}/agreement.pdf`);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.match(res.headers['content-disposition'], /^attachment; filename="vereinbarung-\d{4}-W\d{2}\.pdf"$/);
    const text = await pdfText(file.bytes);
    for (const s of ['Gegenseitige Verschwiegenheitserklärung', 'Anna Schmidt', 'Eva Nowak', CITY]) {
      assert.ok(text.includes(s), `the agreement lacks "${s}":\n${text}`);
    }

    const form = page.getByRole('form', { name: 'Verschwiegenheitserklärung' });
    await field(form, 'Passwort').fill('Falsches-Passwort-2026');
    await submit(page, form.getByRole('button', { name: 'Unterschreiben' }), { status: 422 });
    assert.deepEqual(await summaryTargets(page), ['sign-password']);
    assert.equal(await fieldError(page, 'sign-password'), 'Das Passwort ist falsch.');
    const password = field(page.getByRole('form', { name: 'Verschwiegenheitserklärung' }), 'Passwort');
    assert.equal(await password.getAttribute('aria-invalid'), 'true');
    assert.equal(await password.inputValue(), '', 'the password is not sent back');
    assert.equal(await swapState(page), 'agreement_pending');

    await password.fill(DEMO_PASSWORD);
    await submit(page, page.getByRole('button', { name: 'Unterschreiben' }), { status: 200 });
    await flash(page, 'Sie haben unterschrieben.');
    assert.equal(new URL(page.url()).pathname, swapPath);
    assert.equal(await swapState(page), 'agreement_pending');
    assert.deepEqual(await tableRows(page.getByRole('table', { name: 'Beteiligte' })), [
      ['Anna Schmidt', CITY, 'ja', 'ja'],
      ['Eva Nowak', ASSOC, 'ja', 'nein'],
    ]);
    assert.equal(await page.getByRole('button', { name: 'Unterschreiben' }).count(), 0);
  }

  // --- Eva signs: the swap is confirmed; the history lists every step.
  {
    const page = await as(EVA);
    await visit(page, swapPath);
    assert.equal((await page.locator('#agreement-hash').innerText()).trim(), agreementHash);
    const form = page.getByRole('form', { name: 'Verschwiegenheitserklärung' });
    await field(form, 'Passwort').fill(DEMO_PASSWORD);
    await submit(page, form.getByRole('button', { name: 'Unterschreiben' }), { status: 200 });
    await flash(page, 'Sie haben unterschrieben.');
    assert.equal(await swapState(page), 'confirmed');
    assert.equal((await page.locator('#swap-state').innerText()).trim(), 'Stand: bestätigt');
    assert.deepEqual(await tableRows(page.getByRole('table', { name: 'Beteiligte' })), [
      ['Anna Schmidt', CITY, 'ja', 'ja'],
      ['Eva Nowak', ASSOC, 'ja', 'ja'],
    ]);
    // Newest first on the page; read oldest first.
    const history = (await tableRows(page.getByRole('table', { name: 'Verlauf' }))).reverse();
    for (const [when] of history) assert.match(when, /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    assert.deepEqual(
      history.map(([, who, what]) => `${who}: ${what}`),
      [
        'Anna Schmidt: vorgeschlagen',
        'Eva Nowak: angenommen',
        'Eva Nowak: Genehmigungen angefragt',
        'Eva Nowak: Gremium informiert',
        'Eva Nowak: Gremium informiert',
        'Frank Otto: genehmigt',
        'Frank Otto: genehmigt',
        'Bernd Weber: genehmigt',
        'Bernd Weber: genehmigt',
        'Carla Yilmaz: Gremium hat zugestimmt',
        'Carla Yilmaz: alle Genehmigungen erteilt',
        'Carla Yilmaz: Verschwiegenheitserklärung erstellt',
        'Anna Schmidt: unterschrieben',
        'Eva Nowak: unterschrieben',
        'Eva Nowak: bestätigt',
        // The confirmed swap's week is planned at once (briefings, access and admin lists).
        'System: Woche geplant',
      ],
    );
    // Nothing is left to do but to cancel before the week begins.
    assert.equal(await page.getByRole('button', { name: 'Unterschreiben' }).count(), 0);
    await page.getByRole('button', { name: 'Jobtausch absagen' }).waitFor();
  }

  // --- Dieter, Musterstadt's admin and approver: the signed agreement and the audit trail.
  {
    const page = await as(DIETER);
    await openFromOverview(page, swapPath, 'Jobtausche Ihrer Organisation');
    assert.equal(await swapState(page), 'confirmed');
    const file = await download(page, page.getByRole('link', { name: 'Verschwiegenheitserklärung herunterladen' }));
    assert.match(file.filename, /^vereinbarung-\d{4}-W\d{2}-unterschrieben\.pdf$/);
    assert.equal(file.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = await pdfText(file.bytes);
    for (const s of ['Gegenseitige Verschwiegenheitserklärung', 'Unterschriften', 'Anna Schmidt', 'Eva Nowak']) {
      assert.ok(text.includes(s), `the signed agreement lacks "${s}":\n${text}`);
    }
    assert.ok(text.replace(/\s+/g, '').includes(agreementHash), `the signature page lacks the hash ${agreementHash}:\n${text}`);

    await follow(page, mainNav(page).getByRole('link', { name: 'Organisationen' }));
    await follow(page, page.getByRole('table', { name: 'Alle Organisationen' }).getByRole('link', { name: CITY, exact: true }));
    const orgPath = new URL(page.url()).pathname;
    assert.match(orgPath, /^\/orgs\/[0-9a-f-]{36}$/);
    const csvFile = await download(page, page.getByRole('link', { name: 'Verlauf als CSV herunterladen' }));
    assert.equal(csvFile.filename, 'audit.csv');
    const rows = parseCsv(csvFile.bytes.toString('utf-8'));
    assert.deepEqual(rows[0], ['time_utc', 'actor', 'action', 'object_type', 'object_id', 'detail']);
    const ofSwap = rows.filter((r) => r[3] === 'swap' && r[4] === swapId);
    const actions = ofSwap.map((r) => r[2]);
    for (const a of ['swap.proposed', 'swap.accepted', 'swap.approved', 'swap.body_consented', 'swap.signed', 'swap.confirmed']) {
      assert.ok(actions.includes(a), `the CSV lacks ${a} for the swap: ${actions}`);
    }
    const confirmed = ofSwap.find((r) => r[2] === 'swap.confirmed');
    assert.equal(confirmed[1], 'Eva Nowak');
    assert.ok(!Number.isNaN(Date.parse(confirmed[0])), `not a time: ${confirmed[0]}`);
    const res = await fetchWithSession(page, `${orgPath}/audit.csv`);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
  }
});
