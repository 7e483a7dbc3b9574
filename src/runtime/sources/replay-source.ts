import type { Readable } from 'node:stream';
import type { EventSource, RuntimeEvent } from '../event.js';
import { createJsonLinesSource, isRecord } from './json-lines-source.js';

/** Replays a file recorded by `watch --record` (or written by hand): one event per line. */
export function createReplaySource(file: string, stdin?: Readable): EventSource {
  return createJsonLinesSource({
    name: 'replay',
    file,
    ...(stdin === undefined ? {} : { stdin }),
    map: (value) => (isRecord(value) && typeof value['evt.type'] === 'string' ? (value as RuntimeEvent) : undefined),
  });
}
