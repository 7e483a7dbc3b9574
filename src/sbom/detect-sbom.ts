import { RampartError } from '../core/index.js';
import { decodeCycloneDx } from './decode-cyclonedx.js';
import { decodeSpdx } from './decode-spdx.js';
import type { Inventory } from './inventory.js';

/** Detects the SBOM format of a JSON text and decodes it. */
export function decodeSbom(text: string, file: string): Inventory {
  const head = text.slice(0, 4096);
  if (/"spdxVersion"\s*:/.test(head) || /"SPDXID"\s*:/.test(head)) return decodeSpdx(text, file);
  if (/"bomFormat"\s*:\s*"CycloneDX"/.test(text)) return decodeCycloneDx(text, file);
  throw new RampartError('BAD_SBOM', `${file}: neither CycloneDX JSON nor SPDX 2 JSON`);
}
