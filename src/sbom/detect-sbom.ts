import { RampartError } from '../core/index.js';
import { decodeCycloneDx } from './decode-cyclonedx.js';
import { decodeCycloneDxXml } from './decode-cyclonedx-xml.js';
import { decodeSpdx } from './decode-spdx.js';
import type { Inventory } from './inventory.js';

/** Detects the SBOM format (CycloneDX JSON or XML, SPDX 2 JSON) of a text and decodes it. */
export function decodeSbom(text: string, file: string): Inventory {
  const head = text.slice(0, 4096);
  if (/^\uFEFF?\s*</.test(head)) return decodeCycloneDxXml(text.replace(/^\uFEFF/, ''), file);
  if (/"spdxVersion"\s*:/.test(head) || /"SPDXID"\s*:/.test(head)) return decodeSpdx(text, file);
  if (/"bomFormat"\s*:\s*"CycloneDX"/.test(text)) return decodeCycloneDx(text, file);
  throw new RampartError('BAD_SBOM', `${file}: neither CycloneDX (JSON or XML) nor SPDX 2 JSON`);
}
