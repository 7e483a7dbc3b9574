import * as z from 'zod/mini';
import { RampartError, checkSchema, severities } from '../core/index.js';
import type { Inventory } from '../sbom/index.js';
import { inventorySchemaVersion, packageTypes } from '../sbom/index.js';
import type { FindingKey } from './sbom-store.js';

// Only the fields re-matching reads are checked; the rest of the inventory is kept as stored.
const packageSchema = z.looseObject({
  type: z.enum(packageTypes),
  name: z.string(),
  version: z.string(),
  purl: z.string(),
  evidence: z.looseObject({ path: z.string() }),
});

const inventorySchema = z.looseObject({
  schemaVersion: z.literal(inventorySchemaVersion),
  target: z.string(),
  packages: z.array(packageSchema),
  unknowns: z.array(z.looseObject({ reason: z.string() })),
});

const findingKeySchema = z.object({
  id: z.string(),
  aliases: z.array(z.string()),
  ecosystem: z.string(),
  package: z.string(),
  version: z.string(),
  severity: z.enum(severities),
  fixedVersion: z.optional(z.string()),
});

function parseJson<T>(text: string, schema: z.ZodMiniType<T>, what: string, file: string, target: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RampartError('BAD_STORE', `${file}: the stored ${what} of ${target} is not JSON`, { cause: error, location: { file, path: target } });
  }
  const parsed = checkSchema(schema, value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RampartError('BAD_STORE', `${file}: the stored ${what} of ${target} is invalid at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`, {
      location: { file, path: target },
    });
  }
  return parsed.data;
}

/** A stored inventory read back (the store file is input like any other: checked, never trusted). */
export function parseStoredInventory(text: string, file: string, target: string): Inventory {
  return parseJson(text, inventorySchema, 'inventory', file, target) as unknown as Inventory;
}

export function parseStoredFindings(text: string, file: string, target: string): FindingKey[] {
  return parseJson(text, z.array(findingKeySchema), 'findings', file, target) as FindingKey[];
}
