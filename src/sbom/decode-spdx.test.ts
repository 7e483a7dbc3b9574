import { describe, expect, it } from 'vitest';
import { decodeSpdx } from './decode-spdx.js';

describe('decodeSpdx', () => {
  it.each([
    ['SPDX 3', { spdxVersion: 'SPDX-3.0' }, 'doc.json: not an SPDX 2 JSON document: spdxVersion Invalid string: must match pattern /^SPDX-2\\.\\d$/'],
    ['no spdxVersion', { packages: [] }, 'doc.json: not an SPDX 2 JSON document: spdxVersion Invalid input: expected string, received undefined'],
    ['a package without SPDXID', { spdxVersion: 'SPDX-2.3', packages: [{ name: 'a' }] }, 'doc.json: not an SPDX 2 JSON document: packages.0.SPDXID Invalid input: expected string, received undefined'],
  ])('refuses a document with %s as BAD_SBOM, with zod English message', (_label, value, message) => {
    expect(() => decodeSpdx(JSON.stringify(value), 'doc.json')).toThrow(expect.objectContaining({ code: 'BAD_SBOM', message }) as Error);
  });

  it('reads packages with a purl reference and skips the described container', () => {
    const doc = {
      spdxVersion: 'SPDX-2.3',
      packages: [
        { name: 'img', SPDXID: 'SPDXRef-img', primaryPackagePurpose: 'CONTAINER' },
        { name: 'a', SPDXID: 'SPDXRef-a', versionInfo: '1.0.0', licenseDeclared: 'MIT', externalRefs: [{ referenceType: 'purl', referenceLocator: 'pkg:npm/a@1.0.0' }] },
      ],
    };
    const inventory = decodeSpdx(JSON.stringify(doc), 'doc.json');
    expect(inventory.packages.map((p) => [p.purl, p.licenses])).toEqual([['pkg:npm/a@1.0.0', ['MIT']]]);
    expect(inventory.unknowns).toEqual([]);
  });
});
