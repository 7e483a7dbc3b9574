import { createHash } from 'node:crypto';
import type { Inventory } from '../sbom/index.js';
import type { Analyzer, AnalyzerInput } from './analyzer.js';
import { applyLayers } from './apply-layers.js';
import type { Fact } from './fact.js';
import type { LayerFacts } from './layer-facts.js';
import { emptyLayerFacts } from './layer-facts.js';
import type { CatalogSource } from './layer-source.js';
import type { PathSkipper } from './path-skipper.js';

/** The subset of the image layer cache (src/image `LayerCache`) the catalog uses. */
export interface FactCache {
  get(diffId: string, key: string): unknown;
  put(diffId: string, key: string, value: unknown): void;
}

export interface CatalogOptions {
  readonly analyzers: readonly Analyzer[];
  readonly cache?: FactCache;
  /** `--skip-files` / `--skip-dirs`: files no analyzer reads (whiteouts and opaque markers still apply). */
  readonly skip?: PathSkipper;
}

/** Cache key: every analyzer's id and version, so a changed analyzer re-reads the layers. */
export function analyzerCacheKey(analyzers: readonly Analyzer[]): string {
  return `catalog:${analyzers.map((a) => `${a.id}@${a.version}`).join(',')}`;
}

/**
 * Bumped whenever `applyLayers` would squash the same layer facts into a different inventory: the
 * squashed inventory is cached under it (see `catalogSource`).
 */
const applierVersion = 1;

/** OCI's ChainID of the ordered layers: names the stack as a whole (its top layer's ChainID). */
export function chainIdOf(diffIds: readonly string[]): string {
  let chain = diffIds[0] ?? '';
  for (const diffId of diffIds.slice(1)) chain = `sha256:${createHash('sha256').update(`${chain} ${diffId}`).digest('hex')}`;
  return chain;
}

type SquashedInventory = Omit<Inventory, 'target' | 'imageId'>;

function isSquashedInventory(value: unknown): value is SquashedInventory {
  return typeof value === 'object' && value !== null && Array.isArray((value as Inventory).packages) && Array.isArray((value as Inventory).unknowns);
}

function isLayerFacts(value: unknown): value is LayerFacts {
  return typeof value === 'object' && value !== null && Array.isArray((value as LayerFacts).files) && Array.isArray((value as LayerFacts).removed);
}

async function runAnalyzer(analyzer: Analyzer, input: AnalyzerInput): Promise<Fact[]> {
  try {
    return await analyzer.analyze(input);
  } catch (error) {
    return [{ kind: 'unknown', path: input.path, reason: `analyzer ${analyzer.id} failed: ${(error as Error).message}` }];
  }
}

/**
 * Walks the source once: per layer, every file some analyzer asks for is read and turned into facts
 * (layers whose facts are cached under their diffId are not read at all), then the applier squashes
 * the layers into the inventory. Analyzers with `readsCompanions` run after the walk, each file with
 * the other files of its layer that the same analyzer asked for.
 */
export async function catalogSource(source: CatalogSource, options: CatalogOptions): Promise<Inventory> {
  // A skipped walk caches under its own keys: it never answers for an unskipped one, nor the reverse.
  const key = `${analyzerCacheKey(options.analyzers)}${options.skip === undefined ? '' : `;skip:${options.skip.key}`}`;
  const cache = source.cacheable ? options.cache : undefined;
  const ids = { target: source.target, ...(source.imageId !== undefined ? { imageId: source.imageId } : {}) };
  // The squashed inventory of the whole layer stack is cached too: a second run on the same image
  // then parses neither the layers nor their (large) per-layer facts.
  const ordered = [...source.layers].sort((a, b) => a.index - b.index);
  const stack = ordered.length === 0 ? undefined : chainIdOf(ordered.map((l) => l.diffId));
  const stackKey = `inventory@${applierVersion}:${key}`;
  if (cache !== undefined && stack !== undefined) {
    const squashed = cache.get(stack, stackKey);
    if (isSquashedInventory(squashed)) return { ...squashed, ...ids };
  }
  const byLayer = new Map<string, LayerFacts>();
  const fresh = new Set<string>();
  // Files held for analyzers that read companions, and per layer and analyzer the files it asked for.
  const held: { analyzer: Analyzer; path: string; content: Buffer; facts: Fact[]; group: Map<string, Buffer> }[] = [];
  const groups = new Map<string, Map<string, Buffer>>();
  await source.walk({
    layer(layer) {
      const cached = cache?.get(layer.diffId, key);
      if (isLayerFacts(cached)) {
        byLayer.set(layer.diffId, cached);
        return false;
      }
      byLayer.set(layer.diffId, emptyLayerFacts());
      fresh.add(layer.diffId);
      return true;
    },
    async entry(entry, layer, content) {
      let facts = byLayer.get(layer.diffId);
      if (facts === undefined) {
        facts = emptyLayerFacts();
        byLayer.set(layer.diffId, facts);
        fresh.add(layer.diffId);
      }
      if (entry.kind === 'whiteout') {
        facts.removed.push(entry.path);
        return;
      }
      if (entry.kind === 'opaque') {
        facts.opaque.push(entry.path);
        return;
      }
      if (entry.kind !== 'file') return;
      // Runs for every file of every layer, and most files are asked for by no analyzer: nothing is
      // allocated, matched against --skip-* patterns or read for them; a file is matched and read
      // once, when the first analyzer asks for it.
      let buffer: Buffer | undefined;
      let found: Fact[] | undefined;
      for (const analyzer of options.analyzers) {
        if (!analyzer.required(entry.path, entry)) continue;
        if (found === undefined && options.skip?.skips(entry.path) === true) return;
        buffer ??= await content();
        found ??= [];
        if (analyzer.readsCompanions === true) {
          const id = `${layer.diffId}\u0000${analyzer.id}`;
          const group = groups.get(id) ?? new Map<string, Buffer>();
          groups.set(id, group.set(entry.path, buffer));
          held.push({ analyzer, path: entry.path, content: buffer, facts: found, group });
        } else found.push(...(await runAnalyzer(analyzer, { path: entry.path, content: buffer })));
      }
      if (found !== undefined) facts.files.push({ path: entry.path, facts: found });
    },
  });
  // Analyzers that read companion files run once their layer's files are all known.
  for (const h of held) {
    h.facts.push(...(await runAnalyzer(h.analyzer, { path: h.path, content: h.content, companion: (p) => h.group.get(p), companionPaths: () => [...h.group.keys()] })));
  }
  if (cache !== undefined) for (const diffId of fresh) cache.put(diffId, key, byLayer.get(diffId));
  const inventory = applyLayers(ordered.map((l) => ({ diffId: l.diffId, facts: byLayer.get(l.diffId) ?? emptyLayerFacts() })), ids);
  if (cache !== undefined && stack !== undefined) {
    const { target: _target, imageId: _imageId, ...squashed } = inventory;
    cache.put(stack, stackKey, squashed);
  }
  return inventory;
}
