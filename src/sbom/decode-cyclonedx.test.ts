import { describe, expect, it } from 'vitest';
import { decodeCycloneDx } from './decode-cyclonedx.js';

describe('decodeCycloneDx', () => {
  it.each([
    ['no specVersion', { bomFormat: 'CycloneDX' }, 'bom.json: not a CycloneDX BOM: specVersion Invalid input: expected string, received undefined'],
    ['another format', { bomFormat: 'SPDX', specVersion: '1.6' }, 'bom.json: not a CycloneDX BOM: bomFormat Invalid input: expected "CycloneDX"'],
    ['a nameless nested component', { bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ name: 'a', components: [{ version: '1' }] }] }, 'bom.json: not a CycloneDX BOM: components.0.components.0.name Invalid input: expected string, received undefined'],
    ['an array (a document-level issue has no path)', [], 'bom.json: not a CycloneDX BOM: Invalid input: expected object, received array'],
  ])('refuses a BOM with %s as BAD_SBOM, with zod English message', (_label, value, message) => {
    expect(() => decodeCycloneDx(JSON.stringify(value), 'bom.json')).toThrow(expect.objectContaining({ code: 'BAD_SBOM', message }) as Error);
  });

  it('reads nested components and the operating system', () => {
    const bom = { bomFormat: 'CycloneDX', specVersion: '1.4', components: [{ type: 'operating-system', name: 'Alpine', version: '3.19' }, { type: 'library', name: 'a', version: '1.0.0', purl: 'pkg:npm/a@1.0.0', components: [{ name: 'b', version: '2.0.0', purl: 'pkg:npm/b@2.0.0' }] }] };
    const inventory = decodeCycloneDx(JSON.stringify(bom), 'bom.json');
    expect(inventory.os).toEqual({ family: 'alpine', version: '3.19' });
    expect(inventory.packages.map((p) => p.purl)).toEqual(['pkg:npm/a@1.0.0', 'pkg:npm/b@2.0.0']);
  });
});
