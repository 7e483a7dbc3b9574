import { z } from 'zod';
import type { Location } from '../core/index.js';
import { RampartError } from '../core/index.js';

/**
 * The OSV schema (ossf/osv-schema), validated at the boundary with only the fields Rampart reads;
 * everything else is kept as it came (loose objects) so records are stored verbatim.
 */
const event = z.looseObject({
  introduced: z.string().optional(),
  fixed: z.string().optional(),
  last_affected: z.string().optional(),
  limit: z.string().optional(),
});

const range = z.looseObject({
  type: z.string(),
  repo: z.string().optional(),
  events: z.array(event),
});

const severity = z.looseObject({ type: z.string(), score: z.string() });

const affected = z.looseObject({
  package: z
    .looseObject({ ecosystem: z.string(), name: z.string(), purl: z.string().optional() })
    .optional(),
  severity: z.array(severity).optional(),
  ranges: z.array(range).optional(),
  versions: z.array(z.string()).optional(),
  ecosystem_specific: z.record(z.string(), z.unknown()).optional(),
  database_specific: z.record(z.string(), z.unknown()).optional(),
});

export const osvRecordSchema = z.looseObject({
  schema_version: z.string().optional(),
  id: z.string().min(1),
  modified: z.string().min(1),
  published: z.string().optional(),
  withdrawn: z.string().optional(),
  aliases: z.array(z.string()).nullish(),
  related: z.array(z.string()).nullish(),
  upstream: z.array(z.string()).nullish(),
  summary: z.string().optional(),
  details: z.string().optional(),
  severity: z.array(severity).nullish(),
  affected: z.array(affected).nullish(),
  references: z.array(z.looseObject({ type: z.string(), url: z.string() })).nullish(),
  database_specific: z.record(z.string(), z.unknown()).nullish(),
});

export type OsvRecord = z.infer<typeof osvRecordSchema>;
export type OsvAffected = z.infer<typeof affected>;
export type OsvRange = z.infer<typeof range>;
export type OsvEvent = z.infer<typeof event>;
export type OsvSeverity = z.infer<typeof severity>;

/** Validates one parsed OSV document; a bad record is a BAD_INPUT error naming where it came from. */
export function parseOsvRecord(value: unknown, location: Location): OsvRecord {
  const result = osvRecordSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined ? '' : ` at ${issue.path.join('.') || '(root)'}: ${issue.message}`;
    throw new RampartError('BAD_INPUT', `not an OSV record${where}`, { location });
  }
  return result.data;
}
