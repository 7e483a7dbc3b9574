import type { IndexStatus } from '../vulndb/index.js';

/** Names one build of the advisory database: when it was last built or updated, and its size. */
export function databaseMarker(status: Pick<IndexStatus, 'updatedAt' | 'records'>): string {
  return `${status.updatedAt ?? 'unknown'} (${status.records} records)`;
}
