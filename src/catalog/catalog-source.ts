import type { Inventory } from '../sbom/index.js';
import type { Analyzer, AnalyzerInput } from './analyzer.js';
import { applyLayers } from './apply-layers.js';
import type { Fact } from './fact.js';
import type { LayerFacts } from './layer-facts.js';
import { emptyLayerFacts } from './layer-facts.js';
import type { CatalogSource } from './layer-source.js';

/** The subset of the image layer cache (src/image `LayerCache`) the catalog uses. */
export interface FactCache {
  get(diffId: string, key: string): unknown;
  put(diffId: string, key: string, value: unknown): void;
}

export interface CatalogOptions {
  readonly analyzers: readonly Analyzer[];
  readonly cache?: FactCache;
}

/** Cache key: every analyzer's id and version, so a changed analyzer re-reads the layers. */
export function analyzerCacheKey(analyzers: readonly Analyzer[]): string {
  return `catalog:${analyzers.map((a) => `${a.id}@${a.version}`).join(',')}`;
}

function isLayerFacts(value: unknown): value is LayerFacts {
  return typeof value === 'object' && value !== null && Array.isArray((value as LayerFacts).files) && Array.isArray((value as LayerFacts).removed);
}

/**
 * Walks the source once: per layer, every file some analyzer asks for is read and turned into facts
 * (layers whose facts are cached under their diffId are not read at all), then the applier squashes
 * the layers into the inventory.
 */
export async function catalogSource(source: CatalogSource, options: CatalogOptions): Promise<Inventory> {
  const key = analyzerCacheKey(options.analyzers);
  const byLayer = new Map<string, LayerFacts>();
  const fresh = new Set<string>();
  const cache = source.cacheable ? options.cache : undefined;
  // Files for analyzers that read several files together (`analyzeGroup`), per layer, per analyzer.
  const grouped = new Map<string, Map<Analyzer, AnalyzerInput[]>>();
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
      const wanted = options.analyzers.filter((a) => a.required(entry.path, entry));
      if (wanted.length === 0) return;
      const buffer = await content();
      const found: Fact[] = [];
      for (const analyzer of wanted) {
        if (analyzer.analyzeGroup !== undefined) {
          const byAnalyzer = grouped.get(layer.diffId) ?? new Map<Analyzer, AnalyzerInput[]>();
          grouped.set(layer.diffId, byAnalyzer);
          const inputs = byAnalyzer.get(analyzer) ?? [];
          inputs.push({ path: entry.path, content: buffer });
          byAnalyzer.set(analyzer, inputs);
          continue;
        }
        try {
          found.push(...(await analyzer.analyze({ path: entry.path, content: buffer })));
        } catch (error) {
          found.push({ kind: 'unknown', path: entry.path, reason: `analyzer ${analyzer.id} failed: ${(error as Error).message}` });
        }
      }
      facts.files.push({ path: entry.path, facts: found });
    },
  });
  for (const [diffId, byAnalyzer] of grouped) {
    const facts = byLayer.get(diffId) ?? emptyLayerFacts();
    for (const [analyzer, inputs] of byAnalyzer) await addGroupFacts(facts, analyzer, inputs);
  }
  if (cache !== undefined) for (const diffId of fresh) cache.put(diffId, key, byLayer.get(diffId));
  const ordered = [...source.layers].sort((a, b) => a.index - b.index).map((l) => ({ diffId: l.diffId, facts: byLayer.get(l.diffId) ?? emptyLayerFacts() }));
  return applyLayers(ordered, { target: source.target, ...(source.imageId !== undefined ? { imageId: source.imageId } : {}) });
}

/** Runs one group analyzer on a layer's files and files each fact under the path it names. */
async function addGroupFacts(facts: LayerFacts, analyzer: Analyzer, inputs: readonly AnalyzerInput[]): Promise<void> {
  let found: Fact[];
  try {
    found = await (analyzer.analyzeGroup?.(inputs) ?? []);
  } catch (error) {
    found = inputs.map((i): Fact => ({ kind: 'unknown', path: i.path, reason: `analyzer ${analyzer.id} failed: ${(error as Error).message}` }));
  }
  const byPath = new Map<string, Fact[]>(inputs.map((i) => [i.path, []]));
  for (const fact of found) {
    const list = byPath.get(fact.path) ?? [];
    list.push(fact);
    byPath.set(fact.path, list);
  }
  const index = new Map(facts.files.map((f, i) => [f.path, i]));
  for (const [path, list] of byPath) {
    const at = index.get(path);
    const existing = at === undefined ? undefined : facts.files[at];
    if (at === undefined || existing === undefined) facts.files.push({ path, facts: list });
    else facts.files[at] = { path, facts: [...existing.facts, ...list] };
  }
}
