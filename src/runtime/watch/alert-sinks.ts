import { appendFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RampartError } from '../../core/index.js';
import { formatAlertJson, formatAlertText } from '../../rules/index.js';
import type { Alert } from '../../rules/index.js';
import { createWebhookSink } from './webhook-sink.js';

/** Where alerts go. `write` never blocks the event loop on I/O; `close` flushes. */
export interface AlertSink {
  readonly name: string;
  write(alert: Alert): void;
  close(): Promise<void>;
  /** Alerts this sink could not deliver (queue full, retries exhausted). */
  readonly dropped: () => number;
}

export type OutputSpec =
  | { readonly kind: 'stdout' }
  | { readonly kind: 'json' }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'webhook'; readonly url: string };

/** `stdout` (Falco text lines), `json` (Falco JSON lines), `file:PATH` (JSON lines), `webhook:URL`. */
export function parseOutputSpec(spec: string | undefined, cwd: string): OutputSpec {
  if (spec === undefined || spec === 'stdout') return { kind: 'stdout' };
  if (spec === 'json') return { kind: 'json' };
  if (spec.startsWith('webhook:')) {
    const url = spec.slice('webhook:'.length);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new RampartError('USAGE', `--output webhook:URL needs an http(s) URL, got ${JSON.stringify(url)}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new RampartError('USAGE', `--output webhook: only http and https URLs (${url})`);
    return { kind: 'webhook', url };
  }
  const file = spec.startsWith('file:') ? spec.slice('file:'.length) : spec;
  if (file === '') throw new RampartError('USAGE', '--output file:PATH needs a path');
  return { kind: 'file', path: path.resolve(cwd, file) };
}

export function createAlertSink(spec: OutputSpec, stdout: { write(chunk: string): unknown }): AlertSink {
  const hostname = os.hostname();
  switch (spec.kind) {
    case 'stdout':
      return { name: 'stdout', write: (a) => void stdout.write(`${formatAlertText(a)}\n`), close: () => Promise.resolve(), dropped: () => 0 };
    case 'json':
      return { name: 'json', write: (a) => void stdout.write(`${JSON.stringify(formatAlertJson(a, hostname))}\n`), close: () => Promise.resolve(), dropped: () => 0 };
    case 'file': {
      // Appends in order through one promise chain (alerts are a log: appended, not rewritten).
      let chain: Promise<void> = mkdir(path.dirname(spec.path), { recursive: true }).then(() => undefined);
      let failed = 0;
      return {
        name: `file:${spec.path}`,
        write(alert) {
          const line = `${JSON.stringify(formatAlertJson(alert, hostname))}\n`;
          chain = chain.then(() => appendFile(spec.path, line)).catch(() => void (failed += 1));
        },
        close: () => chain,
        dropped: () => failed,
      };
    }
    case 'webhook':
      return createWebhookSink({ url: spec.url, hostname });
  }
}
