// The package entry: the public API a library user gets. Domains are added here and as
// `exports` subpaths in package.json as they arrive.
export * as core from './core/index.js';
export * as catalog from './catalog/index.js';
export * as image from './image/index.js';
export * as inventory from './inventory/index.js';
export * as lint from './lint/index.js';
export * as match from './match/index.js';
export * as report from './report/index.js';
export * as rules from './rules/index.js';
export * as runtime from './runtime/index.js';
export * as sbom from './sbom/index.js';
export * as scan from './scan/index.js';
export * as secrets from './secrets/index.js';
export * as trail from './trail/index.js';
export * as versioning from './versioning/index.js';
export * as vulndb from './vulndb/index.js';
