import * as z from 'zod/mini';
import { checkSchema } from '../core/index.js';
import type { TrailEntry } from './entry-schemas.js';

/** The fields of a Docker Engine event the trail reads (API 1.41 `/events`). */
const dockerEventSchema = z.object({
  Type: z.string().check(z.minLength(1)),
  Action: z.string().check(z.minLength(1)),
  Actor: z._default(z.object({ ID: z._default(z.string(), ''), Attributes: z._default(z.record(z.string(), z.string()), {}) }), { ID: '', Attributes: {} }),
  time: z.optional(z.number()),
});

/**
 * `timeNano` exceeds 2^53, so it is read from the event's text, never from a parsed number. Docker
 * writes it as a bare integer.
 */
export function readTimeNano(rawLine: string): string | undefined {
  return /"timeNano"\s*:\s*"?([0-9]+)"?/.exec(rawLine)?.[1];
}

export function isoFromNanos(timeNano: string): string {
  const ns = BigInt(timeNano);
  const ms = Number(ns / 1_000_000n);
  const frac = (ns % 1_000_000_000n).toString().padStart(9, '0');
  return `${new Date(ms).toISOString().slice(0, 19)}.${frac}Z`;
}

/** Maps one Docker event line to a trail entry; a string result says why the line is not an event. */
export function dockerEventToEntry(rawLine: string): TrailEntry | string {
  let json: unknown;
  try {
    json = JSON.parse(rawLine) as unknown;
  } catch {
    return 'not JSON';
  }
  const parsed = checkSchema(dockerEventSchema, json);
  if (!parsed.success) return `not a Docker event: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
  const ev = parsed.data;
  const timeNano = readTimeNano(rawLine) ?? (ev.time === undefined ? undefined : `${ev.time}000000000`);
  if (timeNano === undefined) return 'Docker event without a time';
  const common = { v: 1 as const, time: isoFromNanos(timeNano), timeNano, raw: rawLine, source: 'docker' };
  const attrs = ev.Actor.Attributes;
  const [verb, ...restParts] = ev.Action.split(':');
  const action = (verb ?? ev.Action).trim();
  const detail = restParts.join(':').trim();
  if (ev.Type === 'container') {
    const container = { id: ev.Actor.ID, ...(attrs['name'] === undefined ? {} : { name: attrs['name'] }), ...(attrs['image'] === undefined ? {} : { image: attrs['image'] }) };
    if (action.startsWith('exec_')) {
      const exec = { ...(attrs['execID'] === undefined ? {} : { id: attrs['execID'] }), ...(detail === '' ? {} : { command: detail }), ...(attrs['exitCode'] === undefined ? {} : { exitCode: attrs['exitCode'] }) };
      return { ...common, kind: 'exec', action, container, exec };
    }
    return { ...common, kind: 'container', action, container };
  }
  if (ev.Type === 'image') {
    return { ...common, kind: 'image', action, image: { ref: attrs['name'] ?? ev.Actor.ID, ...(ev.Actor.ID === '' ? {} : { id: ev.Actor.ID }) } };
  }
  return { ...common, kind: 'engine', type: ev.Type, action, actorId: ev.Actor.ID };
}

/** Docker's `since` parameter ("seconds.nanoseconds") from a timeNano cursor, minus `backNanos`. */
export function sinceParameter(timeNano: string, backNanos = 0n): string {
  let ns = BigInt(timeNano) - backNanos;
  if (ns < 0n) ns = 0n;
  return `${ns / 1_000_000_000n}.${(ns % 1_000_000_000n).toString().padStart(9, '0')}`;
}
