import { RampartError } from '../core/index.js';
import type { VulnIndex } from './vuln-index.js';
import { openVulnIndex } from './vuln-index.js';

export const DEFAULT_MAX_AGE_DAYS = 7;

export interface OpenedDatabase {
  readonly index: VulnIndex;
  readonly ageDays: number | undefined;
  /** Human-readable warnings (an old database), for the CLI to print. */
  readonly warnings: readonly string[];
}

/**
 * Opens the index for matching: a missing database is DB_MISSING and an empty one DB_EMPTY (never
 * a clean scan); one older than `maxAgeDays` opens with a warning that gives its age.
 */
export function openDatabaseForMatching(file: string, options: { now?: () => Date; maxAgeDays?: number } = {}): OpenedDatabase {
  const index = openVulnIndex(file);
  const status = index.status();
  if (status.records === 0) {
    index.close();
    throw new RampartError('DB_EMPTY', `the vulnerability database ${file} holds no advisories: run 'rampart db update' or 'rampart db build --from PATH'`, {
      location: { file },
    });
  }
  const now = (options.now ?? (() => new Date()))();
  const ageDays = status.updatedAt === undefined ? undefined : (now.getTime() - Date.parse(status.updatedAt)) / 86_400_000;
  const maxAge = options.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
  const warnings =
    ageDays !== undefined && ageDays > maxAge
      ? [`the vulnerability database is ${Math.floor(ageDays)} days old (updated ${status.updatedAt}); run 'rampart db update'`]
      : [];
  return { index, ageDays, warnings };
}
