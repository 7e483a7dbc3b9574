import * as z from 'zod/mini';
import { defineAnalyzer, unknownFact } from '../analyzer.js';
import { readJsonLock } from '../lock-document.js';
import type { LockedPythonPackage, PythonLockResult } from '../python-lock.js';
import { pythonPackageFacts } from '../python-lock.js';

const entry = z.looseObject({ version: z.optional(z.string()), git: z.optional(z.string()), path: z.optional(z.string()), file: z.optional(z.string()) });
const lock = z.looseObject({ default: z.optional(z.record(z.string(), entry)), develop: z.optional(z.record(z.string(), entry)) });

/**
 * Pipfile.lock: `default` (production) and `develop` (dev) sections; versions are `==X` pins. Entries
 * without a version are local paths (the project itself: skipped) or VCS/URL checkouts (noted: their
 * version cannot be known from the lock).
 */
export function parsePipfileLock(text: string): PythonLockResult {
  const parsed = readJsonLock(text, lock, 'Pipfile.lock');
  if (!parsed.ok) return parsed;
  const packages: LockedPythonPackage[] = [];
  const notes: string[] = [];
  for (const [section, dev] of [['default', false], ['develop', true]] as const) {
    for (const [name, e] of Object.entries(parsed.data[section] ?? {})) {
      const version = e.version?.replace(/^===?/, '').trim();
      if (version !== undefined && version !== '' && version !== '*') packages.push({ name, version, dev });
      else if (e.path === undefined) notes.push(`${section}.${name} has no version pin (${e.git !== undefined ? `git ${e.git}` : e.file !== undefined ? `file ${e.file}` : 'no source'}): not inventoried`);
    }
  }
  return { ok: true, packages, notes };
}

/** Python dependencies Pipenv locked (Pipfile.lock: default and develop). */
export const pipenvLock = defineAnalyzer({
  id: 'pipenv-lock',
  version: 1,
  description: 'Python dependencies declared in Pipfile.lock (default, and develop marked dev)',
  declared: true,
  required(path) {
    return path.endsWith('/Pipfile.lock') && !path.includes('/site-packages/');
  },
  analyze({ path, content }) {
    const result = parsePipfileLock(content.toString('utf8'));
    if (!result.ok) return [unknownFact(path, `Pipfile.lock: ${result.reason}`)];
    return [...(result.notes ?? []).map((n) => unknownFact(path, `Pipfile.lock: ${n}`)), ...pythonPackageFacts(path, result.packages)];
  },
});
