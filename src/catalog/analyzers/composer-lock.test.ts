import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, packagesOf, unknownsOf } from '../analyze-file.js';
import { catalogSource } from '../catalog-source.js';
import { dirSource } from '../dir-source.js';
import { composerLock, parseComposerLock } from './composer-lock.js';

const show = (text: string) => {
  const r = parseComposerLock(text);
  return r.ok ? r.packages.map((p) => `${p.name}@${p.version}${p.dev ? ' (dev)' : ''} ${p.licenses.join(',')}`) : [`error: ${r.reason.split(':')[0] ?? ''}`];
};

it.each([
  [
    'packages and packages-dev',
    { packages: [{ name: 'monolog/monolog', version: '2.9.1', license: ['MIT'] }], 'packages-dev': [{ name: 'phpunit/phpunit', version: '9.6.0', license: ['BSD-3-Clause'] }] },
    ['monolog/monolog@2.9.1 MIT', 'phpunit/phpunit@9.6.0 (dev) BSD-3-Clause'],
  ],
  ['a v before the number is dropped', { packages: [{ name: 'symfony/http-kernel', version: 'v5.4.20' }] }, ['symfony/http-kernel@5.4.20 ']],
  ['a package in both lists is production', { packages: [{ name: 'a/b', version: '1.0.0' }], 'packages-dev': [{ name: 'a/b', version: '1.0.0' }] }, ['a/b@1.0.0 ']],
  ['no packages', { packages: [], 'packages-dev': [] }, []],
  ['wrong shape', { packages: [{ name: 'a/b' }] }, ['error: not a composer.lock']],
] as const)('%s', (_label, doc, want) => {
  expect(show(JSON.stringify(doc))).toEqual(want);
});

it('analyzer: purl-ready composer packages; malformed → unknown; vendor copies skipped', async () => {
  const facts = await analyzeFile(composerLock, '/app/composer.lock', Buffer.from(JSON.stringify({ packages: [{ name: 'guzzlehttp/psr7', version: '1.8.3' }] })));
  expect(packagesOf(facts)).toEqual([{ type: 'composer', name: 'guzzlehttp/psr7', version: '1.8.3', licenses: [] }]);
  expect(unknownsOf(await analyzeFile(composerLock, '/app/composer.lock', Buffer.from('{,}')))).toEqual([{ path: '/app/composer.lock', reason: expect.stringMatching(/^composer\.lock: invalid JSON/) as unknown }]);
  expect(composerLock.required('/app/vendor/x/y/composer.lock')).toBe(false);
});

// osv-scanner's composer.lock fixtures and the package counts its snapshot prints for them.
const osvCounts: readonly (readonly [string, number | 'error'])[] = [
  ['locks-many/composer.lock', 1],
  ['locks-insecure/composer.lock', 1],
  ['locks-many-with-insecure/composer.lock', 6],
  ['config-invalid/composer.lock', 1],
  ['locks-gitignore/composer.lock', 1],
  ['locks-gitignore/subdir/composer.lock', 1],
  ['locks-none/nested/composer.lock', 1],
  ['locks-one-with-nested/nested/composer.lock', 1],
  ['locks-many-with-invalid/composer.lock', 'error'],
];

describeWithTestdata('composer.lock: trivy and osv-scanner fixtures', (root) => {
  const base = path.join(root, 'vulndb/osv-scanner/scan-source/testdata');
  let pass = 0;
  it.each(osvCounts)('osv-scanner %s: %s', (file, want) => {
    const r = parseComposerLock(readFileSync(path.join(base, file), 'utf8'));
    if (want === 'error') expect(r.ok).toBe(false);
    else expect(r.ok ? r.packages.length : r.reason).toBe(want);
    pass++;
  });
  it('trivy repo/composer: guzzle 7.4.4 and psr7 1.8.3 with purls', async () => {
    const inv = await catalogSource(dirSource(path.join(root, 'vulndb/trivy-integration/fixtures/repo/composer')), { analyzers: [composerLock] });
    expect(inv.packages.map((p) => p.purl)).toEqual(['pkg:composer/guzzlehttp/guzzle@7.4.4', 'pkg:composer/guzzlehttp/psr7@1.8.3']);
    console.log(`composer.lock fixtures (osv-scanner): ${pass}/${osvCounts.length} as its snapshot counts them`);
  });
});
