import * as z from 'zod/mini';
import { defineAnalyzer, unknownFact } from '../analyzer.js';
import { readTomlLock } from '../lock-document.js';
import { pep503Name } from '../pep503-name.js';
import { mainDepsBeside, reachableNames } from '../pyproject-deps.js';
import type { LockedPythonPackage, PythonLockResult } from '../python-lock.js';
import { pythonPackageFacts } from '../python-lock.js';

const lock = z.looseObject({
  'lock-version': z.string(),
  packages: z.optional(
    z.array(
      z.looseObject({
        name: z.string().check(z.minLength(1)),
        version: z.optional(z.string()),
        directory: z.optional(z.looseObject({ path: z.optional(z.string()) })),
        vcs: z.optional(z.looseObject({ url: z.optional(z.string()) })),
        dependencies: z.optional(z.array(z.looseObject({ name: z.optional(z.string()) }))),
      }),
    ),
  ),
});

/** PEP 751 file names: `pylock.toml` or `pylock.<name>.toml` (name without dots). */
const fileName = /\/pylock(?:\.[^./]+)?\.toml$/;

/**
 * pylock.toml (PEP 751). Packages without a version (allowed for VCS, directory and archive sources)
 * cannot be matched: a local directory is the project itself (skipped), others are noted. Given the
 * main dependencies of the pyproject.toml beside it and a lock that records `dependencies`, packages
 * not reachable from them are dev (Trivy's reading); a lock without any dependency edges marks none.
 */
export function parsePylock(text: string, main?: ReadonlySet<string>): PythonLockResult {
  const parsed = readTomlLock(text, lock, 'PEP 751 lock');
  if (!parsed.ok) return parsed;
  const entries = parsed.data.packages ?? [];
  let prod: Set<string> | undefined;
  if (main !== undefined && entries.some((p) => (p.dependencies ?? []).length > 0)) {
    const edges = new Map<string, string[]>();
    for (const p of entries) edges.set(pep503Name(p.name), [...(edges.get(pep503Name(p.name)) ?? []), ...(p.dependencies ?? []).flatMap((d) => (d.name === undefined ? [] : [pep503Name(d.name)]))]);
    const roots = entries.filter((p) => p.directory !== undefined).map((p) => pep503Name(p.name));
    prod = reachableNames([...main, ...roots], edges);
  }
  const packages: LockedPythonPackage[] = [];
  const notes: string[] = [];
  for (const p of entries) {
    if (p.version === undefined || p.version === '') {
      if (p.directory === undefined) notes.push(`package ${p.name} has no version${p.vcs?.url !== undefined ? ` (vcs ${p.vcs.url})` : ''}: not inventoried`);
      continue;
    }
    packages.push({ name: p.name, version: p.version, dev: prod !== undefined && !prod.has(pep503Name(p.name)) });
  }
  return { ok: true, packages, notes };
}

/** Python dependencies in a PEP 751 lock file (pylock.toml, pylock.NAME.toml). */
export const pylock = defineAnalyzer({
  id: 'pylock',
  version: 1,
  description: 'Python dependencies declared in PEP 751 pylock.toml / pylock.NAME.toml',
  declared: true,
  readsCompanions: true,
  required(path) {
    return (fileName.test(path) || path.endsWith('/pyproject.toml')) && !path.includes('/site-packages/');
  },
  analyze({ path, content, companion }) {
    if (!fileName.test(path)) return [];
    const beside = mainDepsBeside(path, companion);
    const result = parsePylock(content.toString('utf8'), beside.main);
    if (!result.ok) return [unknownFact(path, `${path.slice(path.lastIndexOf('/') + 1)}: ${result.reason}`)];
    return [...beside.facts, ...(result.notes ?? []).map((n) => unknownFact(path, `pylock: ${n}`)), ...pythonPackageFacts(path, result.packages)];
  },
});
