import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatchingAppender } from './batching-appender.js';
import { decodeEntry } from './entry-codec.js';
import { verifyLog } from './log-verification.js';
import { loadOrCreateSigningKey } from './signing-key.js';
import { startAuditReceiver } from './k8s-audit-receiver.js';
import { generateSignerKey, parseSignerKey } from './note-keys.js';
import type { NoteSigner } from './note-keys.js';
import { openSqliteStore } from './sqlite-store.js';
import { openTrailLog } from './trail-log.js';
import type { TrailStore } from './trail-store.js';

const signer = parseSignerKey(generateSignerKey('rampart.trail/k8s-test')) as NoteSigner;

/** A self-signed certificate for 127.0.0.1, made for this test run. */
function makeCertificate(dir: string): { cert: Buffer; key: Buffer; certFile: string; keyFile: string } {
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', keyFile, '-out', certFile,
    '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { cert: readFileSync(certFile), key: readFileSync(keyFile), certFile, keyFile };
}

function auditEvent(id: string, verb = 'create'): Record<string, unknown> {
  return {
    kind: 'Event', apiVersion: 'audit.k8s.io/v1', level: 'Metadata', auditID: id, stage: 'ResponseComplete', requestURI: '/api/v1/namespaces/default/pods',
    verb, user: { username: 'system:admin', groups: ['system:masters'] }, objectRef: { resource: 'pods', namespace: 'default', name: `pod-${id}`, apiVersion: 'v1' },
    responseStatus: { code: 201 }, requestReceivedTimestamp: '2026-01-02T03:04:05.123456Z', stageTimestamp: '2026-01-02T03:04:05.223456Z',
  };
}

function post(port: number, ca: Buffer, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: '127.0.0.1', port, method: 'POST', path: '/audit', ca, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('k8s audit webhook receiver', () => {
  let dir: string;
  let tls: ReturnType<typeof makeCertificate>;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rampart-k8s-'));
    tls = makeCertificate(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records an EventList over HTTPS and answers 200 once durable', async () => {
    const store = openSqliteStore(path.join(dir, 'a.db'));
    const log = await openTrailLog({ store, signer });
    const receiver = await startAuditReceiver({ appender: createBatchingAppender(log), cert: tls.cert, key: tls.key });
    const list = { kind: 'EventList', apiVersion: 'audit.k8s.io/v1', items: [auditEvent('a1'), auditEvent('a2', 'delete')] };
    const res = await post(receiver.port, tls.cert, JSON.stringify(list));
    expect(res.status).toBe(200);
    const rows = await store.readEntries(0, 10);
    expect(rows.map((r) => decodeEntry(r.data, r.index))).toMatchObject([
      { kind: 'k8s-audit', auditId: 'a1', action: 'create', user: 'system:admin', object: { resource: 'pods', name: 'pod-a1' } },
      { kind: 'k8s-audit', auditId: 'a2', action: 'delete' },
    ]);
    expect((await post(receiver.port, tls.cert, JSON.stringify(list))).status).toBe(200);
    expect(await store.size()).toBe(2);
    await receiver.close();
    await store.close();
  });

  it.each([
    ['not JSON', '{', 400],
    ['wrong apiVersion', JSON.stringify({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1beta1', items: [] }), 400],
    ['item without auditID', JSON.stringify({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1', items: [{ stage: 'x', verb: 'get' }] }), 400],
    ['oversize body', JSON.stringify({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1', items: [auditEvent('big'), { pad: 'x'.repeat(5000) }] }), 413],
  ])('rejects %s', async (_label, body, status) => {
    const store = openSqliteStore(path.join(dir, `bad-${status}-${Math.random()}.db`));
    const log = await openTrailLog({ store, signer });
    const receiver = await startAuditReceiver({ appender: createBatchingAppender(log), cert: tls.cert, key: tls.key, maxBodyBytes: 4096 });
    expect((await post(receiver.port, tls.cert, body)).status).toBe(status);
    expect(await store.size()).toBe(0);
    await receiver.close();
    await store.close();
  });

  it('answers 429 instead of queueing more than its capacity', async () => {
    const inner = openSqliteStore(path.join(dir, 'slow.db'));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const slow: TrailStore = { ...inner, append: async (batch) => { await gate; return inner.append(batch); } };
    const log = await openTrailLog({ store: slow, signer });
    const appender = createBatchingAppender(log, { capacity: 3 });
    const receiver = await startAuditReceiver({ appender, cert: tls.cert, key: tls.key });
    const body = (n: number, p: string): string => JSON.stringify({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1', items: Array.from({ length: n }, (_v, i) => auditEvent(`${p}${i}`)) });
    const first = post(receiver.port, tls.cert, body(3, 'f'));
    while (appender.pending < 3) await new Promise((r) => setTimeout(r, 5));
    const second = await post(receiver.port, tls.cert, body(2, 's'));
    expect(second.status).toBe(429);
    expect(appender.pending).toBe(3);
    release();
    expect((await first).status).toBe(200);
    expect((await post(receiver.port, tls.cert, body(2, 's'))).status).toBe(200);
    expect(await inner.size()).toBe(5);
    await receiver.close();
    await inner.close();
  });
});

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli', 'bin.js');

describe('trail record --k8s-webhook under SIGKILL (child process)', () => {
  it.runIf(existsSync(bin))('loses no acknowledged entry when the recorder is killed during appends', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rampart-kill-'));
    const tls = makeCertificate(dir);
    const env = { ...process.env, RAMPART_HOME: path.join(dir, 'home') };
    const start = async (): Promise<{ child: ReturnType<typeof spawn>; port: number }> => {
      const child = spawn(process.execPath, [bin, 'trail', 'record', '--k8s-webhook', '127.0.0.1:0', '--tls-cert', tls.certFile, '--tls-key', tls.keyFile], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      const port = await new Promise<number>((resolve, reject) => {
        child.stderr?.on('data', (c: Buffer) => {
          err += c.toString();
          const m = /listening on https:\/\/127\.0\.0\.1:(\d+)/.exec(err);
          if (m !== null) resolve(Number(m[1]));
        });
        child.on('exit', (code) => reject(new Error(`recorder exited ${code}: ${err}`)));
      });
      return { child, port };
    };
    const { child, port } = await start();
    const acknowledged: string[] = [];
    let requests = 0;
    let killed = false;
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    const worker = async (w: number): Promise<void> => {
      for (let n = 0; !killed; n += 1) {
        const ids = Array.from({ length: 10 }, (_v, i) => `w${w}-${n}-${i}`);
        const body = JSON.stringify({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1', items: ids.map((id) => auditEvent(id)) });
        const res = await post(port, tls.cert, body).catch(() => undefined);
        if (res?.status === 200) acknowledged.push(...ids);
        requests += 1;
        if (!killed && acknowledged.length >= 2000) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, (_v, w) => worker(w)));
    await exited;
    const store = openSqliteStore(path.join(dir, 'home', 'trail', 'trail.db'));
    const keys = loadOrCreateSigningKey(path.join(dir, 'home', 'trail', 'signing.key'));
    const verdict = await verifyLog({ store, verifier: keys.verifier, origin: keys.verifier.name });
    expect(verdict.ok).toBe(true);
    const stored = new Set<string>();
    for (const r of await store.readEntries(0, 1_000_000)) {
      const e = decodeEntry(r.data, r.index);
      if (e.kind === 'k8s-audit') stored.add(e.auditId);
    }
    const lost = acknowledged.filter((id) => !stored.has(id));
    console.log(`SIGKILL test: ${acknowledged.length} acknowledged events in ${requests} requests, ${stored.size} stored, ${lost.length} lost`);
    expect(lost).toEqual([]);
    await store.close();
    // The recorder starts again on the same files and keeps appending.
    const again = await start();
    const res = await post(again.port, tls.cert, JSON.stringify({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1', items: [auditEvent('after-kill')] }));
    expect(res.status).toBe(200);
    again.child.kill('SIGTERM');
    await new Promise<void>((r) => again.child.on('exit', () => r()));
    rmSync(dir, { recursive: true, force: true });
  });
});
