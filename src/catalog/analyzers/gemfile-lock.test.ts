import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, packagesOf, unknownsOf } from '../analyze-file.js';
import { gemfileLock } from './gemfile-lock.js';

const lock = `GIT
  remote: https://github.com/example/forked.git
  revision: 0123456789abcdef
  specs:
    forked (0.3.0)

PATH
  remote: .
  specs:
    mygem (1.0.0)
      rack (>= 2.0)

GEM
  remote: https://rubygems.org/
  specs:
    nokogiri (1.18.2-arm64-darwin)
      racc (~> 1.4)
    nokogiri (1.18.2-x86_64-linux-gnu)
      racc (~> 1.4)
    rack (2.2.3)
    rails (7.1.0.rc1)

PLATFORMS
  arm64-darwin-21
  x86_64-linux

DEPENDENCIES
  mygem!
  rails

CHECKSUMS
  rack (2.2.3) sha256=abc

RUBY VERSION
   ruby 3.2.2p53

BUNDLED WITH
   2.5.3
`;

it.each([
  ['GEM, GIT and PATH specs, platform suffix dropped, one entry per name', '/app/Gemfile.lock', lock, ['forked@0.3.0', 'mygem@1.0.0', 'nokogiri@1.18.2', 'rack@2.2.3', 'rails@7.1.0.rc1']],
  ["Bundler's gems.locked name", '/app/gems.locked', 'GEM\n  specs:\n    ast (2.4.2)\n', ['ast@2.4.2']],
  ['an empty lockfile', '/app/Gemfile.lock', '', []],
])('%s', async (_label, file, text, want) => {
  const facts = await analyzeFile(gemfileLock, file, Buffer.from(text));
  expect(unknownsOf(facts)).toEqual([]);
  expect(packagesOf(facts).map((p) => `${p.name}@${p.version}`).sort()).toEqual(want);
  expect(packagesOf(facts).every((p) => p.type === 'gem')).toBe(true);
});

it.each([
  ['a spec line without a version', 'GEM\n  specs:\n    rack\n', 'line 3'],
  ['not a Gemfile.lock at all', '{"json": true}\n', 'no Gemfile.lock sections'],
])('malformed: %s is an unknown', async (_label, text, reason) => {
  const facts = await analyzeFile(gemfileLock, '/x/Gemfile.lock', Buffer.from(text));
  expect(packagesOf(facts)).toEqual([]);
  expect(unknownsOf(facts)).toEqual([{ path: '/x/Gemfile.lock', reason: expect.stringContaining(reason) as string }]);
});

describeWithTestdata('Gemfile.lock fixtures (osv-scanner scan-source)', (root) => {
  // Snapshot counts ("Scanned … found N packages"). gems.locked: osv-scanner counts nokogiri's two
  // platform builds (1.18.2-arm64-darwin, 1.18.2-x86_64-linux-gnu) as two packages of version
  // 1.18.2; Trivy and Rampart keep one entry per gem name: 25.
  const cases = [
    ['locks-many/Gemfile.lock', 1, 1],
    ['locks-gitignore/Gemfile.lock', 1, 1],
    ['locks-many-with-invalid/Gemfile.lock', 1, 1],
    ['locks-many-with-insecure/Gemfile.lock', 1, 1],
    ['locks-scalibr/gems.locked', 26, 25],
  ] as const;
  let passed = 0;
  it.each(cases)('%s (osv-scanner: %i, here: %i)', async (file, _osv, want) => {
    const facts = await analyzeFile(gemfileLock, `/src/${path.basename(file)}`, readFileSync(path.join(root, 'vulndb/osv-scanner/scan-source/testdata', file)));
    expect(unknownsOf(facts)).toEqual([]);
    expect(packagesOf(facts)).toHaveLength(want);
    if (file.endsWith('gems.locked')) expect(packagesOf(facts).filter((p) => p.name === 'nokogiri' || p.name === 'json').map((p) => `${p.name}@${p.version}`)).toEqual(['json@2.10.1', 'nokogiri@1.18.2']);
    passed++;
  });
  it('prints the count', () => {
    console.log(`Gemfile.lock osv-scanner fixtures: ${passed}/${cases.length} (gems.locked: 25 vs osv-scanner's 26, nokogiri's two platform builds kept as one gem as Trivy does)`);
    expect(passed).toBe(cases.length);
  });
});
