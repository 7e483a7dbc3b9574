import jsYaml from 'js-yaml';
import * as z from 'zod/mini';
import type { Location } from '../core/index.js';
import { RampartError, checkSchema } from '../core/index.js';

/** One entry of `.rampartignore.yaml`: an advisory id, optionally bound to one package, with a reason. */
export interface IgnoreEntry {
  readonly id: string;
  readonly package?: string;
  readonly reason: string;
  /** `YYYY-MM-DD`; after this day the entry stops suppressing and is reported as expired. */
  readonly expires?: string;
  readonly location: Location;
}

const entrySchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  package: z.optional(z.string().check(z.minLength(1))),
  reason: z.string().check(z.trim(), z.minLength(1, 'reason is required')),
  expires: z.optional(
    z
      .pipe(
        z.union([z.string(), z.date()]),
        z.transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)),
      )
      .check(z.refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), 'expires must be a date YYYY-MM-DD')),
  ),
});

const fileSchema = z.union([z.strictObject({ ignore: z.array(z.unknown()) }), z.array(z.unknown())]);

/**
 * Reads `.rampartignore.yaml`: either a list of entries or `{ignore: [...]}`; each entry has `id`
 * (advisory id or alias, or secret rule id), optional `package` (name or purl), required `reason`,
 * optional `expires`. Bad input names the file and the entry.
 */
export function readIgnoreFile(text: string, file: string): IgnoreEntry[] {
  let doc: unknown;
  try {
    doc = jsYaml.load(text);
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    throw new RampartError('BAD_INPUT', `${file}: not valid YAML: ${(error as Error).message}`, {
      cause: error,
      location: { file, ...(mark?.line === undefined ? {} : { line: mark.line + 1 }) },
    });
  }
  if (doc === undefined || doc === null) return [];
  const top = checkSchema(fileSchema, doc);
  if (!top.success) throw new RampartError('BAD_INPUT', `${file}: expected a list of entries or {ignore: [...]}`, { location: { file } });
  const raw = Array.isArray(top.data) ? top.data : top.data.ignore;
  return raw.map((item, i) => {
    const parsed = checkSchema(entrySchema, item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RampartError('BAD_INPUT', `${file}: entry ${i + 1}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`.replace(/ {2,}/g, ' '), {
        location: { file, path: `ignore[${i}]` },
      });
    }
    const e = parsed.data;
    return {
      id: e.id,
      reason: e.reason,
      ...(e.package === undefined ? {} : { package: e.package }),
      ...(e.expires === undefined ? {} : { expires: e.expires }),
      location: { file, path: `ignore[${i}]` },
    };
  });
}

/** Whether an entry has expired on `today` (YYYY-MM-DD): the expiry day itself still suppresses. */
export function isExpired(entry: IgnoreEntry, today: string): boolean {
  return entry.expires !== undefined && entry.expires < today;
}
