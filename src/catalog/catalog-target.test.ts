import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { catalogTarget } from './catalog-target.js';

type Golden = { Results?: { Target: string; Vulnerabilities?: { PkgIdentifier: { PURL?: string } }[]; Packages?: { Identifier: { PURL?: string }; Relationship?: string }[] }[] };

// Trivy writes `+` in versions as %2B; packageurl-js leaves it as is. Both read back to the same version.
const normal = (purl: string): string => decodeURIComponent(purl);

describeWithTestdata('dir: project folders: purls and evidence against the trivy integration goldens', (root) => {
  const base = path.join(root, 'vulndb/trivy-integration');
  const cases = [
    ['gomod', 'gomod'],
    ['pom', 'pom'],
    ['gradle', 'gradle'],
    ['sbt', 'sbt'],
    ['nuget', 'nuget'],
    ['packagesprops', 'packagesprops'],
    ['cargo.lock', 'cargo'],
  ] as const;
  let passed = 0;
  it.each(cases)('%s: every purl the golden names (vulnerable packages, and the listed packages) is inventoried from its file', async (golden, repo) => {
    const dir = path.join(base, 'fixtures/repo', repo);
    const inv = await catalogTarget(`dir:${dir}`);
    const got = new Set(inv.packages.map((p) => `${p.evidence.path.slice(1)} ${normal(p.purl)}`));
    const doc = JSON.parse(readFileSync(path.join(base, `${golden}.json.golden`), 'utf8')) as Golden;
    const want = (doc.Results ?? []).flatMap((r) => [
      ...(r.Vulnerabilities ?? []).map((v) => v.PkgIdentifier.PURL),
      ...(r.Packages ?? []).filter((p) => p.Relationship !== 'root').map((p) => p.Identifier.PURL),
    ].flatMap((purl) => (purl === undefined ? [] : [`${r.Target} ${normal(purl)}`])));
    expect(want.length).toBeGreaterThan(0);
    expect([...new Set(want)].filter((w) => !got.has(w))).toEqual([]);
    passed++;
  });
  it('prints the count', () => {
    console.log(`dir: inventories vs trivy goldens (purl + file): ${passed}/${cases.length} repo fixtures hold every golden purl`);
    expect(passed).toBe(cases.length);
  });
});
