import * as z from 'zod/mini';
import { RampartError, checkSchema } from '../core/index.js';
import type { Location } from '../core/index.js';
import type { ImageConfigFile } from './image-types.js';

export const digestPattern = /^sha256:[a-f0-9]{64}$/;
const digest = z.string().check(z.regex(digestPattern, 'a sha256 digest'));

export const platformSchema = z.object({
  os: z.string(),
  architecture: z.string(),
  variant: z.optional(z.string()),
});

export const descriptorSchema = z.object({
  mediaType: z.optional(z.string()),
  digest,
  size: z.int().check(z.nonnegative()),
  platform: z.optional(platformSchema),
  annotations: z.nullish(z.record(z.string(), z.string())),
});
export type Descriptor = z.infer<typeof descriptorSchema>;

export const indexSchema = z.object({
  schemaVersion: z.optional(z.number()),
  mediaType: z.optional(z.string()),
  manifests: z.array(descriptorSchema),
});
export type ImageIndex = z.infer<typeof indexSchema>;

export const manifestSchema = z.object({
  schemaVersion: z.optional(z.number()),
  mediaType: z.optional(z.string()),
  config: descriptorSchema,
  layers: z.array(descriptorSchema),
});
export type ImageManifest = z.infer<typeof manifestSchema>;

/** `docker save`'s manifest.json: one entry per image in the archive. */
export const dockerManifestSchema = z
  .array(
    z.object({
      Config: z.string().check(z.minLength(1)),
      RepoTags: z.nullish(z.array(z.string())),
      Layers: z.array(z.string().check(z.minLength(1))),
    }),
  )
  .check(z.minLength(1, 'no images'));
export type DockerManifest = z.infer<typeof dockerManifestSchema>;

const stringList = z.array(z.string());
export const imageConfigSchema = z.object({
  architecture: z.optional(z.string()),
  os: z.optional(z.string()),
  variant: z.optional(z.string()),
  config: z.nullish(
    z.object({
      User: z.optional(z.string()),
      Env: z.nullish(stringList),
      Entrypoint: z.nullish(stringList),
      Cmd: z.nullish(stringList),
      WorkingDir: z.optional(z.string()),
      Labels: z.nullish(z.record(z.string(), z.string())),
      ExposedPorts: z.nullish(z.record(z.string(), z.looseObject({}))),
      Healthcheck: z.nullish(z.object({ Test: z.nullish(stringList) })),
      StopSignal: z.optional(z.string()),
      Volumes: z.nullish(z.record(z.string(), z.looseObject({}))),
    }),
  ),
  history: z.nullish(
    z.array(
      z.object({
        created: z.optional(z.string()),
        created_by: z.optional(z.string()),
        empty_layer: z.optional(z.boolean()),
        comment: z.optional(z.string()),
      }),
    ),
  ),
  rootfs: z.object({ type: z.string(), diff_ids: z.array(digest) }),
});

/** Parses a JSON document against a schema; any failure is BAD_ARCHIVE naming the document and field. */
export function parseDocument<T>(bytes: Buffer, schema: z.ZodMiniType<T>, what: string, location: Location): T {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new RampartError('BAD_ARCHIVE', `${what} is not valid JSON: ${(error as Error).message}`, { location, cause: error });
  }
  const result = checkSchema(schema, json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const at = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
    throw new RampartError('BAD_ARCHIVE', `${what} is invalid${at}: ${issue?.message ?? 'schema mismatch'}`, {
      location,
      detail: { issues: result.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message })) },
    });
  }
  return result.data;
}

/** The validated config with nulls and absent fields dropped, so it matches ImageConfigFile exactly. */
export function parseImageConfig(bytes: Buffer, location: Location): ImageConfigFile {
  const parsed = parseDocument(bytes, imageConfigSchema, 'image config', location);
  return dropEmpty(parsed) as ImageConfigFile;
}

function dropEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropEmpty);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (inner === undefined) continue;
      // Entrypoint/Cmd/Labels may be null in the contract; other nulls mean "absent".
      if (inner === null && key !== 'Entrypoint' && key !== 'Cmd' && key !== 'Labels') continue;
      out[key] = dropEmpty(inner);
    }
    return out;
  }
  return value;
}
