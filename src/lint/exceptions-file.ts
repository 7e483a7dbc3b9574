import * as z from 'zod/mini';
import { checkSchema, RampartError } from '../core/index.js';
import type { LintException } from './exceptions.js';
import { validateDate } from './exceptions.js';
import { parseYaml } from './yaml-view.js';

const entrySchema = z.object({
  check: z.string().check(z.minLength(1)),
  reason: z.string().check(z.trim(), z.minLength(1, 'reason is required')),
  expires: z.optional(z.union([z.string(), z.date()])),
  file: z.optional(z.string()),
  workload: z.optional(z.string()),
});
const fileSchema = z.object({ exceptions: z.array(z.unknown()) });

/**
 * Reads an exceptions file:
 * `exceptions: [{ check: runtime/pids-limit, reason: "...", expires: 2026-12-31, file: compose.yaml, workload: web }]`.
 */
export function readExceptionsFile(text: string, file: string): LintException[] {
  const parsed = parseYaml(text, file);
  const view = parsed.views[0];
  if (view === undefined) return [];
  const top = checkSchema(fileSchema, view.plain(view.doc.contents));
  if (!top.success) throw new RampartError('BAD_CONFIG', `${file}: expected a top-level "exceptions:" list`, { location: { file, line: 1 } });
  const items = view.items(view.get(view.doc.contents, 'exceptions'));
  return items.map((node) => {
    const location = view.locate(node);
    const raw = view.plain(node);
    const entry = checkSchema(entrySchema, raw);
    if (!entry.success) {
      const issue = entry.error.issues[0];
      throw new RampartError('BAD_CONFIG', `${file}: exception ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`, { location });
    }
    const expires = entry.data.expires instanceof Date ? entry.data.expires.toISOString().slice(0, 10) : entry.data.expires;
    if (expires !== undefined) validateDate(expires, location);
    return {
      checkId: entry.data.check,
      reason: entry.data.reason,
      ...(expires === undefined ? {} : { expires }),
      ...(entry.data.file === undefined ? {} : { file: entry.data.file }),
      ...(entry.data.workload === undefined ? {} : { workload: entry.data.workload }),
      location,
    };
  });
}
