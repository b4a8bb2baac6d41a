// Files the app hands out (agreement PDFs, the audit CSV): downloaded as a person downloads them
// (a click on the link), fetched with the context's session to see the response's headers, and
// PDFs turned into text with poppler's pdftotext.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expectNoCodes } from './browser.js';

/** Clicks a link that answers with an attachment; returns the file's suggested name and bytes. */
export async function download(page, link) {
  const [dl] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const failure = await dl.failure();
  assert.equal(failure, null, `the download of ${dl.url()} failed: ${failure}`);
  return { filename: dl.suggestedFilename(), url: dl.url(), bytes: await readFile(await dl.path()) };
}

/**
 * GETs a path with the session of the page's context (the same cookies) and returns the status,
 * the headers and the body, for what a download does not show.
 */
export async function fetchWithSession(page, path) {
  const res = await page.context().request.get(path);
  return { status: res.status(), headers: res.headers(), body: await res.body() };
}

/** The text of a PDF, as `pdftotext` (poppler-utils) extracts it. */
export async function pdfText(bytes) {
  const dir = await mkdtemp(join(tmpdir(), 'jobtausch-e2e-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    await writeFile(file, bytes);
    let stdout;
    try {
      ({ stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', file, '-']));
    } catch (e) {
      if (e.code === 'ENOENT') throw new Error('pdftotext is missing: apt-get install -y poppler-utils');
      throw e;
    }
    expectNoCodes(stdout, 'a PDF');
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Splits CSV text (RFC 4180: quoted fields, doubled quotes, CRLF) into rows of fields. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
