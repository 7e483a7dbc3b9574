// Public API of the sbom domain: the inventory model, purls, and SBOM encoders/decoders.
export type { Evidence, OsInfo, Package, PackageType } from './package.js';
export { isPackageType, osPackageTypes, packageTypes } from './package.js';
export type { Inventory } from './inventory.js';
export { comparePackages, inventorySchemaVersion } from './inventory.js';
export type { PurlInput } from './purl.js';
export { buildPurl } from './purl.js';
export type { ParsedPurl, ParsePurlResult } from './purl.js';
export { parsePurl } from './purl.js';
export type { EncodeOptions } from './cyclonedx.js';
export { cdxProperty, encodeCycloneDx } from './cyclonedx.js';
export { encodeSpdx } from './spdx.js';
export { encodeNativeJson } from './native-json.js';
export { decodeCycloneDx } from './decode-cyclonedx.js';
export { decodeSpdx } from './decode-spdx.js';
export { decodeSbom } from './detect-sbom.js';
