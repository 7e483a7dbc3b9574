import type { Unknown } from '../core/index.js';
import type { Inventory, OsInfo, Package } from '../sbom/index.js';
import { buildPurl, comparePackages, inventorySchemaVersion, osPackageTypes } from '../sbom/index.js';
import type { Fact, PackageDraft } from './fact.js';
import type { LayerFacts } from './layer-facts.js';

interface FileState {
  readonly layer: string;
  readonly facts: readonly Fact[];
  /** Per package identity, the layer it first appeared in (kept while later layers keep it). */
  readonly introducedIn: ReadonlyMap<string, string>;
}

function identity(p: PackageDraft): string {
  return `${p.type}\u0000${p.name}\u0000${p.version}\u0000${p.arch ?? ''}\u0000${p.innerPath ?? ''}`;
}

function isUnder(path: string, dir: string): boolean {
  return dir === '/' || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}

/**
 * The applier: squashes per-layer facts by layer order and whiteouts into one inventory. A file
 * analyzed in a later layer replaces the lower one; a whiteout or opaque directory removes it.
 * Language packages whose file an OS package installed are marked `ownedBy` that package.
 */
export function applyLayers(
  layers: readonly { readonly diffId: string; readonly facts: LayerFacts }[],
  target: { readonly target: string; readonly imageId?: string },
): Inventory {
  const state = new Map<string, FileState>();
  for (const { diffId, facts } of layers) {
    for (const removed of facts.removed) {
      for (const path of [...state.keys()]) if (path === removed || isUnder(path, removed)) state.delete(path);
    }
    for (const dir of facts.opaque) {
      for (const path of [...state.keys()]) if (isUnder(path, dir)) state.delete(path);
    }
    for (const file of facts.files) {
      const previous = state.get(file.path);
      const introducedIn = new Map<string, string>();
      for (const fact of file.facts) {
        if (fact.kind !== 'package') continue;
        const key = identity(fact.package);
        introducedIn.set(key, previous?.introducedIn.get(key) ?? diffId);
      }
      state.set(file.path, { layer: diffId, facts: file.facts, introducedIn });
    }
  }
  return buildInventory(state, target);
}

function buildInventory(state: ReadonlyMap<string, FileState>, target: { readonly target: string; readonly imageId?: string }): Inventory {
  let os: { os: OsInfo; priority: number } | undefined;
  const unknowns: Unknown[] = [];
  const drafts: { draft: PackageDraft; path: string; layer: string }[] = [];
  const ownedFiles: { ownerType: string; ownerName: string; files: readonly string[] }[] = [];
  for (const [path, file] of [...state.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const fact of file.facts) {
      switch (fact.kind) {
        case 'os':
          if (os === undefined || fact.priority > os.priority) os = { os: fact.os, priority: fact.priority };
          break;
        case 'unknown':
          unknowns.push({ reason: fact.reason, location: { path: fact.path, layer: file.layer } });
          break;
        case 'owned-files':
          ownedFiles.push(fact);
          break;
        case 'package':
          drafts.push({ draft: fact.package, path, layer: file.introducedIn.get(identity(fact.package)) ?? file.layer });
          break;
      }
    }
  }
  const osInfo = os?.os;
  const owners = new Map<string, string>();
  const osPurlByName = new Map<string, string>();
  const purls = drafts.map(({ draft }) => buildPurl(draft, osInfo));
  drafts.forEach(({ draft }, i) => {
    if (!osPackageTypes.includes(draft.type)) return;
    const purl = purls[i] ?? '';
    osPurlByName.set(`${draft.type}\u0000${draft.name}`, purl);
    for (const f of draft.files ?? []) owners.set(f, purl);
  });
  for (const owned of ownedFiles) {
    const purl = osPurlByName.get(`${owned.ownerType}\u0000${owned.ownerName}`);
    if (purl !== undefined) for (const f of owned.files) owners.set(f, purl);
  }
  const seen = new Set<string>();
  const packages: Package[] = [];
  drafts.forEach(({ draft, path, layer }, i) => {
    const evidencePath = draft.innerPath === undefined ? path : `${path}/${draft.innerPath}`;
    const key = `${identity(draft)}\u0000${evidencePath}`;
    if (seen.has(key)) return;
    seen.add(key);
    const ownedBy = osPackageTypes.includes(draft.type) ? undefined : owners.get(path);
    packages.push({
      type: draft.type,
      name: draft.name,
      version: draft.version,
      purl: purls[i] ?? '',
      ...(draft.epoch !== undefined ? { epoch: draft.epoch } : {}),
      ...(draft.release !== undefined ? { release: draft.release } : {}),
      ...(draft.arch !== undefined ? { arch: draft.arch } : {}),
      ...(draft.sourceName !== undefined ? { sourceName: draft.sourceName } : {}),
      ...(draft.sourceVersion !== undefined ? { sourceVersion: draft.sourceVersion } : {}),
      licenses: draft.licenses,
      evidence: { layer, path: evidencePath },
      ...(ownedBy !== undefined ? { ownedBy } : {}),
      ...(draft.dev === true ? { dev: true } : {}),
      ...(draft.modularityLabel !== undefined ? { modularityLabel: draft.modularityLabel } : {}),
    });
  });
  packages.sort(comparePackages);
  return {
    schemaVersion: inventorySchemaVersion,
    target: target.target,
    ...(target.imageId !== undefined ? { imageId: target.imageId } : {}),
    ...(osInfo !== undefined ? { os: osInfo } : {}),
    packages,
    unknowns,
  };
}
