// Reads the mails that the real SMTP server (aiosmtpd, Mailbox handler) wrote into the maildir:
// one file per message in new/. A small parser for what lettre sends: single-part text/plain,
// 7bit, quoted-printable or base64, with RFC 2047 encoded words in the headers.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

export const MAILDIR = process.env.E2E_MAILDIR || '';

/** Splits a raw message into unfolded headers (lower-case names) and the raw body. */
export function parseMessage(raw) {
  const text = raw.replace(/\r\n/g, '\n');
  const end = text.indexOf('\n\n');
  const head = end < 0 ? text : text.slice(0, end);
  const rawBody = end < 0 ? '' : text.slice(end + 2);
  const headers = {};
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = decodeWords(line.slice(colon + 1).trim());
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  // A mail with an attachment (a calendar) is multipart: its text is the text/plain part.
  const type = headers['content-type'] || 'text/plain';
  const boundary = /boundary="?([^";\s]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const parts = rawBody
      .split(`--${boundary}`)
      .slice(1)
      .filter((p) => !p.startsWith('--'))
      .map((p) => parseMessage(p.replace(/^\r?\n/, '')));
    const text = parts.find((p) => /^text\/plain/i.test(p.headers['content-type'] || 'text/plain'));
    return { headers, body: text ? text.body : '', parts };
  }
  const cte = (headers['content-transfer-encoding'] || '7bit').toLowerCase();
  const charset = /charset="?([^";\s]+)"?/i.exec(type)?.[1] || 'utf-8';
  return { headers, body: decodeBody(rawBody, cte, charset), parts: [] };
}

function decodeBody(body, cte, charset) {
  const decoder = new TextDecoder(charset.toLowerCase());
  if (cte === 'base64') return decoder.decode(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
  if (cte === 'quoted-printable') return decoder.decode(quotedPrintable(body));
  return body;
}

function quotedPrintable(s) {
  const joined = s.replace(/=\n/g, '');
  const bytes = [];
  for (let i = 0; i < joined.length; i++) {
    const c = joined[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, 'utf-8'));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047: =?charset?B|Q?text?= */
function decodeWords(value) {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset, enc, text) => {
      const decoder = new TextDecoder(charset.toLowerCase());
      if (enc.toUpperCase() === 'B') return decoder.decode(Buffer.from(text, 'base64'));
      return decoder.decode(quotedPrintable(text.replace(/_/g, ' ')));
    });
}

/** All messages in the maildir's new/ folder, parsed. */
export async function readMails() {
  if (!MAILDIR) throw new Error('E2E_MAILDIR is not set: run the suite with e2e/run.sh');
  const dir = join(MAILDIR, 'new');
  const names = await readdir(dir);
  const mails = [];
  for (const name of names) {
    const raw = await readFile(join(dir, name), 'utf-8');
    mails.push({ file: name, ...parseMessage(raw) });
  }
  return mails;
}

/**
 * The names of the mails in the maildir now. The maildir outlives a run (and is shared with
 * other suites): pass this as `after` to `waitForMail` to see only mails that came later.
 */
export async function mailboxMark() {
  if (!MAILDIR) throw new Error('E2E_MAILDIR is not set: run the suite with e2e/run.sh');
  return new Set(await readdir(join(MAILDIR, 'new')));
}

/**
 * Waits until a mail to `address` arrives whose subject matches (the outbox worker sends every
 * few seconds), and returns it. With `after` (from `mailboxMark`), older mails are ignored.
 */
export async function waitForMail(address, { subject = /./, after = new Set(), timeoutMs = 30_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  const wanted = address.toLowerCase();
  for (;;) {
    const found = (await readMails()).filter(
      (m) =>
        !after.has(m.file) &&
        (m.headers.to || '').toLowerCase().includes(wanted) &&
        subject.test(m.headers.subject || ''),
    );
    if (found.length > 1) {
      throw new Error(`${found.length} mails to ${address} with subject ${subject}, expected one`);
    }
    if (found.length === 1) return found[0];
    if (Date.now() > deadline) {
      throw new Error(`no mail to ${address} with subject ${subject} arrived in ${timeoutMs / 1000} s in ${MAILDIR}/new`);
    }
    await delay(250);
  }
}
