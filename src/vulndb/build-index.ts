import path from 'node:path';
import type { FeedKind } from './read-records.js';
import { readRecords } from './read-records.js';
import { replaceAtomically } from './atomic-db-file.js';
import type { IndexWriter } from './vuln-index.js';
import { openIndexWriter } from './vuln-index.js';

export interface BuildOptions {
  /** The database file to (re)create. */
  readonly db: string;
  /** Files and directories to read (OSV JSON/YAML, all.zip, Alpine secdb, Debian tracker JSON). */
  readonly from: readonly string[];
  readonly now?: () => Date;
  readonly onProgress?: (records: number, source: string) => void;
}

export interface BuildSummary {
  readonly db: string;
  readonly sources: readonly { readonly location: string; readonly kinds: readonly FeedKind[]; readonly records: number }[];
  readonly records: number;
}

/** Loads every record of one source into `writer`, merging converted distro records by id. */
export async function loadSource(
  writer: IndexWriter,
  location: string,
  onProgress?: (records: number, source: string) => void,
): Promise<{ records: number; kinds: FeedKind[]; newest: string | undefined }> {
  const sourceId = writer.addSource(location, 'files');
  let records = 0;
  let newest: string | undefined;
  const kinds = new Set<FeedKind>();
  let batch: Parameters<IndexWriter['put']>[] = [];
  const flush = (): void => {
    const pending = batch;
    batch = [];
    writer.transaction(() => {
      for (const args of pending) writer.put(...args);
    });
  };
  for await (const read of readRecords(location)) {
    kinds.add(read.kind);
    batch.push([read.record, { sourceId, origin: read.origin }, read.kind !== 'osv']);
    if (newest === undefined || read.record.modified > newest) newest = read.record.modified;
    records++;
    if (batch.length >= 2000) {
      flush();
      onProgress?.(records, location);
    }
  }
  flush();
  writer.finishSource(sourceId, records, newest);
  return { records, kinds: [...kinds].sort(), newest };
}

/** `rampart db build --from PATH...`: a new index from local files, swapped in atomically. */
export async function buildIndex(options: BuildOptions): Promise<BuildSummary> {
  const now = options.now ?? (() => new Date());
  return replaceAtomically(options.db, async (tmp) => {
    const writer = openIndexWriter(tmp, { create: true, now });
    try {
      const sources: BuildSummary['sources'][number][] = [];
      for (const from of options.from) {
        const location = path.resolve(from);
        const loaded = await loadSource(writer, location, options.onProgress);
        sources.push({ location, kinds: loaded.kinds, records: loaded.records });
      }
      return { db: options.db, sources, records: sources.reduce((n, s) => n + s.records, 0) };
    } finally {
      writer.close();
    }
  });
}
