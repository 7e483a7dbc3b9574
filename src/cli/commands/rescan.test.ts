import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliRunner } from '../../../test-support/cli-runner.js';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { writeHappyAsOsv } from '../../../test-support/trivy-happy-osv.js';

const { home, run } = cliRunner('rescan');

interface RescanJson {
  targets: {
    target: string;
    previous: { database: string } | null;
    packages: number;
    findings: number;
    new: { id: string; severity: string; package: { name: string; version: string }; fixedVersion: string | null }[];
    changed: { id: string; package: { name: string }; fixedVersion: string | null; before: { fixedVersion: string | null } }[];
    resolved: { id: string }[];
  }[];
  summary: { targets: number; added: number; changed: number; resolved: number };
}

/** Advisories "published later" for this test (Alpine 3.11 origin packages of the image). */
function writeAdded(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const rec = (id: string, name: string, fixed: string, sev: string): unknown => ({
    id,
    modified: '2026-11-28T00:00:00Z',
    affected: [{ package: { ecosystem: 'Alpine:v3.11', name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }],
    database_specific: { severity: sev },
  });
  writeFileSync(path.join(dir, 'added.json'), JSON.stringify([rec('RAMPART-TEST-2026-0001', 'busybox', '9.9.9-r0', 'HIGH'), rec('RAMPART-TEST-2026-0002', 'openssl', '1.0.0-r0', 'CRITICAL')]));
}

describe('rampart rescan with a bad or missing store or database', () => {
  it('exits 2 naming the store file when it is not a store, or missing; exits 2 without a database', async () => {
    const db = path.join(home, 'one.sqlite');
    const records = mkdtempSync(path.join(home, 'one-'));
    writeFileSync(path.join(records, 'a.json'), JSON.stringify({ id: 'GHSA-x', modified: '2026-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'x' }, versions: ['1.0.0'] }] }));
    expect((await run(['db', 'build', '--db', db, '--from', records])).code).toBe(0);
    const garbage = path.join(home, 'garbage.sqlite');
    writeFileSync(garbage, 'this is not a database\n'.repeat(100));
    const bad = await run(['rescan', '--db', db, '--sbom-store', garbage]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(garbage);
    expect(bad.out).toBe('');
    const missing = await run(['rescan', '--db', db, '--sbom-store', path.join(home, 'none.sqlite')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(path.join(home, 'none.sqlite'));
    const noDb = await run(['rescan', '--db', path.join(home, 'nodb.sqlite'), '--sbom-store', garbage]);
    expect(noDb.code).toBe(2);
    expect(noDb.err).toContain('nodb.sqlite');
    // scan --store into a file that is not a store: exit 2, nothing printed
    const scan = await run(['scan', `dir:${records}`, '--db', db, '--sbom-store', garbage]);
    expect(scan.code).toBe(2);
    expect(scan.err).toContain(garbage);
  });
});

describeWithTestdata('rampart scan --store, then rescan after db build without the image (alpine-311)', (root) => {
  const work = path.join(home, 'alpine');
  const image = path.join(work, 'alpine-311.tar.gz');
  const store = path.join(work, 'store.sqlite');
  const db1 = path.join(work, 'db1.sqlite');
  const db2 = path.join(work, 'db2.sqlite');
  const happy = path.join(root, 'images/trivy-scan-fixture-db/happy.yaml');
  const secdb = path.join(root, 'vulndb/distro/alpine/secdb-legacy-v3.3-v3.11/v3.11/main.yaml');
  let busyboxPackages: string[] = [];
  let scannedFindings = 0;

  beforeAll(async () => {
    mkdirSync(work, { recursive: true });
    copyFileSync(path.join(root, 'images/trivy-fanal-testdata/alpine-311.tar.gz'), image);
    writeHappyAsOsv(happy, path.join(work, 'happy'));
    expect((await run(['db', 'build', '--db', db1, '--from', path.join(work, 'happy'), secdb])).code).toBe(0);
    const scanned = await run(['scan', `docker-archive:${image}`, '--db', db1, '--store', '--sbom-store', store, '--format', 'json']);
    expect(scanned.code).toBe(0);
    expect(scanned.err).toContain(`in ${store}`);
    scannedFindings = (JSON.parse(scanned.out) as { findings: unknown[] }).findings.length;
    expect(scannedFindings).toBe(2);
    const inventory = JSON.parse((await run(['sbom', `docker-archive:${image}`, '--format', 'json', '--no-cache'])).out) as { packages: { name: string; version: string; sourceName?: string }[] };
    busyboxPackages = inventory.packages.filter((p) => (p.sourceName ?? p.name) === 'busybox').map((p) => `${p.name}@${p.version}`).sort();
    // the image goes away: the rescan must not need it
    rmSync(image);
    // a second build: the same advisories with one fix changed, plus advisories published later
    writeHappyAsOsv(happy, path.join(work, 'happy2'), '1.2.5');
    writeAdded(path.join(work, 'added'));
    expect((await run(['db', 'build', '--db', db2, '--from', path.join(work, 'happy2'), secdb, path.join(work, 'added')])).code).toBe(0);
  });

  it('against the database it was scanned with, a rescan finds exactly what scan found: nothing new', async () => {
    const r = await run(['rescan', '--db', db1, '--sbom-store', store, '--format', 'json', '--no-record']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as RescanJson;
    expect(doc.targets[0]?.findings).toBe(scannedFindings);
    expect(doc.summary).toMatchObject({ targets: 1, added: 0, changed: 0, resolved: 0 });
    const table = await run(['rescan', '--db', db1, '--sbom-store', store, '--no-record']);
    expect(table.out).toContain('1 targets without changes');
    expect(table.out).not.toContain(`docker-archive:${image}`);
  });

  it('the image is gone: scanning it fails, re-matching its stored SBOM works', async () => {
    expect(existsSync(image)).toBe(false);
    expect((await run(['scan', `docker-archive:${image}`, '--db', db2])).code).toBe(2);
    const r = await run(['rescan', '--db', db2, '--sbom-store', store, '--format', 'json', '--no-record']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as RescanJson;
    expect(doc.targets.map((t) => t.target)).toEqual([`docker-archive:${image}`]);
    expect(doc.targets[0]?.packages).toBe(14);
  });

  it('reports exactly the advisories added since the scan as new, the changed fix as changed', async () => {
    expect(busyboxPackages.length).toBeGreaterThan(0);
    const r = await run(['rescan', '--db', db2, '--sbom-store', store, '--format', 'json', '--no-record', '--fail-on', 'high']);
    expect(r.code).toBe(1);
    const t = (JSON.parse(r.out) as RescanJson).targets[0]!;
    expect(t.previous).not.toBeNull();
    // RAMPART-TEST-2026-0001 on every package built from busybox; -0002 is fixed below openssl's installed version
    expect(t.new.map((m) => `${m.id} ${m.package.name}@${m.package.version} ${m.severity} ${m.fixedVersion ?? ''}`).sort()).toEqual(
      busyboxPackages.map((p) => `RAMPART-TEST-2026-0001 ${p} high 9.9.9-r0`),
    );
    expect(t.changed.map((c) => `${c.id} ${c.package.name} ${c.before.fixedVersion ?? ''}→${c.fixedVersion ?? ''}`)).toEqual([
      'CVE-2020-9999 musl 1.2.4→1.2.5',
      'CVE-2020-9999 musl-utils 1.2.4→1.2.5',
    ]);
    expect(t.resolved).toEqual([]);
    console.log(`rescan alpine-311 (image deleted): ${t.new.length}/${busyboxPackages.length} new findings as expected, ${t.changed.length}/2 changed`);
  });

  it('records the baseline: the next rescan reports nothing new and passes the gate; the table names the target', async () => {
    const first = await run(['rescan', '--db', db2, '--sbom-store', store]);
    expect(first.code).toBe(0);
    expect(first.out).toContain(`docker-archive:${image}`);
    expect(first.out).toContain('NEW       HIGH     RAMPART-TEST-2026-0001');
    expect(first.out).toContain('CHANGED');
    const again = await run(['rescan', '--db', db2, '--sbom-store', store, '--format', 'json', '--fail-on', 'high']);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.out) as RescanJson).summary).toMatchObject({ targets: 1, added: 0, changed: 0, resolved: 0 });
  });

  it('sbom --store keeps an inventory never matched: its first rescan reports every finding as new', async () => {
    const copy = path.join(work, 'again.tar.gz');
    copyFileSync(path.join(root, 'images/trivy-fanal-testdata/alpine-311.tar.gz'), copy);
    const other = path.join(work, 'sbom-store.sqlite');
    expect((await run(['sbom', `docker-archive:${copy}`, '--sbom-store', other, '--format', 'json'])).code).toBe(0);
    rmSync(copy);
    const r = await run(['rescan', '--db', db1, '--sbom-store', other, '--format', 'json']);
    const t = (JSON.parse(r.out) as RescanJson).targets[0]!;
    expect(t.previous).toBeNull();
    expect(t.new.map((m) => `${m.id} ${m.package.name}`)).toEqual(['CVE-2020-9999 musl', 'CVE-2020-9999 musl-utils']);
  });
});
