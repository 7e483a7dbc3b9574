import type { ParseError } from 'jsonc-parser';
import { parse, printParseErrorCode } from 'jsonc-parser';
import * as z from 'zod/mini';
import { checkLock } from './lock-document.js';
import type { LockResult } from './npm-lockfile.js';
import { collectLocked } from './npm-lockfile.js';

const depMap = z.optional(z.record(z.string(), z.unknown()));
const workspace = z.looseObject({ name: z.optional(z.string()), version: z.optional(z.string()), dependencies: depMap, devDependencies: depMap, optionalDependencies: depMap, peerDependencies: depMap });
const lockfile = z.looseObject({
  lockfileVersion: z.number(),
  workspaces: z.optional(z.record(z.string(), workspace)),
  packages: z.optional(z.record(z.string(), z.array(z.unknown()).check(z.minLength(1)))),
});
type Workspace = z.infer<typeof workspace>;

const prodKeys = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;

/** Splits a lockfile key (`a/@s/b/c`) into its package names (`a`, `@s/b`, `c`). */
function keyNames(key: string): string[] {
  const names: string[] = [];
  const parts = key.split('/');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    names.push(part.startsWith('@') && i + 1 < parts.length ? `${part}/${parts[++i] ?? ''}` : part);
  }
  return names;
}

/**
 * bun.lock (the text lockfile of bun >= 1.2; JSON with trailing commas). `packages` keys are install
 * paths (`parent/child` for nested copies), values `[name@version, registry?, info, integrity?]`;
 * workspace members are `name@workspace:path` with their version under `workspaces`. A package is
 * dev when no production dependency of a workspace (dependencies, optional, peer) reaches it, as
 * Trivy decides; workspace members are production packages.
 */
export function parseBunLockfile(text: string): LockResult {
  const errors: ParseError[] = [];
  const json: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors[0] !== undefined) return { ok: false, reason: `JSON decode error: ${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset}` };
  const parsed = checkLock(json, lockfile, 'bun.lock');
  if (!parsed.ok) return parsed;
  const workspaces = parsed.data.workspaces ?? {};
  const entries = parsed.data.packages ?? {};
  const resolved = new Map<string, { name: string; version: string; deps: string[]; workspace?: Workspace }>();
  for (const [key, entry] of Object.entries(entries)) {
    const ident = entry[0];
    if (typeof ident !== 'string') return { ok: false, reason: `packages.${key}: the first element is not a name@version string` };
    const at = ident.lastIndexOf('@');
    if (at <= 0) return { ok: false, reason: `packages.${key}: ${ident} is not name@version` };
    const name = ident.slice(0, at);
    let version = ident.slice(at + 1);
    let ws: Workspace | undefined;
    if (version.startsWith('workspace:')) {
      ws = workspaces[version.slice('workspace:'.length)] ?? workspaces[key];
      if (ws?.version === undefined) continue; // an unversioned workspace member: nothing to match
      version = ws.version;
    }
    const info = entry.slice(1).find((e): e is Record<string, unknown> => typeof e === 'object' && e !== null && !Array.isArray(e));
    const deps = prodKeys.flatMap((k) => Object.keys((ws?.[k] ?? info?.[k] ?? {}) as Record<string, unknown>));
    resolved.set(key, { name, version, deps, ...(ws !== undefined ? { workspace: ws } : {}) });
  }
  /** The key a dependency `dep` of the package at `from` resolves to: the nearest nested copy, else the hoisted one. */
  const lookup = (from: string[], dep: string): string | undefined => {
    for (let i = from.length; i >= 0; i--) {
      const key = [...from.slice(0, i), dep].join('/');
      if (resolved.has(key)) return key;
    }
    return undefined;
  };
  const prod = new Set<string>();
  const stack: string[] = [];
  for (const ws of Object.values(workspaces)) for (const k of prodKeys) for (const dep of Object.keys(ws[k] ?? {})) stack.push(lookup([], dep) ?? '');
  for (const [key, p] of resolved) if (p.workspace !== undefined) stack.push(key);
  while (stack.length > 0) {
    const key = stack.pop() ?? '';
    const p = resolved.get(key);
    if (p === undefined || prod.has(key)) continue;
    prod.add(key);
    for (const dep of p.deps) stack.push(lookup(keyNames(key), dep) ?? '');
  }
  const out = collectLocked();
  for (const [key, p] of resolved) out.add({ name: p.name, version: p.version, dev: !prod.has(key) });
  return { ok: true, packages: out.list() };
}
