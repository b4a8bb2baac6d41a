// Events and after-work meetups: an organisation's admin creates a public meetup, three people of
// three organisations take part (the third on the waiting list until someone withdraws), the
// admin draws Tauschrunden, and an attendee proposes a swap to the partner the round gave them,
// one click from the event. The event's page works without signing in and without JavaScript.
// Every page with axe, at both widths, with screenshots.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { BASE_URL, launch, newPage, visit, submit, field, login, shoot } from './lib/browser.js';
import { waitForMail, mailboxMark } from './lib/mail.js';

const ADMIN = 'dieter.krause@musterstadt.example';
const ATTENDEES = [
  ['anna.schmidt@musterstadt.example', 'Anna Schmidt'],
  ['eva.nowak@kommunal-it.example', 'Eva Nowak'],
  ['karl.meyer@beispielhausen.example', 'Karl Meyer'],
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const flash = (page, text) => page.getByRole('status').filter({ hasText: text }).waitFor();

test('a meetup: three take part, Tauschrunden are drawn, a swap is proposed from a pair', async () => {
  const title = `After-Work Digitalisierung ${randomBytes(2).toString('hex')}`;
  const day = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);
  let eventPath;

  // The admin creates the meetup (refused once: no places).
  const admin = await newPage(browser);
  try {
    await login(admin.page, ADMIN);
    await visit(admin.page, '/events/new');
    await field(admin.page, 'Titel').fill(title);
    await field(admin.page, 'Beschreibung').fill('Kurze Impulse aus zwei Verwaltungen, dann Tauschrunden zu je zehn Minuten.');
    await field(admin.page, 'Datum des Beginns').fill(day);
    await field(admin.page, 'Beginn (Uhrzeit)').fill('17:30');
    await field(admin.page, 'Ende (Uhrzeit)').fill('19:00');
    await field(admin.page, 'Form').selectOption({ label: 'online' });
    await field(admin.page, 'Link zur Videokonferenz').fill('https://meet.musterstadt.example/after-work');
    await field(admin.page, 'Plätze').fill('0');
    await field(admin.page, 'Sichtbar für').selectOption({ label: 'öffentlich (ohne Anmeldung sichtbar)' });
    await submit(admin.page, admin.page.getByRole('button', { name: 'Speichern' }), { status: 422 });
    await field(admin.page, 'Plätze').fill('2');
    await submit(admin.page, admin.page.getByRole('button', { name: 'Speichern' }), { status: 200 });
    await flash(admin.page, 'Die Veranstaltung ist angelegt.');
    eventPath = new URL(admin.page.url()).pathname;
    assert.match(eventPath, /^\/events\/[0-9a-f-]{36}$/);
    await shoot(admin.page, 'admin-event');
  } finally {
    await admin.context.close();
  }

  // Without signing in and without JavaScript: the event is there, its video link is not.
  const plain = await browser.newContext({ locale: 'de-DE', baseURL: BASE_URL, javaScriptEnabled: false });
  try {
    const page = await plain.newPage();
    assert.equal((await page.goto(eventPath)).status(), 200);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    assert.equal(await page.getByText('meet.musterstadt.example').count(), 0, 'the video link is for those with a place');
    assert.equal((await page.goto('/network')).status(), 200);
    assert.equal(await page.getByRole('link', { name: title }).count(), 1, 'the network page names the meetup');
  } finally {
    await plain.close();
  }

  // Three people take part: two get places, the third waits and moves up when one withdraws.
  const people = [];
  for (const [email, name] of ATTENDEES) {
    const p = await newPage(browser);
    await login(p.page, email);
    await visit(p.page, eventPath);
    const mark = await mailboxMark();
    await submit(p.page, p.page.getByRole('button', { name: /^(Teilnehmen|Auf die Warteliste)$/ }), { status: 200 });
    people.push({ email, name, ...p, mark });
  }
  try {
    await flash(people[0].page, 'Sie haben einen Platz.');
    await flash(people[2].page, 'Sie stehen auf der Warteliste.');
    const confirmation = await waitForMail(people[0].email, { subject: new RegExp(title), after: people[0].mark });
    assert.match(confirmation.body, /meet\.musterstadt\.example/);
    await shoot(people[2].page, 'attendee-event-waiting');
    const moved = await mailboxMark();
    await submit(people[1].page, people[1].page.getByRole('button', { name: 'Teilnahme absagen' }), { status: 200 });
    await waitForMail(people[2].email, { subject: new RegExp(title), after: moved });
    // Eva takes part again: the list is full now, she waits.
    await submit(people[1].page, people[1].page.getByRole('button', { name: /^(Teilnehmen|Auf die Warteliste)$/ }), { status: 200 });

    // The admin raises the places to three, then draws a round.
    const orga = await newPage(browser);
    try {
      await login(orga.page, ADMIN);
      await visit(orga.page, `${eventPath}/edit`);
      await field(orga.page, 'Plätze').fill('3');
      await submit(orga.page, orga.page.getByRole('button', { name: 'Speichern' }), { status: 200 });
      await visit(orga.page, `${eventPath}/registrations`);
      for (const [, name] of ATTENDEES) await orga.page.getByRole('cell', { name, exact: true }).waitFor();
      await submit(orga.page, orga.page.getByRole('button', { name: 'Neue Runde auslosen' }), { status: 200 });
      await flash(orga.page, 'Eine neue Tauschrunde ist ausgelost.');
      await shoot(orga.page, 'admin-event-registrations');
    } finally {
      await orga.context.close();
    }

    // Karl sees his partners from the other organisations and proposes a swap to one of them.
    const karl = people[2];
    await visit(karl.page, eventPath);
    await karl.page.getByRole('heading', { name: 'Ihre Tauschrunden' }).waitFor();
    await shoot(karl.page, 'attendee-event-rounds');
    const propose = karl.page.getByRole('link', { name: /^Jobtausch mit .+ vorschlagen$/ }).first();
    const partner = (await propose.innerText()).replace(/^Jobtausch mit /, '').replace(/ vorschlagen$/, '');
    assert.ok(['Anna Schmidt', 'Eva Nowak'].includes(partner), `an unexpected partner: ${partner}`);
    await Promise.all([karl.page.waitForURL(/\/people\/[0-9a-f-]{36}/), propose.click()]);
    const form = karl.page.getByRole('form', { name: 'Jobtausch vorschlagen' });
    await form.waitFor();
    const week = field(form, 'Kalenderwoche');
    const weeks = await week.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    assert.ok(weeks.length > 0, `${partner} offers no week`);
    await week.selectOption(weeks[weeks.length - 1]);
    await field(form, 'Nachricht').fill('Schön, Sie in der Tauschrunde kennengelernt zu haben!');
    await submit(karl.page, form.getByRole('button', { name: 'Vorschlag senden' }), { status: 200 });
    assert.match(new URL(karl.page.url()).pathname, /^\/swaps\/[0-9a-f-]{36}$/);
    await flash(karl.page, 'Ihr Vorschlag ist verschickt.');
    // The proposal is withdrawn again (with a reason, confirmed), so that the other journeys
    // find the demo as it was.
    const end = karl.page.locator('form[action$="/withdraw"]');
    const kinds = await field(end, 'Art des Grundes').locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    await field(end, 'Art des Grundes').selectOption(kinds[kinds.length - 1]);
    await field(end, 'Grund').fill('Nur ein Versuch aus der Tauschrunde.');
    await submit(karl.page, end.getByRole('button', { name: 'Vorschlag zurückziehen' }), { status: 200 });
    await submit(karl.page, karl.page.getByRole('button', { name: 'Ja, zurückziehen' }), { status: 200 });
    assert.equal(await karl.page.locator('form[action$="/withdraw"]').count(), 0, 'withdrawn');
  } finally {
    for (const p of people) await p.context.close();
  }
});
