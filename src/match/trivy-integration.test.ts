import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import type { OsvEvent, OsvRange, OsvRecord, StoredRecord } from '../vulndb/index.js';
import { ecosystemBase, normalizePackageName } from '../vulndb/index.js';
import { compareVersions } from '../versioning/index.js';
import { createVulnMatcher } from './match-packages.js';
import type { PackageInput } from './package-input.js';

type Pair = { bucket?: string; key?: string; pairs?: Pair[]; value?: Record<string, unknown> };
const WORDS = ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/** Trivy's fixture-DB bucket → [OSV ecosystem, trivy data-source id used for vendor severity]. */
function bucketEcosystem(bucket: string): [string, string] | undefined {
  const os: [RegExp, (m: RegExpExecArray) => string, string][] = [
    [/^alpine (\d+\.\d+|edge)$/, (m) => `Alpine:${m[1] === 'edge' ? 'edge' : `v${m[1]}`}`, 'alpine'],
    [/^debian (\d+)$/, (m) => `Debian:${m[1]}`, 'debian'],
    [/^ubuntu (\S+)$/, (m) => `Ubuntu:${m[1]}`, 'ubuntu'],
    [/^alma (\d+)$/, (m) => `AlmaLinux:${m[1]}`, 'alma'],
    [/^rocky (\d+)$/, (m) => `Rocky Linux:${m[1]}`, 'rocky'],
    [/^openSUSE Leap (\S+)$/, (m) => `openSUSE:Leap ${m[1]}`, 'suse-cvrf'],
  ];
  for (const [re, eco, source] of os) {
    const m = re.exec(bucket);
    if (m !== null) return [eco(m), source];
  }
  const lang: Record<string, string> = { npm: 'npm', pip: 'PyPI', go: 'Go', cargo: 'crates.io', nuget: 'NuGet', maven: 'Maven', rubygems: 'RubyGems' };
  const m = /^(\w+)::(.*)$/.exec(bucket);
  if (m === null || lang[m[1]!] === undefined) return undefined;
  return [lang[m[1]!]!, m[2]!.startsWith('GitHub') ? 'ghsa' : m[2]!.startsWith('GitLab') ? 'glad' : 'osv'];
}

/** `>= 1.0, < 2.0` comparators (or Maven's `[1.0,2.0)` interval) → OSV events. */
function rangeEvents(expr: string): OsvEvent[] {
  const interval = /^([[(])([^,]*),([^\])]*)([\])])$/.exec(expr.trim());
  if (interval !== null) {
    const [, open, lo, hi, close] = interval;
    const events: OsvEvent[] = [{ introduced: lo === '' ? '0' : lo! }];
    if (open === '(' && lo !== '') throw new Error(`exclusive lower bound not converted: ${expr}`);
    if (hi !== '') events.push(close === ')' ? { fixed: hi! } : { last_affected: hi! });
    return events;
  }
  const parts = expr.split(',').map((p) => p.trim());
  const lower = parts.find((p) => p.startsWith('>='));
  const events: OsvEvent[] = [{ introduced: lower === undefined ? '0' : lower.slice(2).trim() }];
  for (const p of parts) {
    if (p.startsWith('<=')) events.push({ last_affected: p.slice(2).trim() });
    else if (p.startsWith('<')) events.push({ fixed: p.slice(1).trim() });
  }
  return events;
}

/** Converts trivy's fixture DB (YAML buckets) into OSV records, in test code (DESIGN: OSV is Rampart's format). */
function trivyFixtureToOsv(dir: string): OsvRecord[] {
  const docs = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => jsYaml.load(readFileSync(path.join(dir, f), 'utf8')) as Pair[]);
  const meta = new Map<string, Record<string, unknown>>();
  for (const doc of docs) for (const b of doc ?? []) if (b.bucket === 'vulnerability') for (const p of b.pairs ?? []) meta.set(p.key!, p.value ?? {});
  const records: OsvRecord[] = [];
  for (const doc of docs) {
    for (const b of doc ?? []) {
      const mapped = bucketEcosystem(b.bucket ?? '');
      if (mapped === undefined) continue;
      const [ecosystem, source] = mapped;
      for (const pkg of b.pairs ?? []) {
        for (const adv of pkg.pairs ?? []) {
          const v = adv.value ?? {};
          let ranges: OsvRange[];
          const patched = Array.isArray(v['PatchedVersions']) ? (v['PatchedVersions'] as string[]) : [];
          if (Array.isArray(v['VulnerableVersions'])) {
            ranges = (v['VulnerableVersions'] as string[]).map((e) => {
              const events = rangeEvents(e);
              // `<= X` with a single plain patched version Y > X: the fix is Y (what trivy reports)
              const last = events.find((x) => x.last_affected !== undefined);
              if (last !== undefined && patched.length === 1 && /^[\w.-]+$/.test(patched[0]!)) return { type: 'ECOSYSTEM', events: [events[0]!, { fixed: patched[0]! }] };
              return { type: 'ECOSYSTEM', events };
            });
          } else if (patched.length > 0) {
            // only patched ranges (`>= 3.1.0`, `>= 2.1.3, < 3.0.0`): affected is their complement
            const intervals = patched.map((p) => {
              const parts = p.split(',').map((x) => x.trim());
              return { lo: parts.find((x) => x.startsWith('>='))!.slice(2).trim(), hi: parts.find((x) => x.startsWith('<'))?.slice(1).trim() };
            });
            intervals.sort((a, b) => compareVersions('semver', a.lo, b.lo));
            const events: OsvEvent[] = [{ introduced: '0' }];
            for (const i of intervals) {
              events.push({ fixed: i.lo });
              if (i.hi !== undefined) events.push({ introduced: i.hi });
            }
            ranges = [{ type: 'ECOSYSTEM', events }];
          }
          else ranges = [{ type: 'ECOSYSTEM', events: typeof v['FixedVersion'] === 'string' && v['FixedVersion'] !== '' ? [{ introduced: '0' }, { fixed: v['FixedVersion'] }] : [{ introduced: '0' }] }];
          const info = meta.get(adv.key!) ?? {};
          // the feed's own severity on the advisory wins, then the vulnerability's vendor severity for that source
          const vendor = typeof v['Severity'] === 'number' ? v['Severity'] : (info['VendorSeverity'] as Record<string, number> | undefined)?.[source];
          const nvdVector = ((info['CVSS'] as Record<string, { V3Vector?: string }> | undefined)?.['nvd'])?.V3Vector;
          records.push({
            id: records.some((r) => r.id === adv.key) ? `${adv.key}@${source}/${ecosystem}/${pkg.bucket}` : adv.key!,
            modified: '2024-01-01T00:00:00Z',
            aliases: [adv.key!],
            affected: [{ package: { ecosystem, name: pkg.bucket! }, ranges }],
            ...(vendor === undefined ? {} : { database_specific: { severity: WORDS[vendor] } }),
          });
          // NVD, a second source: its CVSS vector, else the vulnerability's own severity word.
          if (!records.some((r) => r.id === `~NVD-${adv.key}`)) {
            const nvdVendor = (info['VendorSeverity'] as Record<string, number> | undefined)?.['nvd'];
            records.push({
              id: `~NVD-${adv.key}`,
              modified: '2024-01-01T00:00:00Z',
              aliases: [adv.key!],
              ...(nvdVector === undefined ? {} : { severity: [{ type: 'CVSS_V3', score: nvdVector }] }),
              database_specific: { severity: nvdVendor !== undefined ? WORDS[nvdVendor] : typeof info['Severity'] === 'string' ? info['Severity'] : 'UNKNOWN' },
            });
          }
        }
      }
    }
  }
  return records;
}

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
  gomod: 'Go', pom: 'Maven', gradle: 'Maven', sbt: 'Maven', cargo: 'crates.io',
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
