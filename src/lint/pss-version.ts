import { RampartError } from '../core/index.js';
import type { PssVersion } from './check.js';

/** The newest Pod Security Standards version whose controls Rampart implements. */
export const LATEST_PSS_MINOR = 37;

/** Parses `latest`, `v1.30` or `1.30`; versions newer than the implemented one evaluate as latest (as Kubernetes does). */
export function parsePssVersion(value: string): PssVersion {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === 'latest') return Number.POSITIVE_INFINITY;
  const match = /^v?1\.(\d{1,3})$/.exec(trimmed);
  if (match === null) throw new RampartError('USAGE', `invalid --pss-version ${value} (expected latest or v1.N, e.g. v1.30)`);
  return Number(match[1]);
}

export function formatPssVersion(version: PssVersion): string {
  return Number.isFinite(version) ? `v1.${version}` : 'latest';
}
