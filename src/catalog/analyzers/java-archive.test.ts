import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, packagesOf } from '../analyze-file.js';
import { javaArchive } from './java-archive.js';

interface Case {
  name: string;
  file: string;
  want_packages: { Name: string; Version: string; FilePath: string }[];
}

// Cases whose expectation depends on something a scan does not have, with the reason.
const exclusions: Readonly<Record<string, string>> = {
  'sha1 search': "needs trivy's mocked Maven Central SHA-1 search (test.jar has no pom.properties); Rampart does not query the network during a scan — the 'offline' case covers this jar",
  'artifactId search': "needs trivy's mocked Maven Central artifactId search (the jar only has a file name); not resolved offline",
};

describeWithTestdata('java-archive analyzer (trivy jar parser expectations)', (root) => {
  const dir = path.join(root, 'lang/trivy/java-jar');
  const cases = (JSON.parse(readFileSync(path.join(dir, 'EXPECTED.jar-parser.json'), 'utf8')) as { cases: Case[] }).cases;
  let passed = 0;
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    if (exclusions[name] !== undefined) return;
    const file = path.basename(c.file);
    const pkgs = packagesOf(await analyzeFile(javaArchive, `/app/${file}`, readFileSync(path.join(dir, file))));
    // name, version and the nested-archive path (trivy's FilePath below testdata/<file>); licenses are not compared
    const got = pkgs.map((p) => `${p.name}@${p.version} ${p.innerPath === undefined ? file : `${file}/${p.innerPath}`}`).sort();
    const want = c.want_packages.map((p) => `${p.Name}@${p.Version} ${p.FilePath.replace(/^testdata\//, '')}`).sort();
    expect(got).toEqual(want);
    passed++;
  });
  it('prints the count', () => {
    const counted = cases.length - Object.keys(exclusions).length;
    console.log(`java archive fixtures: ${passed}/${counted} pass (${Object.keys(exclusions).length} excluded: Maven Central lookups)`);
    expect(passed).toBe(counted);
  });
});
