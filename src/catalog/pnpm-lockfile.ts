import { parseAllDocuments } from 'yaml';
import type { LockResult } from './npm-lockfile.js';
import { collectLocked } from './npm-lockfile.js';

interface PnpmEntry {
  name?: unknown;
  version?: unknown;
  dev?: unknown;
}

/** `/name/1.0.0_peer@1` (v5), `/name@1.0.0(peer@1)` (v6), `name@1.0.0(peer@1)` (v9) → name, version. */
function parseKey(key: string, v5: boolean): { name: string; version: string } | undefined {
  const k = key.replace(/^\//, '').replace(/\(.*$/, '');
  if (v5) {
    const slash = k.lastIndexOf('/');
    if (slash <= 0) return undefined;
    return { name: k.slice(0, slash), version: (k.slice(slash + 1).split('_')[0] ?? '') };
  }
  const at = k.indexOf('@', 1);
  if (at < 0) return undefined;
  return { name: k.slice(0, at), version: k.slice(at + 1) };
}

/** `pnpm-lock.yaml` v5, v6 and v9 (the last document of a multi-document file is the project's). */
export function parsePnpmLockfile(text: string): LockResult {
  let doc: unknown;
  try {
    const docs = parseAllDocuments(text);
    const list = Array.isArray(docs) ? docs : [docs];
    const last = list[list.length - 1];
    if (last === undefined) return { ok: true, packages: [] };
    if (last.errors.length > 0) return { ok: false, reason: `invalid YAML: ${last.errors[0]?.message ?? ''}` };
    doc = last.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, reason: `invalid YAML: ${(error as Error).message}` };
  }
  if (typeof doc !== 'object' || doc === null) return { ok: false, reason: 'not a pnpm lockfile' };
  const lock = doc as { lockfileVersion?: unknown; packages?: Record<string, PnpmEntry>; snapshots?: Record<string, PnpmEntry> };
  const version = Number.parseFloat(String(lock.lockfileVersion ?? '0'));
  if (version >= 9) return parseV9(lock as V9Lock);
  const out = collectLocked();
  const v5 = version < 6;
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    const fromKey = parseKey(key, v5);
    const name = typeof entry?.name === 'string' ? entry.name : fromKey?.name;
    const ver = typeof entry?.version === 'string' ? entry.version : fromKey?.version;
    if (name === undefined || ver === undefined || ver === '' || /^[a-z]+:/.test(ver)) continue;
    // pnpm marks dev-only packages; like `npm ci --omit=dev`, they are not installed in production
    if (entry?.dev === true) continue;
    out.add({ name, version: ver, dev: false });
  }
  return { ok: true, packages: out.list() };
}

type DepMap = Record<string, string | { version?: string }>;
interface V9Lock {
  importers?: Record<string, { dependencies?: DepMap; optionalDependencies?: DepMap; devDependencies?: DepMap }>;
  packages?: Record<string, PnpmEntry>;
  snapshots?: Record<string, { dependencies?: DepMap; optionalDependencies?: DepMap }>;
}

function refs(deps: DepMap | undefined): string[] {
  return Object.entries(deps ?? {}).flatMap(([name, v]) => {
    const version = typeof v === 'string' ? v : v.version;
    return version === undefined || version.startsWith('link:') ? [] : [`${name}@${version}`];
  });
}

/**
 * v9: `snapshots` are the installed instances (keys carry peer suffixes), `packages` their metadata
 * (versions of tarball and folder dependencies). A package is dev-only when only the importers'
 * devDependencies reach it.
 */
function parseV9(lock: V9Lock): LockResult {
  const snapshots = lock.snapshots ?? {};
  const reach = (roots: string[]): Set<string> => {
    const seen = new Set<string>();
    const stack = [...roots];
    while (stack.length > 0) {
      const key = stack.pop() ?? '';
      if (seen.has(key)) continue;
      seen.add(key);
      const snap = snapshots[key];
      if (snap !== undefined) stack.push(...refs(snap.dependencies), ...refs(snap.optionalDependencies));
    }
    return seen;
  };
  const importers = Object.values(lock.importers ?? {});
  const prod = reach(importers.flatMap((i) => [...refs(i.dependencies), ...refs(i.optionalDependencies)]));
  const dev = reach(importers.flatMap((i) => refs(i.devDependencies)));
  const packages: { name: string; version: string; dev: boolean }[] = [];
  const seen = new Set<string>();
  for (const key of Object.keys(snapshots)) {
    const base = key.replace(/\(.*$/, '');
    const at = base.indexOf('@', 1);
    if (at < 0) continue;
    const name = base.slice(0, at);
    const meta = lock.packages?.[base];
    const fromKey = base.slice(at + 1);
    const version = typeof meta?.version === 'string' ? meta.version : /^[a-z]+:/.test(fromKey) || fromKey.includes('/') ? '' : fromKey;
    const isDev = dev.has(key) && !prod.has(key);
    const id = `${name}@${version}@${isDev ? 1 : 0}`;
    if (seen.has(id)) continue;
    seen.add(id);
    packages.push({ name, version, dev: isDev });
  }
  return { ok: true, packages };
}
