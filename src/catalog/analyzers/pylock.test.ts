import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, packagesOf, unknownsOf } from '../analyze-file.js';
import { parsePylock, pylock } from './pylock.js';

// The shape of trivy's pylock with-dev test data: requests → urllib3 recorded, pytest only in an extra.
const withDeps = `lock-version = "1.0"
created-by = "test"

[[packages]]
name = "requests"
version = "2.32.3"
dependencies = [{ name = "urllib3", version = "2.3.0" }]

[[packages]]
name = "urllib3"
version = "2.3.0"

[[packages]]
name = "pytest"
version = "8.0.0"
`;
const pyproject = '[project]\nname = "p"\ndependencies = ["requests>=2.32.0"]\n\n[project.optional-dependencies]\ndev = ["pytest>=8.0.0"]\n';
const show = (text: string, main?: ReadonlySet<string>) => {
  const r = parsePylock(text, main);
  return r.ok ? [...r.packages.map((p) => `${p.name}@${p.version}${p.dev ? ' (dev)' : ''}`), ...(r.notes ?? [])] : [`error: ${r.reason.split(':')[0] ?? ''}`];
};

it.each([
  ['no pyproject: no dev', withDeps, undefined, ['requests@2.32.3', 'urllib3@2.3.0', 'pytest@8.0.0']],
  ['pyproject main deps: the rest is dev', withDeps, new Set(['requests']), ['requests@2.32.3', 'urllib3@2.3.0', 'pytest@8.0.0 (dev)']],
  ['a lock without dependency edges marks none dev', 'lock-version = "1.0"\n[[packages]]\nname = "a"\nversion = "1"\n[[packages]]\nname = "b"\nversion = "2"\n', new Set(['a']), ['a@1', 'b@2']],
  [
    'the project directory is skipped, a versionless VCS package noted',
    'lock-version = "1.0"\n[[packages]]\nname = "app"\ndirectory = { path = "." }\n[[packages]]\nname = "lib"\nvcs = { type = "git", url = "https://g/lib", commit-id = "abc" }\n',
    undefined,
    ['package lib has no version (vcs https://g/lib): not inventoried'],
  ],
  ['no lock-version', '[[packages]]\nname = "a"\nversion = "1"\n', undefined, ['error: not a PEP 751 lock']],
  ['not TOML', 'lock-version = "1.0"\n[[packages]\n', undefined, ['error: invalid TOML']],
] as const)('%s', (_label, text, main, want) => {
  expect(show(text, main)).toEqual(want);
});

it.each([
  ['/app/pylock.toml', true],
  ['/app/pylock.linux.toml', true],
  ['/app/pylock.a.b.toml', false],
  ['/app/pyproject.toml', true],
  ['/app/mylock.toml', false],
] as const)('required(%s) = %s', (at, want) => {
  expect(pylock.required(at)).toBe(want);
});

it('analyzer: reads the pyproject.toml beside it; malformed lock → unknown', async () => {
  const facts = await analyzeFile(pylock, '/app/pylock.toml', Buffer.from(withDeps), 0o644, new Map([['/app/pyproject.toml', Buffer.from(pyproject)]]));
  expect(packagesOf(facts).filter((p) => p.dev === true).map((p) => p.name)).toEqual(['pytest']);
  expect(unknownsOf(await analyzeFile(pylock, '/app/pylock.dev.toml', Buffer.from('lock-version = 1\n')))).toEqual([{ path: '/app/pylock.dev.toml', reason: expect.stringMatching(/^pylock\.dev\.toml: not a PEP 751 lock/) as unknown }]);
});

describeWithTestdata('pylock.toml: trivy integration fixture', (root) => {
  it('repo/pylock: click, colorama, werkzeug', () => {
    expect(show(readFileSync(path.join(root, 'vulndb/trivy-integration/fixtures/repo/pylock/pylock.toml'), 'utf8'))).toEqual(['click@8.1.3', 'colorama@0.4.6', 'werkzeug@0.11.1']);
  });
});
