import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { npmGhsaExpectations, writeVulnListGhsaAsOsv } from '../../test-support/npm-ghsa-truth.js';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { buildIndex, openVulnIndex } from '../vulndb/index.js';
import { createVulnMatcher } from './match-packages.js';
import type { PackageInput } from './package-input.js';

describeWithTestdata('npm GHSA truth set (app1 lockfile vs GitHub advisories)', (root) => {
  it('finds every expected package@version → GHSA pair and none of the expected non-matches', async () => {
    const base = path.join(root, 'vulndb', 'npm-ghsa');
    const converted = await mkdtemp(path.join(tmpdir(), 'rampart-ghsa-'));
    writeVulnListGhsaAsOsv(base, converted);
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
    const { expected, nonMatches } = npmGhsaExpectations(base);
    const missing = expected.filter((e) => !found.has(e));
    const wrongly = nonMatches.filter((n) => found.has(n));
    const extra = [...found].filter((f) => !expected.includes(f));
    console.log(
      `npm-ghsa app1: ${expected.length - missing.length}/${expected.length} expected pairs found; ` +
        `${nonMatches.length - wrongly.length}/${nonMatches.length} expected non-matches not reported; ` +
        `${extra.length} pairs beyond the expected list; ${result.unknowns.length} unknowns; ${result.stats.withdrawnIgnored} withdrawn advisories ignored`,
    );
    expect(missing).toEqual([]);
    expect(wrongly).toEqual([]);
    expect(extra).toEqual([]);
    expect(result.unknowns).toEqual([]);
  });
});
