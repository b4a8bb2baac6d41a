// Every mail of the whole browser suite, read from the SMTP server once all journeys have run
// (e2e/run.sh runs this folder after tests/): what each recipient got must be fit to read.
// Subjects of at most 78 characters; never the same mail twice to one person; no translation
// key or code name (`approval_needed`, `no-management-approval`) in a subject or text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readMails } from '../tests/lib/mail.js';
import { codesIn } from '../tests/lib/browser.js';

/** The mails of this run: those not in the maildir when it began (the list run.sh wrote). */
async function mailsOfThisRun() {
  const before = process.env.E2E_MAIL_BEFORE;
  assert.ok(before, 'E2E_MAIL_BEFORE is not set: run the suite with e2e/run.sh');
  const old = new Set((await readFile(before, 'utf-8')).split('\n').filter(Boolean));
  return (await readMails()).filter((m) => !old.has(m.file));
}

test('every mail of the journeys is fit to read: short subjects, no repeats, no codes', async () => {
  const mails = await mailsOfThisRun();
  // The journeys send dozens of mails; a handful would mean the suite did not run.
  assert.ok(mails.length >= 30, `only ${mails.length} mails in this run`);
  const problems = [];
  const seen = new Map();
  for (const m of mails) {
    const to = (m.headers.to || '').toLowerCase();
    const subject = m.headers.subject || '';
    if ([...subject].length > 78) problems.push(`${to}: subject of ${[...subject].length} characters: ${subject}`);
    for (const [where, text] of [
      ['subject', subject],
      ['text', m.body],
    ]) {
      const codes = codesIn(text);
      if (codes.length) problems.push(`${to}: ${where} of "${subject}" holds ${codes.join(', ')}`);
    }
    const key = `${to}\n${subject}\n${m.body}`;
    if (seen.has(key)) problems.push(`${to}: the same mail twice: ${subject}`);
    seen.set(key, m.file);
  }
  assert.deepEqual(problems, [], `\n${problems.join('\n')}`);
});
