import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, packagesOf, unknownsOf } from '../analyze-file.js';
import { readBdbBlobs } from '../rpm-bdb.js';
import { parseRpmHeader } from '../rpm-header.js';
import type { RpmRecord } from '../rpm-header.js';
import { readNdbBlobs } from '../rpm-ndb.js';
import { readSqliteBlobs } from '../rpm-sqlite.js';
import { rpm } from './rpm.js';

interface ExpectedRpm {
  epoch: number | null;
  name: string;
  version: string;
  release: string;
  arch: string;
  sourceRpm: string;
  size: number;
  license: string;
  vendor: string;
  modularitylabel: string;
  summary: string;
  sigmd5: string;
}

function records(blobs: Buffer[]): RpmRecord[] {
  return blobs.map((b) => {
    const r = parseRpmHeader(b);
    if (!r.ok) throw new Error(r.reason);
    return r.record;
  });
}

describeWithTestdata('rpm databases (go-rpmdb fixtures)', (root) => {
  const dir = path.join(root, 'pkgdb/rpm/go-rpmdb');

  it('NDB Packages.db: matches the SLE15 `rpm -qa` list field by field', () => {
    const expected = (JSON.parse(readFileSync(path.join(dir, 'sle15-bci/SLE15WithNDB.expected.json'), 'utf8')) as { packages: ExpectedRpm[] }).packages;
    const blobs = readNdbBlobs(readFileSync(path.join(dir, 'sle15-bci/Packages.db')));
    if (!blobs.ok) throw new Error(blobs.reason);
    const got = records(blobs.blobs).map((r) => ({
      epoch: r.epoch ?? null,
      name: r.name,
      version: r.version,
      release: r.release,
      arch: r.arch,
      sourceRpm: r.sourceRpm,
      size: r.size,
      license: r.license,
      vendor: r.vendor,
      modularitylabel: r.modularityLabel,
      summary: r.summary,
      sigmd5: r.sigmd5,
    }));
    const byName = new Map(got.map((g) => [g.name, g]));
    let matched = 0;
    for (const want of expected) {
      expect(byName.get(want.name)).toEqual(want);
      matched++;
    }
    expect(got).toHaveLength(expected.length);
    console.log(`rpm NDB (SLE15 rpm -qa): ${matched}/${expected.length} packages match on all 12 fields`);
  });

  it('BerkeleyDB Packages: libuuid-2.32.1-42.el8_8.x86_64', () => {
    const blobs = readBdbBlobs(readFileSync(path.join(dir, 'libuuid/Packages')));
    if (!blobs.ok) throw new Error(blobs.reason);
    const got = records(blobs.blobs);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ name: 'libuuid', version: '2.32.1', release: '42.el8_8', arch: 'x86_64', sigmd5: 'c1e561f13d39aee443a1f00258fba000' });
    expect(got[0]?.files.length).toBeGreaterThan(0);
  });

  it('SQLite rpmdb.sqlite: 129 headers, curl 7.76.0-6.cm2 from Microsoft', () => {
    const blobs = readSqliteBlobs(readFileSync(path.join(dir, 'cbl-mariner-2.0/rpmdb.sqlite')));
    if (!blobs.ok) throw new Error(blobs.reason);
    const got = records(blobs.blobs);
    expect(got).toHaveLength(129);
    expect(got.find((r) => r.name === 'curl')).toMatchObject({ version: '7.76.0', release: '6.cm2', arch: 'x86_64', vendor: 'Microsoft Corporation' });
  });

  it('a raw header blob', () => {
    const r = parseRpmHeader(readFileSync(path.join(dir, 'blob.bin')));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.record.name).not.toBe('');
  });

  it('the analyzer: EVR, source RPM split, files, at every rpmdb path', async () => {
    const ndb = packagesOf(await analyzeFile(rpm, '/usr/lib/sysimage/rpm/Packages.db', readFileSync(path.join(dir, 'sle15-bci/Packages.db'))));
    expect(ndb.length).toBeGreaterThanOrEqual(34); // gpg-pubkey entries are not packages
    const bdb = packagesOf(await analyzeFile(rpm, '/var/lib/rpm/Packages', readFileSync(path.join(dir, 'libuuid/Packages'))));
    expect(bdb[0]).toMatchObject({ type: 'rpm', name: 'libuuid', version: '2.32.1-42.el8_8', sourceName: 'util-linux', sourceVersion: '2.32.1-42.el8_8' });
    const syft = packagesOf(await analyzeFile(rpm, '/var/lib/rpm/Packages', readFileSync(path.join(root, 'pkgdb/syft/redhat/testdata/Packages'))));
    expect(syft.length).toBeGreaterThan(0);
    const bad = await analyzeFile(rpm, '/var/lib/rpm/rpmdb.sqlite', Buffer.from('not a database'));
    expect(unknownsOf(bad)).toEqual([{ path: '/var/lib/rpm/rpmdb.sqlite', reason: 'rpm database: not an SQLite database' }]);
  });
});
