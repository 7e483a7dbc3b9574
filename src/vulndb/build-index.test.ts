import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { isRampartError } from '../core/index.js';
import { buildIndex } from './build-index.js';
import { openDatabaseForMatching } from './open-database.js';
import { openVulnIndex } from './vuln-index.js';

const tmp = (): Promise<string> => mkdtemp(path.join(tmpdir(), 'rampart-vulndb-'));

async function code(promise: Promise<unknown> | (() => unknown)): Promise<string | undefined> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    return isRampartError(error) ? error.code : `untyped: ${String(error)}`;
  }
  return undefined;
}

describeWithTestdata('db build from OSV files, YAML, directories and all.zip', (root) => {
  const vulndb = path.join(root, 'vulndb');
  const npmSample = path.join(vulndb, 'osv', 'github-advisory-database-npm-sample');
  const alpineZip = path.join(vulndb, 'distro', 'fixtures', 'vuls-data-update', 'fetch', 'alpine', 'osv', 'testdata', 'fixtures', 'all.zip');
  const debianZip = path.join(vulndb, 'distro', 'fixtures', 'vuls-data-update', 'fetch', 'debian', 'osv', 'testdata', 'fixtures', 'all.zip');
  const pypaDir = path.join(vulndb, 'osv', 'pypa-advisory-database', 'aiohttp');

  it('indexes JSON files, a YAML tree and all.zip archives, recording source and modified time', async () => {
    const db = path.join(await tmp(), 'v.sqlite');
    const summary = await buildIndex({ db, from: [npmSample, alpineZip, debianZip, pypaDir], now: () => new Date('2026-01-01T00:00:00Z') });
    expect(summary.sources.map((s) => s.records)).toEqual([3, 2, 3, expect.any(Number)]);
    expect(summary.sources[3]!.records).toBeGreaterThan(5);
    const index = openVulnIndex(db);
    const status = index.status();
    expect(status.records).toBe(summary.records);
    expect(status.ecosystems.map((e) => e.ecosystem)).toEqual(expect.arrayContaining(['Alpine', 'Debian', 'PyPI', 'npm']));
    const jquery = index.recordsFor('npm', 'jquery');
    expect(jquery.map((r) => r.record.id)).toContain('GHSA-6c3j-c64m-qhgq');
    expect(jquery[0]!.source).toBe(npmSample);
    expect(jquery[0]!.origin).toMatch(/GHSA-.*\.json$/);
    const wget = index.recordsFor('Debian', 'wget');
    expect(wget.map((r) => r.record.id)).toEqual(['CVE-2024-10524']);
    expect(wget[0]!.origin).toBe(`${alpineZip}!all/CVE-2024-10524.json`);
    expect(wget[0]!.record.modified).toBe('2025-06-02T10:46:27.499829Z');
    // PyPI names are normalised (PEP 503) on both sides
    const anyPypi = status.ecosystems.find((e) => e.ecosystem === 'PyPI')!;
    expect(anyPypi.records).toBe(summary.sources[3]!.records);
    expect(index.recordsFor('PyPI', 'AIOHTTP').length).toBe(anyPypi.records);
    expect(index.recordsByAlias('CVE-2024-10524').map((r) => r.record.id)).toEqual(['CVE-2024-10524']);
    index.close();
    console.log(`db build: ${summary.records} records from ${summary.sources.length} sources`);
  });

  it('keeps the old database when a build fails half-way (bad record, missing path)', async () => {
    const dir = await tmp();
    const db = path.join(dir, 'v.sqlite');
    await buildIndex({ db, from: [npmSample] });
    const before = await readFile(db);
    const bad = path.join(dir, 'bad');
    await writeFile(path.join(dir, 'broken.json'), '{"id": "X-1", "modified": 3}');
    expect(await code(buildIndex({ db, from: [alpineZip, path.join(dir, 'broken.json')] }))).toBe('BAD_INPUT');
    expect(await code(buildIndex({ db, from: [alpineZip, bad] }))).toBe('FILE_NOT_FOUND');
    await writeFile(path.join(dir, 'trunc.zip'), (await readFile(alpineZip)).subarray(0, 300));
    expect(await code(buildIndex({ db, from: [path.join(dir, 'trunc.zip')] }))).toBe('BAD_ARCHIVE');
    expect((await readFile(db)).equals(before)).toBe(true);
    expect(openVulnIndex(db).status().records).toBe(3);
  });
});

describe('opening the database for matching', () => {
  it('refuses a missing or empty database and warns about an old one with its age', async () => {
    const dir = await tmp();
    expect(await code(() => openDatabaseForMatching(path.join(dir, 'none.sqlite')))).toBe('DB_MISSING');
    await writeFile(path.join(dir, 'empty.json'), '[]');
    const empty = path.join(dir, 'empty.sqlite');
    await buildIndex({ db: empty, from: [path.join(dir, 'empty.json')] });
    expect(await code(() => openDatabaseForMatching(empty))).toBe('DB_EMPTY');
    await writeFile(path.join(dir, 'one.json'), JSON.stringify({ id: 'OSV-1', modified: '2024-01-01T00:00:00Z', affected: [] }));
    const old = path.join(dir, 'old.sqlite');
    await buildIndex({ db: old, from: [path.join(dir, 'one.json')], now: () => new Date('2026-01-01T00:00:00Z') });
    const opened = openDatabaseForMatching(old, { now: () => new Date('2026-01-31T00:00:00Z') });
    expect(opened.warnings).toEqual([expect.stringContaining('30 days old')]);
    opened.index.close();
    const fresh = openDatabaseForMatching(old, { now: () => new Date('2026-01-02T00:00:00Z') });
    expect(fresh.warnings).toEqual([]);
    fresh.index.close();
    await writeFile(path.join(dir, 'junk.sqlite'), 'not sqlite at all');
    expect(await code(() => openDatabaseForMatching(path.join(dir, 'junk.sqlite')))).toBe('DB_CORRUPT');
  });
});
