import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, packagesOf, unknownsOf } from '../analyze-file.js';
import { nugetConfig } from './nuget-config.js';
import { nugetLock } from './nuget-lock.js';

const analyzerFor = (file: string): typeof nugetLock => (file.endsWith('packages.config') ? nugetConfig : nugetLock);

const lock = JSON.stringify({
  version: 1,
  dependencies: {
    'net6.0': {
      'Newtonsoft.Json': { type: 'Direct', requested: '[13.0.1, )', resolved: '13.0.1' },
      'System.Memory': { type: 'Transitive', resolved: '4.5.4' },
      'My.Library': { type: 'Project' },
    },
    'net8.0': { 'Newtonsoft.Json': { type: 'Direct', resolved: '13.0.1' }, 'System.Memory': { type: 'CentralTransitive', resolved: '4.5.5' } },
  },
});
const config = `<?xml version="1.0" encoding="utf-8"?>
<packages>
  <package id="jQuery" version="3.4.1" targetFramework="net48" />
  <package id="Microsoft.Net.Compilers" version="2.4.0" developmentDependency="true" />
  <package version="1.0.0" />
</packages>`;

it.each([
  ['/app/packages.lock.json', `\uFEFF${lock}`, ['Newtonsoft.Json@13.0.1', 'System.Memory@4.5.4', 'System.Memory@4.5.5']],
  ['/app/packages.config', config, ['Microsoft.Net.Compilers@2.4.0 (dev)', 'jQuery@3.4.1']],
] as const)('%#: %s', async (file, text, want) => {
  const analyzer = analyzerFor(file);
  const facts = await analyzeFile(analyzer, file, Buffer.from(text));
  expect(unknownsOf(facts)).toEqual([]);
  expect(packagesOf(facts).map((p) => `${p.name}@${p.version}${p.dev === true ? ' (dev)' : ''}`).sort()).toEqual(want);
  expect(packagesOf(facts).every((p) => p.type === 'nuget')).toBe(true);
});

it.each([
  ['/a/packages.lock.json', '{', 'invalid JSON'],
  ['/a/packages.lock.json', '{"version": 1}', 'no dependencies by target framework'],
  ['/a/packages.lock.json', '{"dependencies": {"net6.0": {"X": {"type": "Direct"}}}}', 'X (net6.0) has no resolved version'],
  ['/a/packages.config', '<packages><package id="x"', 'invalid XML'],
  ['/a/packages.config', '<configuration/>', 'no <packages> root element'],
  ['/a/packages.config', '<packages><package id="x"/></packages>', 'package x has no version'],
] as const)('%#: malformed %s is an unknown', async (file, text, reason) => {
  const analyzer = analyzerFor(file);
  const facts = await analyzeFile(analyzer, file, Buffer.from(text));
  expect(unknownsOf(facts)).toEqual([{ path: file, reason: expect.stringContaining(reason) as string }]);
});

describeWithTestdata('NuGet lock/config fixtures (trivy integration repo, osv-scanner scan-source)', (root) => {
  it.each([
    ['trivy-integration/fixtures/repo/nuget/packages.lock.json', ['Newtonsoft.Json@12.0.3', 'NuGet.Frameworks@5.7.0']],
    ['osv-scanner/scan-source/testdata/locks-scalibr/packages.lock.json', ['Newtonsoft.Json@13.0.3']],
    // osv-scanner: "found 2 packages" (it keeps the development dependency; Trivy drops it; here it is marked dev)
    ['osv-scanner/scan-source/testdata/locks-scalibr/packages.config', ['Microsoft.CodeDom.Providers.DotNetCompilerPlatform@1.0.0', 'Microsoft.Net.Compilers@1.0.0 (dev)']],
  ] as const)('%#: %s', async (file, want) => {
    const analyzer = analyzerFor(file);
    const facts = await analyzeFile(analyzer, `/src/${path.basename(file)}`, readFileSync(path.join(root, 'vulndb', file)));
    expect(unknownsOf(facts)).toEqual([]);
    expect(packagesOf(facts).map((p) => `${p.name}@${p.version}${p.dev === true ? ' (dev)' : ''}`).sort()).toEqual(want);
  });
});
