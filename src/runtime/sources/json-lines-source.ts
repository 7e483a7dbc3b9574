import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { RampartError } from '../../core/index.js';
import type { EventSource, RuntimeEvent } from '../event.js';

/** Maps one parsed JSON line to an event; undefined skips it (a kind with no event equivalent). */
export type LineMapper = (value: unknown) => RuntimeEvent | undefined;

export interface JsonLinesSourceOptions {
  readonly name: string;
  /** A file path, or `-` for stdin. */
  readonly file: string;
  readonly map: LineMapper;
  readonly stdin?: Readable;
}

/** Counts of a JSON-lines source: lines mapped and lines skipped. */
export interface JsonLinesStats {
  lines: number;
  skipped: number;
}

/**
 * A source reading one JSON object per line. A line that is not JSON is bad input (exit 2) naming
 * the file and line; blank lines are ignored.
 */
export function createJsonLinesSource(options: JsonLinesSourceOptions): EventSource & { readonly stats: JsonLinesStats } {
  const stats: JsonLinesStats = { lines: 0, skipped: 0 };
  return {
    name: options.name,
    stats,
    async *events(signal) {
      let input: Readable;
      if (options.file === '-') input = options.stdin ?? process.stdin;
      else {
        const file = createReadStream(options.file);
        await new Promise<void>((resolve, reject) => {
          file.once('open', () => resolve());
          file.once('error', (error: Error) => reject(new RampartError('FILE_NOT_FOUND', `cannot read ${options.file}: ${error.message}`, { cause: error })));
        });
        input = file;
      }
      const lines = createInterface({ input, crlfDelay: Infinity });
      let lineNo = 0;
      try {
        for await (const line of lines) {
          lineNo += 1;
          if (signal?.aborted === true) return;
          if (line.trim() === '') continue;
          let value: unknown;
          try {
            value = JSON.parse(line);
          } catch (error) {
            throw new RampartError('PARSE_ERROR', `${options.name}: line ${lineNo} is not JSON`, { cause: error, location: { file: options.file, line: lineNo } });
          }
          stats.lines += 1;
          const event = options.map(value);
          if (event === undefined) stats.skipped += 1;
          else yield event;
        }
      } finally {
        lines.close();
        if (options.file !== '-') input.destroy();
      }
    },
  };
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** RFC 3339 time (with up to 9 fraction digits) → epoch nanoseconds as a decimal string. */
export function isoToEpochNanos(iso: unknown): string | undefined {
  if (typeof iso !== 'string') return undefined;
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(iso);
  if (match === null) return undefined;
  const ms = Date.parse(`${match[1] ?? ''}${match[3] ?? 'Z'}`);
  if (Number.isNaN(ms)) return undefined;
  return (BigInt(ms) * 1_000_000n + BigInt((match[2] ?? '').padEnd(9, '0').slice(0, 9))).toString();
}
