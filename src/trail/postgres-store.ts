import { RampartError, checkPostgresSchemaName, loadPg } from '../core/index.js';
import type { AppendBatch, EntryFilter, StoredCheckpoint, StoredEntry, TrailStore } from './trail-store.js';
import { nodeKey } from './trail-store.js';
import type { NodeId } from './tree-ranges.js';

interface EntryRow {
  seq: string; data: string; kind: string; action: string;
  container: string | null; container_name: string | null; time_ms: string; dedupe: string;
}

function toEntry(row: EntryRow): StoredEntry {
  return {
    index: Number(row.seq), data: row.data, kind: row.kind, action: row.action,
    container: row.container ?? undefined, containerName: row.container_name ?? undefined, timeMs: Number(row.time_ms), dedupeKey: row.dedupe,
  };
}

function schemaSql(schema: string): string {
  const s = `"${schema}"`;
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.entries (
  seq BIGINT PRIMARY KEY, data TEXT NOT NULL, kind TEXT NOT NULL, action TEXT NOT NULL,
  container TEXT, container_name TEXT, time_ms BIGINT NOT NULL, dedupe TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS entries_dedupe ON ${s}.entries(dedupe);
CREATE INDEX IF NOT EXISTS entries_container ON ${s}.entries(container, time_ms);
CREATE TABLE IF NOT EXISTS ${s}.nodes (id BIGINT PRIMARY KEY, hash BYTEA NOT NULL);
CREATE TABLE IF NOT EXISTS ${s}.checkpoints (size BIGINT PRIMARY KEY, note TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ${s}.cursors (name TEXT PRIMARY KEY, value TEXT NOT NULL);`;
}

/**
 * The scale-out store: the same tables in a PostgreSQL schema. Appends run in one transaction
 * (synchronous_commit is on by default, so COMMIT returns once the WAL is flushed), with rows sent
 * as arrays through `unnest` so a batch is one round trip per table.
 */
export async function openPostgresStore(url: string, schema = 'rampart_trail'): Promise<TrailStore> {
  checkPostgresSchemaName(schema);
  const pool = new (await loadPg()).Pool({ connectionString: url, max: 4 });
  const s = `"${schema}"`;
  try {
    await pool.query(schemaSql(schema));
  } catch (error) {
    await pool.end();
    throw new RampartError('STORE_ERROR', 'cannot prepare the PostgreSQL trail schema', { cause: error });
  }
  const latest = async (): Promise<StoredCheckpoint | undefined> => {
    const r = await pool.query<{ size: string; note: string }>(`SELECT size, note FROM ${s}.checkpoints ORDER BY size DESC LIMIT 1`);
    const row = r.rows[0];
    return row === undefined ? undefined : { size: Number(row.size), note: row.note };
  };

  return {
    kind: 'postgres',
    size: async () => (await latest())?.size ?? 0,
    async append(batch: AppendBatch) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`LOCK TABLE ${s}.checkpoints IN EXCLUSIVE MODE`);
        const r = await client.query<{ size: string }>(`SELECT COALESCE(MAX(size), 0) AS size FROM ${s}.checkpoints`);
        const size = Number(r.rows[0]?.size ?? 0);
        if (size !== batch.fromSize) throw new RampartError('STORE_ERROR', `trail moved on: size ${size}, batch built on ${batch.fromSize}`);
        const e = batch.entries;
        await client.query(
          `INSERT INTO ${s}.entries (seq, data, kind, action, container, container_name, time_ms, dedupe)
           SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[])`,
          [e.map((x) => x.index), e.map((x) => x.data), e.map((x) => x.kind), e.map((x) => x.action),
            e.map((x) => x.container ?? null), e.map((x) => x.containerName ?? null), e.map((x) => x.timeMs), e.map((x) => x.dedupeKey)],
        );
        if (batch.nodes.length > 0) {
          await client.query(`INSERT INTO ${s}.nodes (id, hash) SELECT * FROM unnest($1::bigint[], $2::bytea[])`, [
            batch.nodes.map((n) => String(nodeKey(n.level, n.index))), batch.nodes.map((n) => n.hash),
          ]);
        }
        await client.query(`INSERT INTO ${s}.checkpoints (size, note) VALUES ($1, $2)`, [batch.checkpoint.size, batch.checkpoint.note]);
        for (const [name, value] of Object.entries(batch.cursors ?? {})) {
          await client.query(`INSERT INTO ${s}.cursors (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`, [name, value]);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (error instanceof RampartError) throw error;
        throw new RampartError('STORE_ERROR', 'trail append failed', { cause: error });
      } finally {
        client.release();
      }
    },
    async readNodes(ids: readonly NodeId[]) {
      const keys = ids.map((id) => String(nodeKey(id.level, id.index)));
      const found = new Map<string, Buffer>();
      if (keys.length > 0) {
        const r = await pool.query<{ id: string; hash: Buffer }>(`SELECT id, hash FROM ${s}.nodes WHERE id = ANY($1::bigint[])`, [keys]);
        for (const row of r.rows) found.set(row.id, row.hash);
      }
      return ids.map((id, i) => {
        const hash = found.get(keys[i] as string);
        if (hash === undefined) throw new RampartError('DB_CORRUPT', `trail node ${id.level}/${id.index} is missing`);
        return hash;
      });
    },
    async readEntries(from, limit) {
      const r = await pool.query<EntryRow>(`SELECT * FROM ${s}.entries WHERE seq >= $1 ORDER BY seq LIMIT $2`, [from, limit]);
      return r.rows.map(toEntry);
    },
    async findKeys(keys) {
      if (keys.length === 0) return new Set();
      const r = await pool.query<{ dedupe: string }>(`SELECT DISTINCT dedupe FROM ${s}.entries WHERE dedupe = ANY($1::text[])`, [keys]);
      return new Set(r.rows.map((row) => row.dedupe));
    },
    latestCheckpoint: latest,
    async checkpoints() {
      const r = await pool.query<{ size: string; note: string }>(`SELECT size, note FROM ${s}.checkpoints ORDER BY size`);
      return r.rows.map((row) => ({ size: Number(row.size), note: row.note }));
    },
    async query(filter: EntryFilter) {
      const where: string[] = [];
      const args: unknown[] = [];
      const arg = (v: unknown): string => {
        args.push(v);
        return `$${args.length}`;
      };
      if (filter.container !== undefined) {
        where.push(`(container = ${arg(filter.container)} OR container_name = ${arg(filter.container.replace(/^\//, ''))} OR container LIKE ${arg(`${filter.container}%`)})`);
      }
      if (filter.action !== undefined) where.push(`action = ${arg(filter.action)}`);
      if (filter.kind !== undefined) where.push(`kind = ${arg(filter.kind)}`);
      if (filter.sinceMs !== undefined) where.push(`time_ms >= ${arg(filter.sinceMs)}`);
      if (filter.untilMs !== undefined) where.push(`time_ms <= ${arg(filter.untilMs)}`);
      const limit = filter.limit === undefined ? '' : ` LIMIT ${arg(filter.limit)}`;
      const r = await pool.query<EntryRow>(`SELECT * FROM ${s}.entries ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq${limit}`, args);
      return r.rows.map(toEntry);
    },
    async cursor(name) {
      const r = await pool.query<{ value: string }>(`SELECT value FROM ${s}.cursors WHERE name = $1`, [name]);
      return r.rows[0]?.value;
    },
    async close() {
      await pool.end();
    },
  };
}
