import * as z from 'zod/mini';
import { defineAnalyzer, unknownFact } from '../analyzer.js';
import { readTomlLock } from '../lock-document.js';
import { pep503Name } from '../pep503-name.js';
import { mainDepsBeside, reachableNames } from '../pyproject-deps.js';
import type { PythonLockResult } from '../python-lock.js';
import { pythonPackageFacts } from '../python-lock.js';

const lock = z.looseObject({
  package: z.optional(
    z.array(
      z.looseObject({
        name: z.string().check(z.minLength(1)),
        version: z.string().check(z.minLength(1)),
        category: z.optional(z.string()),
        dependencies: z.optional(z.record(z.string(), z.unknown())),
      }),
    ),
  ),
});

/**
 * poetry.lock (lock-version 1.x and 2.x). Dev packages: given the main dependencies of the
 * pyproject.toml beside it, every package not reachable from them (Poetry groups and
 * dev-dependencies are not main), as Trivy decides; without it, lock-version 1's `category = "dev"`.
 */
export function parsePoetryLock(text: string, main?: ReadonlySet<string>): PythonLockResult {
  const parsed = readTomlLock(text, lock, 'poetry.lock');
  if (!parsed.ok) return parsed;
  const packages = parsed.data.package ?? [];
  let prod: Set<string> | undefined;
  if (main !== undefined) {
    const edges = new Map<string, string[]>();
    for (const p of packages) edges.set(pep503Name(p.name), [...(edges.get(pep503Name(p.name)) ?? []), ...Object.keys(p.dependencies ?? {}).map(pep503Name)]);
    prod = reachableNames(main, edges);
  }
  return { ok: true, packages: packages.map((p) => ({ name: p.name, version: p.version, dev: prod === undefined ? p.category === 'dev' : !prod.has(pep503Name(p.name)) })) };
}

/** Python dependencies Poetry locked (poetry.lock, v1 and v2; groups from the pyproject.toml beside it). */
export const poetryLock = defineAnalyzer({
  id: 'poetry-lock',
  version: 1,
  description: 'Python dependencies declared in poetry.lock (lock-version 1 and 2; dev groups from pyproject.toml)',
  declared: true,
  readsCompanions: true,
  required(path) {
    return (path.endsWith('/poetry.lock') || path.endsWith('/pyproject.toml')) && !path.includes('/site-packages/');
  },
  analyze({ path, content, companion }) {
    if (!path.endsWith('/poetry.lock')) return [];
    const beside = mainDepsBeside(path, companion);
    const result = parsePoetryLock(content.toString('utf8'), beside.main);
    if (!result.ok) return [unknownFact(path, `poetry.lock: ${result.reason}`)];
    return [...beside.facts, ...pythonPackageFacts(path, result.packages)];
  },
});
