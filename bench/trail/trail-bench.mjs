/* global process, Buffer, console */
// Trail benchmarks: batched appends/s on SQLite (goal >= 20,000/s) and proof time on a
// 1,000,000-entry log. Compared, in the same run on the same data, with what a user would otherwise
// do: plain SQLite inserts of the same rows with the same durability (no Merkle tree, no
// signatures), and recomputing the root from every leaf (no stored tree) to check one entry.
// Usage: npm run bench:trail [-- ENTRIES]   (default 1,000,000)
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { trail } from '../../dist/index.js';

const total = Number(process.argv[2] ?? 1_000_000);
const batch = 1000;
const dir = mkdtempSync(path.join(os.tmpdir(), 'rampart-trail-bench-'));
const signer = trail.parseSignerKey(trail.generateSignerKey('rampart.trail/bench'));
const verifier = trail.parseVerifierKey(signer.verifierKey);

function entry(i) {
  const timeNano = `${1_700_000_000_000_000_000n + BigInt(i) * 1000n}`;
  const raw = `{"status":"start","id":"c${i % 500}","Type":"container","Action":"start","Actor":{"ID":"c${i % 500}","Attributes":{"image":"nginx","name":"web-${i % 500}"}},"scope":"local","time":1700000000,"timeNano":${timeNano}}`;
  return { v: 1, kind: 'container', action: 'start', time: new Date(1_700_000_000_000 + Math.floor(i / 1000)).toISOString(), timeNano, raw, source: 'docker', container: { id: `c${i % 500}`, name: `web-${i % 500}`, image: 'nginx' } };
}

// 1. Rampart: batched appends (each batch: entries + tree nodes + signed checkpoint, one fsynced transaction).
const store = trail.openSqliteStore(path.join(dir, 'trail.db'));
const log = await trail.openTrailLog({ store, signer });
const cpuSecs = (start) => { const u = process.cpuUsage(start); return (u.user + u.system) / 1e6; };
let cpu = process.cpuUsage();
let t = performance.now();
for (let i = 0; i < total; i += batch) {
  await log.append(Array.from({ length: Math.min(batch, total - i) }, (_v, k) => entry(i + k)));
}
const rampartSecs = (performance.now() - t) / 1000;
const rampartCpu = cpuSecs(cpu);
const rampartRate = total / rampartSecs;

// 1b. Baseline: the same rows into a plain SQLite table, same pragmas, same batch size.
const baseDb = new Database(path.join(dir, 'plain.db'));
baseDb.pragma('journal_mode = WAL');
baseDb.pragma('synchronous = FULL');
baseDb.exec('CREATE TABLE events (seq INTEGER PRIMARY KEY, data TEXT NOT NULL)');
const ins = baseDb.prepare('INSERT INTO events (seq, data) VALUES (?, ?)');
const tx = baseDb.transaction((rows) => { for (const [s, d] of rows) ins.run(s, d); });
cpu = process.cpuUsage();
t = performance.now();
for (let i = 0; i < total; i += batch) {
  tx(Array.from({ length: Math.min(batch, total - i) }, (_v, k) => [i + k, JSON.stringify(entry(i + k))]));
}
const plainSecs = (performance.now() - t) / 1000;
const plainCpu = cpuSecs(cpu);
baseDb.close();

// 2. Proofs on the full log: inclusion (build + verify against the signed checkpoint) and consistency.
const latest = await store.latestCheckpoint();
const cp = trail.openCheckpoint(latest.note, signer.name, verifier);
if (!cp.ok) throw new Error(cp.reason);
const samples = 1000;
let seed = 12345;
const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
t = performance.now();
for (let s = 0; s < samples; s += 1) {
  const i = rand(total);
  const proof = await log.inclusionProof(i, total);
  const [row] = await store.readEntries(i, 1);
  const ok = trail.verifyInclusion(i, total, trail.hashLeaf(Buffer.from(row.data)), proof, cp.checkpoint.rootHash);
  if (!ok.ok) throw new Error(`inclusion ${i}: ${ok.reason}`);
}
const inclusionMs = (performance.now() - t) / samples;
const sizes = (await store.checkpoints()).map((c) => c.size);
t = performance.now();
for (let s = 0; s < samples; s += 1) {
  const old = sizes[rand(sizes.length - 1)];
  await log.consistencyProof(old, total);
}
const consistencyMs = (performance.now() - t) / samples;

// 2b. Baseline: without stored tree nodes, checking one entry means re-hashing every leaf.
t = performance.now();
const range = trail.createCompactRange();
for (let from = 0; from < total; from += 50_000) {
  for (const r of await store.readEntries(from, 50_000)) range.appendLeafData(Buffer.from(r.data));
}
const recomputeMs = performance.now() - t;
if (!range.root().equals(cp.checkpoint.rootHash)) throw new Error('recomputed root differs');

// 3. Whole-log verification time.
t = performance.now();
const verdict = await trail.verifyLog({ store, verifier, origin: signer.name });
const verifySecs = (performance.now() - t) / 1000;
if (!verdict.ok) throw new Error(verdict.reason);
await store.close();
const dbBytes = statSync(path.join(dir, 'trail.db')).size + (statSync(path.join(dir, 'trail.db-wal'), { throwIfNoEntry: false })?.size ?? 0);
const plainBytes = statSync(path.join(dir, 'plain.db')).size + (statSync(path.join(dir, 'plain.db-wal'), { throwIfNoEntry: false })?.size ?? 0);

const f = (n) => Math.round(n).toLocaleString('en-US');
console.log(`entries: ${f(total)}, batch ${batch}`);
console.log(`appends/s (SQLite, batched, durable, signed): ${f(rampartRate)}  [goal >= 20,000: ${rampartRate >= 20_000 ? 'met' : 'NOT met'}]`);
console.log(`plain SQLite inserts/s of the same rows:      ${f(total / plainSecs)}  (rampart/plain = ${(rampartRate / (total / plainSecs)).toFixed(2)})`);
console.log(`per CPU-second (machine load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores; wall time includes waiting for a CPU): rampart ${f(total / rampartCpu)}/s, plain ${f(total / plainCpu)}/s`);
console.log(`inclusion proof (build + verify) on ${f(total)} entries: ${inclusionMs.toFixed(3)} ms/proof`);
console.log(`consistency proof on ${f(total)} entries: ${consistencyMs.toFixed(3)} ms/proof`);
console.log(`re-hashing every leaf instead: ${f(recomputeMs)} ms  (proof is ${f(recomputeMs / inclusionMs)}x faster)`);
console.log(`whole-log verify: ${verifySecs.toFixed(1)} s (${f(total / verifySecs)} entries/s)`);
console.log(`storage: ${(dbBytes / total).toFixed(0)} bytes/entry (plain table: ${(plainBytes / total).toFixed(0)})`);
rmSync(dir, { recursive: true, force: true });
