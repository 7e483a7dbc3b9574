import * as z from 'zod/mini';
import type { Location } from '../core/index.js';
import { checkSchema, RampartError } from '../core/index.js';

/**
 * The OSV schema (ossf/osv-schema), validated at the boundary with only the fields Rampart reads;
 * everything else is kept as it came (loose objects) so records are stored verbatim.
 */
const event = z.looseObject({
  introduced: z.optional(z.string()),
  fixed: z.optional(z.string()),
  last_affected: z.optional(z.string()),
  limit: z.optional(z.string()),
});

const range = z.looseObject({
  type: z.string(),
  repo: z.optional(z.string()),
  events: z.array(event),
});

const severity = z.looseObject({ type: z.string(), score: z.string() });

const affected = z.looseObject({
  package: z.optional(z.looseObject({ ecosystem: z.string(), name: z.string(), purl: z.optional(z.string()) })),
  severity: z.optional(z.array(severity)),
  ranges: z.optional(z.array(range)),
  versions: z.optional(z.array(z.string())),
  ecosystem_specific: z.optional(z.record(z.string(), z.unknown())),
  database_specific: z.optional(z.record(z.string(), z.unknown())),
});

export const osvRecordSchema = z.looseObject({
  schema_version: z.optional(z.string()),
  id: z.string().check(z.minLength(1)),
  modified: z.string().check(z.minLength(1)),
  published: z.optional(z.string()),
  withdrawn: z.optional(z.string()),
  aliases: z.nullish(z.array(z.string())),
  related: z.nullish(z.array(z.string())),
  upstream: z.nullish(z.array(z.string())),
  summary: z.optional(z.string()),
  details: z.optional(z.string()),
  severity: z.nullish(z.array(severity)),
  affected: z.nullish(z.array(affected)),
  references: z.nullish(z.array(z.looseObject({ type: z.string(), url: z.string() }))),
  database_specific: z.nullish(z.record(z.string(), z.unknown())),
});

export type OsvRecord = z.infer<typeof osvRecordSchema>;
export type OsvAffected = z.infer<typeof affected>;
export type OsvRange = z.infer<typeof range>;
export type OsvEvent = z.infer<typeof event>;
export type OsvSeverity = z.infer<typeof severity>;

/** Validates one parsed OSV document; a bad record is a BAD_INPUT error naming where it came from. */
export function parseOsvRecord(value: unknown, location: Location): OsvRecord {
  const result = checkSchema(osvRecordSchema, value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined ? '' : ` at ${issue.path.join('.') || '(root)'}: ${issue.message}`;
    throw new RampartError('BAD_INPUT', `not an OSV record${where}`, { location });
  }
  return result.data;
}
