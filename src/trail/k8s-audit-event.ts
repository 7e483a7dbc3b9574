import * as z from 'zod/mini';
import { checkSchema } from '../core/index.js';
import { canonicalJson } from './canonical-json.js';
import type { TrailEntry } from './entry-schemas.js';

/** The `audit.k8s.io/v1` Event fields the trail reads; everything else is kept in `raw`. */
const auditEventSchema = z.looseObject({
  auditID: z.string().check(z.minLength(1)),
  stage: z.string().check(z.minLength(1)),
  verb: z.string().check(z.minLength(1)),
  requestReceivedTimestamp: z.optional(z.string()),
  stageTimestamp: z.optional(z.string()),
  user: z.optional(z.looseObject({ username: z.optional(z.string()) })),
  objectRef: z.optional(
    z.looseObject({
      resource: z.optional(z.string()),
      subresource: z.optional(z.string()),
      namespace: z.optional(z.string()),
      name: z.optional(z.string()),
    }),
  ),
});

export const auditEventListSchema = z.looseObject({
  apiVersion: z.literal('audit.k8s.io/v1'),
  kind: z.literal('EventList'),
  items: z.array(z.unknown()),
});

export type AuditParse = { ok: true; entries: TrailEntry[] } | { ok: false; reason: string };

/** Parses an EventList body into trail entries; any bad item rejects the whole list (nothing half-logged). */
export function auditEventListToEntries(body: unknown): AuditParse {
  const list = checkSchema(auditEventListSchema, body);
  if (!list.success) return { ok: false, reason: `not an audit.k8s.io/v1 EventList: ${list.error.issues[0]?.message ?? 'invalid'}` };
  const entries: TrailEntry[] = [];
  for (const [i, item] of list.data.items.entries()) {
    const ev = checkSchema(auditEventSchema, item);
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
