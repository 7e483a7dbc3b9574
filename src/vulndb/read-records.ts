import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';
import type { Location } from '../core/index.js';
import { RampartError } from '../core/index.js';
import { convertAlpineSecdb, isAlpineSecdb } from './alpine-secdb.js';
import { convertDebianTracker, isDebianTrackerJson } from './debian-tracker.js';
import type { TrackerEntry } from './debian-tracker-list.js';
import { isTrackerList, parseTrackerList } from './debian-tracker-list.js';
import { convertTrackerAdvisories, convertTrackerCveList } from './debian-tracker-text.js';
import type { OsvRecord } from './osv-record.js';
import { parseOsvRecord } from './osv-record.js';
import { readZipEntries } from './zip-entries.js';

/** What a source document turned out to be. */
export type FeedKind = 'osv' | 'alpine-secdb' | 'debian-tracker' | 'debian-tracker-list';

export interface ReadRecord {
  readonly record: OsvRecord;
  /** File, or `archive.zip!member`, the record came from. */
  readonly origin: string;
  readonly kind: FeedKind;
}

const MAX_FILE_BYTES = 256 * 1024 * 1024;
const RECORD_FILE = /\.(json|ya?ml)$/i;

function parseDocument(text: string, name: string, location: Location): unknown {
  try {
    // FAILSAFE: every scalar stays a string, so versions such as 1.10 or keys such as "0" keep their text.
    return /\.ya?ml$/i.test(name) ? jsYaml.load(text, { schema: jsYaml.FAILSAFE_SCHEMA, filename: name }) : JSON.parse(text);
  } catch (error) {
    throw new RampartError('PARSE_ERROR', `cannot parse ${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error, location });
  }
}

/** Recognises OSV records (one, or an array), Alpine secdb and Debian tracker JSON. */
export function recordsFromDocument(doc: unknown, origin: string, modified: string): ReadRecord[] {
  const location: Location = { file: origin };
  if (Array.isArray(doc)) return doc.map((d) => ({ record: parseOsvRecord(d, location), origin, kind: 'osv' }));
  if (typeof doc === 'object' && doc !== null && 'id' in doc && 'modified' in doc) {
    return [{ record: parseOsvRecord(doc, location), origin, kind: 'osv' }];
  }
  if (isAlpineSecdb(doc)) return convertAlpineSecdb(doc, modified, location).map((record) => ({ record, origin, kind: 'alpine-secdb' }));
  if (isDebianTrackerJson(doc)) return convertDebianTracker(doc, modified, location).map((record) => ({ record, origin, kind: 'debian-tracker' }));
  throw new RampartError('BAD_INPUT', `${origin}: not an OSV record, Alpine secdb or Debian security tracker JSON`, { location });
}

/** A local file's text, refused (LIMIT_EXCEEDED) above MAX_FILE_BYTES. */
function readBoundedText(file: string, size: number): string {
  if (size > MAX_FILE_BYTES) throw new RampartError('LIMIT_EXCEEDED', `${file} is larger than ${MAX_FILE_BYTES} bytes`, { location: { file } });
  return readFileSync(file, 'utf8');
}

// Local files are read synchronously: thousands of small advisory files go several times faster
// than through the thread pool one await at a time, and a build is a batch job anyway.
async function* readFileRecords(file: string): AsyncGenerator<ReadRecord> {
  const info = statSync(file);
  const modified = info.mtime.toISOString();
  if (/\.zip$/i.test(file)) {
    for await (const [name, bytes] of readZipEntries(file, (n) => RECORD_FILE.test(n))) {
      const origin = `${file}!${name}`;
      yield* recordsFromDocument(parseDocument(bytes.toString('utf8'), name, { file: origin }), origin, modified);
    }
    return;
  }
  yield* recordsFromDocument(parseDocument(readBoundedText(file, info.size), file, { file }), file, modified);
}

/** The tracker's text lists are files named `list` (`data/CVE/list`, `data/DSA/list`, `data/DLA/list`). */
const isListFile = (file: string): boolean => path.basename(file) === 'list';

/**
 * Tracker text lists read together: CVE entries are joined with the DSA/DLA/DTSA entries that fix
 * them, so `db build --from data/` converts `CVE/list` with the advisories beside it.
 */
function* trackerListRecords(files: readonly string[]): Generator<ReadRecord> {
  const cves: TrackerEntry[] = [];
  const advisories: TrackerEntry[] = [];
  let modified = '1970-01-01T00:00:00.000Z';
  const origin = files.join(', ');
  for (const file of files) {
    const info = statSync(file);
    const text = readBoundedText(file, info.size);
    if (!isTrackerList(text)) throw new RampartError('BAD_INPUT', `${file}: not a Debian security tracker list (CVE/list, DSA/list, DLA/list)`, { location: { file } });
    const entries = parseTrackerList(text, file);
    if (info.mtime.toISOString() > modified) modified = info.mtime.toISOString();
    for (const e of entries) (/^(?:CVE|TEMP)-/.test(e.header.name) ? cves : advisories).push(e);
  }
  const records = [...convertTrackerCveList({ cves, advisories, modified }), ...convertTrackerAdvisories(advisories, modified)];
  for (const record of records) yield { record, origin, kind: 'debian-tracker-list' };
}

function* walk(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile() && (RECORD_FILE.test(entry.name) || /\.zip$/i.test(entry.name) || isListFile(full))) yield full;
  }
}

/**
 * Every record under a path: a file (OSV JSON/YAML, an `all.zip`, an Alpine secdb file, Debian
 * tracker JSON, a Debian tracker text list named `list`) or a directory of them (walked
 * recursively, sorted, dot-files skipped; the text lists found are converted together at the end).
 */
export async function* readRecords(source: string): AsyncGenerator<ReadRecord> {
  let info;
  try {
    info = statSync(source);
  } catch (error) {
    throw new RampartError('FILE_NOT_FOUND', `${source}: no such file or directory`, { cause: error, location: { file: source } });
  }
  if (info.isDirectory()) {
    const lists: string[] = [];
    for (const file of walk(source)) {
      if (isListFile(file)) lists.push(file);
      else yield* readFileRecords(file);
    }
    if (lists.length > 0) yield* trackerListRecords(lists);
  } else if (isListFile(source)) {
    yield* trackerListRecords([source]);
  } else {
    yield* readFileRecords(source);
  }
}
