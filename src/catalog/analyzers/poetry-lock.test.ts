import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, packagesOf, unknownsOf } from '../analyze-file.js';
import { catalogSource } from '../catalog-source.js';
import { dirSource } from '../dir-source.js';
import { parsePoetryLock, poetryLock } from './poetry-lock.js';

const v1 = `[[package]]
name = "flask"
version = "2.0.0"
category = "main"
optional = false

[package.dependencies]
Werkzeug = ">=2.0"

[[package]]
name = "werkzeug"
version = "2.0.1"
category = "main"

[[package]]
name = "pytest"
version = "7.0.0"
category = "dev"

[metadata]
lock-version = "1.1"
`;
// lock-version 2: no category; the groups live in pyproject.toml only
const v2 = `[[package]]
name = "flask"
version = "2.0.0"
files = []

[package.dependencies]
Werkzeug = ">=2.0"
click = {version = ">=8", markers = "python_version >= '3.7'"}

[[package]]
name = "werkzeug"
version = "2.0.1"
files = []

[[package]]
name = "click"
version = "8.1.3"
files = []

[[package]]
name = "pytest"
version = "7.0.0"
files = []

[package.dependencies]
iniconfig = "*"

[[package]]
name = "iniconfig"
version = "2.0.0"
files = []

[metadata]
lock-version = "2.0"
`;
const pyprojectV1 = `[tool.poetry.dependencies]
python = "^3.9"
Flask = "2.0.0"

[tool.poetry.group.dev.dependencies]
pytest = "^7"
`;
const pyprojectPep621 = `[project]
name = "app"
dependencies = ["flask (==2.0.0)"]

[tool.poetry.group.test.dependencies]
pytest = "^7"
`;

const show = (r: ReturnType<typeof parsePoetryLock>) => (r.ok ? r.packages.map((p) => `${p.name}@${p.version}${p.dev ? ' (dev)' : ''}`) : [r.reason]);

it.each([
  ['v1 without pyproject: category marks dev', v1, undefined, ['flask@2.0.0', 'werkzeug@2.0.1', 'pytest@7.0.0 (dev)']],
  ['v2 without pyproject: nothing can be told dev', v2, undefined, ['flask@2.0.0', 'werkzeug@2.0.1', 'click@8.1.3', 'pytest@7.0.0', 'iniconfig@2.0.0']],
  ['v2 with Poetry groups: not reachable from main is dev', v2, new Set(['flask']), ['flask@2.0.0', 'werkzeug@2.0.1', 'click@8.1.3', 'pytest@7.0.0 (dev)', 'iniconfig@2.0.0 (dev)']],
] as const)('%s', (_label, text, main, want) => {
  expect(show(parsePoetryLock(text, main))).toEqual(want);
});

it.each([
  ['not TOML', 'name = = "x"'],
  ['package without a version', '[[package]]\nname = "x"\n'],
  ['package is not an array of tables', 'package = "x"\n'],
] as const)('malformed: %s', (_label, text) => {
  expect(parsePoetryLock(text).ok).toBe(false);
});

it.each([
  ['tool.poetry.dependencies', pyprojectV1],
  ['PEP 621 project.dependencies', pyprojectPep621],
] as const)('analyzer: dev groups from the pyproject.toml beside it (%s)', async (_label, pyproject) => {
  const facts = await analyzeFile(poetryLock, '/app/poetry.lock', Buffer.from(v2), 0o644, new Map([['/app/pyproject.toml', Buffer.from(pyproject)]]));
  expect(packagesOf(facts).filter((p) => p.dev === true).map((p) => p.name)).toEqual(['pytest', 'iniconfig']);
  expect(unknownsOf(facts)).toEqual([]);
});

it('analyzer: an unparsable pyproject.toml is an unknown, the lock is still read', async () => {
  const facts = await analyzeFile(poetryLock, '/app/poetry.lock', Buffer.from(v2), 0o644, new Map([['/app/pyproject.toml', Buffer.from('[tool.poetry')]]));
  expect(packagesOf(facts)).toHaveLength(5);
  expect(unknownsOf(facts).map((u) => u.path)).toEqual(['/app/pyproject.toml']);
});

it('analyzer: a broken poetry.lock is an unknown with its path, and pyproject.toml alone gives nothing', async () => {
  expect(unknownsOf(await analyzeFile(poetryLock, '/app/poetry.lock', Buffer.from('[[package]]\nname = 1\n')))).toEqual([{ path: '/app/poetry.lock', reason: expect.stringMatching(/^poetry\.lock: not a poetry\.lock/) as unknown }]);
  expect(await analyzeFile(poetryLock, '/app/pyproject.toml', Buffer.from(pyprojectV1))).toEqual([]);
});

const tmp = mkdtempSync(path.join(os.tmpdir(), 'rampart-poetry-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('catalog walk: the pyproject.toml beside poetry.lock reaches the analyzer (companion files), one in another folder does not', async () => {
  mkdirSync(path.join(tmp, 'app'));
  mkdirSync(path.join(tmp, 'other'));
  writeFileSync(path.join(tmp, 'app', 'poetry.lock'), v2);
  writeFileSync(path.join(tmp, 'app', 'pyproject.toml'), pyprojectV1);
  writeFileSync(path.join(tmp, 'other', 'poetry.lock'), v2);
  const inv = await catalogSource(dirSource(tmp), { analyzers: [poetryLock] });
  const dev = (dir: string) => inv.packages.filter((p) => p.evidence.path === `/${dir}/poetry.lock` && p.dev === true).map((p) => p.name);
  expect(dev('app')).toEqual(['iniconfig', 'pytest']);
  expect(dev('other')).toEqual([]);
  expect(inv.packages.map((p) => p.purl)).toContain('pkg:pypi/werkzeug@2.0.1');
});

describeWithTestdata('poetry.lock: trivy integration fixture', (root) => {
  it('repo/poetry: click, colorama, werkzeug; none dev (all reachable from tool.poetry.dependencies)', async () => {
    const dir = path.join(root, 'vulndb/trivy-integration/fixtures/repo/poetry');
    const facts = await analyzeFile(poetryLock, '/poetry.lock', readFileSync(path.join(dir, 'poetry.lock')), 0o644, new Map([['/pyproject.toml', readFileSync(path.join(dir, 'pyproject.toml'))]]));
    expect(packagesOf(facts).map((p) => `${p.name}@${p.version}${p.dev === true ? ' (dev)' : ''}`)).toEqual(['click@8.1.3', 'colorama@0.4.6', 'werkzeug@0.14']);
  });
});
