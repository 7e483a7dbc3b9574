import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, packagesOf, unknownsOf } from '../analyze-file.js';
import { gradleLockfile } from './gradle-lockfile.js';
import { sbtLockfile } from './sbt-lockfile.js';

const gradle = `# This is a Gradle generated file for dependency locking.
com.fasterxml.jackson.core:jackson-databind:2.9.1=compileClasspath, runtimeClasspath
junit:junit:4.13.2=testCompileClasspath,testRuntimeClasspath
org.hamcrest:hamcrest-core:1.3=testRuntimeClasspath,runtimeClasspath
empty=annotationProcessor
`;
const sbt = JSON.stringify({
  lockVersion: 1,
  dependencies: [
    { org: 'org.scala-lang', name: 'scala-library', version: '2.13.8', configurations: ['compile', 'runtime', 'test'] },
    { org: 'org.scalatest', name: 'scalatest_2.13', version: '3.2.15', configurations: ['test'] },
    { org: 'javax.servlet', name: 'servlet-api', version: '2.5', configurations: ['provided'] },
  ],
});

const list = (facts: Awaited<ReturnType<typeof analyzeFile>>): string[] => packagesOf(facts).map((p) => `${p.name}@${p.version}${p.dev === true ? ' (dev)' : ''}`).sort();

it.each([
  ['gradle.lockfile: test-only classpaths are dev', gradleLockfile, '/app/gradle.lockfile', gradle, ['com.fasterxml.jackson.core:jackson-databind@2.9.1', 'junit:junit@4.13.2 (dev)', 'org.hamcrest:hamcrest-core@1.3']],
  ['buildscript-gradle.lockfile', gradleLockfile, '/app/buildscript-gradle.lockfile', 'a:b:1.0=classpath\n', ['a:b@1.0']],
  ['Gradle 6 per-configuration lockfile', gradleLockfile, '/app/gradle/dependency-locks/compileClasspath.lockfile', 'a:b:1.0\n', ['a:b@1.0']],
  ['build.sbt.lock: compile/runtime only', sbtLockfile, '/app/build.sbt.lock', sbt, ['org.scala-lang:scala-library@2.13.8']],
] as const)('%s', async (_label, analyzer, file, text, want) => {
  const facts = await analyzeFile(analyzer, file, Buffer.from(text));
  expect(unknownsOf(facts)).toEqual([]);
  expect(list(facts)).toEqual(want);
  expect(packagesOf(facts).every((p) => p.type === 'maven')).toBe(true);
});

it.each([
  ['gradle: a line that is not group:artifact:version', gradleLockfile, '/a/gradle.lockfile', 'a:b=compileClasspath\n', 'line 1: not group:artifact:version'],
  ['sbt: invalid JSON', sbtLockfile, '/a/build.sbt.lock', '{', 'invalid JSON'],
  ['sbt: not a lock', sbtLockfile, '/a/build.sbt.lock', '{"dependencies": 1}', 'not an sbt-dependency-lock file'],
  ['sbt: a future format', sbtLockfile, '/a/build.sbt.lock', '{"lockVersion": 2, "dependencies": []}', 'unsupported lockVersion 2'],
] as const)('malformed %s is an unknown', async (_label, analyzer, file, text, reason) => {
  const facts = await analyzeFile(analyzer, file, Buffer.from(text));
  expect(unknownsOf(facts)).toEqual([{ path: file, reason: expect.stringContaining(reason) as string }]);
});

it('other *.lockfile names are not Gradle lockfiles', async () => {
  expect(await analyzeFile(gradleLockfile, '/app/yarn.lockfile', Buffer.from('x'))).toEqual([]);
});

describeWithTestdata('Gradle and sbt lockfile fixtures (trivy integration repo)', (root) => {
  it.each([
    [gradleLockfile, 'gradle/gradle.lockfile'],
    [sbtLockfile, 'sbt/build.sbt.lock'],
  ] as const)('%#: trivy repo/%s gives the golden’s jackson-databind 2.9.1', async (analyzer, file) => {
    const facts = await analyzeFile(analyzer, `/r/${path.basename(file)}`, readFileSync(path.join(root, 'vulndb/trivy-integration/fixtures/repo', file)));
    expect(list(facts)).toEqual(['com.fasterxml.jackson.core:jackson-databind@2.9.1']);
  });
});
