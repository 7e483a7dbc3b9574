import { describe, expect, it } from 'vitest';
import type { OsvRecord, StoredRecord } from '../vulndb/index.js';
import { ecosystemBase, normalizePackageName } from '../vulndb/index.js';
import { createVulnMatcher } from './match-packages.js';
import type { PackageInput } from './package-input.js';

/** An in-memory stand-in for the SQLite index with the same lookup semantics. */
function fakeIndex(records: OsvRecord[]): { recordsFor(base: string, name: string): StoredRecord[]; recordsByAlias(id: string): StoredRecord[] } {
  const stored = records.map((record) => ({ record, source: 'test', origin: `${record.id}.json` }));
  return {
    recordsFor: (base, name) =>
      stored.filter((s) => (s.record.affected ?? []).some((a) => a.package && ecosystemBase(a.package.ecosystem) === base && normalizePackageName(base, a.package.name) === normalizePackageName(base, name))),
    recordsByAlias: (id) => stored.filter((s) => s.record.id === id || (s.record.aliases ?? []).includes(id)),
  };
}

const rec = (id: string, ecosystem: string, name: string, events: Record<string, string>[], extra: Partial<OsvRecord> = {}, type = 'ECOSYSTEM'): OsvRecord => ({
  id,
  modified: '2025-01-01T00:00:00Z',
  affected: [{ package: { ecosystem, name }, ranges: [{ type, events }] }],
  ...extra,
});

const records: OsvRecord[] = [
  rec('DSA-5514-1', 'Debian:12', 'glibc', [{ introduced: '0' }, { fixed: '2.36-9+deb12u3' }], { aliases: ['CVE-2023-4911'] }),
  rec('DEBIAN-CVE-2023-4911', 'Debian:12', 'glibc', [{ introduced: '0' }, { fixed: '2.36-9+deb12u3' }], { aliases: ['CVE-2023-4911'], severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H' }] }),
  rec('DEBIAN-CVE-2099-1', 'Debian:11', 'glibc', [{ introduced: '0' }, { fixed: '2.31-13+deb11u9' }]),
  rec('GHSA-aaaa-bbbb-cccc', 'npm', 'lodash', [{ introduced: '0' }, { fixed: '4.17.21' }], { aliases: ['CVE-2021-23337'], database_specific: { severity: 'HIGH' } }),
  rec('GHSA-wwww-xxxx-yyyy', 'npm', 'lodash', [{ introduced: '0' }, { fixed: '9.9.9' }], { withdrawn: '2024-01-01T00:00:00Z' }),
  rec('GHSA-last-affected', 'npm', 'lodash', [{ introduced: '4.0.0' }, { last_affected: '4.17.20' }]),
  rec('OSV-GIT-1', 'npm', 'lodash', [{ introduced: 'abc' }, { fixed: 'def' }], {}, 'GIT'),
  { id: 'PYSEC-1', modified: '2025-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'PyPI', name: 'Django' }, versions: ['3.2.1', '3.2.2'] }] },
  rec('ALPINE-CVE-2020-1', 'Alpine:v3.11', 'musl', [{ introduced: '0' }, { fixed: '1.1.24-r3' }], { aliases: ['CVE-2020-1'] }),
  rec('NVD-ONLY', 'npm', 'other', [{ introduced: '0' }], { aliases: ['CVE-2020-1'], severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] }),
  rec('GO-2021-1', 'Go', 'example.com/mod', [{ introduced: '0' }, { fixed: '1.2.0' }], {}, 'SEMVER'),
];

const matcher = createVulnMatcher({ index: fakeIndex(records) });
const pkg = (p: Partial<PackageInput> & { ecosystem: string; name: string; version: string }): PackageInput => ({ location: { path: '/var/lib/dpkg/status', layer: 'sha256:abc' }, ...p });

describe('matching packages against OSV records', () => {
  it('matches distro records by source package and release, merging aliases into one finding', () => {
    const r = matcher.matchPackage(pkg({ ecosystem: 'Debian', name: 'libc6', sourceName: 'glibc', version: '2.36-9+deb12u1', distroRelease: '12.1' }));
    expect(r.unknowns).toEqual([]);
    expect(r.matches).toHaveLength(1);
    const m = r.matches[0]!;
    expect(m.id).toBe('CVE-2023-4911');
    expect(m.aliases).toEqual(['DEBIAN-CVE-2023-4911', 'DSA-5514-1']);
    expect(m.fixedVersion).toBe('2.36-9+deb12u3');
    expect(m.severity).toBe('high');
    expect(m.explanation.severity).toMatchObject({ kind: 'cvss', score: 7.8 });
    expect(m.explanation.advisories.map((a) => [a.id, a.ecosystem, a.packageName, a.range])).toEqual([
      ['DSA-5514-1', 'Debian:12', 'glibc', { kind: 'range', type: 'ECOSYSTEM', introduced: '0', fixed: '2.36-9+deb12u3' }],
      ['DEBIAN-CVE-2023-4911', 'Debian:12', 'glibc', { kind: 'range', type: 'ECOSYSTEM', introduced: '0', fixed: '2.36-9+deb12u3' }],
    ]);
    expect(m.explanation.location).toEqual({ path: '/var/lib/dpkg/status', layer: 'sha256:abc' });
  });

  it.each([
    ['fixed version installed', { ecosystem: 'Debian', name: 'libc6', sourceName: 'glibc', version: '2.36-9+deb12u3', distroRelease: '12' }, [], []],
    ['binary name is not the source name', { ecosystem: 'Debian', name: 'glibc-doc', version: '2.36-9+deb12u1', distroRelease: '12' }, [], []],
    ['unknown release', { ecosystem: 'Debian', name: 'libc6', sourceName: 'glibc', version: '2.36-9+deb12u1' }, [], ['DEBIAN-CVE-2023-4911,DSA-5514-1', 'DEBIAN-CVE-2099-1']],
    ['vendor severity wins, withdrawn ignored, last_affected inclusive, GIT unknown', { ecosystem: 'npm', name: 'lodash', version: '4.17.20' }, ['CVE-2021-23337:high:4.17.21', 'GHSA-last-affected:unknown:-'], ['OSV-GIT-1']],
    ['after last_affected', { ecosystem: 'npm', name: 'lodash', version: '4.17.21' }, [], ['OSV-GIT-1']],
    ['unparsable version is unknown, never clean', { ecosystem: 'npm', name: 'lodash', version: 'not-a-version' }, [], ['GHSA-aaaa-bbbb-cccc,GHSA-last-affected,OSV-GIT-1']],
    ['versions list (PEP 503 name)', { ecosystem: 'PyPI', name: 'django', version: '3.2.2' }, ['PYSEC-1:unknown:-'], []],
    ['not in versions list', { ecosystem: 'PyPI', name: 'django', version: '3.2.3' }, [], []],
    ['origin name, severity from an aliased record of another source', { ecosystem: 'Alpine', name: 'musl-utils', sourceName: 'musl', version: '1.1.24-r2', distroRelease: '3.11.5' }, ['CVE-2020-1:critical:1.1.24-r3'], []],
    ['Alpine release mismatch', { ecosystem: 'Alpine', name: 'musl', version: '1.1.24-r2', distroRelease: '3.12.0' }, [], []],
    ['Go SEMVER with v prefix and +incompatible', { ecosystem: 'Go', name: 'example.com/mod', version: 'v1.1.0+incompatible' }, ['GO-2021-1:unknown:1.2.0'], []],
    ['no matcher for the ecosystem', { ecosystem: 'Hackage', name: 'x', version: '1' }, [], ['']],
  ])('%s', (_name, input, expected, unknown) => {
    const r = matcher.matchPackage(pkg(input));
    expect(r.matches.map((m) => `${m.id}:${m.severity}:${m.fixedVersion ?? '-'}`)).toEqual(expected);
    expect(r.unknowns.map((u) => u.advisoryIds.join(','))).toEqual(unknown);
    for (const u of r.unknowns) expect(u.reason).not.toBe('');
  });

  it('counts withdrawn records it ignored', () => {
    expect(matcher.matchPackages([pkg({ ecosystem: 'npm', name: 'lodash', version: '1.0.0' })]).stats).toEqual({ packages: 1, advisories: 4, withdrawnIgnored: 1 });
  });
});
