// Public entry of the scan domain: wiring image → catalog → inventory → matchers (and secrets) → findings.
export { createScanner } from './scanner.js';
export type { ScanOptions, ScanResult, Scanner, ScannerDeps, ScannerKind } from './scanner.js';
export { ecosystemOf, packageInputs } from './package-inputs.js';
export { matchInventory } from './match-inventory.js';
export { isExpired, readIgnoreFile } from './ignore-file.js';
export type { IgnoreEntry } from './ignore-file.js';
export { readVexDocument, vexCovers } from './vex-document.js';
export type { VexStatement } from './vex-document.js';
export { applyScanPolicy, secretFinding } from './scan-policy.js';
export type { ScanPolicy, ScanReport } from './scan-policy.js';
export { renderScanJson, SCAN_JSON_SCHEMA_VERSION } from './scan-json.js';
export type { ScanJsonContext } from './scan-json.js';
export { renderScanCycloneDx } from './scan-cyclonedx.js';
