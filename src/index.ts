// The package entry: the public API a library user gets. Domains are added here and as
// `exports` subpaths in package.json as they arrive.
export * as core from './core/index.js';
export * as rules from './rules/index.js';
export * as runtime from './runtime/index.js';
