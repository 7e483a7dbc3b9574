import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { trivyFixtureToOsv } from '../../test-support/trivy-fixture-db.js';
import type { OsvRecord, StoredRecord } from '../vulndb/index.js';
import { ecosystemBase, normalizePackageName } from '../vulndb/index.js';
import { createVulnMatcher } from './match-packages.js';
import type { PackageInput } from './package-input.js';

function memoryIndex(records: OsvRecord[]): { recordsFor(b: string, n: string): StoredRecord[]; recordsByAlias(id: string): StoredRecord[] } {
  const stored = records.map((record) => ({ record, source: 'trivy-fixture-db', origin: record.id }));
  return {
    recordsFor: (base, name) => stored.filter((s) => (s.record.affected ?? []).some((a) => a.package && ecosystemBase(a.package.ecosystem) === base && normalizePackageName(base, a.package.name) === normalizePackageName(base, name))),
    recordsByAlias: (id) => stored.filter((s) => s.record.id === id || (s.record.aliases ?? []).includes(id)),
  };
}

const TYPES: Record<string, string> = {
  alpine: 'Alpine', debian: 'Debian', ubuntu: 'Ubuntu', 'opensuse-leap': 'openSUSE', npm: 'npm', yarn: 'npm', pnpm: 'npm', bun: 'npm',
  pip: 'PyPI', pipenv: 'PyPI', poetry: 'PyPI', uv: 'PyPI', pylock: 'PyPI', nuget: 'NuGet', 'dotnet-core': 'NuGet', 'packages-props': 'NuGet',
  gomod: 'Go', pom: 'Maven', gradle: 'Maven', sbt: 'Maven', cargo: 'crates.io', composer: 'Packagist', 'composer-vendor': 'Packagist',
};
/** OS goldens whose images' full package lists trivy's fanal goldens hold (with source names). */
const OS_LISTS: Record<string, string> = {
  'alpine-310.json.golden': 'alpine-310.json.golden',
  'debian-buster.json.golden': 'debian-buster.json.golden',
  'ubuntu-1804.json.golden': 'ubuntu-18.04.json.golden',
  'distroless-base.json.golden': 'gcr.io-distroless-base-latest.json.golden',
  'opensuse-leap-151.json.golden': 'opensuse-leap-151.json.golden',
};

/**
 * Goldens whose difference is a trivy option or policy Rampart deliberately does not copy.
 * npm-ubuntu-severity: made with `--vuln-severity-source ubuntu`, which takes Ubuntu's rating for an
 * npm package; Rampart takes the matched (GitHub) advisory's own severity (DESIGN.md §4): MEDIUM.
 */
const EXCLUDED: Record<string, string> = {
  'npm-ubuntu-severity.json.golden': 'trivy --vuln-severity-source ubuntu; Rampart uses the matched advisory’s vendor severity',
};

type FanalPkg = { Name: string; Version: string; Release?: string; Epoch?: number; SrcName?: string; SrcVersion?: string; SrcRelease?: string; SrcEpoch?: number };
const evr = (epoch: number | undefined, v: string, r: string | undefined): string => `${epoch ? `${epoch}:` : ''}${v}${r ? `-${r}` : ''}`;


describeWithTestdata('trivy integration goldens at the matcher level', (root) => {
  const base = path.join(root, 'vulndb', 'trivy-integration');
  const matcher = createVulnMatcher({ index: memoryIndex(trivyFixtureToOsv(path.join(base, 'fixtures', 'db'))) });

  it('reproduces each golden in scope (same CVE, package, installed and fixed version)', () => {
    const report: string[] = [];
    const failures: string[] = [];
    let casesPass = 0;
    let casesTotal = 0;
    for (const file of readdirSync(base).filter((f) => f.endsWith('.json.golden')).sort()) {
      const golden = JSON.parse(readFileSync(path.join(base, file), 'utf8')) as {
        Metadata?: { OS?: { Name: string } };
        Results?: { Type: string; Packages?: { Name: string; Version: string }[]; Vulnerabilities?: { PkgName: string; InstalledVersion: string; VulnerabilityID: string; FixedVersion?: string; Severity: string }[] }[];
      };
      const results = golden.Results ?? [];
      if (results.length === 0 || !results.every((r) => TYPES[r.Type] !== undefined)) continue;
      if (results.every((r) => (r.Vulnerabilities ?? []).length === 0)) continue;
      const isOs = results.some((r) => ['Alpine', 'Debian', 'Ubuntu', 'openSUSE'].includes(TYPES[r.Type]!));
      if (isOs && OS_LISTS[file] === undefined) continue;
      casesTotal++;
      const inputs: PackageInput[] = [];
      for (const r of results) {
        const ecosystem = TYPES[r.Type]!;
        if (isOs) {
          const list = JSON.parse(readFileSync(path.join(root, 'images', 'trivy-fanal-goldens', 'packages', OS_LISTS[file]!), 'utf8')) as FanalPkg[];
          for (const p of list) {
            inputs.push({
              ecosystem, name: p.Name, version: evr(p.Epoch, p.Version, p.Release), sourceName: p.SrcName ?? p.Name,
              sourceVersion: evr(p.SrcEpoch, p.SrcVersion ?? p.Version, p.SrcRelease ?? p.Release), distroRelease: golden.Metadata?.OS?.Name ?? '',
            });
          }
        } else if ((r.Packages ?? []).length > 0) {
          for (const p of r.Packages!) inputs.push({ ecosystem, name: p.Name, version: p.Version });
        } else {
          for (const v of r.Vulnerabilities ?? []) inputs.push({ ecosystem, name: v.PkgName, version: v.InstalledVersion });
        }
      }
      const expected = new Set(results.flatMap((r) => (r.Vulnerabilities ?? []).map((v) => `${v.PkgName}@${v.InstalledVersion} ${v.VulnerabilityID} fixed=${v.FixedVersion ?? ''} ${v.Severity.toLowerCase()}`)));
      const seen = new Set<string>();
      const unique = inputs.filter((p) => !seen.has(`${p.name}@${p.version}`) && seen.add(`${p.name}@${p.version}`));
      const result = matcher.matchPackages(unique);
      // trivy prints patched *ranges* as the fixed version (`>= 3.1.0, >= 2.1.3, < 3.0.0`); Rampart prints
      // the one version that fixes the installed one. Normalise trivy's to ours when ours is among them.
      const got = new Set(
        result.matches.map((m) => {
          const tv = results.flatMap((r) => r.Vulnerabilities ?? []).find((v) => v.PkgName === m.package.name && v.InstalledVersion === m.package.version && v.VulnerabilityID === m.id);
          const candidates = (tv?.FixedVersion ?? '').split(',').map((x) => x.trim().replace(/^>=\s*/, ''));
          const fixed = tv !== undefined && m.fixedVersion !== undefined && candidates.includes(m.fixedVersion) ? tv.FixedVersion : m.fixedVersion;
          return `${m.package.name}@${m.package.version} ${m.id} fixed=${fixed ?? ''} ${m.severity}`;
        }),
      );
      const missing = [...expected].filter((e) => !got.has(e));
      const extra = [...got].filter((g) => !expected.has(g));
      const exclusion = EXCLUDED[file];
      if (missing.length === 0 && extra.length === 0) casesPass++;
      else if (exclusion !== undefined) report.push(`${file}: EXCLUDED (${exclusion})`);
      else failures.push(`${file}: missing ${JSON.stringify(missing)} extra ${JSON.stringify(extra)}`);
      report.push(`${file}: ${expected.size - missing.length}/${expected.size} expected, ${extra.length} extra, ${unique.length} packages`);
    }
    console.log(`trivy integration goldens: ${casesPass}/${casesTotal} cases reproduced\n  ${report.join('\n  ')}`);
    expect(failures).toEqual([]);
  });
});
