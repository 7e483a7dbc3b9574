import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, packagesOf, unknownsOf } from '../analyze-file.js';
import { nugetLock } from './nuget-lock.js';

const list = (facts: Awaited<ReturnType<typeof analyzeFile>>): string[] => packagesOf(facts).map((p) => `${p.name}@${p.version}`).sort();
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

it.each([
  ['every target framework, projects left out, one entry per name@version (with a BOM)', `\uFEFF${lock}`, ['Newtonsoft.Json@13.0.1', 'System.Memory@4.5.4', 'System.Memory@4.5.5']],
  ['no target frameworks', '{"version": 1, "dependencies": {}}', []],
])('packages.lock.json: %s', async (_label, text, want) => {
  const facts = await analyzeFile(nugetLock, '/app/packages.lock.json', Buffer.from(text));
  expect(unknownsOf(facts)).toEqual([]);
  expect(list(facts)).toEqual(want);
  expect(packagesOf(facts).every((p) => p.type === 'nuget')).toBe(true);
});

it.each([
  ['invalid JSON', '{', 'invalid JSON'],
  ['no dependencies object', '{"version": 1}', 'not a packages.lock.json: dependencies'],
  ['a package without a resolved version', '{"dependencies": {"net6.0": {"X": {"type": "Direct"}}}}', 'X (net6.0) has no resolved version'],
])('malformed packages.lock.json (%s) is an unknown', async (_label, text, reason) => {
  const facts = await analyzeFile(nugetLock, '/a/packages.lock.json', Buffer.from(text));
  expect(unknownsOf(facts)).toEqual([{ path: '/a/packages.lock.json', reason: expect.stringContaining(reason) as string }]);
});

describeWithTestdata('packages.lock.json fixtures (trivy integration repo, osv-scanner scan-source)', (root) => {
  it.each([
    ['trivy-integration/fixtures/repo/nuget/packages.lock.json', ['Newtonsoft.Json@12.0.3', 'NuGet.Frameworks@5.7.0']],
    ['osv-scanner/scan-source/testdata/locks-scalibr/packages.lock.json', ['Newtonsoft.Json@13.0.3']],
  ] as const)('%s', async (file, want) => {
    const facts = await analyzeFile(nugetLock, '/src/packages.lock.json', readFileSync(path.join(root, 'vulndb', file)));
    expect(unknownsOf(facts)).toEqual([]);
    expect(list(facts)).toEqual(want);
  });
});
