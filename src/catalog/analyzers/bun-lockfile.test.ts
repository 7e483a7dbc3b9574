import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, packagesOf, unknownsOf } from '../analyze-file.js';
import { parseBunLockfile } from '../bun-lockfile.js';
import { bunLockfile } from './bun-lockfile.js';

const show = (text: string) => {
  const r = parseBunLockfile(text);
  return r.ok ? r.packages.map((p) => `${p.name}@${p.version}${p.dev ? ' (dev)' : ''}`).sort() : [`error: ${r.reason.split(':')[0] ?? ''}`];
};

it.each([
  [
    'nested copies resolve to the nearest node_modules (scoped parents too)',
    `{ "lockfileVersion": 1,
       "workspaces": { "": { "dependencies": { "a": "1", "@s/b": "1" }, "devDependencies": { "d": "1" } } },
       "packages": {
         "a": ["a@1.0.0", "", { "dependencies": { "c": "^2" } }, "sha"],
         "@s/b": ["@s/b@1.0.0", "", { "dependencies": { "c": "^1" } }, "sha"],
         "@s/b/c": ["c@1.5.0", "", {}, "sha"],
         "c": ["c@2.0.0", "", {}, "sha"],
         "d": ["d@1.0.0", "", { "dependencies": { "e": "*" } }, "sha"],
         "d/e": ["e@3.0.0", "", {}, "sha"],
       } }`,
    ['@s/b@1.0.0', 'a@1.0.0', 'c@1.5.0', 'c@2.0.0', 'd@1.0.0 (dev)', 'e@3.0.0 (dev)'],
  ],
  ['comments and trailing commas (JSONC)', '{ // bun\n "lockfileVersion": 1, "packages": { "x": ["x@1.0.0",], }, }', ['x@1.0.0 (dev)']],
  ['lockfileVersion must be a number', '{ "lockfileVersion": "1" }', ['error: not a bun.lock']],
  ['a package entry must start with name@version', '{ "lockfileVersion": 1, "packages": { "x": [1] } }', ['error: packages.x']],
  ['not JSON', '{ "lockfileVersion": 1, ', ['error: JSON decode error']],
] as const)('%s', (_label, text, want) => {
  expect(show(text)).toEqual(want);
});

it('analyzer: npm packages with dev marked; malformed → unknown with path', async () => {
  const facts = await analyzeFile(bunLockfile, '/app/bun.lock', Buffer.from('{"lockfileVersion":1,"workspaces":{"":{"dependencies":{"jquery":"3.3.1"}}},"packages":{"jquery":["jquery@3.3.1","",{},"sha"]}}'));
  expect(packagesOf(facts)).toEqual([{ type: 'npm', name: 'jquery', version: '3.3.1', licenses: [] }]);
  expect(unknownsOf(await analyzeFile(bunLockfile, '/app/bun.lock', Buffer.from('{')))).toHaveLength(1);
  expect(bunLockfile.required('/app/node_modules/x/bun.lock')).toBe(false);
});

describeWithTestdata('bun.lock: trivy integration and osv-scanner fixtures', (root) => {
  it('trivy repo/bun: jquery and typescript production, the @types tree dev (trivy lists only the production two)', () => {
    expect(show(readFileSync(path.join(root, 'vulndb/trivy-integration/fixtures/repo/bun/bun.lock'), 'utf8'))).toEqual([
      '@types/bun@1.2.14 (dev)',
      '@types/node@22.15.21 (dev)',
      'bun-types@1.2.14 (dev)',
      'jquery@3.3.1',
      'typescript@5.8.3',
      'undici-types@6.21.0 (dev)',
    ]);
  });
  it.each([
    ['locks-insecure/bun.lock', ['has-flag@4.0.0', 'wrappy@1.0.2']],
    ['locks-bun-shorthash/bun.lock', ['some-git-dep@github:org/repo#bca26e4']],
  ] as const)('osv-scanner %s', (file, want) => {
    expect(show(readFileSync(path.join(root, 'vulndb/osv-scanner/scan-source/testdata', file), 'utf8'))).toEqual(want);
  });
});
