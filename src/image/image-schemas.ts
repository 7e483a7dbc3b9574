import { z } from 'zod';
import { RampartError } from '../core/index.js';
import type { Location } from '../core/index.js';
import type { ImageConfigFile } from './image-types.js';

export const digestPattern = /^sha256:[a-f0-9]{64}$/;
const digest = z.string().regex(digestPattern, 'a sha256 digest');

export const platformSchema = z.object({
  os: z.string(),
  architecture: z.string(),
  variant: z.string().optional(),
});

export const descriptorSchema = z.object({
  mediaType: z.string().optional(),
  digest,
  size: z.number().int().nonnegative(),
  platform: platformSchema.optional(),
  annotations: z.record(z.string(), z.string()).nullish(),
});
export type Descriptor = z.infer<typeof descriptorSchema>;

export const indexSchema = z.object({
  schemaVersion: z.number().optional(),
  mediaType: z.string().optional(),
  manifests: z.array(descriptorSchema),
});
export type ImageIndex = z.infer<typeof indexSchema>;

export const manifestSchema = z.object({
  schemaVersion: z.number().optional(),
  mediaType: z.string().optional(),
  config: descriptorSchema,
  layers: z.array(descriptorSchema),
});
export type ImageManifest = z.infer<typeof manifestSchema>;

/** `docker save`'s manifest.json: one entry per image in the archive. */
export const dockerManifestSchema = z
  .array(
    z.object({
      Config: z.string().min(1),
      RepoTags: z.array(z.string()).nullish(),
      Layers: z.array(z.string().min(1)),
    }),
  )
  .min(1, 'no images');
export type DockerManifest = z.infer<typeof dockerManifestSchema>;

const stringList = z.array(z.string());
export const imageConfigSchema = z.object({
  architecture: z.string().optional(),
  os: z.string().optional(),
  variant: z.string().optional(),
  config: z
    .object({
      User: z.string().optional(),
      Env: stringList.nullish(),
      Entrypoint: stringList.nullish(),
      Cmd: stringList.nullish(),
      WorkingDir: z.string().optional(),
      Labels: z.record(z.string(), z.string()).nullish(),
      ExposedPorts: z.record(z.string(), z.object({}).loose()).nullish(),
      Healthcheck: z.object({ Test: stringList.nullish() }).nullish(),
      StopSignal: z.string().optional(),
      Volumes: z.record(z.string(), z.object({}).loose()).nullish(),
    })
    .nullish(),
  history: z
    .array(
      z.object({
        created: z.string().optional(),
        created_by: z.string().optional(),
        empty_layer: z.boolean().optional(),
        comment: z.string().optional(),
      }),
    )
    .nullish(),
  rootfs: z.object({ type: z.string(), diff_ids: z.array(digest) }),
});

/** Parses a JSON document against a schema; any failure is BAD_ARCHIVE naming the document and field. */
export function parseDocument<T>(bytes: Buffer, schema: z.ZodType<T>, what: string, location: Location): T {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new RampartError('BAD_ARCHIVE', `${what} is not valid JSON: ${(error as Error).message}`, { location, cause: error });
  }
  const result = schema.safeParse(json);
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
