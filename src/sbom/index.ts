// Public API of the sbom domain: the inventory model, purls, and SBOM encoders/decoders.
export type { Evidence, OsInfo, Package, PackageType } from './package.js';
export { isPackageType, osPackageTypes, packageTypes } from './package.js';
export type { Inventory } from './inventory.js';
export { comparePackages, inventorySchemaVersion } from './inventory.js';
export type { PurlInput } from './purl.js';
export { buildPurl } from './purl.js';
