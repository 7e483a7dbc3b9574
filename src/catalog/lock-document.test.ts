import { expect, it } from 'vitest';
import type { Analyzer } from './analyzer.js';
import { analyzeFile, unknownsOf } from './analyze-file.js';
import { composerInstalled } from './analyzers/composer-installed.js';
import { parseComposerLock } from './analyzers/composer-lock.js';
import { dotnetDeps } from './analyzers/dotnet-deps.js';
import { nugetLock } from './analyzers/nuget-lock.js';
import { parsePipfileLock } from './analyzers/pipenv-lock.js';
import { parsePoetryLock } from './analyzers/poetry-lock.js';
import { parsePylock } from './analyzers/pylock.js';
import { sbtLockfile } from './analyzers/sbt-lockfile.js';
import { parseUvLock } from './analyzers/uv-lock.js';
import { parseBunLockfile } from './bun-lockfile.js';
import { parseCargoLock, parseCargoManifest } from './cargo-lock.js';
import { parseNpmLockfile } from './npm-lockfile.js';
import { readPyprojectDeps } from './pyproject-deps.js';

type Refusal = () => Promise<string>;
const reason = (result: { ok: true } | { ok: false; reason: string }): Promise<string> => Promise.resolve(result.ok ? '(accepted)' : result.reason);
const unknownOf = async (analyzer: Analyzer, path: string, text: string): Promise<string> => unknownsOf(await analyzeFile(analyzer, path, Buffer.from(text))).map((u) => u.reason).join(' | ');

// The whole refusal text, schema message included: zod's English messages (zod/mini loads no locale
// of its own), worded as classic zod worded them before the schemas moved to zod/mini.
it.each<[string, Refusal, string]>([
  ['composer.lock: a package without a version', () => reason(parseComposerLock(JSON.stringify({ packages: [{ name: 'a/b' }] }))), 'not a composer.lock: packages.0.version Invalid input: expected string, received undefined'],
  ['composer.lock: an empty name', () => reason(parseComposerLock(JSON.stringify({ 'packages-dev': [{ name: '', version: '1' }] }))), 'not a composer.lock: packages-dev.0.name Too small: expected string to have >=1 characters'],
  ['composer.lock: a license that is neither a string nor a list', () => reason(parseComposerLock(JSON.stringify({ packages: [{ name: 'a/b', version: '1', license: 3 }] }))), 'not a composer.lock: packages.0.license Invalid input'],
  ['installed.json: neither Composer 1 nor 2 shape', () => unknownOf(composerInstalled, '/app/vendor/composer/installed.json', '{"packages": 1}'), 'installed.json: not a Composer package list: Invalid input'],
  ['deps.json: a library type that is not a string', () => unknownOf(dotnetDeps, '/app/a.deps.json', '{"libraries": {"X/1": {"type": 2}}}'), 'deps.json: not a .NET deps.json: libraries.X/1.type Invalid input: expected string, received number'],
  ['packages.lock.json: no dependencies', () => unknownOf(nugetLock, '/a/packages.lock.json', '{"version": 1}'), 'packages.lock.json: not a packages.lock.json: dependencies Invalid input: expected record, received undefined'],
  ['build.sbt.lock: no lockVersion', () => unknownOf(sbtLockfile, '/a/build.sbt.lock', '{"dependencies": 1}'), 'build.sbt.lock: not a build.sbt.lock: lockVersion Invalid input: expected number, received undefined'],
  ['Pipfile.lock: a numeric version', () => reason(parsePipfileLock(JSON.stringify({ default: { x: { version: 3 } } }))), 'not a Pipfile.lock: default.x.version Invalid input: expected string, received number'],
  ['poetry.lock: a numeric name', () => reason(parsePoetryLock('[[package]]\nname = 1\n')), 'not a poetry.lock: package.0.name Invalid input: expected string, received number'],
  ['poetry.lock: an empty version', () => reason(parsePoetryLock('[[package]]\nname = "a"\nversion = ""\n')), 'not a poetry.lock: package.0.version Too small: expected string to have >=1 characters'],
  ['pylock.toml: no lock-version', () => reason(parsePylock('[[packages]]\nname = "a"\nversion = "1"\n')), 'not a PEP 751 lock: lock-version Invalid input: expected string, received undefined'],
  ['uv.lock: package is not a table array', () => reason(parseUvLock('package = 3\n')), 'not a uv.lock: package Invalid input: expected array, received number'],
  ['uv.lock: a dependency without a name', () => reason(parseUvLock('[[package]]\nname = "a"\ndependencies = [{ version = "1" }]\n')), 'not a uv.lock: package.0.dependencies.0.name Invalid input: expected string, received undefined'],
  ['bun.lock: a string lockfileVersion', () => reason(parseBunLockfile('{ "lockfileVersion": "1" }')), 'not a bun.lock: lockfileVersion Invalid input: expected number, received string'],
  ['bun.lock: an empty package entry', () => reason(parseBunLockfile('{ "lockfileVersion": 1, "packages": { "a": [] } }')), 'not a bun.lock: packages.a Too small: expected array to have >=1 items'],
  ['Cargo.lock: a package without a version', () => reason(parseCargoLock('[[package]]\nname = "x"\n')), 'not a Cargo.lock: package.0.version Invalid input: expected string, received undefined'],
  ['Cargo.toml: workspace members not a list', () => reason(parseCargoManifest('[workspace]\nmembers = "x"\n')), 'not a Cargo.toml: workspace.members Invalid input: expected array, received string'],
  ['package-lock.json: a string lockfileVersion', () => reason(parseNpmLockfile('{"lockfileVersion": "3"}')), 'not a package-lock: Invalid input: expected number, received string'],
  ['package-lock.json: a numeric version two levels down (v1)', () => reason(parseNpmLockfile('{"dependencies": {"a": {"dependencies": {"b": {"version": 1}}}}}')), 'not a package-lock: Invalid input: expected string, received number'],
  ['package-lock.json: an array', () => reason(parseNpmLockfile('[]')), 'not a package-lock: Invalid input: expected object, received array'],
  ['pyproject.toml: project dependencies not a list', () => reason(readPyprojectDeps('[project]\ndependencies = "x"\n')), 'unexpected pyproject.toml layout: project.dependencies'],
  ['pyproject.toml: Poetry dependencies not a table', () => reason(readPyprojectDeps('[tool.poetry]\ndependencies = []\n')), 'unexpected pyproject.toml layout: tool.poetry.dependencies'],
])('refusal text: %s', async (_label, refuse, want) => {
  expect(await refuse()).toBe(want);
});
