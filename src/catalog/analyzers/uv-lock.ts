import * as z from 'zod/mini';
import { defineAnalyzer, unknownFact } from '../analyzer.js';
import { readTomlLock } from '../lock-document.js';
import { pep503Name } from '../pep503-name.js';
import type { LockedPythonPackage, PythonLockResult } from '../python-lock.js';
import { pythonPackageFacts } from '../python-lock.js';

const dependency = z.looseObject({ name: z.string(), version: z.optional(z.string()) });
const deps = z.array(dependency);
const lock = z.looseObject({
  package: z.optional(
    z.array(
      z.looseObject({
        name: z.string().check(z.minLength(1)),
        version: z.optional(z.string()),
        source: z.optional(z.record(z.string(), z.unknown())),
        dependencies: z.optional(deps),
        'optional-dependencies': z.optional(z.record(z.string(), deps)),
        'dev-dependencies': z.optional(z.record(z.string(), deps)),
      }),
    ),
  ),
});
type Entry = NonNullable<z.infer<typeof lock>['package']>[number];

/** Workspace members (the project itself and its siblings): `source = { editable | virtual = ... }`. */
function isLocalRoot(p: Entry): boolean {
  return p.source !== undefined && ('editable' in p.source || 'virtual' in p.source);
}

/**
 * uv.lock. Production packages are those reachable from the workspace members through
 * `dependencies` and `optional-dependencies`; the rest (reached only through `dev-dependencies`
 * groups) are dev, as Trivy decides. Members are inventoried too (Trivy's `root`), when versioned.
 */
export function parseUvLock(text: string): PythonLockResult {
  const parsed = readTomlLock(text, lock, 'uv.lock');
  if (!parsed.ok) return parsed;
  const entries = parsed.data.package ?? [];
  const key = (name: string, version: string | undefined): string => `${pep503Name(name)}@${version ?? ''}`;
  const byName = new Map<string, Entry[]>();
  for (const p of entries) byName.set(pep503Name(p.name), [...(byName.get(pep503Name(p.name)) ?? []), p]);
  const resolve = (d: z.infer<typeof dependency>): Entry[] => (byName.get(pep503Name(d.name)) ?? []).filter((p) => d.version === undefined || p.version === d.version);
  const roots = entries.filter(isLocalRoot);
  const prod = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const p = stack.pop();
    if (p === undefined || prod.has(key(p.name, p.version))) continue;
    prod.add(key(p.name, p.version));
    for (const d of [...(p.dependencies ?? []), ...Object.values(p['optional-dependencies'] ?? {}).flat()]) stack.push(...resolve(d));
  }
  const packages: LockedPythonPackage[] = [];
  const notes: string[] = [];
  for (const p of entries) {
    if (p.version === undefined || p.version === '') {
      if (!isLocalRoot(p)) notes.push(`package ${p.name} has no version: not inventoried`);
      continue;
    }
    packages.push({ name: p.name, version: p.version, dev: roots.length > 0 && !prod.has(key(p.name, p.version)) });
  }
  return { ok: true, packages, notes };
}

/** Python dependencies uv locked (uv.lock). */
export const uvLock = defineAnalyzer({
  id: 'uv-lock',
  version: 1,
  description: 'Python dependencies declared in uv.lock (dev-dependencies groups marked dev)',
  declared: true,
  required(path) {
    return path.endsWith('/uv.lock') && !path.includes('/site-packages/');
  },
  analyze({ path, content }) {
    const result = parseUvLock(content.toString('utf8'));
    if (!result.ok) return [unknownFact(path, `uv.lock: ${result.reason}`)];
    return [...(result.notes ?? []).map((n) => unknownFact(path, `uv.lock: ${n}`)), ...pythonPackageFacts(path, result.packages)];
  },
});
