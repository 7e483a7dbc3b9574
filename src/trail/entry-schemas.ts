import * as z from 'zod/mini';

/**
 * Trail entries: typed and versioned (`v`), one schema per kind. Every entry keeps its source event
 * verbatim in `raw` (the exact text received, so nothing is lost to number precision: Docker's
 * `timeNano` exceeds 2^53), plus the fields the trail indexes and queries.
 */
const common = {
  v: z.literal(1),
  /** When the event happened, RFC 3339 (UTC). */
  time: z.string().check(z.minLength(1)),
  /** Nanoseconds since the epoch as a decimal string, when the source gives them. */
  timeNano: z.optional(z.string().check(z.regex(/^[0-9]+$/))),
  /** The source event exactly as received (JSON text for Docker and Kubernetes). */
  raw: z.string(),
  /** What made the event: 'docker', 'k8s-audit', or 'rampart' for alerts and responses. */
  source: z.string().check(z.minLength(1)),
};

const container = z.object({ id: z.string().check(z.minLength(1)), name: z.optional(z.string()), image: z.optional(z.string()) });

export const containerEventSchema = z.object({ ...common, kind: z.literal('container'), action: z.string().check(z.minLength(1)), container });
export const imageEventSchema = z.object({
  ...common,
  kind: z.literal('image'),
  action: z.string().check(z.minLength(1)),
  image: z.object({ ref: z.string().check(z.minLength(1)), id: z.optional(z.string()) }),
});
export const execEventSchema = z.object({
  ...common,
  kind: z.literal('exec'),
  action: z.string().check(z.minLength(1)),
  container,
  exec: z.object({ id: z.optional(z.string()), command: z.optional(z.string()), exitCode: z.optional(z.string()) }),
});
export const engineEventSchema = z.object({
  ...common,
  kind: z.literal('engine'),
  /** Docker event type: network, volume, daemon, plugin, service, node, secret, config. */
  type: z.string().check(z.minLength(1)),
  action: z.string().check(z.minLength(1)),
  actorId: z.string(),
});
export const k8sAuditEventSchema = z.object({
  ...common,
  kind: z.literal('k8s-audit'),
  action: z.string().check(z.minLength(1)),
  auditId: z.string().check(z.minLength(1)),
  stage: z.string().check(z.minLength(1)),
  user: z.optional(z.string()),
  object: z.object({
    resource: z.optional(z.string()),
    subresource: z.optional(z.string()),
    namespace: z.optional(z.string()),
    name: z.optional(z.string()),
  }),
});
export const runtimeAlertSchema = z.object({
  ...common,
  kind: z.literal('alert'),
  action: z.literal('alert'),
  rule: z.string().check(z.minLength(1)),
  priority: z.string().check(z.minLength(1)),
  output: z.string(),
  container: z.optional(container),
});
export const responseActionSchema = z.object({
  ...common,
  kind: z.literal('response'),
  /** preserve, isolate, terminate, redeploy... */
  action: z.string().check(z.minLength(1)),
  outcome: z.enum(['done', 'failed', 'skipped']),
  reason: z.optional(z.string()),
  container: z.optional(container),
});

export const trailEntrySchema = z.discriminatedUnion('kind', [
  containerEventSchema,
  imageEventSchema,
  execEventSchema,
  engineEventSchema,
  k8sAuditEventSchema,
  runtimeAlertSchema,
  responseActionSchema,
]);

export type TrailEntry = z.infer<typeof trailEntrySchema>;
export type TrailEntryKind = TrailEntry['kind'];
export const trailEntryKinds = ['container', 'image', 'exec', 'engine', 'k8s-audit', 'alert', 'response'] as const satisfies readonly TrailEntryKind[];
