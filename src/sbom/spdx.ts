import { createHash, randomUUID } from 'node:crypto';
import type { EncodeOptions } from './cyclonedx.js';
import type { Inventory } from './inventory.js';
import type { Package } from './package.js';

function spdxId(prefix: string, key: string): string {
  return `SPDXRef-${prefix}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

function declaredLicense(fixupSpdxId: (id: string) => string | undefined, pkg: Package): string {
  if (pkg.licenses.length === 0) return 'NOASSERTION';
  const ids = pkg.licenses.map((l) => fixupSpdxId(l));
  return ids.every((id) => id !== undefined) ? ids.join(' AND ') : 'NOASSERTION';
}

/** SPDX 2.3 JSON: one package per inventory package, described by the document and contained in the target. */
export async function encodeSpdx(inventory: Inventory, options: EncodeOptions): Promise<string> {
  // the SPDX license id list ships with the CycloneDX library (loaded on first use)
  const { SPDX } = await import('./cyclonedx-library.js');
  const fixup = (id: string): string | undefined => SPDX.fixupSpdxId(id);
  const rootId = 'SPDXRef-Target';
  const used = new Set<string>();
  const packages: Record<string, unknown>[] = [
    {
      name: inventory.target,
      SPDXID: rootId,
      ...(inventory.imageId !== undefined ? { versionInfo: inventory.imageId } : {}),
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      primaryPackagePurpose: inventory.imageId !== undefined ? 'CONTAINER' : 'SOURCE',
    },
  ];
  const relationships: Record<string, unknown>[] = [{ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: rootId }];
  if (inventory.os !== undefined) {
    packages.push({
      name: inventory.os.family,
      SPDXID: 'SPDXRef-OperatingSystem',
      versionInfo: inventory.os.version,
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      primaryPackagePurpose: 'OPERATING-SYSTEM',
    });
    relationships.push({ spdxElementId: rootId, relationshipType: 'CONTAINS', relatedSpdxElement: 'SPDXRef-OperatingSystem' });
  }
  for (const pkg of inventory.packages) {
    let id = spdxId('Package', `${pkg.purl}#${pkg.evidence.path}`);
    while (used.has(id)) id = `${id}-1`;
    used.add(id);
    const declared = declaredLicense(fixup, pkg);
    packages.push({
      name: pkg.name,
      SPDXID: id,
      versionInfo: pkg.version,
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      licenseConcluded: 'NOASSERTION',
      licenseDeclared: declared,
      ...(declared === 'NOASSERTION' && pkg.licenses.length > 0 ? { licenseComments: `declared: ${pkg.licenses.join('; ')}` } : {}),
      copyrightText: 'NOASSERTION',
      ...(pkg.sourceName !== undefined ? { sourceInfo: `source package ${pkg.sourceName} ${pkg.sourceVersion ?? ''}`.trim() } : {}),
      comment: `found at ${pkg.evidence.path}${pkg.evidence.layer !== undefined ? ` in layer ${pkg.evidence.layer}` : ''}`,
      externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: pkg.purl }],
      primaryPackagePurpose: 'LIBRARY',
    });
    relationships.push({ spdxElementId: rootId, relationshipType: 'CONTAINS', relatedSpdxElement: id });
  }
  const created = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const doc = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: inventory.target,
    documentNamespace: `https://rampart.invalid/spdx/${options.serial?.replace(/^urn:uuid:/, '') ?? randomUUID()}`,
    creationInfo: { created, creators: [`Tool: rampart-${options.toolVersion}`] },
    ...(inventory.unknowns.length > 0 ? { comment: inventory.unknowns.map((u) => `unknown: ${u.location.path ?? ''}: ${u.reason}`).join('\n') } : {}),
    packages,
    relationships,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
