import * as z from 'zod/mini';
import type { Unknown } from '../core/index.js';
import { RampartError, checkSchema } from '../core/index.js';
import { packageFromComponent } from './decode-sbom.js';
import type { Inventory } from './inventory.js';
import { comparePackages, inventorySchemaVersion } from './inventory.js';
import type { OsInfo, Package } from './package.js';

const spdxSchema = z.looseObject({
  spdxVersion: z.string().check(z.regex(/^SPDX-2\.\d$/)),
  packages: z.optional(
    z.array(
      z.looseObject({
        name: z.string(),
        SPDXID: z.string(),
        versionInfo: z.optional(z.string()),
        licenseDeclared: z.optional(z.string()),
        primaryPackagePurpose: z.optional(z.string()),
        externalRefs: z.optional(z.array(z.looseObject({ referenceType: z.string(), referenceLocator: z.string() }))),
      }),
    ),
  ),
});

/** Reads an SPDX 2.x JSON document back into an inventory (packages with a purl external reference). */
export function decodeSpdx(text: string, file: string): Inventory {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RampartError('BAD_SBOM', `${file}: not JSON: ${(error as Error).message}`);
  }
  const parsed = checkSchema(spdxSchema, json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RampartError('BAD_SBOM', `${file}: not an SPDX 2 JSON document: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  const packages: Package[] = [];
  const unknowns: Unknown[] = [];
  let os: OsInfo | undefined;
  (parsed.data.packages ?? []).forEach((p, i) => {
    if (p.primaryPackagePurpose === 'OPERATING-SYSTEM') {
      os = { family: p.name.toLowerCase(), version: p.versionInfo ?? '' };
      return;
    }
    const purl = p.externalRefs?.find((r) => r.referenceType === 'purl')?.referenceLocator;
    // the described target (a container or folder) has no purl and is not a package
    if (purl === undefined && (p.primaryPackagePurpose === 'CONTAINER' || p.primaryPackagePurpose === 'SOURCE')) return;
    const declared = p.licenseDeclared;
    const licenses = declared === undefined || declared === 'NOASSERTION' || declared === 'NONE' ? [] : [declared];
    const r = packageFromComponent({ purl, name: p.name, version: p.versionInfo, licenses, properties: new Map(), where: `packages[${i}]` }, file);
    if (r.package !== undefined) packages.push(r.package);
    if (r.unknown !== undefined) unknowns.push(r.unknown);
  });
  packages.sort(comparePackages);
  return { schemaVersion: inventorySchemaVersion, target: `sbom:${file}`, ...(os !== undefined ? { os } : {}), packages, unknowns };
}

