import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, packagesOf, unknownsOf } from '../analyze-file.js';
import { nugetConfig } from './nuget-config.js';

const list = (facts: Awaited<ReturnType<typeof analyzeFile>>): string[] => packagesOf(facts).map((p) => `${p.name}@${p.version}${p.dev === true ? ' (dev)' : ''}`).sort();

it.each([
  [
    'ids and versions; developmentDependency marked dev; entries without id skipped',
    `<?xml version="1.0" encoding="utf-8"?>
<packages>
  <package id="jQuery" version="3.4.1" targetFramework="net48" />
  <package id="Microsoft.Net.Compilers" version="2.4.0" developmentDependency="true" />
  <package version="1.0.0" />
</packages>`,
    ['Microsoft.Net.Compilers@2.4.0 (dev)', 'jQuery@3.4.1'],
  ],
  ['an empty list', '<packages/>', []],
])('packages.config: %s', async (_label, text, want) => {
  const facts = await analyzeFile(nugetConfig, '/app/packages.config', Buffer.from(text));
  expect(unknownsOf(facts)).toEqual([]);
  expect(list(facts)).toEqual(want);
  expect(packagesOf(facts).every((p) => p.type === 'nuget')).toBe(true);
});

it.each([
  ['invalid XML', '<packages><package id="x"', 'invalid XML'],
  ['another root element', '<configuration/>', 'no <packages> root element'],
  ['a package without a version', '<packages><package id="x"/></packages>', 'package x has no version'],
])('malformed packages.config (%s) is an unknown', async (_label, text, reason) => {
  const facts = await analyzeFile(nugetConfig, '/a/packages.config', Buffer.from(text));
  expect(unknownsOf(facts)).toEqual([{ path: '/a/packages.config', reason: expect.stringContaining(reason) as string }]);
});

describeWithTestdata('packages.config fixture (osv-scanner scan-source)', (root) => {
  // osv-scanner: "found 2 packages" (it keeps the development dependency; Trivy drops it; here it is marked dev)
  it('locks-scalibr/packages.config', async () => {
    const facts = await analyzeFile(nugetConfig, '/s/packages.config', readFileSync(path.join(root, 'vulndb/osv-scanner/scan-source/testdata/locks-scalibr/packages.config')));
    expect(unknownsOf(facts)).toEqual([]);
    expect(list(facts)).toEqual(['Microsoft.CodeDom.Providers.DotNetCompilerPlatform@1.0.0', 'Microsoft.Net.Compilers@1.0.0 (dev)']);
  });
});
