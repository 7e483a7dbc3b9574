import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { describeWithServices } from '../../test-support/services.js';
import { openCheckpoint } from './checkpoint.js';
import type { TrailEntry } from './entry-schemas.js';
import { hashLeaf } from './hashing.js';
import { verifyLog } from './log-verification.js';
import { generateSignerKey, parseSignerKey, parseVerifierKey } from './note-keys.js';
import type { NoteSigner, NoteVerifier } from './note-keys.js';
import { dropPostgresSchema } from '../core/index.js';
import { openPostgresStore } from './postgres-store.js';
import { verifyConsistency, verifyInclusion } from './proof-verification.js';
import { openSqliteStore } from './sqlite-store.js';
import { openTrailLog } from './trail-log.js';
import type { TrailStore } from './trail-store.js';

interface Harness {
  open(): Promise<TrailStore>;
  /** Runs raw SQL against the store's tables, the way an attacker with database access would. */
  tamper(statements: readonly string[]): Promise<void>;
  cleanup(): Promise<void>;
}

const signerText = generateSignerKey('rampart.trail/test');
const signer = parseSignerKey(signerText) as NoteSigner;
const verifier = parseVerifierKey(signer.verifierKey) as NoteVerifier;

function sampleEntry(i: number, action = i % 3 === 0 ? 'exec_start: sh' : 'start', container = `c${i % 4}`): TrailEntry {
  const timeNano = `${1_700_000_000_000_000_000n + BigInt(i) * 1_000_000_000n}`;
  const raw = JSON.stringify({ Type: 'container', Action: action, id: container, n: i }).replace('}', `,"timeNano":${timeNano}}`);
  const time = new Date(Number(BigInt(timeNano) / 1_000_000n)).toISOString();
  return action.startsWith('exec')
    ? { v: 1, kind: 'exec', action: 'exec', time, timeNano, raw, source: 'docker', container: { id: container, name: `name-${container}` }, exec: { command: 'sh' } }
    : { v: 1, kind: 'container', action, time, timeNano, raw, source: 'docker', container: { id: container, name: `name-${container}` } };
}

async function fill(store: TrailStore, count: number, batch: number): Promise<void> {
  const log = await openTrailLog({ store, signer });
  for (let i = 0; i < count; i += batch) {
    await log.append(Array.from({ length: Math.min(batch, count - i) }, (_v, k) => sampleEntry(i + k)));
  }
}

const ENTRY_COLUMNS = 'seq, data, kind, action, container, container_name, time_ms, dedupe';
const forged = (seq: number): string =>
  `INSERT INTO entries (${ENTRY_COLUMNS}) SELECT ${seq}, replace(data, 'start', 'stop'), kind, action, container, container_name, time_ms, dedupe || 'x' FROM entries WHERE seq = 2`;

const tamperCases: [string, string[], number][] = [
  ['edit entry 5', ["UPDATE entries SET data = replace(data, 'start', 'stop') WHERE seq = 5"], 5],
  ['delete entry 7', ['DELETE FROM entries WHERE seq = 7'], 7],
  ['delete entry 7 and renumber the rest', ['DELETE FROM entries WHERE seq = 7', 'UPDATE entries SET seq = seq + 1000000 WHERE seq > 7', 'UPDATE entries SET seq = seq - 1000001 WHERE seq > 1000000'], 7],
  ['reorder entries 3 and 4', ['UPDATE entries SET seq = -1 WHERE seq = 3', 'UPDATE entries SET seq = 3 WHERE seq = 4', 'UPDATE entries SET seq = 4 WHERE seq = -1'], 3],
  ['insert an entry at 6', ['UPDATE entries SET seq = seq + 1000000 WHERE seq >= 6', 'UPDATE entries SET seq = seq - 999999 WHERE seq >= 1000000', forged(6)], 6],
  ['insert an entry at the end', [forged(20)], 20],
  ['delete the last entry', ['DELETE FROM entries WHERE seq = 19'], 19],
];

function conformance(name: string, makeHarness: () => Harness): void {
  describe(`trail store conformance: ${name}`, () => {
    const harnesses: Harness[] = [];
    const fresh = (): Harness => {
      const h = makeHarness();
      harnesses.push(h);
      return h;
    };
    afterAll(async () => {
      for (const h of harnesses) await h.cleanup();
    });

    it('starts empty', async () => {
      const store = await fresh().open();
      expect(await store.size()).toBe(0);
      expect(await store.latestCheckpoint()).toBeUndefined();
      expect(await store.readEntries(0, 10)).toEqual([]);
      await store.close();
    });

    it('appends in batches, signs a checkpoint per batch, and serves proofs that verify', async () => {
      const store = await fresh().open();
      const log = await openTrailLog({ store, signer });
      const sizes: number[] = [];
      for (let i = 0; i < 37; i += 5) {
        const out = await log.append(Array.from({ length: Math.min(5, 37 - i) }, (_v, k) => sampleEntry(i + k)));
        sizes.push(out.size);
      }
      expect(await store.size()).toBe(37);
      const checkpoints = await store.checkpoints();
      expect(checkpoints.map((c) => c.size)).toEqual(sizes);
      const roots = new Map(checkpoints.map((c) => {
        const o = openCheckpoint(c.note, signer.name, verifier);
        if (!o.ok) throw new Error(o.reason);
        return [c.size, o.checkpoint.rootHash] as const;
      }));
      const entries = await store.readEntries(0, 100);
      expect(entries.map((e) => e.index)).toEqual(Array.from({ length: 37 }, (_v, i) => i));
      for (const size of sizes) {
        for (const e of entries.filter((x) => x.index < size)) {
          const proof = await log.inclusionProof(e.index, size);
          expect(verifyInclusion(e.index, size, hashLeaf(Buffer.from(e.data)), proof, roots.get(size) as Buffer).ok).toBe(true);
        }
        for (const old of sizes.filter((s) => s <= size)) {
          const proof = await log.consistencyProof(old, size);
          expect(verifyConsistency(old, size, roots.get(old) as Buffer, roots.get(size) as Buffer, proof).ok).toBe(true);
        }
      }
      await store.close();
    });

    it('reopens where it left off, skips events already logged and keeps cursors', async () => {
      const h = fresh();
      let store = await h.open();
      let log = await openTrailLog({ store, signer });
      await log.append([sampleEntry(0), sampleEntry(1)], { docker: '100' });
      const root = log.root();
      await store.close();
      store = await h.open();
      log = await openTrailLog({ store, signer });
      expect(log.root().equals(root)).toBe(true);
      expect(await store.cursor('docker')).toBe('100');
      const out = await log.append([sampleEntry(1), sampleEntry(2), sampleEntry(2)], { docker: '200' });
      expect(out).toMatchObject({ indices: [2], duplicates: 2, size: 3 });
      expect(await store.cursor('docker')).toBe('200');
      expect((await verifyLog({ store, verifier, origin: signer.name })).ok).toBe(true);
      await store.close();
    });

    it('refuses a batch built on a stale size', async () => {
      const store = await fresh().open();
      await fill(store, 3, 3);
      await expect(store.append({ fromSize: 1, entries: [], nodes: [], checkpoint: { size: 2, note: 'x' } })).rejects.toMatchObject({ code: 'STORE_ERROR' });
      expect(await store.size()).toBe(3);
      await store.close();
    });

    it('queries by container, action and time', async () => {
      const store = await fresh().open();
      await fill(store, 24, 8);
      const execs = await store.query({ container: 'c0', action: 'exec' });
      expect(execs.map((e) => e.index)).toEqual([0, 12]);
      expect((await store.query({ container: 'name-c1' })).map((e) => e.index)).toEqual([1, 5, 9, 13, 17, 21]);
      const since = Date.parse(sampleEntry(20).time);
      expect((await store.query({ sinceMs: since })).map((e) => e.index)).toEqual([20, 21, 22, 23]);
      expect((await store.query({ kind: 'exec', limit: 2 })).length).toBe(2);
      await store.close();
    });

    it.each(tamperCases)('tamper: %s → verify names index %i', async (_label, statements, firstBad) => {
      const h = fresh();
      const store = await h.open();
      await fill(store, 20, 5);
      expect((await verifyLog({ store, verifier, origin: signer.name })).ok).toBe(true);
      await h.tamper(statements);
      const verdict = await verifyLog({ store, verifier, origin: signer.name });
      expect(verdict).toMatchObject({ ok: false, firstBadIndex: firstBad });
      await store.close();
    });

    it('detects a rollback against a trusted checkpoint', async () => {
      const h = fresh();
      const store = await h.open();
      await fill(store, 10, 5);
      const trusted = (await store.latestCheckpoint())?.note;
      await h.tamper(['DELETE FROM entries WHERE seq >= 5', 'DELETE FROM checkpoints WHERE size = 10']);
      expect(await verifyLog({ store, verifier, origin: signer.name })).toMatchObject({ ok: true, size: 5 });
      expect(await verifyLog({ store, verifier, origin: signer.name, ...(trusted === undefined ? {} : { trustedCheckpoint: trusted }) })).toMatchObject({ ok: false });
      await store.close();
    });
  });
}

conformance('sqlite', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rampart-trail-'));
  const file = path.join(dir, 'trail.db');
  return {
    open: async () => openSqliteStore(file),
    async tamper(statements) {
      const db = new Database(file);
      for (const s of statements) db.exec(s);
      db.close();
    },
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeWithServices('postgres trail store', ['postgres'], (addresses) => {
  const url = addresses.postgres;
  conformance('postgres', () => {
    const schema = `trail_test_${randomBytes(6).toString('hex')}`;
    return {
      open: () => openPostgresStore(url, schema),
      async tamper(statements) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`SET search_path TO "${schema}"`);
          for (const s of statements) await client.query(s);
        } finally {
          await client.end();
        }
      },
      cleanup: () => dropPostgresSchema(url, schema),
    };
  });
});
