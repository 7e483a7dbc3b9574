import * as z from 'zod/mini';
import { checkSchema } from '../core/index.js';
import type { Fact } from './fact.js';

/** A package a JavaScript lockfile resolves (name, version, dev-only). */
export interface LockedPackage {
  readonly name: string;
  readonly version: string;
  readonly dev: boolean;
}

export type LockResult = { ok: true; packages: LockedPackage[] } | { ok: false; reason: string };

/** Package facts for packages a JavaScript lockfile resolves (type npm, dev marked). */
export function npmPackageFacts(path: string, packages: readonly LockedPackage[]): Fact[] {
  return packages.map((p): Fact => ({ kind: 'package', path, package: { type: 'npm', name: p.name, version: p.version, licenses: [], ...(p.dev ? { dev: true } : {}) } }));
}

const v1Dependency: z.ZodMiniType<V1Dependency> = z.lazy(() =>
  z.looseObject({ version: z.optional(z.string()), dev: z.optional(z.boolean()), dependencies: z.optional(z.record(z.string(), v1Dependency)) }),
);
interface V1Dependency {
  version?: string | undefined;
  dev?: boolean | undefined;
  dependencies?: Record<string, V1Dependency> | undefined;
}
const v2Package = z.looseObject({
  name: z.optional(z.string()),
  version: z.optional(z.string()),
  dev: z.optional(z.boolean()),
  link: z.optional(z.boolean()),
  resolved: z.optional(z.string()),
});
const lockfile = z.looseObject({
  lockfileVersion: z.optional(z.number()),
  packages: z.optional(z.record(z.string(), v2Package)),
  dependencies: z.optional(z.record(z.string(), v1Dependency)),
});

/** Collects locked packages, keeping one entry per name@version; production wins over dev. */
export function collectLocked(): { add(p: LockedPackage): void; list(): LockedPackage[] } {
  const byId = new Map<string, LockedPackage>();
  return {
    add(p) {
      const id = `${p.name}@${p.version}`;
      const prev = byId.get(id);
      if (prev === undefined || (prev.dev && !p.dev)) byId.set(id, p);
    },
    list: () => [...byId.values()],
  };
}

/**
 * npm `package-lock.json` (and `npm-shrinkwrap.json`): v2/v3 `packages` (keys are install paths;
 * links resolve to their workspace folder; broken links are dropped), v1 nested `dependencies`.
 */
export function parseNpmLockfile(text: string): LockResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${(error as Error).message}` };
  }
  const parsed = checkSchema(lockfile, json);
  if (!parsed.success) return { ok: false, reason: `not a package-lock: ${parsed.error.issues[0]?.message ?? ''}` };
  const lock = parsed.data;
  const out = collectLocked();
  if (lock.packages !== undefined && (lock.lockfileVersion ?? 1) >= 2) {
    for (const [key, entry] of Object.entries(lock.packages)) {
      const at = key.lastIndexOf('node_modules/');
      if (key === '' || at < 0) continue; // the root and workspace folders themselves
      let target = entry;
      if (entry.link === true) {
        const resolved = entry.resolved === undefined || entry.resolved === '' ? undefined : lock.packages[entry.resolved];
        if (resolved === undefined) continue;
        target = resolved;
      }
      out.add({ name: entry.name ?? key.slice(at + 'node_modules/'.length), version: target.version ?? '', dev: target.dev === true });
    }
    return { ok: true, packages: out.list() };
  }
  const walk = (deps: Record<string, V1Dependency>): void => {
    for (const [name, dep] of Object.entries(deps)) {
      if (dep.version !== undefined) out.add({ name, version: dep.version, dev: dep.dev === true });
      if (dep.dependencies !== undefined) walk(dep.dependencies);
    }
  };
  walk(lock.dependencies ?? {});
  return { ok: true, packages: out.list() };
}

/** The package name in a lockfile pattern (`@scope/name@range` → `@scope/name`). */
export function nameOfPattern(pattern: string): { name: string; range: string } {
  const at = pattern.indexOf('@', 1);
  return at < 0 ? { name: pattern, range: '' } : { name: pattern.slice(0, at), range: pattern.slice(at + 1) };
}
