import type { Readable } from 'node:stream';
import type { EventSource, FieldValue, RuntimeEvent } from '../event.js';
import { createJsonLinesSource, isRecord, isoToEpochNanos } from './json-lines-source.js';

/**
 * Falco's JSON alerts (`json_output: true`) as events: the alert's `output_fields` are libsinsp
 * fields already; `evt.time` comes from `time` when the fields lack it. Indexed keys such as
 * `proc.aname[2]` stay flat keys (the engine reads them). The alert's rule name is kept as
 * `falco.rule` so Rampart rules can correlate. An alert without `evt.type` (a plugin source) is
 * kept with `evt.type` absent: rules restricted by event type do not see it.
 */
export function mapFalcoAlert(value: unknown): RuntimeEvent | undefined {
  if (!isRecord(value) || !isRecord(value['output_fields'])) return undefined;
  const event: Record<string, FieldValue> = {};
  for (const [key, field] of Object.entries(value['output_fields'])) {
    if (field === null || typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean') event[key] = field;
  }
  if (event['evt.time'] === undefined) {
    const time = isoToEpochNanos(value['time']);
    if (time !== undefined) event['evt.time'] = time;
  }
  if (typeof event['evt.time'] === 'number') event['evt.time'] = String(event['evt.time']);
  if (typeof value['rule'] === 'string') event['falco.rule'] = value['rule'];
  if (typeof value['priority'] === 'string') event['falco.priority'] = value['priority'];
  event['evt.source'] = typeof value['source'] === 'string' ? value['source'] : 'syscall';
  return event;
}

export function createFalcoAlertSource(file: string, stdin?: Readable): EventSource {
  return createJsonLinesSource({ name: 'falco', file, map: mapFalcoAlert, ...(stdin === undefined ? {} : { stdin }) });
}
