import { z } from 'zod';

/**
 * Trail entries: typed and versioned (`v`), one schema per kind. Every entry keeps its source event
 * verbatim in `raw` (the exact text received, so nothing is lost to number precision: Docker's
 * `timeNano` exceeds 2^53), plus the fields the trail indexes and queries.
 */
const common = {
  v: z.literal(1),
  /** When the event happened, RFC 3339 (UTC). */
  time: z.string().min(1),
  /** Nanoseconds since the epoch as a decimal string, when the source gives them. */
  timeNano: z.string().regex(/^[0-9]+$/).optional(),
  /** The source event exactly as received (JSON text for Docker and Kubernetes). */
  raw: z.string(),
  /** What made the event: 'docker', 'k8s-audit', or 'rampart' for alerts and responses. */
  source: z.string().min(1),
};

const container = z.object({ id: z.string().min(1), name: z.string().optional(), image: z.string().optional() });

export const containerEventSchema = z.object({ ...common, kind: z.literal('container'), action: z.string().min(1), container });
export const imageEventSchema = z.object({
  ...common,
  kind: z.literal('image'),
  action: z.string().min(1),
  image: z.object({ ref: z.string().min(1), id: z.string().optional() }),
});
export const execEventSchema = z.object({
  ...common,
  kind: z.literal('exec'),
  action: z.string().min(1),
  container,
  exec: z.object({ id: z.string().optional(), command: z.string().optional(), exitCode: z.string().optional() }),
});
export const engineEventSchema = z.object({
  ...common,
  kind: z.literal('engine'),
  /** Docker event type: network, volume, daemon, plugin, service, node, secret, config. */
  type: z.string().min(1),
  action: z.string().min(1),
  actorId: z.string(),
});
export const k8sAuditEventSchema = z.object({
  ...common,
  kind: z.literal('k8s-audit'),
  action: z.string().min(1),
  auditId: z.string().min(1),
  stage: z.string().min(1),
  user: z.string().optional(),
  object: z.object({
    resource: z.string().optional(),
    subresource: z.string().optional(),
    namespace: z.string().optional(),
    name: z.string().optional(),
  }),
});
export const runtimeAlertSchema = z.object({
  ...common,
  kind: z.literal('alert'),
  action: z.literal('alert'),
  rule: z.string().min(1),
  priority: z.string().min(1),
  output: z.string(),
  container: container.optional(),
});
export const responseActionSchema = z.object({
  ...common,
  kind: z.literal('response'),
  /** preserve, isolate, terminate, redeploy... */
  action: z.string().min(1),
  outcome: z.enum(['done', 'failed', 'skipped']),
  reason: z.string().optional(),
  container: container.optional(),
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
