import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithServices } from '../../test-support/services.js';
import { readTimeNano } from './docker-event.js';
import { openSqliteStore } from './sqlite-store.js';

const run = promisify(execFile);
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli', 'bin.js');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Identity of a Docker event: type, action, actor and exact timeNano. */
function eventKey(raw: string): string {
  const ev = JSON.parse(raw) as { Type: string; Action: string; Actor?: { ID?: string } };
  return `${ev.Type}|${ev.Action}|${ev.Actor?.ID ?? ''}|${readTimeNano(raw) ?? ''}`;
}

/**
 * A private dockerd for this test: the shared daemon must not be restarted, so this one (own
 * data-root, exec-root, pidfile, socket and bridge; no iptables) is started and restarted here.
 */
function privateDaemon(base: string, bridge: string): { sock: string; start(): Promise<void>; stop(): Promise<void>; docker(...args: string[]): Promise<string> } {
  const sock = path.join(base, 'd.sock');
  let child: ChildProcess | undefined;
  const docker = async (...args: string[]): Promise<string> => (await run('docker', ['-H', `unix://${sock}`, ...args], { maxBuffer: 64 << 20 })).stdout;
  return {
    sock,
    docker,
    async start() {
      const log = openSync(path.join(base, 'dockerd.log'), 'a');
      child = spawn('dockerd', ['--data-root', path.join(base, 'data'), '--exec-root', path.join(base, 'x'), '--pidfile', path.join(base, 'pid'),
        '-H', `unix://${sock}`, `--bridge=${bridge}`, '--iptables=false', '--ip-masq=false'], { stdio: ['ignore', log, log] });
      for (;;) {
        if (child.exitCode !== null) throw new Error(`private dockerd exited ${child.exitCode}; see ${base}/dockerd.log`);
        if (await docker('info').then(() => true, () => false)) return;
        await sleep(200);
      }
    },
    async stop() {
      const c = child;
      if (c === undefined || c.exitCode !== null) return;
      const exited = new Promise<void>((r) => c.once('exit', () => r()));
      c.kill('SIGTERM');
      await exited;
    },
  };
}

describeWithServices('trail record --docker against a real dockerd', ['docker', 'registry'], (addresses) => {
  const id = randomBytes(4).toString('hex');
  const bridge = `rtd${id}`;
  let base: string;
  let daemon: ReturnType<typeof privateDaemon>;
  let recorder: ChildProcess | undefined;
  const env = (): NodeJS.ProcessEnv => ({ ...process.env, RAMPART_HOME: path.join(base, 'home') });
  const startRecorder = async (): Promise<void> => {
    const child = spawn(process.execPath, [bin, 'trail', 'record', '--docker', '--docker-host', `unix://${daemon.sock}`], { env: env(), stdio: ['ignore', 'ignore', 'pipe'] });
    recorder = child;
    let err = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr?.on('data', (c: Buffer) => {
        err += c.toString();
        if (err.includes('docker: following events')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`recorder exited ${code}: ${err}`)));
    });
  };
  const stopRecorder = async (signal: NodeJS.Signals): Promise<void> => {
    const c = recorder;
    if (c === undefined || c.exitCode !== null) return;
    const exited = new Promise<void>((r) => c.once('exit', () => r()));
    c.kill(signal);
    await exited;
  };
  const trailKeys = async (): Promise<string[]> => {
    const store = openSqliteStore(path.join(base, 'home', 'trail', 'trail.db'));
    try {
      const rows = await store.readEntries(0, 1_000_000);
      return rows.map((r) => JSON.parse(r.data) as { source: string; raw: string }).filter((e) => e.source === 'docker').map((e) => eventKey(e.raw));
    } finally {
      await store.close();
    }
  };
  /** What `docker events` reports now for [t0, now]. */
  const reported = async (t0: number): Promise<string[]> => {
    const out = await daemon.docker('events', '--since', String(t0), '--until', String(Math.ceil(Date.now() / 1000) + 1), '--format', '{{json .}}');
    return out.split('\n').filter((l) => l.trim() !== '').map(eventKey);
  };
  const caughtUp = async (want: readonly string[]): Promise<void> => {
    for (;;) {
      const have = new Set(await trailKeys());
      if (want.every((k) => have.has(k))) return;
      await sleep(200);
    }
  };

  beforeAll(async () => {
    base = mkdtempSync(`/tmp/rt-${id}-`);
    const root = path.join(base, 'rootfs');
    for (const d of ['bin', 'lib/x86_64-linux-gnu', 'lib64']) mkdirSync(path.join(root, d), { recursive: true });
    copyFileSync('/bin/dash', path.join(root, 'bin', 'sh'));
    for (const f of ['sleep', 'true']) copyFileSync(`/bin/${f}`, path.join(root, 'bin', f));
    copyFileSync('/lib/x86_64-linux-gnu/libc.so.6', path.join(root, 'lib/x86_64-linux-gnu/libc.so.6'));
    copyFileSync('/lib64/ld-linux-x86-64.so.2', path.join(root, 'lib64/ld-linux-x86-64.so.2'));
    await run('tar', ['-C', root, '-cf', path.join(base, 'rootfs.tar'), '.']);
    // A bridge of its own: with --bridge=none dockerd deletes the host's default docker0 bridge,
    // which would break networking of the shared daemon other tests (and people) use.
    await run('ip', ['link', 'add', bridge, 'type', 'bridge']);
    await run('ip', ['addr', 'add', `169.254.${parseInt(id.slice(0, 2), 16)}.1/30`, 'dev', bridge]);
    daemon = privateDaemon(base, bridge);
    await daemon.start();
  });

  afterAll(async () => {
    await stopRecorder('SIGTERM');
    await daemon?.stop();
    await run('ip', ['link', 'del', bridge]).catch(() => undefined);
    if (base !== undefined) rmSync(base, { recursive: true, force: true });
  });

  it.runIf(existsSync(bin))('records every event docker events reports exactly once, across recorder and dockerd restarts', async () => {
    const t0 = Math.floor(Date.now() / 1000) - 1;
    const image = `rampart-trail-${id}:1`;
    const remote = `${addresses.registry}/rampart-trail-${id}:1`;
    await startRecorder();
    // Phase 1: lifecycle while recording.
    await daemon.docker('import', path.join(base, 'rootfs.tar'), image);
    await daemon.docker('create', '--name', `a-${id}`, image, '/bin/sleep', '300');
    await daemon.docker('start', `a-${id}`);
    await daemon.docker('exec', `a-${id}`, '/bin/true');
    await daemon.docker('stop', '-t', '1', `a-${id}`);
    await daemon.docker('run', '-d', '--name', `b-${id}`, image, '/bin/sleep', '300');
    await daemon.docker('kill', `b-${id}`);
    await daemon.docker('rm', `a-${id}`, `b-${id}`);
    await daemon.docker('tag', image, remote);
    await daemon.docker('push', remote);
    await daemon.docker('rmi', remote);
    await daemon.docker('pull', remote);
    await caughtUp(await reported(t0));
    // Phase 2: the recorder dies (SIGKILL); events happen while it is down; it resumes with `since`.
    await stopRecorder('SIGKILL');
    await daemon.docker('run', '--name', `c-${id}`, image, '/bin/true');
    await daemon.docker('rm', `c-${id}`);
    await startRecorder();
    await daemon.docker('run', '-d', '--name', `d-${id}`, image, '/bin/sleep', '300');
    await daemon.docker('exec', `d-${id}`, '/bin/sh', '-c', 'true');
    await daemon.docker('rm', '-f', `d-${id}`);
    const beforeDaemonRestart = await reported(t0);
    await caughtUp(beforeDaemonRestart);
    // Phase 3: dockerd restarts under the running recorder, which reconnects.
    await daemon.stop();
    await daemon.start();
    await daemon.docker('run', '--name', `e-${id}`, image, '/bin/true');
    await daemon.docker('rm', `e-${id}`);
    await daemon.docker('rmi', remote, image);
    const afterDaemonRestart = await reported(t0);
    await caughtUp(afterDaemonRestart);
    await stopRecorder('SIGTERM');

    const want = new Set([...beforeDaemonRestart, ...afterDaemonRestart]);
    const have = await trailKeys();
    const counts = new Map<string, number>();
    for (const k of have) counts.set(k, (counts.get(k) ?? 0) + 1);
    const exactlyOnce = [...want].filter((k) => counts.get(k) === 1).length;
    const duplicated = [...counts.values()].filter((n) => n > 1).length;
    console.log(`docker trail: ${exactlyOnce}/${want.size} reported events in the trail exactly once; ${have.length} docker entries, ${duplicated} duplicated`);
    expect(exactlyOnce).toBe(want.size);
    expect(duplicated).toBe(0);
    const actions = new Set([...want].map((k) => k.split('|').slice(0, 2).join(' ').split(':')[0]));
    for (const a of ['container create', 'container start', 'container exec_start', 'container stop', 'container kill', 'container destroy', 'image pull', 'image push', 'image delete']) {
      expect(actions.has(a), a).toBe(true);
    }
    const verify = await run(process.execPath, [bin, 'trail', 'verify', '--format', 'json'], { env: env() });
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, size: have.length });
  });
});
