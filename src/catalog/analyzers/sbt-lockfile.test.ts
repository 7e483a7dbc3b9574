import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, packagesOf, unknownsOf } from '../analyze-file.js';
import { sbtLockfile } from './sbt-lockfile.js';

const sbt = JSON.stringify({
  lockVersion: 1,
  dependencies: [
    { org: 'org.scala-lang', name: 'scala-library', version: '2.13.8', configurations: ['compile', 'runtime', 'test'] },
    { org: 'org.scalatest', name: 'scalatest_2.13', version: '3.2.15', configurations: ['test'] },
    { org: 'javax.servlet', name: 'servlet-api', version: '2.5', configurations: ['provided'] },
    { org: 'org.runtime', name: 'driver', version: '1.0', configurations: ['runtime'] },
  ],
});

it.each([
  ['compile and runtime configurations only', sbt, ['org.runtime:driver@1.0', 'org.scala-lang:scala-library@2.13.8']],
  ['no dependencies', '{"lockVersion": 1, "dependencies": []}', []],
])('build.sbt.lock: %s', async (_label, text, want) => {
  const facts = await analyzeFile(sbtLockfile, '/app/build.sbt.lock', Buffer.from(text));
  expect(unknownsOf(facts)).toEqual([]);
  expect(packagesOf(facts).map((p) => `${p.name}@${p.version}`).sort()).toEqual(want);
  expect(packagesOf(facts).every((p) => p.type === 'maven')).toBe(true);
});

it.each([
  ['invalid JSON', '{', 'invalid JSON'],
  ['not a lock', '{"dependencies": 1}', 'not a build.sbt.lock'],
  ['a future format', '{"lockVersion": 2, "dependencies": []}', 'unsupported lockVersion 2'],
])('malformed build.sbt.lock (%s) is an unknown', async (_label, text, reason) => {
  const facts = await analyzeFile(sbtLockfile, '/a/build.sbt.lock', Buffer.from(text));
  expect(unknownsOf(facts)).toEqual([{ path: '/a/build.sbt.lock', reason: expect.stringContaining(reason) as string }]);
});

describeWithTestdata('sbt lockfile fixture (trivy integration repo)', (root) => {
  it('trivy repo/sbt/build.sbt.lock gives the golden’s jackson-databind 2.9.1', async () => {
    const facts = await analyzeFile(sbtLockfile, '/r/build.sbt.lock', readFileSync(path.join(root, 'vulndb/trivy-integration/fixtures/repo/sbt/build.sbt.lock')));
    expect(packagesOf(facts).map((p) => `${p.name}@${p.version}`)).toEqual(['com.fasterxml.jackson.core:jackson-databind@2.9.1']);
  });
});
