import { parse as parseToml } from 'smol-toml';
import type * as z from 'zod/mini';
import { checkSchema } from '../core/index.js';

/** A lockfile read and checked against its schema, or why it could not be. */
export type LockDocument<T> = { ok: true; data: T } | { ok: false; reason: string };

/** An already-parsed lockfile value checked against its schema (for syntaxes other than plain JSON and TOML). */
export function checkLock<T>(value: unknown, schema: z.ZodMiniType<T>, what: string): LockDocument<T> {
  const parsed = checkSchema(schema, value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') ?? '';
  return { ok: false, reason: `not a ${what}: ${where === '' ? '' : `${where} `}${issue?.message ?? ''}`.trimEnd() };
}

/** A JSON lockfile (package-lock.json, Pipfile.lock, composer.lock): syntax, then shape. */
export function readJsonLock<T>(text: string, schema: z.ZodMiniType<T>, what: string): LockDocument<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${(error as Error).message}` };
  }
  return checkLock(value, schema, what);
}

/** A TOML lockfile (poetry.lock, uv.lock, pylock.toml): syntax (first line of the parser's message), then shape. */
export function readTomlLock<T>(text: string, schema: z.ZodMiniType<T>, what: string): LockDocument<T> {
  let value: unknown;
  try {
    value = parseToml(text);
  } catch (error) {
    // first line of the parser's message: smol-toml adds a code frame after it
    return { ok: false, reason: `invalid TOML: ${(error as Error).message.split('\n')[0] ?? ''}` };
  }
  return checkLock(value, schema, what);
}
