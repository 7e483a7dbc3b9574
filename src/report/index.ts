export { reporterRegistry } from './reporter-registry.js';
export { sortFindings, remediationOf } from './report-input.js';
export type { Reporter, ReportInput, RenderOptions, RuleInfo, SuppressedEntry } from './report-input.js';
export { JSON_SCHEMA_VERSION } from './json.js';
