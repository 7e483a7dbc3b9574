// Public API of the catalog domain: analyzers (registry units), the layer walk and the applier.
export type { Analyzer, AnalyzerInput } from './analyzer.js';
export { defineAnalyzer, unknownFact } from './analyzer.js';
export type { Fact, PackageDraft } from './fact.js';
export type { CatalogSource, SourceEntry, SourceEntryKind, SourceLayer, SourceVisitor } from './layer-source.js';
export type { LayerFacts } from './layer-facts.js';
export { applyLayers } from './apply-layers.js';
export { analyzers } from './builtin-analyzers.js';
export type { CatalogOptions, FactCache } from './catalog-source.js';
export { analyzerCacheKey, catalogSource } from './catalog-source.js';
export type { PathSkipper, PathSkipperContext, SkipPatterns } from './path-skipper.js';
export { collectSkipPatterns, createPathSkipper } from './path-skipper.js';
export { dirSource } from './dir-source.js';
export { imageSource } from './image-source.js';
export type { CatalogTargetOptions } from './catalog-target.js';
export { catalogTarget } from './catalog-target.js';
