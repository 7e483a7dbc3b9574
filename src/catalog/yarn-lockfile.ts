import { parse as parseYaml } from 'yaml';
import type { LockResult } from './npm-lockfile.js';
import { collectLocked, nameOfPattern } from './npm-lockfile.js';

/** Ranges that do not come from the registry (local folders, git, workspaces, patches). */
function fromRegistry(range: string): boolean {
  if (range.startsWith('npm:')) return true;
  return !/^[a-z+]+:/i.test(range) && !range.includes('://') && !range.startsWith('/') && !range.startsWith('.');
}

/**
 * `yarn.lock`: v1 (its own indented format) and berry (v2+, YAML with `__metadata`). Entries from
 * local folders, git, workspaces and patches are not registry packages and are left out.
 */
export function parseYarnLockfile(text: string): LockResult {
  if (/^__metadata:/m.test(text)) return parseBerry(text);
  const out = collectLocked();
  let patterns: string[] | undefined;
  const lines = text.split(/\r?\n/);
  for (const line of lines) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!line.startsWith(' ')) {
      if (!line.endsWith(':')) return { ok: false, reason: `unexpected line ${JSON.stringify(line.slice(0, 60))}` };
      patterns = line
        .slice(0, -1)
        .split(',')
        .map((p) => p.trim().replace(/^"|"$/g, ''));
      continue;
    }
    const m = /^ {2}version:? "?([^"]+)"?$/.exec(line);
    if (m !== null && patterns !== undefined) {
      const first = nameOfPattern(patterns[0] ?? '');
      if (patterns.every((p) => fromRegistry(nameOfPattern(p).range))) out.add({ name: first.name, version: m[1] ?? '', dev: false });
      patterns = undefined;
    }
  }
  return { ok: true, packages: out.list() };
}

function parseBerry(text: string): LockResult {
  let doc: unknown;
  try {
    doc = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, reason: `invalid YAML: ${(error as Error).message}` };
  }
  if (typeof doc !== 'object' || doc === null) return { ok: false, reason: 'not a yarn lockfile' };
  const out = collectLocked();
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    if (key === '__metadata' || typeof value !== 'object' || value === null) continue;
    const entry = value as { version?: unknown; resolution?: unknown };
    const resolution = typeof entry.resolution === 'string' ? entry.resolution : (key.split(',')[0] ?? '').trim();
    const { name, range } = nameOfPattern(resolution);
    if (!range.startsWith('npm:') || typeof entry.version !== 'string') continue;
    out.add({ name, version: entry.version, dev: false });
  }
  return { ok: true, packages: out.list() };
}
