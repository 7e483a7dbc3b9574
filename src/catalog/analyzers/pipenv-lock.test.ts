import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, packagesOf, unknownsOf } from '../analyze-file.js';
import { parsePipfileLock, pipenvLock } from './pipenv-lock.js';

const lock = (d: object) => JSON.stringify({ _meta: { 'pipfile-spec': 6 }, default: {}, develop: {}, ...d });
const show = (text: string) => {
  const r = parsePipfileLock(text);
  return r.ok ? [...r.packages.map((p) => `${p.name}@${p.version}${p.dev ? ' (dev)' : ''}`), ...(r.notes ?? [])] : [`error: ${r.reason.split(':')[0] ?? ''}`];
};

it.each([
  ['default and develop', lock({ default: { requests: { version: '==2.31.0' } }, develop: { pytest: { version: '==7.4.0' } } }), ['requests@2.31.0', 'pytest@7.4.0 (dev)']],
  ['=== pins', lock({ default: { legacy: { version: '===1.0' } } }), ['legacy@1.0']],
  ['the project itself (editable path) is skipped', lock({ default: { app: { editable: true, path: '.' } } }), []],
  ['a VCS entry has no version: noted', lock({ default: { lib: { git: 'https://github.com/a/lib.git', ref: 'abc' } } }), ['default.lib has no version pin (git https://github.com/a/lib.git): not inventoried']],
  ['not JSON', '{"default": ', ['error: invalid JSON']],
  ['wrong shape', JSON.stringify({ default: { x: { version: 3 } } }), ['error: not a Pipfile.lock']],
] as const)('%s', (_label, text, want) => {
  expect(show(text)).toEqual(want);
});

it('analyzer: a package in both sections is production once', async () => {
  const facts = await analyzeFile(pipenvLock, '/app/Pipfile.lock', Buffer.from(lock({ default: { six: { version: '==1.16.0' } }, develop: { six: { version: '==1.16.0' } } })));
  expect(packagesOf(facts)).toEqual([{ type: 'pypi', name: 'six', version: '1.16.0', licenses: [] }]);
  expect(unknownsOf(await analyzeFile(pipenvLock, '/app/Pipfile.lock', Buffer.from('[')))).toHaveLength(1);
});

describeWithTestdata('Pipfile.lock: trivy integration fixture', (root) => {
  it('repo/pipenv: werkzeug 0.11.1', () => {
    expect(show(readFileSync(path.join(root, 'vulndb/trivy-integration/fixtures/repo/pipenv/Pipfile.lock'), 'utf8'))).toEqual(['werkzeug@0.11.1']);
  });
});
