import { RampartError } from '../core/index.js';
import { decodeCycloneDx } from './decode-cyclonedx.js';
import { decodeSpdx } from './decode-spdx.js';
import type { Inventory } from './inventory.js';

/**
 * Detects the SBOM format (CycloneDX JSON or XML, SPDX 2 JSON) of a text and decodes it. The XML
 * decoder (and its XML parser) is loaded only for an XML document.
 */
export async function decodeSbom(text: string, file: string): Promise<Inventory> {
  const head = text.slice(0, 4096);
  if (/^\uFEFF?\s*</.test(head)) {
    const { decodeCycloneDxXml } = await import('./decode-cyclonedx-xml.js');
    return decodeCycloneDxXml(text.replace(/^\uFEFF/, ''), file);
  }
  if (/"spdxVersion"\s*:/.test(head) || /"SPDXID"\s*:/.test(head)) return decodeSpdx(text, file);
  if (/"bomFormat"\s*:\s*"CycloneDX"/.test(text)) return decodeCycloneDx(text, file);
  throw new RampartError('BAD_SBOM', `${file}: neither CycloneDX (JSON or XML) nor SPDX 2 JSON`);
}
