import type { Unknown } from '../core/index.js';
import type { OsInfo, Package } from './package.js';

/** Version of the native JSON schema (`rampart sbom --format json`); bump on incompatible change. */
export const inventorySchemaVersion = 1;

/** What is inside a target: its OS, its packages and what could not be decided. */
export interface Inventory {
  readonly schemaVersion: typeof inventorySchemaVersion;
  /** The target as given (`docker-archive:/x.tar`, `dir:/rootfs`, `sbom:/x.json`). */
  readonly target: string;
  readonly imageId?: string;
  readonly os?: OsInfo;
  /** Sorted by type, name, version, path. */
  readonly packages: readonly Package[];
  readonly unknowns: readonly Unknown[];
}

export function comparePackages(a: Package, b: Package): number {
  return cmp(a.type, b.type) || cmp(a.name, b.name) || cmp(a.version, b.version) || cmp(a.evidence.path, b.evidence.path);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
