import path from 'node:path';
import * as z from 'zod/mini';
import { readTomlLock } from './lock-document.js';

/** A crate a Cargo.lock pins; `dev` when only dev-dependencies of the workspace reach it. */
export interface LockedCrate {
  readonly name: string;
  readonly version: string;
  readonly dev: boolean;
}

const lockPackage = z.looseObject({
  name: z.string(),
  version: z.string(),
  source: z.optional(z.string()),
  dependencies: z.optional(z.array(z.string())),
});
const lockFile = z.looseObject({
  version: z.optional(z.number()),
  package: z.optional(z.array(lockPackage)),
  // lockfile v1 (Rust < 1.38) kept the root package apart
  root: z.optional(lockPackage),
});
type LockPackage = z.infer<typeof lockPackage>;

const depTable = z.record(z.string(), z.unknown());
const manifest = z.looseObject({
  package: z.optional(z.looseObject({ name: z.optional(z.string()) })),
  dependencies: z.optional(depTable),
  'build-dependencies': z.optional(depTable),
  'dev-dependencies': z.optional(depTable),
  target: z.optional(z.record(z.string(), z.looseObject({ dependencies: z.optional(depTable), 'build-dependencies': z.optional(depTable), 'dev-dependencies': z.optional(depTable) }))),
  workspace: z.optional(z.looseObject({ members: z.optional(z.array(z.string())) })),
});

/** What a Cargo.toml says: its crate name, the crates it uses at run/build time and for tests only. */
export interface CargoManifest {
  readonly name?: string;
  readonly prod: ReadonlySet<string>;
  readonly dev: ReadonlySet<string>;
  readonly members: readonly string[];
}

/** Crate names of a dependency table (`alias = { package = "real" }` names the real crate). */
function crateNames(table: Readonly<Record<string, unknown>> | undefined): string[] {
  return Object.entries(table ?? {}).map(([key, spec]) => {
    const renamed = typeof spec === 'object' && spec !== null ? (spec as { package?: unknown }).package : undefined;
    return typeof renamed === 'string' ? renamed : key;
  });
}

export function parseCargoManifest(text: string): { ok: true; manifest: CargoManifest } | { ok: false; reason: string } {
  const parsed = readTomlLock(text, manifest, 'Cargo.toml');
  if (!parsed.ok) return parsed;
  const m = parsed.data;
  const targets = Object.values(m.target ?? {});
  const prod = new Set([...crateNames(m.dependencies), ...crateNames(m['build-dependencies']), ...targets.flatMap((t) => [...crateNames(t.dependencies), ...crateNames(t['build-dependencies'])])]);
  const dev = new Set([...crateNames(m['dev-dependencies']), ...targets.flatMap((t) => crateNames(t['dev-dependencies']))]);
  return { ok: true, manifest: { ...(m.package?.name === undefined ? {} : { name: m.package.name }), prod, dev, members: m.workspace?.members ?? [] } };
}

/** `crates/*` style workspace member globs against a directory relative to the workspace root. */
function memberMatches(pattern: string, dir: string): boolean {
  const norm = path.posix.normalize(pattern).replace(/\/$/, '');
  const source = norm.split('/').map((seg) => seg.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')).join('/');
  return new RegExp(`^${source}$`).test(dir);
}

/**
 * The crates of a Cargo.lock (v1 to v4). Packages without a `source` are the workspace's own crates
 * (and local path crates), not registry releases, and are left out. With the manifests beside it
 * (the root Cargo.toml and its workspace members, keyed by path relative to the lockfile's
 * directory), crates reachable only through dev-dependencies are marked `dev`, as Trivy's cargo
 * analyzer sets them apart; without manifests nothing is marked.
 */
export function parseCargoLock(text: string, manifests: ReadonlyMap<string, CargoManifest> = new Map()): { ok: true; crates: LockedCrate[] } | { ok: false; reason: string } {
  const parsed = readTomlLock(text, lockFile, 'Cargo.lock');
  if (!parsed.ok) return parsed;
  const lock = parsed.data;
  if (lock.version !== undefined && (lock.version < 3 || lock.version > 4)) return { ok: false, reason: `unsupported Cargo.lock version ${lock.version}` };
  const packages = [...(lock.root === undefined ? [] : [lock.root]), ...(lock.package ?? [])];
  const byName = new Map<string, LockPackage[]>();
  for (const p of packages) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  // `name`, `name version` or `name version (source)`
  const resolve = (entry: string): LockPackage | undefined => {
    const [name = '', version] = entry.split(' ');
    const candidates = byName.get(name) ?? [];
    return version === undefined ? candidates[0] : candidates.find((c) => c.version === version);
  };

  const root = manifests.get('.');
  const roots = [...manifests].filter(([dir]) => dir === '.' || (root?.members.some((pattern) => memberMatches(pattern, dir)) ?? false)).map(([, m]) => m);
  const prod = new Set<LockPackage>();
  let marked = false;
  const walk = (p: LockPackage): void => {
    if (prod.has(p)) return;
    prod.add(p);
    for (const d of p.dependencies ?? []) {
      const dep = resolve(d);
      if (dep !== undefined) walk(dep);
    }
  };
  for (const m of roots) {
    const own = packages.find((p) => p.name === m.name && p.source === undefined);
    if (own === undefined) continue;
    marked = true;
    prod.add(own);
    for (const d of own.dependencies ?? []) {
      const dep = resolve(d);
      if (dep !== undefined && (m.prod.has(dep.name) || !m.dev.has(dep.name))) walk(dep);
    }
  }
  const seen = new Set<string>();
  const crates: LockedCrate[] = [];
  for (const p of packages) {
    if (p.source === undefined) continue;
    const id = `${p.name}@${p.version}`;
    if (seen.has(id)) continue;
    seen.add(id);
    crates.push({ name: p.name, version: p.version, dev: marked && !prod.has(p) });
  }
  return { ok: true, crates };
}
