import type { Unknown } from '../core/index.js';
import { createVulnMatcher } from '../match/index.js';
import { matchInventory } from '../scan/index.js';
import type { VulnIndex } from '../vulndb/index.js';
import { cachedIndex } from './cached-index.js';
import { databaseMarker } from './database-marker.js';
import type { FindingChanges } from './finding-changes.js';
import { compareFindings, findingKey } from './finding-changes.js';
import type { MatchBaseline, SbomStore, StoredSbom } from './sbom-store.js';

export interface RematchDeps {
  readonly store: SbomStore;
  readonly index: Pick<VulnIndex, 'recordsFor' | 'recordsByAlias' | 'status'>;
  readonly now?: () => Date;
}

export interface RematchOptions {
  /** Record the new findings as each target's baseline (default true); false only reports. */
  readonly record?: boolean;
  /** SBOMs read (and baselines written) per batch (default 100). */
  readonly pageSize?: number;
}

/** One stored target after re-matching: what is new, changed or gone since its last match. */
export interface RematchedTarget extends FindingChanges {
  readonly target: string;
  readonly imageId?: string;
  readonly catalogedAt: string;
  readonly packages: number;
  /** The earlier match this one is compared with (absent: never matched, every finding is new). */
  readonly previous?: { readonly matchedAt: string; readonly database: string };
  /** All findings now. */
  readonly findings: number;
  /** Catalog unknowns kept with the inventory, packages with no advisory source, undecidable advisories. */
  readonly unknowns: readonly Unknown[];
}

export interface RematchReport {
  /** The database build matched against (`databaseMarker`). */
  readonly database: string;
  readonly matchedAt: string;
  readonly targets: readonly RematchedTarget[];
  readonly totals: {
    readonly targets: number;
    readonly packages: number;
    readonly findings: number;
    readonly added: number;
    readonly changed: number;
    readonly resolved: number;
    readonly unknowns: number;
  };
}

/**
 * Re-matches every stored SBOM against the current advisory index, without opening any image: the
 * stored inventory goes through the same vulnerability step (`matchInventory`) as `rampart scan`.
 * Reports per target what is new since its last match and records the new baseline.
 */
export async function rematchStored(deps: RematchDeps, options: RematchOptions = {}): Promise<RematchReport> {
  const status = deps.index.status();
  const database = databaseMarker(status);
  const matchedAt = (deps.now ?? (() => new Date()))().toISOString();
  const matcher = createVulnMatcher({ index: cachedIndex(deps.index) });
  const pageSize = options.pageSize ?? 100;
  const targets: RematchedTarget[] = [];
  const rematchOne = (sbom: StoredSbom): { result: RematchedTarget; baseline: MatchBaseline } => {
    const inventory = sbom.inventory;
    const matched = matchInventory(matcher, inventory, sbom.target);
    const unknowns: Unknown[] = [...inventory.unknowns, ...matched.unknowns];
    const changes = compareFindings(sbom.baseline?.findings, matched.matches);
    const result: RematchedTarget = {
      target: sbom.target,
      ...(sbom.imageId === undefined ? {} : { imageId: sbom.imageId }),
      catalogedAt: sbom.catalogedAt,
      packages: inventory.packages.length,
      ...(sbom.baseline === undefined ? {} : { previous: { matchedAt: sbom.baseline.matchedAt, database: sbom.baseline.database } }),
      findings: matched.matches.length,
      ...changes,
      unknowns,
    };
    return { result, baseline: { matchedAt, database, findings: matched.matches.map(findingKey) } };
  };
  let after: string | undefined;
  for (;;) {
    const page = await deps.store.list({ ...(after === undefined ? {} : { after }), limit: pageSize });
    if (page.length === 0) break;
    const baselines: { target: string; baseline: MatchBaseline }[] = [];
    for (const sbom of page) {
      const { result, baseline } = rematchOne(sbom);
      targets.push(result);
      baselines.push({ target: sbom.target, baseline });
    }
    if (options.record !== false) await deps.store.setBaselines(baselines);
    after = page.at(-1)?.target;
  }
  const sum = (f: (t: RematchedTarget) => number): number => targets.reduce((n, t) => n + f(t), 0);
  return {
    database,
    matchedAt,
    targets,
    totals: {
      targets: targets.length,
      packages: sum((t) => t.packages),
      findings: sum((t) => t.findings),
      added: sum((t) => t.added.length),
      changed: sum((t) => t.changed.length),
      resolved: sum((t) => t.resolved.length),
      unknowns: sum((t) => t.unknowns.length),
    },
  };
}
