import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../rules/index.js';
import { createWebhookSink } from './webhook-sink.js';

const alert = (n: number): Alert => ({ rule: `r${n}`, priority: 'WARNING', source: 'syscall', tags: [], output: `o${n}`, outputFields: { n }, time: '1700000000000000000' });

const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A receiver on 127.0.0.1:0 answering each POST with the next status of `statuses` (then 200). */
async function receiver(statuses: number[]): Promise<{ url: string; bodies: unknown[] }> {
  const bodies: unknown[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const status = statuses.shift() ?? 200;
      if (status === 200) bodies.push(JSON.parse(body));
      res.writeHead(status).end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/alerts`, bodies };
}

describe('webhook sink', () => {
  it('delivers Falco JSON in order, retrying 5xx and 429', async () => {
    const { url, bodies } = await receiver([503, 429]);
    const sink = createWebhookSink({ url, hostname: 'node1', backoffMs: 5 });
    sink.write(alert(1));
    sink.write(alert(2));
    await sink.close();
    expect(bodies).toMatchObject([{ rule: 'r1', hostname: 'node1', output_fields: { n: 1 } }, { rule: 'r2' }]);
    expect(sink.delivered()).toBe(2);
    expect(sink.dropped()).toBe(0);
  });

  it('counts an alert as dropped when retries run out or the receiver rejects it', async () => {
    const { url } = await receiver([500, 500, 500, 400]);
    const sink = createWebhookSink({ url, hostname: 'h', attempts: 3, backoffMs: 1 });
    sink.write(alert(1));
    sink.write(alert(2));
    await sink.close();
    expect(sink.dropped()).toBe(2);
    expect(sink.delivered()).toBe(0);
  });

  it('bounds its queue: alerts beyond it are dropped and counted (receiver down)', async () => {
    const sink = createWebhookSink({ url: 'http://127.0.0.1:9/unreachable', hostname: 'h', queueLimit: 3, attempts: 1, backoffMs: 1 });
    for (let i = 0; i < 10; i++) sink.write(alert(i));
    await sink.close();
    // the first is in flight, 3 wait, 6 overflow; the 4 attempted fail too
    expect(sink.dropped()).toBe(10);
    expect(sink.delivered()).toBe(0);
  });
});
