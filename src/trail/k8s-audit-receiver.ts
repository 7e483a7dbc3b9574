import type { ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { BatchingAppender } from './batching-appender.js';
import { auditEventListToEntries } from './k8s-audit-event.js';

export interface AuditReceiverOptions {
  readonly appender: BatchingAppender;
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
  readonly host?: string;
  readonly port?: number;
  /** Largest request body accepted (bytes); larger → 413. */
  readonly maxBodyBytes?: number;
  readonly log?: (message: string) => void;
}

export interface AuditReceiver {
  readonly port: number;
  readonly host: string;
  close(): Promise<void>;
}

/**
 * A Kubernetes audit webhook backend (`--audit-webhook-config-file` points the API server here):
 * HTTPS, POST of an `audit.k8s.io/v1` EventList. The answer is 200 only once the events are durable
 * in the trail; when the trail's queue is full the answer is 429 with Retry-After (the API server's
 * webhook backend retries), so memory stays bounded. Bad bodies get 400, oversize ones 413.
 */
export async function startAuditReceiver(options: AuditReceiverOptions): Promise<AuditReceiver> {
  const maxBody = options.maxBodyBytes ?? 8 * 1024 * 1024;
  const say = options.log ?? (() => undefined);
  const answer = (res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify({ status, message }));
  };
  const server = https.createServer({ cert: options.cert, key: options.key }, (req, res) => {
    if (req.method !== 'POST') {
      answer(res, 405, 'POST an audit.k8s.io/v1 EventList');
      return;
    }
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > maxBody) {
      answer(res, 413, `body larger than ${maxBody} bytes`);
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        tooBig = true;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooBig) {
        answer(res, 413, `body larger than ${maxBody} bytes`);
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
      } catch {
        answer(res, 400, 'body is not JSON');
        return;
      }
      const parsed = auditEventListToEntries(body);
      if (!parsed.ok) {
        answer(res, 400, parsed.reason);
        return;
      }
      if (parsed.entries.length === 0) {
        answer(res, 200, 'no events');
        return;
      }
      const accepted = options.appender.offer(parsed.entries);
      if (accepted === undefined) {
        answer(res, 429, 'trail queue is full; retry later', { 'retry-after': '1' });
        return;
      }
      accepted.then(
        (out) => answer(res, 200, `recorded ${parsed.entries.length} events (log size ${out.size})`),
        (error: unknown) => {
          say(`k8s audit: append failed: ${error instanceof Error ? error.message : String(error)}`);
          answer(res, 503, 'trail append failed');
        },
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    port: address.port,
    host: address.address,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
