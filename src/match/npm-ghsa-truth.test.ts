import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import type { OsvEvent } from '../vulndb/index.js';
import { buildIndex, openVulnIndex } from '../vulndb/index.js';
import { createVulnMatcher } from './match-packages.js';
import type { PackageInput } from './package-input.js';

/** vuln-list's GHSA format (5 advisories of the truth set exist only in it) → OSV, in test code. */
function convertVulnListGhsa(doc: {
  Package: { Name: string };
  Advisory: { GhsaId: string; UpdatedAt: string; WithdrawnAt: string; Severity: string; Identifiers: { Type: string; Value: string }[] };
  Versions: { VulnerableVersionRange: string }[];
}): unknown {
  const ranges = doc.Versions.map((v) => {
    const events: OsvEvent[] = [];
    const parts = v.VulnerableVersionRange.split(',').map((p) => p.trim());
    const lower = parts.find((p) => p.startsWith('>='));
    const exact = parts.find((p) => p.startsWith('= '));
    if (exact !== undefined) return { type: 'SEMVER', events: [{ introduced: exact.slice(2).trim() }, { last_affected: exact.slice(2).trim() }] };
    events.push({ introduced: lower === undefined ? '0' : lower.slice(2).trim() });
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

describeWithTestdata('npm GHSA truth set (app1 lockfile vs GitHub advisories)', (root) => {
  it('finds every expected package@version → GHSA pair and none of the expected non-matches', async () => {
    const base = path.join(root, 'vulndb', 'npm-ghsa');
    const converted = await mkdtemp(path.join(tmpdir(), 'rampart-ghsa-'));
    for (const f of await readdir(path.join(base, 'ghsa-fallback-vuln-list'))) {
      const doc = JSON.parse(await readFile(path.join(base, 'ghsa-fallback-vuln-list', f), 'utf8')) as Parameters<typeof convertVulnListGhsa>[0];
      await writeFile(path.join(converted, `${doc.Advisory.GhsaId}.json`), JSON.stringify(convertVulnListGhsa(doc)));
    }
    const db = path.join(converted, 'db.sqlite');
    await buildIndex({ db, from: [path.join(base, 'ghsa'), converted] });
    const index = openVulnIndex(db);

    // the lockfile, parsed in test code into match inputs (the catalog will produce these later)
    const lock = JSON.parse(await readFile(path.join(base, 'app1', 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; name?: string }> };
    const packages: PackageInput[] = Object.entries(lock.packages)
      .filter(([p, e]) => p.startsWith('node_modules/') && e.version !== undefined)
      .map(([p, e]) => {
        const name = e.name ?? p.slice(p.lastIndexOf('node_modules/') + 'node_modules/'.length);
        return { ecosystem: 'npm', name, version: e.version!, purl: `pkg:npm/${name}@${e.version!}`, location: { file: 'package-lock.json', path: p } };
      });
    const result = createVulnMatcher({ index }).matchPackages(packages);
    index.close();

    const found = new Set<string>();
    for (const m of result.matches) {
      for (const id of [m.id, ...m.aliases]) if (id.startsWith('GHSA-')) found.add(`${m.package.name}@${m.package.version} ${id}`);
      expect(m.explanation.advisories.length).toBeGreaterThan(0);
    }
    const expected = (await readFile(path.join(base, 'app1', 'expected-affected.txt'), 'utf8'))
      .split('\n')
      .filter((l) => l.startsWith('app1 '))
      .map((l) => l.slice('app1 '.length).trim());
    const nonMatches = (await readFile(path.join(base, 'app1', 'expected-non-matches.tsv'), 'utf8'))
      .split('\n')
      .slice(1)
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const [, pkg, version, , ghsa] = l.split('\t');
        return `${pkg}@${version} ${ghsa}`;
      });
    const missing = expected.filter((e) => !found.has(e));
    const wrongly = [...new Set(nonMatches)].filter((n) => found.has(n));
    const extra = [...found].filter((f) => !expected.includes(f));
    console.log(
      `npm-ghsa app1: ${expected.length - missing.length}/${expected.length} expected pairs found; ` +
        `${[...new Set(nonMatches)].length - wrongly.length}/${[...new Set(nonMatches)].length} expected non-matches not reported; ` +
        `${extra.length} pairs beyond the expected list; ${result.unknowns.length} unknowns; ${result.stats.withdrawnIgnored} withdrawn advisories ignored`,
    );
    expect(missing).toEqual([]);
    expect(wrongly).toEqual([]);
    expect(extra).toEqual([]);
    expect(result.unknowns).toEqual([]);
  });
});
