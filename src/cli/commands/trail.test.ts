import Database from 'better-sqlite3';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { hashLeaf, loadOrCreateSigningKey, openCheckpoint, openSqliteStore, openTrailLog, trailPaths, verifyInclusion } from '../../trail/index.js';
import type { TrailEntry } from '../../trail/index.js';
import type { CliIo } from '../io.js';
import { main } from '../main.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function io(env: Record<string, string>): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env, cwd: process.cwd(), out: () => out, err: () => err };
}

function entry(i: number): TrailEntry {
  const container = { id: `c${i % 3}${'0'.repeat(20)}`, name: `web-${i % 3}` };
  const time = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
  const raw = JSON.stringify({ Type: 'container', Action: i % 4 === 0 ? 'exec_start: sh' : 'start', n: i });
  return i % 4 === 0
    ? { v: 1, kind: 'exec', action: 'exec_start', time, raw, source: 'docker', container, exec: { command: 'sh' } }
    : { v: 1, kind: 'container', action: 'start', time, raw, source: 'docker', container };
}

describe('rampart trail (CLI)', () => {
  let env: Record<string, string>;
  beforeEach(async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'rampart-trail-cli-'));
    dirs.push(home);
    env = { RAMPART_HOME: home };
    const paths = trailPaths(env);
    const keys = loadOrCreateSigningKey(paths.signingKey);
    const store = openSqliteStore(paths.database);
    const log = await openTrailLog({ store, signer: keys.signer });
    for (let i = 0; i < 12; i += 4) await log.append([0, 1, 2, 3].map((k) => entry(i + k)));
    await store.close();
  });

  it('creates the signing key with mode 0600', () => {
    expect(statSync(trailPaths(env).signingKey).mode & 0o777).toBe(0o600);
  });

  it('verifies the whole log and stores the trusted checkpoint', async () => {
    const c = io(env);
    expect(await main(['trail', 'verify', '--format', 'json'], { io: c })).toBe(0);
    expect(JSON.parse(c.out())).toMatchObject({ ok: true, size: 12, checkpoints: 3, consistentWithTrustedSize: null });
    const again = io(env);
    expect(await main(['trail', 'verify'], { io: again })).toBe(0);
    expect(again.out()).toContain('consistent with trusted size 12');
  });

  it.each([
    ['edit', "UPDATE entries SET data = replace(data, 'web-1', 'web-9') WHERE seq = 4", 4],
    ['delete', 'DELETE FROM entries WHERE seq = 2', 2],
    ['reorder', 'UPDATE entries SET seq = CASE seq WHEN 8 THEN 9 ELSE 8 END WHERE seq IN (8, 9)', 8],
  ])('fails with exit 1 naming the first bad index after an %s', async (_label, sql, index) => {
    const db = new Database(trailPaths(env).database);
    try {
      db.exec('PRAGMA defer_foreign_keys = 1');
      db.exec(sql);
    } catch {
      // reorder with a unique key needs two steps
      db.exec('UPDATE entries SET seq = -1 WHERE seq = 8; UPDATE entries SET seq = 8 WHERE seq = 9; UPDATE entries SET seq = 9 WHERE seq = -1');
    }
    db.close();
    const c = io(env);
    expect(await main(['trail', 'verify'], { io: c })).toBe(1);
    expect(c.err()).toContain(`failed at index ${index}`);
  });

  it('detects a truncated log against the trusted checkpoint', async () => {
    expect(await main(['trail', 'verify'], { io: io(env) })).toBe(0);
    const db = new Database(trailPaths(env).database);
    db.exec('DELETE FROM entries WHERE seq >= 8; DELETE FROM checkpoints WHERE size = 12');
    db.close();
    const c = io(env);
    expect(await main(['trail', 'verify'], { io: c })).toBe(1);
    expect(c.err()).toContain('smaller than the trusted checkpoint');
  });

  it('queries by container, action and time', async () => {
    const c = io(env);
    expect(await main(['trail', 'query', '--container', 'web-0', '--action', 'exec', '--since', '2026-01-01T00:01:00Z', '--format', 'jsonl'], { io: c })).toBe(0);
    expect(c.out()).toBe('');
    const all = io(env);
    expect(await main(['trail', 'query', '--container', 'web-1', '--action', 'exec', '--format', 'jsonl'], { io: all })).toBe(0);
    expect(all.out().trim().split('\n').map((l) => (JSON.parse(l) as { index: number }).index)).toEqual([4]);
    const table = io(env);
    expect(await main(['trail', 'query', '--kind', 'container', '--limit', '2'], { io: table })).toBe(0);
    expect(table.out().split('\n')[0]).toBe('INDEX\tTIME\tKIND\tACTION\tSUBJECT');
    expect(table.out().trim().split('\n')).toHaveLength(3);
    expect(await main(['trail', 'query', '--since', 'yesterday-ish'], { io: io(env) })).toBe(2);
  });

  it('prints an inclusion proof that verifies against the signed checkpoint', async () => {
    const c = io(env);
    expect(await main(['trail', 'proof', '--entry', '7'], { io: c })).toBe(0);
    const p = JSON.parse(c.out()) as { index: number; treeSize: number; proof: string[]; checkpoint: string; entryData: string; verifierKey: string };
    const keys = loadOrCreateSigningKey(trailPaths(env).signingKey);
    const cp = openCheckpoint(p.checkpoint, keys.verifier.name, keys.verifier);
    expect(cp.ok).toBe(true);
    if (!cp.ok) return;
    expect(verifyInclusion(p.index, p.treeSize, hashLeaf(Buffer.from(p.entryData)), p.proof.map((x) => Buffer.from(x, 'base64')), cp.checkpoint.rootHash).ok).toBe(true);
    expect(await main(['trail', 'proof', '--entry', '12'], { io: io(env) })).toBe(2);
    expect(await main(['trail', 'proof', '--entry', 'x'], { io: io(env) })).toBe(2);
  });

  it('exports every entry as JSON lines, then the checkpoint', async () => {
    const c = io(env);
    expect(await main(['trail', 'export', '--format', 'jsonl'], { io: c })).toBe(0);
    const lines = c.out().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(13);
    expect(lines[3]).toMatchObject({ index: 3 });
    expect(lines[12]).toHaveProperty('checkpoint');
    expect(await main(['trail', 'export', '--format', 'csv'], { io: io(env) })).toBe(2);
  });

  it('refuses a signing key readable by others', async () => {
    chmodSync(trailPaths(env).signingKey, 0o644);
    const c = io(env);
    expect(await main(['trail', 'verify'], { io: c })).toBe(2);
    expect(c.err()).toContain('chmod 600');
  });

  it('refuses record without a source', async () => {
    const c = io(env);
    expect(await main(['trail', 'record'], { io: c })).toBe(2);
    expect(c.err()).toContain('--docker');
  });
});
