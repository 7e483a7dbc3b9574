import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFiles, packagesOf, unknownsOf } from '../analyze-file.js';
import { mavenPom } from './maven-pom.js';

const list = (facts: Awaited<ReturnType<typeof analyzeFiles>>): string[] => packagesOf(facts).map((p) => `${p.name}@${p.version}${p.dev === true ? ' (dev)' : ''}`).sort();
const transitive = 'transitive dependencies of the';
const project = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n<modelVersion>4.0.0</modelVersion>\n${body}\n</project>`;
const dep = (g: string, a: string, extra = ''): string => `<dependency><groupId>${g}</groupId><artifactId>${a}</artifactId>${extra}</dependency>`;

const parent = project(`<groupId>com.acme</groupId><artifactId>parent</artifactId><version>2.0.0</version><packaging>pom</packaging>
<properties><jackson.version>2.9.1</jackson.version><log4j.version>2.14.1</log4j.version></properties>
<dependencyManagement><dependencies>
  ${dep('org.apache.logging.log4j', 'log4j-core', '<version>${log4j.version}</version>')}
  ${dep('junit', 'junit', '<version>4.12</version><scope>test</scope>')}
  ${dep('com.acme', 'bom', '<version>1.0.0</version><type>pom</type><scope>import</scope>')}
</dependencies></dependencyManagement>
<dependencies>${dep('org.slf4j', 'slf4j-api', '<version>1.7.30</version>')}</dependencies>`);
const bom = project(`<groupId>com.acme</groupId><artifactId>bom</artifactId><version>1.0.0</version>
<dependencyManagement><dependencies>${dep('com.google.guava', 'guava', '<version>31.1-jre</version>')}</dependencies></dependencyManagement>`);
const child = project(`<parent><groupId>com.acme</groupId><artifactId>parent</artifactId><version>2.0.0</version></parent>
<artifactId>app</artifactId>
<properties><log4j.version>2.17.1</log4j.version></properties>
<dependencies>
  ${dep('com.fasterxml.jackson.core', 'jackson-databind', '<version>${jackson.version}</version>')}
  ${dep('org.apache.logging.log4j', 'log4j-core')}
  ${dep('com.google.guava', 'guava')}
  ${dep('${project.groupId}', 'lib', '<version>${project.version}</version>')}
  ${dep('junit', 'junit')}
  ${dep('javax.servlet', 'servlet-api', '<version>2.5</version><scope>provided</scope>')}
  ${dep('org.optional', 'opt', '<version>1.0</version><optional>true</optional>')}
  ${dep('org.pinned', 'exact', '<version>[1.2.3]</version>')}
  ${dep('org.runtime', 'rt', '<version>3.0</version><scope>runtime</scope>')}
</dependencies>`);

it.each([
  [
    'parent at ../pom.xml: properties (child wins), dependencyManagement versions and scopes, reactor BOM, project.* properties, scopes and optional',
    { '/p/pom.xml': parent, '/p/app/pom.xml': child, '/p/bom/pom.xml': bom },
    '/p/app/pom.xml',
    ['com.acme:lib@2.0.0', 'com.fasterxml.jackson.core:jackson-databind@2.9.1', 'com.google.guava:guava@31.1-jre', 'org.apache.logging.log4j:log4j-core@2.17.1', 'org.pinned:exact@1.2.3', 'org.runtime:rt@3.0', 'org.slf4j:slf4j-api@1.7.30'],
  ],
  [
    'relativePath to a differently named file',
    { '/q/parent.xml': parent.replace('<artifactId>parent</artifactId>', '<artifactId>base</artifactId>'), '/q/pom.xml': project(`<parent><groupId>com.acme</groupId><artifactId>base</artifactId><version>2.0.0</version><relativePath>./parent.xml</relativePath></parent><artifactId>x</artifactId>`) },
    '/q/pom.xml',
    ['org.slf4j:slf4j-api@1.7.30'],
  ],
  ['integration-test projects (src/it/*/pom.xml) are dev', { '/r/src/it/case1/pom.xml': project(`<groupId>g</groupId><artifactId>a</artifactId><version>1</version><dependencies>${dep('x', 'y', '<version>1.0</version>')}</dependencies>`) }, '/r/src/it/case1/pom.xml', ['x:y@1.0 (dev)']],
] as const)('%s', async (_label, files, at, want) => {
  const facts = await analyzeFiles(mavenPom, files);
  const mine = facts.filter((f) => f.path === at);
  expect(list(mine)).toEqual(want);
  expect(unknownsOf(mine).map((u) => u.reason)).toEqual([expect.stringContaining(transitive) as string]);
});

it.each([
  [
    'a parent that is not on disk',
    project(`<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.2.0</version></parent><artifactId>a</artifactId><dependencies>${dep('org.springframework.boot', 'spring-boot-starter-web')}</dependencies>`),
    ['parent POM org.springframework.boot:spring-boot-starter-parent:3.2.0 is not on disk', 'org.springframework.boot:spring-boot-starter-web has no version (its parent POM is not on disk)'],
  ],
  [
    'an import BOM that is not on disk, a range, an undefined property',
    project(`<groupId>g</groupId><artifactId>a</artifactId><version>1</version>
<dependencyManagement><dependencies>${dep('io.netty', 'netty-bom', '<version>4.1.100.Final</version><type>pom</type><scope>import</scope>')}</dependencies></dependencyManagement>
<dependencies>${dep('io.netty', 'netty-handler')}${dep('r', 'range', '<version>[1.0,2.0)</version>')}${dep('p', 'prop', '<version>${nowhere}</version>')}${dep('ok', 'ok', '<version>1.0</version>')}</dependencies>`),
    ['io.netty:netty-handler has no version (dependencyManagement import io.netty:netty-bom:4.1.100.Final not on disk)', 'r:range: its version [1.0,2.0) is a range', 'p:prop: its version ${nowhere} names a property', transitive],
  ],
  ['invalid XML', '<project><dependencies>', ['pom.xml: invalid XML at line 1']],
  ['not a POM', '<settings/>', ['no <project> root element']],
  ['a DOCTYPE with an external entity', '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><project><version>&x;</version></project>', ['XML refused']],
] as const)('%s: unknowns with reasons', async (_label, text, reasons) => {
  const facts = await analyzeFiles(mavenPom, { '/u/pom.xml': text });
  expect(unknownsOf(facts).map((u) => u.reason)).toEqual(reasons.map((r) => expect.stringContaining(r) as string));
  expect(unknownsOf(facts).every((u) => u.path === '/u/pom.xml')).toBe(true);
});

it('a billion-laughs DOCTYPE is not expanded', async () => {
  const lol = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<project><groupId>g</groupId><artifactId>a</artifactId><version>1</version><properties><v>&d;</v></properties><dependencies>${dep('x', 'y', '<version>${v}</version>')}</dependencies></project>`;
  const facts = await analyzeFiles(mavenPom, { '/b/pom.xml': lol });
  expect(JSON.stringify(facts).length).toBeLessThan(5000);
});

describeWithTestdata('pom.xml fixtures (trivy integration repo, osv-scanner maven-transitive)', (root) => {
  const osv = path.join(root, 'vulndb/osv-scanner/scan-source/testdata/maven-transitive');
  // osv-scanner's counts ("Scanned … found N packages") are the declared dependencies (its
  // transitive enricher then queries deps.dev / Maven Central, which Rampart does not do).
  const cases = [
    ['trivy repo/pom/pom.xml (golden: jackson-databind 2.9.1; test and provided scopes left out)', { '/t/pom.xml': path.join(root, 'vulndb/trivy-integration/fixtures/repo/pom/pom.xml') }, ['com.fasterxml.jackson.core:jackson-databind@2.9.1']],
    ['osv maven-transitive/pom.xml (1 package)', { '/m/pom.xml': path.join(osv, 'pom.xml') }, ['org.apache.logging.log4j:log4j-web@2.14.1']],
    ['osv registry.xml with parent.xml by relativePath (2 packages)', { '/m/pom.xml': path.join(osv, 'registry.xml'), '/m/parent.xml': path.join(osv, 'parent.xml') }, ['com.google.android.gms:play-services@10.0.0', 'org.apache.logging.log4j:log4j-web@2.14.1']],
    ['osv encoding.xml, ISO-8859-1 (1 package)', { '/m/pom.xml': path.join(osv, 'encoding.xml') }, ['junit:junit@4.12']],
  ] as const;
  let passed = 0;
  it.each(cases)('%s', async (_label, files, want) => {
    const facts = await analyzeFiles(mavenPom, Object.fromEntries(Object.entries(files).map(([k, v]) => [k, readFileSync(v)])));
    expect(list(facts)).toEqual(want);
    expect(unknownsOf(facts).map((u) => u.reason)).toEqual([expect.stringContaining(transitive) as string]);
    passed++;
  });
  it('prints the count', () => {
    console.log(`pom.xml fixtures: ${passed}/${cases.length} declared-dependency sets match (trivy pom golden, osv-scanner maven-transitive pom/registry+parent/encoding)`);
    expect(passed).toBe(cases.length);
  });
});
