import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { writeHappyAsOsv } from '../../test-support/trivy-happy-osv.js';
import { buildIndex, openVulnIndex } from '../vulndb/index.js';
import { createVulnMatcher } from './match-packages.js';
import type { PackageInput } from './package-input.js';

interface Rows {
  images: Record<string, { alpine_release: string; rows: { package: string; version: string; origin: string; vulnerable_per_secdb: string[] }[] }>;
}

const packagesOf = (rows: Rows['images'][string], release: string): PackageInput[] =>
  rows.rows.map((r) => ({ ecosystem: 'Alpine', name: r.package, version: r.version, sourceName: r.origin, distroRelease: release, location: { path: '/lib/apk/db/installed' } }));

describeWithTestdata('real Alpine images (installed packages) against Alpine advisories', (root) => {
  const expectedFile = path.join(root, 'vulndb', 'distro', 'alpine', 'EXPECTED.alpine-310-311-images-vs-legacy-secdb.json');

  it('the complete legacy secdb of each release reports nothing for alpine-310 and alpine-311 (negative test)', async () => {
    const expected = JSON.parse(await readFile(expectedFile, 'utf8')) as Rows;
    const secdb = path.join(root, 'vulndb', 'distro', 'alpine', 'secdb-legacy-v3.3-v3.11');
    const db = path.join(await mkdtemp(path.join(tmpdir(), 'rampart-secdb-')), 'v.sqlite');
    const built = await buildIndex({ db, from: [secdb] });
    const index = openVulnIndex(db);
    const matcher = createVulnMatcher({ index });
    let rows = 0;
    for (const [image, info] of Object.entries(expected.images)) {
      const release = image === 'alpine-310.tar.gz' ? '3.10.4' : '3.11.5';
      const result = matcher.matchPackages(packagesOf(info, release));
      const wanted = info.rows.flatMap((r) => r.vulnerable_per_secdb.map((c) => `${r.package} ${c}`));
      expect(result.matches.map((m) => `${m.package.name} ${m.id}`)).toEqual(wanted);
      expect(result.unknowns).toEqual([]);
      expect(result.stats.advisories).toBeGreaterThan(0);
      rows += info.rows.length;
    }
    index.close();
    console.log(`alpine legacy secdb (${built.records} advisories): 2/2 images, ${rows} packages, 0 findings as expected`);
  });

  it('alpine-311 with trivy’s happy.yaml fixture DB: CVE-2020-9999 in musl 1.1.24-r2, fixed 1.2.4, HIGH', async () => {
    const expected = JSON.parse(await readFile(expectedFile, 'utf8')) as Rows;
    // happy.yaml converted to OSV in test code: the "alpine 3.11" bucket, with the vulnerability bucket's severity
    const dir = await mkdtemp(path.join(tmpdir(), 'rampart-happy-'));
    writeHappyAsOsv(path.join(root, 'images', 'trivy-scan-fixture-db', 'happy.yaml'), dir);
    const db = path.join(dir, 'v.sqlite');
    await buildIndex({ db, from: [dir] });
    const index = openVulnIndex(db);
    const result = createVulnMatcher({ index }).matchPackages(packagesOf(expected.images['alpine-311.tar.gz']!, '3.11.5'));
    index.close();
    // Rampart matches on the origin package, so musl-utils (origin musl, same version) is reported
    // too; trivy's transcribed result lists the musl package only. Both are the same advisory.
    expect(result.matches.map((m) => [m.package.name, m.package.version, m.id, m.fixedVersion, m.severity, m.status])).toEqual([
      ['musl', '1.1.24-r2', 'CVE-2020-9999', '1.2.4', 'high', 'fixed'],
      ['musl-utils', '1.1.24-r2', 'CVE-2020-9999', '1.2.4', 'high', 'fixed'],
    ]);
    console.log('alpine-311 end-to-end (matcher level): CVE-2020-9999 musl 1.1.24-r2 → 1.2.4 HIGH found; +1 for musl-utils (same origin), explained in the test');
  });
});
