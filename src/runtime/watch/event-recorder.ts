import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { RuntimeEvent } from '../event.js';

export interface EventRecorder {
  record(event: RuntimeEvent): void;
  readonly count: () => number;
  close(): Promise<void>;
}

/** `watch --record FILE`: events as JSON lines (docs/event-format.md), for `rules test` and replay. */
export async function createEventRecorder(file: string): Promise<EventRecorder> {
  await mkdir(path.dirname(file), { recursive: true });
  const stream = createWriteStream(file, { flags: 'w' });
  let count = 0;
  return {
    record(event) {
      count += 1;
      stream.write(`${JSON.stringify(event)}\n`);
    },
    count: () => count,
    close: () => new Promise((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve()))),
  };
}
