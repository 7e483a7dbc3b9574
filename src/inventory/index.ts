// Public entry of the inventory domain: the SBOM store (inventories of scanned targets and the
// findings of their last match) and re-matching stored SBOMs against a newer advisory database.
export type { FindingKey, MatchBaseline, SbomPut, SbomStore, StoredSbom } from './sbom-store.js';
export { openSqliteSbomStore } from './sqlite-sbom-store.js';
export { SBOM_STORE_SCHEMA_VERSION } from './stored-sbom-row.js';
export { defaultStorePath, openSbomStore } from './store-location.js';
export { dropPostgresSbomStore, openPostgresSbomStore } from './postgres-sbom-store.js';
export { compareFindings, findingKey } from './finding-changes.js';
export type { ChangedFinding, FindingChanges } from './finding-changes.js';
export { databaseMarker } from './database-marker.js';
export { recordInventory } from './record-inventory.js';
export type { RecordOptions } from './record-inventory.js';
export { rematchStored } from './rematch-stored.js';
export type { RematchDeps, RematchedTarget, RematchOptions, RematchReport } from './rematch-stored.js';
export { renderRematchJson, RESCAN_JSON_SCHEMA_VERSION } from './rematch-json.js';
export type { RematchJsonContext } from './rematch-json.js';
export { renderRematchTable } from './rematch-table.js';
