import type { Inventory } from './inventory.js';

/**
 * Rampart's native inventory JSON (`--format json`): the Inventory model as is, with `schemaVersion`
 * (bumped on incompatible change; fields are only added within a version).
 */
export function encodeNativeJson(inventory: Inventory): string {
  return `${JSON.stringify(inventory, null, 2)}\n`;
}
