import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, packagesOf, unknownsOf } from '../analyze-file.js';
import { gradleLockfile } from './gradle-lockfile.js';

const gradle = `# This is a Gradle generated file for dependency locking.
com.fasterxml.jackson.core:jackson-databind:2.9.1=compileClasspath, runtimeClasspath
junit:junit:4.13.2=testCompileClasspath,testRuntimeClasspath
org.hamcrest:hamcrest-core:1.3=testRuntimeClasspath,runtimeClasspath
empty=annotationProcessor
`;

const list = (facts: Awaited<ReturnType<typeof analyzeFile>>): string[] => packagesOf(facts).map((p) => `${p.name}@${p.version}${p.dev === true ? ' (dev)' : ''}`).sort();

it.each([
  ['gradle.lockfile: test-only classpaths are dev', gradleLockfile, '/app/gradle.lockfile', gradle, ['com.fasterxml.jackson.core:jackson-databind@2.9.1', 'junit:junit@4.13.2 (dev)', 'org.hamcrest:hamcrest-core@1.3']],
  ['buildscript-gradle.lockfile', gradleLockfile, '/app/buildscript-gradle.lockfile', 'a:b:1.0=classpath\n', ['a:b@1.0']],
  ['Gradle 6 per-configuration lockfile', gradleLockfile, '/app/gradle/dependency-locks/compileClasspath.lockfile', 'a:b:1.0\n', ['a:b@1.0']],
] as const)('%s', async (_label, analyzer, file, text, want) => {
  const facts = await analyzeFile(analyzer, file, Buffer.from(text));
  expect(unknownsOf(facts)).toEqual([]);
  expect(list(facts)).toEqual(want);
  expect(packagesOf(facts).every((p) => p.type === 'maven')).toBe(true);
});

it.each([
  ['gradle: a line that is not group:artifact:version', gradleLockfile, '/a/gradle.lockfile', 'a:b=compileClasspath\n', 'line 1: not group:artifact:version'],
] as const)('malformed %s is an unknown', async (_label, analyzer, file, text, reason) => {
  const facts = await analyzeFile(analyzer, file, Buffer.from(text));
  expect(unknownsOf(facts)).toEqual([{ path: file, reason: expect.stringContaining(reason) as string }]);
});

it('other *.lockfile names are not Gradle lockfiles', async () => {
  expect(await analyzeFile(gradleLockfile, '/app/yarn.lockfile', Buffer.from('x'))).toEqual([]);
});

describeWithTestdata('Gradle lockfile fixture (trivy integration repo)', (root) => {
  it('trivy repo/gradle/gradle.lockfile gives the golden’s jackson-databind 2.9.1', async () => {
    const facts = await analyzeFile(gradleLockfile, '/r/gradle.lockfile', readFileSync(path.join(root, 'vulndb/trivy-integration/fixtures/repo/gradle/gradle.lockfile')));
    expect(list(facts)).toEqual(['com.fasterxml.jackson.core:jackson-databind@2.9.1']);
  });
});
