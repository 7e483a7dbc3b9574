import type { Severity } from '../core/index.js';
import type { Inventory } from '../sbom/index.js';

/**
 * One finding as remembered for "what is new" (advisory ids + package + version), with the severity
 * and fixed version it had, so a later match can tell new findings from changed ones.
 */
export interface FindingKey {
  readonly id: string;
  readonly aliases: readonly string[];
  /** OSV ecosystem of the package (`Debian`, `npm`...). */
  readonly ecosystem: string;
  readonly package: string;
  readonly version: string;
  readonly severity: Severity;
  readonly fixedVersion?: string;
}

/** The findings of the last match of a stored SBOM, and the advisory database they came from. */
export interface MatchBaseline {
  /** ISO time of the match. */
  readonly matchedAt: string;
  /** The database build the match ran against (see `databaseMarker`). */
  readonly database: string;
  readonly findings: readonly FindingKey[];
}

/** One stored SBOM: a target's inventory as cataloged, and the baseline of its last match. */
export interface StoredSbom {
  /** The target as scanned (`docker-archive:/x.tar`, `registry:host/repo:tag`...): the store's key. */
  readonly target: string;
  readonly imageId?: string;
  /** ISO time the inventory was cataloged. */
  readonly catalogedAt: string;
  readonly inventory: Inventory;
  /** Absent until the SBOM has been matched once. */
  readonly baseline?: MatchBaseline;
}

/** A new or replaced SBOM. Without `baseline`, the target keeps the baseline it had (if any). */
export interface SbomPut {
  readonly catalogedAt: string;
  readonly inventory: Inventory;
  readonly baseline?: MatchBaseline;
}

/**
 * Where SBOMs are kept. The embedded implementation is SQLite (`openSqliteSbomStore`); a shared
 * PostgreSQL one can implement the same interface (hence the promises) and run the same
 * conformance tests (`sbom-store.test.ts`).
 */
export interface SbomStore {
  readonly kind: string;
  /** The file (or URL) the store lives in, for messages. */
  readonly location: string;
  /** Stores the inventory under its target (`inventory.target`), replacing an earlier one. */
  put(sbom: SbomPut): Promise<void>;
  get(target: string): Promise<StoredSbom | undefined>;
  count(): Promise<number>;
  /** Stored SBOMs in target order, `limit` at a time after `after` (paging through large stores). */
  list(page: { readonly after?: string; readonly limit: number }): Promise<StoredSbom[]>;
  /** Records new baselines in one transaction. */
  setBaselines(entries: readonly { readonly target: string; readonly baseline: MatchBaseline }[]): Promise<void>;
  remove(target: string): Promise<boolean>;
  close(): Promise<void>;
}
