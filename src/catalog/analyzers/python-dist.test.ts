import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, packagesOf } from '../analyze-file.js';
import { pythonDist } from './python-dist.js';

interface Case {
  name: string;
  input: string;
  want_packages: { Name: string; Version: string; Licenses: string[] | null }[] | null;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

describeWithTestdata('python-dist analyzer (trivy packaging expectations)', (root) => {
  const base = path.join(root, 'lang/trivy/python-metadata');
  const cases = (JSON.parse(readFileSync(path.join(base, 'EXPECTED.python-packaging.json'), 'utf8')) as { cases: Case[] }).cases;
  let passed = 0;
  it.each(cases.map((c) => [`${c.name}: ${path.basename(c.input)}`, c] as const))('%s', async (_label, c) => {
    // each fixture at the path it has inside an installed site-packages
    const file = path.basename(c.input);
    const at = file.endsWith('.METADATA') ? '/site/x.dist-info/METADATA' : file.endsWith('.PKG-INFO') ? '/site/x.egg-info/PKG-INFO' : file.endsWith('egg-info') ? '/site/x.egg-info' : '/site/x.dist-info/METADATA';
    const pkgs = packagesOf(await analyzeFile(pythonDist, at, readFileSync(path.join(base, file))));
    expect(pkgs.map((p) => ({ Name: p.name, Version: p.version, Licenses: p.licenses.length === 0 ? null : p.licenses }))).toEqual(c.want_packages ?? []);
    passed++;
  });

  it('site-packages trees (dist-info, egg-info, .egg zips)', async () => {
    const tree = path.join(root, 'lang/trivy/python-site-packages');
    const found: string[] = [];
    for (const file of walk(tree)) {
      const rel = `/${path.relative(tree, file)}`;
      for (const p of packagesOf(await analyzeFile(pythonDist, rel, readFileSync(file)))) found.push(`${p.name}@${p.version}`);
    }
    // the MANIFEST's list (annotated-types as its METADATA spells it), plus the .egg with a license file (no-required-files.egg has no PKG-INFO: an unknown)
    expect(new Set(found)).toEqual(
      new Set(['Flask@2.0.0', 'click@8.0.0', 'annotated-types@0.7.0', 'distlib@0.3.1', 'setuptools@51.3.3', 'typing_extensions@4.4.0', 'kitchen@1.2.6', 'sample_package@0.1']),
    );
    console.log(`python metadata fixtures: ${passed}/${cases.length} pass (name, version, licenses); site-packages: ${found.length} found`);
  });
});
