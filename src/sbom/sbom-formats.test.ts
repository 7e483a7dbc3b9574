import path from 'node:path';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { expect, it } from 'vitest';
import * as z from 'zod/mini';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { catalogTarget } from '../catalog/index.js';
import { parseSchema } from '../core/index.js';
import { encodeCycloneDx } from './cyclonedx.js';
import { decodeCycloneDx } from './decode-cyclonedx.js';
import { decodeSpdx } from './decode-spdx.js';
import { decodeSbom } from './detect-sbom.js';
import type { Inventory } from './inventory.js';
import { encodeNativeJson } from './native-json.js';
import { encodeSpdx } from './spdx.js';

const fixed = { toolVersion: '0.0.0-test', now: new Date('2026-01-01T00:00:00Z'), serial: 'urn:uuid:00000000-0000-4000-8000-000000000000' };

const ids = (inv: Inventory): string[] => inv.packages.map((p) => `${p.purl}|${p.version}|${p.sourceName ?? ''}`).sort();

// SPDX 2.3 required fields (spec clauses 6.1-6.9, 7.1-7.5, 7.7, 7.17/7.13 for packages; relationships 11.1).
// No npm package ships the SPDX 2.3 JSON schema (cdxgen's spdx-export.schema.json is SPDX 3.0), so the
// document is checked against these clauses instead of the official schema file.
const spdx23 = z.object({
  spdxVersion: z.literal('SPDX-2.3'),
  dataLicense: z.literal('CC0-1.0'),
  SPDXID: z.literal('SPDXRef-DOCUMENT'),
  name: z.string().check(z.minLength(1)),
  documentNamespace: z.url(),
  creationInfo: z.object({
    created: z.string().check(z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)),
    creators: z.array(z.string().check(z.regex(/^(Tool|Person|Organization): .+/))).check(z.minLength(1)),
  }),
  packages: z.array(
    z.object({
      name: z.string().check(z.minLength(1)),
      SPDXID: z.string().check(z.regex(/^SPDXRef-[A-Za-z0-9.-]+$/)),
      downloadLocation: z.string().check(z.minLength(1)),
      filesAnalyzed: z.boolean(),
      licenseDeclared: z.optional(z.string()),
      externalRefs: z.optional(z.array(z.object({ referenceCategory: z.enum(['SECURITY', 'PACKAGE-MANAGER', 'PERSISTENT-ID', 'OTHER']), referenceType: z.string(), referenceLocator: z.string() }))),
      primaryPackagePurpose: z.optional(z.enum(['APPLICATION', 'FRAMEWORK', 'LIBRARY', 'CONTAINER', 'OPERATING-SYSTEM', 'DEVICE', 'FIRMWARE', 'SOURCE', 'ARCHIVE', 'FILE', 'INSTALL', 'OTHER'])),
    }),
  ),
  relationships: z.array(z.object({ spdxElementId: z.string(), relationshipType: z.string(), relatedSpdxElement: z.string() })),
});

describeWithTestdata('SBOM encoders and decoders on alpine-311', (root) => {
  const image = path.join(root, 'images/trivy-fanal-testdata/alpine-311.tar.gz');
  const inventory = catalogTarget(image);

  it('CycloneDX 1.6 output passes the official JSON schema (strict) and decodes back to the same packages', async () => {
    const inv = await inventory;
    const text = await encodeCycloneDx(inv, fixed);
    const errors = await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(text);
    expect(errors).toBeNull();
    const back = decodeCycloneDx(text, 'x.cdx.json');
    expect(ids(back)).toEqual(ids(inv));
    expect(back.os).toEqual({ family: 'alpine', version: '3.11.5' });
    expect(back.packages.find((p) => p.name === 'musl')?.evidence).toEqual(inv.packages.find((p) => p.name === 'musl')?.evidence);
    console.log(`cyclonedx: ${inv.packages.length} components valid against bom-1.6 (strict)`);
  });

  it('SPDX 2.3 output has every required field and decodes back to the same packages', async () => {
    const inv = await inventory;
    const text = await encodeSpdx(inv, fixed);
    const doc = parseSchema(spdx23, JSON.parse(text));
    expect(new Set(doc.packages.map((p) => p.SPDXID)).size).toBe(doc.packages.length);
    for (const r of doc.relationships) expect(doc.packages.some((p) => p.SPDXID === r.relatedSpdxElement)).toBe(true);
    const back = decodeSpdx(text, 'x.spdx.json');
    expect(back.packages.map((p) => `${p.purl}|${p.version}`).sort()).toEqual(inv.packages.map((p) => `${p.purl}|${p.version}`).sort());
    expect((await decodeSbom(text, 'x')).packages).toHaveLength(14);
  });

  it('native JSON is the inventory, versioned', async () => {
    const inv = await inventory;
    const doc = JSON.parse(encodeNativeJson(inv)) as Inventory;
    expect(doc.schemaVersion).toBe(1);
    expect(doc).toEqual(JSON.parse(JSON.stringify(inv)));
  });

  it.each([
    ['not JSON', '{'],
    ['not a BOM', '{"bomFormat":"CycloneDX"}'],
    ['neither', '{"hello":1}'],
  ])('rejects %s with BAD_SBOM', async (_label, text) => {
    await expect(decodeSbom(text, 'bad.json')).rejects.toThrow(expect.objectContaining({ code: 'BAD_SBOM' }) as Error);
  });
});
