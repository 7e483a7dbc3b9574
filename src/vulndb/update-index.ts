import { existsSync } from 'node:fs';
import { replaceAtomically } from './atomic-db-file.js';
import type { OsvMirror } from './osv-mirror.js';
import { parseModifiedIds } from './osv-mirror.js';
import type { OsvRecord } from './osv-record.js';
import { parseOsvRecord } from './osv-record.js';
import { readRecords } from './read-records.js';
import type { IndexWriter } from './vuln-index.js';
import { openIndexWriter, openVulnIndex } from './vuln-index.js';

export interface UpdateOptions {
  readonly db: string;
  readonly mirror: OsvMirror;
  readonly ecosystems: readonly string[];
  readonly now?: () => Date;
  readonly onProgress?: (message: string) => void;
}

export interface EcosystemUpdate {
  readonly ecosystem: string;
  readonly mode: 'full' | 'incremental' | 'absent';
  readonly records: number;
}

/** Beyond this many changed records, `all.zip` is fetched instead of one file per record. */
const MAX_INCREMENTAL = 5000;

const newer = (a: string, b: string | null | undefined): boolean => b === null || b === undefined || Date.parse(a) > Date.parse(b);

async function fullLoad(writer: IndexWriter, mirror: OsvMirror, ecosystem: string, onProgress?: (m: string) => void): Promise<EcosystemUpdate> {
  const zip = await mirror.file(ecosystem, 'all.zip');
  if (zip === undefined) return { ecosystem, mode: 'absent', records: 0 };
  try {
    const sourceId = writer.addSource(mirror.location, 'osv-mirror', ecosystem);
    let records = 0;
    let newest: string | undefined;
    let batch: Parameters<IndexWriter['put']>[] = [];
    const flush = (): void => {
      const pending = batch;
      batch = [];
      writer.transaction(() => pending.forEach((args) => writer.put(...args)));
    };
    for await (const read of readRecords(zip.path)) {
      const origin = `${mirror.location}/${ecosystem}/all.zip!${read.origin.slice(read.origin.lastIndexOf('!') + 1)}`;
      batch.push([read.record, { sourceId, origin }]);
      if (newest === undefined || newer(read.record.modified, newest)) newest = read.record.modified;
      if (++records % 5000 === 0) {
        flush();
        onProgress?.(`${ecosystem}: ${records} records`);
      }
    }
    flush();
    writer.finishSource(sourceId, records, newest);
    return { ecosystem, mode: 'full', records };
  } finally {
    await zip.release();
  }
}

/**
 * `rampart db update`: for each ecosystem, fetch only the records `modified_id.csv` lists as
 * changed since the last update from the same mirror; the first time (or without the csv), load
 * `all.zip`. Works on a copy of the database and swaps it in atomically.
 */
export async function updateIndex(options: UpdateOptions): Promise<EcosystemUpdate[]> {
  const now = options.now ?? (() => new Date());
  let copyFrom: string | undefined;
  if (existsSync(options.db)) {
    openVulnIndex(options.db).close();
    copyFrom = options.db;
  }
  return replaceAtomically(
    options.db,
    async (tmp) => {
      const writer = openIndexWriter(tmp, { create: copyFrom === undefined, now });
      try {
        const results: EcosystemUpdate[] = [];
        for (const ecosystem of options.ecosystems) {
          const state = writer.sourceState(options.mirror.location, ecosystem);
          const csv = state?.lastModified ? await options.mirror.get(ecosystem, 'modified_id.csv') : undefined;
          if (state?.lastModified === undefined || state.lastModified === null || csv === undefined) {
            results.push(await fullLoad(writer, options.mirror, ecosystem, options.onProgress));
            continue;
          }
          const rows = parseModifiedIds(csv.toString('utf8'));
          const changed = rows.filter((r) => newer(r.modified, state.lastModified));
          if (changed.length > MAX_INCREMENTAL) {
            // fetching that many single records costs more than the archive
            results.push(await fullLoad(writer, options.mirror, ecosystem, options.onProgress));
            continue;
          }
          const sourceId = writer.addSource(options.mirror.location, 'osv-mirror-incremental', ecosystem);
          let newest = state.lastModified;
          const records: { record: OsvRecord; origin: string }[] = [];
          for (const row of changed) {
            const bytes = await options.mirror.get(ecosystem, `${row.id}.json`);
            if (bytes === undefined) continue;
            const origin = `${options.mirror.location}/${ecosystem}/${row.id}.json`;
            records.push({ record: parseOsvRecord(JSON.parse(bytes.toString('utf8')), { file: origin }), origin });
            if (newer(row.modified, newest)) newest = row.modified;
          }
          writer.transaction(() => records.forEach((r) => writer.put(r.record, { sourceId, origin: r.origin })));
          writer.finishSource(sourceId, records.length, newest);
          options.onProgress?.(`${ecosystem}: ${records.length} changed records`);
          results.push({ ecosystem, mode: 'incremental', records: records.length });
        }
        return results;
      } finally {
        writer.close();
      }
    },
    copyFrom,
  );
}
