import * as z from 'zod/mini';
import { defineAnalyzer, unknownFact } from '../analyzer.js';
import { readJsonLock } from '../lock-document.js';
import type { Fact } from '../fact.js';

const pkg = z.looseObject({ name: z.string().check(z.minLength(1)), version: z.string().check(z.minLength(1)), license: z.optional(z.union([z.array(z.string()), z.string()])) });
const lock = z.looseObject({ packages: z.optional(z.array(pkg)), 'packages-dev': z.optional(z.array(pkg)) });

export interface ComposerLocked {
  readonly name: string;
  readonly version: string;
  readonly licenses: string[];
  readonly dev: boolean;
}

export type ComposerLockResult = { ok: true; packages: ComposerLocked[] } | { ok: false; reason: string };

/** composer.lock: `packages`, and `packages-dev` marked dev; a `v` before a version number is dropped, as in installed.json. */
export function parseComposerLock(text: string): ComposerLockResult {
  const parsed = readJsonLock(text, lock, 'composer.lock');
  if (!parsed.ok) return parsed;
  const out = new Map<string, ComposerLocked>();
  for (const [list, dev] of [[parsed.data.packages, false], [parsed.data['packages-dev'], true]] as const) {
    for (const p of list ?? []) {
      const version = p.version.replace(/^v(?=\d)/, '');
      const id = `${p.name}@${version}`;
      if (out.has(id)) continue; // production entries come first and win
      out.set(id, { name: p.name, version, licenses: p.license === undefined ? [] : Array.isArray(p.license) ? p.license : [p.license], dev });
    }
  }
  return { ok: true, packages: [...out.values()] };
}

/** PHP dependencies Composer locked (composer.lock; packages-dev marked dev). */
export const composerLock = defineAnalyzer({
  id: 'composer-lock',
  version: 1,
  description: 'PHP dependencies declared in composer.lock (packages, and packages-dev marked dev)',
  declared: true,
  required(path) {
    return path.endsWith('/composer.lock') && !path.includes('/vendor/');
  },
  analyze({ path, content }) {
    const result = parseComposerLock(content.toString('utf8'));
    if (!result.ok) return [unknownFact(path, `composer.lock: ${result.reason}`)];
    return result.packages.map((p): Fact => ({ kind: 'package', path, package: { type: 'composer', name: p.name, version: p.version, licenses: p.licenses, ...(p.dev ? { dev: true } : {}) } }));
  },
});
