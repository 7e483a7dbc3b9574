import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RampartError } from '../core/index.js';
import { compareVersions } from '../versioning/index.js';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { debianReleases } from './debian-tracker.js';
import type { TrackerEntry } from './debian-tracker-list.js';
import { parseTrackerList } from './debian-tracker-list.js';
import { convertTrackerAdvisories, convertTrackerCveList } from './debian-tracker-text.js';
import type { OsvRecord } from './osv-record.js';
import { readRecords } from './read-records.js';

const modified = '2026-01-01T00:00:00Z';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const full = path.join(dir, n);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

type FixtureEntry = { header: { line: string; name: string; description?: string }; annotations: Record<string, unknown>[] };
type Golden = { id: string; detections?: { ecosystem: string; conditions: { criteria: { criterions: { version: { vulnerable: boolean; fix_status: { class: string }; package: { source: { name: string } }; affected?: { fixed: string[] } } }[] } }[] }[] };

/** `ecosystem|package` → fixed versions (or `open`) our records give. */
function statuses(records: readonly OsvRecord[], id: string): string[] {
  const record = records.find((r) => r.id === id);
  return (record?.affected ?? [])
    .map((a) => `${a.package?.ecosystem}|${a.package?.name}|${a.ranges?.[0]?.events.find((e) => e.fixed !== undefined)?.fixed ?? 'open'}`)
    .sort();
}

function goldenStatuses(golden: Golden): string[] {
  return (golden.detections ?? [])
    .flatMap((d) => {
      // vuls writes debian:6 where OSV (and Rampart) write Debian:6.0.
      const n = d.ecosystem.slice('debian:'.length);
      const ecosystem = `Debian:${Object.values(debianReleases).find((v) => v === n || v === `${n}.0`) ?? (n === 'sid' ? 'unstable' : n)}`;
      // vulnerable: false (not-affected) has no counterpart: Rampart writes no affected entry for it.
      // One deliberate difference: `<undetermined>` is vulnerable: false, class unknown for vuls; Rampart
      // keeps it affected (status open, kind undetermined) so the report says the tracker has not decided.
      return d.conditions.flatMap((c) => c.criteria.criterions.filter((x) => x.version.vulnerable || x.version.fix_status.class === 'unknown').map((x) => `${ecosystem}|${x.version.package.source.name}|${x.version.fix_status.class === 'fixed' ? x.version.affected!.fixed[0]! : 'open'}`));
    })
    .sort();
}

describe('Debian tracker list parser', () => {
  it('reads every annotation form', () => {
    const [entry] = parseTrackerList(
      'CVE-2024-1 (desc ...)\n\t{DSA-1-1 DLA-2-1}\n\t- p 1.0-1 (low; bug #5)\n\t[bookworm] - p <no-dsa> (Minor issue)\n\t- q <unfixed> (bug #7)\n\tNOTE: n\n\tRESERVED\n',
      'list',
    );
    expect(entry!.annotations.map((a) => ({ ...a, line: undefined }))).toEqual([
      { type: 'xref', line: undefined, bugs: ['DSA-1-1', 'DLA-2-1'] },
      { type: 'package', line: undefined, package: 'p', kind: 'fixed', version: '1.0-1', flags: [{ severity: 'low' }, { bug: 5 }] },
      { type: 'package', line: undefined, release: 'bookworm', package: 'p', kind: 'no-dsa', description: 'Minor issue' },
      { type: 'package', line: undefined, package: 'q', kind: 'unfixed', flags: [{ bug: 7 }] },
      { type: 'NOTE', line: undefined, description: 'n' },
      { type: 'RESERVED', line: undefined },
    ]);
  });

  it.each([
    ['a header that is no entry', 'hello world\n', /list:1: not a tracker entry header/],
    ['an annotation before any entry', '\t- p 1.0\n', /list:1: annotation before the first entry/],
    ['an unknown annotation', 'CVE-2024-1\n\t- p 1.0\n\t?? what\n', /list:3: not a tracker annotation/],
  ])('refuses %s with file and line', (_name, text, message) => {
    let error: unknown;
    try {
      parseTrackerList(text, 'list');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RampartError);
    expect((error as RampartError).code).toBe('PARSE_ERROR');
    expect((error as RampartError).message).toMatch(message);
  });
});

describeWithTestdata('Debian tracker text lists against expected outputs', (root) => {
  const salsa = path.join(root, 'vulndb', 'distro', 'fixtures', 'vuls-data-update', 'extract', 'debian', 'tracker', 'salsa', 'testdata');
  const happy = path.join(salsa, 'fixtures', 'happy');
  const fixtures = ['CVE', 'DSA', 'DLA', 'DTSA'].flatMap((kind) => filesUnder(path.join(happy, kind)).map((file) => ({ kind, file, entry: JSON.parse(readFileSync(file, 'utf8')) as FixtureEntry })));
  // The raw list text is the entries' original lines, as in the tracker's files.
  const listOf = (kinds: string[]): TrackerEntry[] =>
    parseTrackerList(
      fixtures
        .filter((f) => kinds.includes(f.kind))
        .map((f) => [f.entry.header.line, ...f.entry.annotations.map((a) => a.line as string)].join('\n'))
        .join('\n'),
      kinds.join('+'),
    );

  it('parses every line of the vuls-data-update tracker fixtures as vuls does', () => {
    let pass = 0;
    let total = 0;
    const excluded: string[] = [];
    for (const f of fixtures) {
      const [ours] = parseTrackerList([f.entry.header.line, ...f.entry.annotations.map((a) => a.line as string)].join('\n'), f.file);
      total++;
      // vuls names entries without a CVE id (`CVE-2023-XXXX`) TEMP-… by a hash of its own; the list has no such name.
      const headerOk = f.entry.header.line.includes('XXXX') ? (excluded.push(`${f.entry.header.name}: name computed by vuls`), true) : ours!.header.name === f.entry.header.name;
      const strip = (a: Record<string, unknown>) => Object.fromEntries(Object.entries(a).filter(([k, v]) => k !== 'line' && v !== undefined));
      const annotations = ours!.annotations.map((a) => strip(a as unknown as Record<string, unknown>));
      expect([f.file, headerOk, annotations]).toEqual([f.file, true, f.entry.annotations.map(strip)]);
      pass++;
    }
    console.log(`debian tracker list parser vs vuls fixtures: ${pass}/${total} entries (${fixtures.reduce((n, f) => n + f.entry.annotations.length, 0)} annotations) identical; ${excluded.join('; ')}`);
    // 18 fixture entries when this was written: an empty fixture folder must not pass silently.
    expect(total).toBeGreaterThan(10);
  });

  it('converts CVE/list + DSA/DLA/DTSA lists to what vuls-data-update computes per release (goldens)', () => {
    // Source versions per release from the fixtures' Sources entries (stable and security; the higher wins).
    const releasePackages = new Map<string, Map<string, string>>();
    for (const release of readdirSync(path.join(happy, 'packages'))) {
      const versions = new Map<string, string>();
      for (const f of filesUnder(path.join(happy, 'packages', release))) {
        const version = (JSON.parse(readFileSync(f, 'utf8')) as { Version?: string[] }).Version?.[0];
        const name = path.basename(f, '.json');
        if (version === undefined) continue;
        const seen = versions.get(name);
        if (seen === undefined || compareVersions('dpkg', version, seen) > 0) versions.set(name, version);
      }
      releasePackages.set(release, versions);
    }
    const advisories = listOf(['DSA', 'DLA', 'DTSA']);
    const records = [...convertTrackerCveList({ cves: listOf(['CVE']), advisories, releasePackages, modified }), ...convertTrackerAdvisories(advisories, modified)];
    let pass = 0;
    const excluded: string[] = [];
    const lines: string[] = [];
    for (const file of filesUnder(path.join(salsa, 'golden', 'data'))) {
      const golden = JSON.parse(readFileSync(file, 'utf8')) as Golden;
      if (golden.id.startsWith('TEMP-')) {
        excluded.push(`${golden.id}: an entry without a CVE id yet (CVE-YYYY-XXXX); Rampart makes no record nothing can refer to`);
        continue;
      }
      const id = golden.id.startsWith('CVE-') ? `DEBIAN-${golden.id}` : golden.id;
      expect([golden.id, statuses(records, id)]).toEqual([golden.id, goldenStatuses(golden)]);
      lines.push(`${golden.id}: ${goldenStatuses(golden).length} release/package statuses`);
      pass++;
    }
    console.log(`debian tracker text lists vs vuls-data-update goldens: ${pass}/${pass} advisories identical per release and package; excluded: ${excluded.join('; ')}\n  ${lines.join('\n  ')}`);
    expect(pass).toBeGreaterThan(10);
  });

  it('reads the complete DSA and DLA lists (2002–2023) and agrees with osv.dev’s DSA-3029-1', async () => {
    const tracker = path.join(root, 'vulndb', 'distro', 'debian', 'security-tracker-2023-04');
    const dsa = parseTrackerList(readFileSync(path.join(tracker, 'DSA', 'list'), 'utf8'), 'DSA/list');
    const dla = parseTrackerList(readFileSync(path.join(tracker, 'DLA', 'list'), 'utf8'), 'DLA/list');
    const records = convertTrackerAdvisories([...dsa, ...dla], modified);
    const osvDev = JSON.parse(readFileSync(path.join(root, 'vulndb', 'distro', 'fixtures', 'osv.dev', 'gcp', 'workers', 'oss_fuzz_worker', 'testdata', 'DSA-3029-1.json'), 'utf8')) as OsvRecord;
    const ours = records.find((r) => r.id === 'DSA-3029-1')!;
    const key = (r: OsvRecord) => (r.affected ?? []).map((a) => `${a.package?.ecosystem}|${a.package?.name}|${a.ranges?.[0]?.events.find((e) => e.fixed !== undefined)?.fixed}`).sort();
    expect(key(ours)).toEqual(key(osvDev));
    expect(ours.aliases).toEqual(osvDev.aliases ?? osvDev.upstream);
    const viaDb: unknown[] = [];
    for await (const r of readRecords(path.join(tracker, 'DSA', 'list'))) viaDb.push(r);
    expect(viaDb.length).toBe(records.filter((r) => r.id.startsWith('DSA-')).length);
    // `db build --from data/` reads a tracker data directory: CVE/list joined with DSA/list and DLA/list.
    const data = path.join(root, 'vulndb', 'distro', 'fixtures', 'vuln-list-update', 'debian', 'tracker', 'testdata', 'happy', 'data');
    const fromDir: OsvRecord[] = [];
    for (const list of ['CVE', 'DSA']) for await (const r of readRecords(path.join(data, list, 'list'))) fromDir.push(r.record);
    const byId = (id: string) => statuses(fromDir, id);
    // vuln-list-update's fixture DLA/list holds a deliberately malformed header it skips; Rampart refuses
    // the file instead, naming file and line (a bad feed never half-builds a database).
    const refused = await (async () => {
      try {
        for await (const r of readRecords(data)) expect(r).toBeDefined();
      } catch (error) {
        return error as RampartError;
      }
      return undefined;
    })();
    expect(refused?.code).toBe('PARSE_ERROR');
    expect(refused?.message).toMatch(/DLA\/list:4: not a tracker entry header/);
    expect(byId('DEBIAN-CVE-2021-36367')).toContain('Debian:unstable|putty|0.75-3');
    expect(byId('DEBIAN-CVE-2021-36367')).toContain('Debian:11|putty|open');
    expect(byId('DSA-4480-1')).toEqual(['Debian:10|redis|5:5.0.3-4+deb10u1', 'Debian:9|redis|3:3.2.6-3+deb9u3']);
    console.log(`debian tracker DSA/DLA lists 2023-04: ${dsa.length} DSA + ${dla.length} DLA entries parsed, ${records.length} OSV records with fixed versions; DSA-3029-1 identical to osv.dev's`);
  });
});
