import type { Fact } from './fact.js';

/** What the analyzers learned from one layer: facts per analyzed file, and what the layer deleted. */
export interface LayerFacts {
  /** Every analyzed file, even those that gave no facts (they replace a lower layer's file). */
  readonly files: { readonly path: string; readonly facts: readonly Fact[] }[];
  /** Paths deleted by whiteouts. */
  readonly removed: string[];
  /** Directories whose lower-layer contents are hidden (opaque whiteouts). */
  readonly opaque: string[];
}

export function emptyLayerFacts(): LayerFacts {
  return { files: [], removed: [], opaque: [] };
}
