import { z } from 'zod';
import { canonicalJson } from './canonical-json.js';
import type { TrailEntry } from './entry-schemas.js';

/** The `audit.k8s.io/v1` Event fields the trail reads; everything else is kept in `raw`. */
const auditEventSchema = z.looseObject({
  auditID: z.string().min(1),
  stage: z.string().min(1),
  verb: z.string().min(1),
  requestReceivedTimestamp: z.string().optional(),
  stageTimestamp: z.string().optional(),
  user: z.looseObject({ username: z.string().optional() }).optional(),
  objectRef: z.looseObject({
    resource: z.string().optional(),
    subresource: z.string().optional(),
    namespace: z.string().optional(),
    name: z.string().optional(),
  }).optional(),
});

export const auditEventListSchema = z.looseObject({
  apiVersion: z.literal('audit.k8s.io/v1'),
  kind: z.literal('EventList'),
  items: z.array(z.unknown()),
});

export type AuditParse = { ok: true; entries: TrailEntry[] } | { ok: false; reason: string };

/** Parses an EventList body into trail entries; any bad item rejects the whole list (nothing half-logged). */
export function auditEventListToEntries(body: unknown): AuditParse {
  const list = auditEventListSchema.safeParse(body);
  if (!list.success) return { ok: false, reason: `not an audit.k8s.io/v1 EventList: ${list.error.issues[0]?.message ?? 'invalid'}` };
  const entries: TrailEntry[] = [];
  for (const [i, item] of list.data.items.entries()) {
    const ev = auditEventSchema.safeParse(item);
    if (!ev.success) return { ok: false, reason: `items[${i}]: ${ev.error.issues[0]?.path.join('.') ?? ''} ${ev.error.issues[0]?.message ?? 'invalid'}` };
    const e = ev.data;
    const time = e.stageTimestamp ?? e.requestReceivedTimestamp;
    if (time === undefined || Number.isNaN(Date.parse(time))) return { ok: false, reason: `items[${i}]: no valid timestamp` };
    const ref = e.objectRef ?? {};
    entries.push({
      v: 1,
      kind: 'k8s-audit',
      action: e.verb,
      time,
      raw: canonicalJson(item),
      source: 'k8s-audit',
      auditId: e.auditID,
      stage: e.stage,
      ...(e.user?.username === undefined ? {} : { user: e.user.username }),
      object: {
        ...(ref.resource === undefined ? {} : { resource: ref.resource }),
        ...(ref.subresource === undefined ? {} : { subresource: ref.subresource }),
        ...(ref.namespace === undefined ? {} : { namespace: ref.namespace }),
        ...(ref.name === undefined ? {} : { name: ref.name }),
      },
    });
  }
  return { ok: true, entries };
}
