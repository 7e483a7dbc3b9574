// The npm GHSA truth set (shared testdata vulndb/npm-ghsa): its vuln-list-format advisories as OSV,
// and the expected pairs, for the matcher-level and the CLI-level runs.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OsvEvent } from '../src/vulndb/index.js';

interface VulnListGhsa {
  Package: { Name: string };
  Advisory: { GhsaId: string; UpdatedAt: string; WithdrawnAt: string; Severity: string; Identifiers: { Type: string; Value: string }[] };
  Versions: { VulnerableVersionRange: string }[];
}

/** vuln-list's GHSA format → OSV, in test code. */
function vulnListGhsaToOsv(doc: VulnListGhsa): unknown {
  const ranges = doc.Versions.map((v) => {
    const parts = v.VulnerableVersionRange.split(',').map((p) => p.trim());
    const exact = parts.find((p) => p.startsWith('= '));
    if (exact !== undefined) return { type: 'SEMVER', events: [{ introduced: exact.slice(2).trim() }, { last_affected: exact.slice(2).trim() }] };
    const lower = parts.find((p) => p.startsWith('>='));
    const events: OsvEvent[] = [{ introduced: lower === undefined ? '0' : lower.slice(2).trim() }];
    for (const p of parts) {
      if (p.startsWith('<=')) events.push({ last_affected: p.slice(2).trim() });
      else if (p.startsWith('<')) events.push({ fixed: p.slice(1).trim() });
    }
    return { type: 'SEMVER', events };
  });
  return {
    id: doc.Advisory.GhsaId,
    modified: doc.Advisory.UpdatedAt,
    ...(doc.Advisory.WithdrawnAt === '' ? {} : { withdrawn: doc.Advisory.WithdrawnAt }),
    aliases: doc.Advisory.Identifiers.filter((i) => i.Type !== 'GHSA').map((i) => i.Value),
    affected: [{ package: { ecosystem: 'npm', name: doc.Package.Name }, ranges }],
    database_specific: { severity: doc.Advisory.Severity },
  };
}

/** Writes the advisories that exist only in vuln-list's format (`base/ghsa-fallback-vuln-list`) into `dir` as OSV files. */
export function writeVulnListGhsaAsOsv(base: string, dir: string): void {
  for (const f of readdirSync(path.join(base, 'ghsa-fallback-vuln-list'))) {
    const doc = JSON.parse(readFileSync(path.join(base, 'ghsa-fallback-vuln-list', f), 'utf8')) as VulnListGhsa;
    writeFileSync(path.join(dir, `${doc.Advisory.GhsaId}.json`), JSON.stringify(vulnListGhsaToOsv(doc)));
  }
}

/** app1's expected `package@version GHSA-…` pairs, and the pairs that must not be reported (deduplicated). */
export function npmGhsaExpectations(base: string): { expected: string[]; nonMatches: string[] } {
  const expected = readFileSync(path.join(base, 'app1', 'expected-affected.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('app1 '))
    .map((l) => l.slice('app1 '.length).trim());
  const nonMatches = readFileSync(path.join(base, 'app1', 'expected-non-matches.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [, pkg, version, , ghsa] = l.split('\t');
      return `${pkg}@${version} ${ghsa}`;
    });
  return { expected, nonMatches: [...new Set(nonMatches)] };
}
