import { describe, expect, it } from 'vitest';
import { parseStoredFindings, parseStoredInventory } from './stored-sbom-schema.js';

const pkg = { type: 'npm', name: 'a', version: '1.0.0', purl: 'pkg:npm/a@1.0.0', evidence: { path: '/app/package-lock.json' } };
const finding = { id: 'GHSA-1', aliases: ['CVE-1'], ecosystem: 'npm', package: 'a', version: '1.0.0', severity: 'high' };

describe('stored SBOM schema', () => {
  it('keeps the stored inventory as stored (extra fields too)', () => {
    const inventory = { schemaVersion: 1, target: 'dir:/a', packages: [{ ...pkg, licenses: ['MIT'] }], unknowns: [], os: { family: 'alpine', version: '3.19' } };
    expect(parseStoredInventory(JSON.stringify(inventory), 'store.sqlite', 'dir:/a')).toEqual(inventory);
  });

  it.each([
    ['a package without purl', { schemaVersion: 1, target: 't', packages: [{ ...pkg, purl: undefined }], unknowns: [] }, 'store.sqlite: the stored inventory of dir:/a is invalid at packages.0.purl: Invalid input: expected string, received undefined'],
    ['another schema version', { schemaVersion: 2, target: 't', packages: [], unknowns: [] }, 'store.sqlite: the stored inventory of dir:/a is invalid at schemaVersion: Invalid input: expected 1'],
    ['an unknown package type', { schemaVersion: 1, target: 't', packages: [{ ...pkg, type: 'nope' }], unknowns: [] }, expect.stringMatching(/^store\.sqlite: the stored inventory of dir:\/a is invalid at packages\.0\.type: Invalid option: expected one of "/) as string],
  ])('refuses an inventory with %s as BAD_STORE, with zod English message', (_label, value, message) => {
    expect(() => parseStoredInventory(JSON.stringify(value), 'store.sqlite', 'dir:/a')).toThrow(expect.objectContaining({ code: 'BAD_STORE', message }) as Error);
  });

  it.each([
    ['an unknown severity', [{ ...finding, severity: 'dire' }], 'store.sqlite: the stored findings of dir:/a is invalid at 0.severity: Invalid option: expected one of'],
    ['an extra field is fine, a missing one is not', [{ ...finding, extra: 1, aliases: undefined }], 'store.sqlite: the stored findings of dir:/a is invalid at 0.aliases: Invalid input: expected array, received undefined'],
  ])('refuses findings with %s', (_label, value, start) => {
    expect(() => parseStoredFindings(JSON.stringify(value), 'store.sqlite', 'dir:/a')).toThrow(expect.objectContaining({ code: 'BAD_STORE', message: expect.stringContaining(start) as string }) as Error);
  });
});
