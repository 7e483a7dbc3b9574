import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { cleanAdvisoryId, convertAlpineSecdb } from './alpine-secdb.js';
import { convertDebianTracker, debianReleases, debianUrgency } from './debian-tracker.js';
import type { OsvRecord } from './osv-record.js';

interface VunnelSnapshot {
  item: { Vulnerability: { Name: string; NamespaceName: string; Severity: string; FixedIn: { Name: string; Version: string }[] } };
}

const readSnapshots = (dir: string): VunnelSnapshot[] =>
  readdirSync(dir).flatMap((ns) => readdirSync(path.join(dir, ns)).map((f) => JSON.parse(readFileSync(path.join(dir, ns, f), 'utf8')) as VunnelSnapshot));

/** The fixed version our record gives for (ecosystem, package), "None" when open, undefined when absent. */
function fixedIn(records: readonly OsvRecord[], id: string, ecosystem: string, name: string): string[] {
  const record = records.find((r) => r.id === id);
  return (record?.affected ?? [])
    .filter((a) => a.package?.ecosystem === ecosystem && a.package.name === name)
    .map((a) => a.ranges?.[0]?.events.find((e) => e.fixed !== undefined)?.fixed ?? 'None');
}

describeWithTestdata('distribution feeds against vunnel expected outputs', (root) => {
  const vunnel = path.join(root, 'vulndb', 'distro', 'fixtures', 'vunnel');

  it('Alpine secdb v3.15 (main + community) gives every vunnel FixedIn', () => {
    const records = ['main', 'community'].flatMap((repo) => {
      const file = path.join(vunnel, 'alpine', 'input', 'secdb', 'v3.15', `${repo}.yaml`);
      return convertAlpineSecdb(jsYaml.load(readFileSync(file, 'utf8'), { schema: jsYaml.FAILSAFE_SCHEMA }), '2026-01-01T00:00:00Z', { file });
    });
    let pass = 0;
    let total = 0;
    for (const snap of readSnapshots(path.join(vunnel, 'alpine', 'snapshots'))) {
      const v = snap.item.Vulnerability;
      for (const f of v.FixedIn) {
        total++;
        expect([v.Name, f.Name, fixedIn(records, `ALPINE-${v.Name}`, 'Alpine:v3.15', f.Name)]).toEqual([v.Name, f.Name, [f.Version]]);
        pass++;
      }
    }
    console.log(`distro fixtures vunnel alpine 3.15: ${pass}/${total} FixedIn entries match`);
    expect(total).toBeGreaterThan(10);
  });

  it('Debian tracker JSON gives every vunnel FixedIn and severity (debian:8..13, unstable)', () => {
    const file = path.join(vunnel, 'debian', 'input', 'debian.json');
    const input = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, { releases: Record<string, { urgency?: string }> }>>;
    const records = convertDebianTracker(input, '2026-01-01T00:00:00Z', { file });
    const toVunnel: Record<string, string> = { unimportant: 'Negligible', low: 'Low', medium: 'Medium', high: 'High' };
    const releaseOf = (ns: string): string => ns.slice('debian:'.length);
    const codenames = Object.fromEntries(Object.entries(debianReleases).map(([k, v]) => [v, k]));
    let pass = 0;
    const excluded: string[] = [];
    for (const snap of readSnapshots(path.join(vunnel, 'debian', 'snapshots'))) {
      const v = snap.item.Vulnerability;
      const release = releaseOf(v.NamespaceName);
      const packages = Object.keys(input).filter((p) => !Array.isArray(input[p]) && input[p]![v.Name] !== undefined);
      if (release === '7') {
        excluded.push(`${v.NamespaceName}/${v.Name}: from vunnel's legacy debian:7 file, not tracker JSON`);
        continue;
      }
      if (packages.length === 0) {
        excluded.push(`${v.NamespaceName}/${v.Name}: comes from the DSA list input, not the tracker JSON`);
        continue;
      }
      for (const f of v.FixedIn) {
        const ours = fixedIn(records, `DEBIAN-${v.Name}`, `Debian:${release}`, f.Name);
        // vunnel writes "0" for not-affected; Rampart stores no affected entry for it.
        expect([v.NamespaceName, v.Name, f.Name, ours]).toEqual([v.NamespaceName, v.Name, f.Name, f.Version === '0' ? [] : [f.Version]]);
        const urgency = debianUrgency(input[f.Name]![v.Name]!.releases[codenames[release]!]?.urgency);
        expect([v.Name, toVunnel[urgency ?? ''] ?? 'Unknown']).toEqual([v.Name, v.Severity]);
        pass++;
      }
    }
    console.log(`distro fixtures vunnel debian: ${pass}/${pass} FixedIn entries match; ${excluded.length} snapshots excluded:\n  ${excluded.join('\n  ')}`);
    expect(pass).toBeGreaterThan(20);
  });
});

it.each([
  ['CVE_2019-2426', 'CVE-2019-2426'],
  ['CVE 2018-16859', 'CVE-2018-16859'],
  ['CVE-2020-11501 GNUTLS-SA-2020-03-31', 'CVE-2020-11501'],
  ['ALPINE-13661', 'ALPINE-13661'],
  [' XSA-123 ', 'XSA-123'],
])('cleans the secdb id %j', (raw, clean) => {
  expect(cleanAdvisoryId(raw)).toBe(clean);
});
