import http from 'node:http';
import { RampartError } from '../core/index.js';
import type { BatchingAppender } from './batching-appender.js';
import { dockerEventToEntry, readTimeNano, sinceParameter } from './docker-event.js';
import type { TrailEntry } from './entry-schemas.js';

export const DOCKER_CURSOR = 'docker';

export interface DockerCollectorDeps {
  /** Path of the Engine API unix socket. */
  readonly socketPath: string;
  readonly appender: BatchingAppender;
  /** The saved resume position (a timeNano), if any. */
  readonly cursor: string | undefined;
  readonly log?: (message: string) => void;
  /** Lines that are not events (kept out of the trail, reported). */
  readonly onSkipped?: (line: string, reason: string) => void;
}

export interface DockerCollector {
  /** Streams events until `signal` aborts, reconnecting (with `since`) whenever the stream ends. */
  run(signal: AbortSignal): Promise<void>;
  /** The timeNano of the last event handed to the trail. */
  readonly position: string | undefined;
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
  });

/**
 * Follows the Docker Engine event stream. On start and on every reconnect it asks for events
 * `since` the last one it recorded (one second earlier, so events sharing the last second are not
 * lost; the trail drops those it already holds by their source identity). A daemon restart ends
 * the stream; the collector retries until the daemon answers again.
 */
export function createDockerCollector(deps: DockerCollectorDeps): DockerCollector {
  let position = deps.cursor;
  const startedAt = `${BigInt(Date.now()) * 1_000_000n}`;
  const say = deps.log ?? (() => undefined);

  const streamOnce = (signal: AbortSignal): Promise<void> =>
    new Promise((resolve, reject) => {
      const query = new URLSearchParams();
      query.set('since', position === undefined ? sinceParameter(startedAt) : sinceParameter(position, 1_000_000_000n));
      const req = http.request({ socketPath: deps.socketPath, path: `/v1.41/events?${query.toString()}`, method: 'GET', signal }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new RampartError('DAEMON_UNAVAILABLE', `Docker events answered HTTP ${res.statusCode}`));
          return;
        }
        say('docker: following events');
        let buffered = '';
        const flushLines = (final: boolean): void => {
          const lines = buffered.split('\n');
          buffered = final ? '' : (lines.pop() ?? '');
          const entries: TrailEntry[] = [];
          let last: string | undefined;
          for (const line of lines) {
            const text = line.trim();
            if (text === '') continue;
            const entry = dockerEventToEntry(text);
            if (typeof entry === 'string') {
              deps.onSkipped?.(text, entry);
              continue;
            }
            entries.push(entry);
            last = readTimeNano(text) ?? last;
          }
          if (entries.length === 0) return;
          if (last !== undefined && (position === undefined || BigInt(last) > BigInt(position))) position = last;
          const accepted = deps.appender.offer(entries, position === undefined ? undefined : { docker: position });
          // The Docker stream cannot be paused per event, so when the queue is full we wait for it
          // by pausing the socket until the offer can be made.
          if (accepted === undefined) {
            res.pause();
            void deps.appender.drain().then(() => {
              void deps.appender.offer(entries, position === undefined ? undefined : { docker: position })?.catch(reject);
              res.resume();
            });
          } else {
            accepted.catch(reject);
          }
        };
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffered += chunk;
          flushLines(false);
        });
        res.on('end', () => {
          flushLines(true);
          resolve();
        });
        res.on('error', (error) => (signal.aborted ? resolve() : reject(error)));
      });
      req.on('error', (error) => (signal.aborted ? resolve() : reject(error)));
      req.end();
    });

  return {
    get position() {
      return position;
    },
    async run(signal) {
      let backoff = 100;
      while (!signal.aborted) {
        try {
          await streamOnce(signal);
          backoff = 100;
          if (!signal.aborted) say('docker: event stream ended; reconnecting');
        } catch (error) {
          if (signal.aborted) break;
          if (error instanceof RampartError && error.code === 'STORE_ERROR') throw error;
          say(`docker: ${error instanceof Error ? error.message : String(error)}; retrying`);
          await sleep(backoff, signal);
          backoff = Math.min(backoff * 2, 2_000);
        }
      }
    },
  };
}
