// Trivy's fixture DB (YAML buckets) → OSV records, for tests that compare with Trivy's integration goldens.
// Used by the matcher-level (src/match/trivy-integration.test.ts) and CLI-level (scan-trivy-goldens) runs.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';
import type { OsvEvent, OsvRange, OsvRecord } from '../src/vulndb/index.js';
import { compareVersions } from '../src/versioning/index.js';

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
  const lang: Record<string, string> = { npm: 'npm', pip: 'PyPI', go: 'Go', cargo: 'crates.io', nuget: 'NuGet', maven: 'Maven', rubygems: 'RubyGems', composer: 'Packagist' };
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
export function trivyFixtureToOsv(dir: string): OsvRecord[] {
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
