import { describe, expect, it } from 'vitest';
import type { Inventory } from '../sbom/index.js';
import { packageInputs } from './package-inputs.js';

const inventory = (purl: string): Inventory =>
  ({
    schemaVersion: 1,
    target: 'sbom:x',
    packages: [{ type: 'deb', name: 'openssl', version: '1.1.1f-1ubuntu2', purl, licenses: [], evidence: { path: 'x' } }],
    unknowns: [],
  }) as unknown as Inventory;

describe('packageInputs: the release of an SBOM package without an OS', () => {
  it.each([
    ['pkg:deb/ubuntu/openssl@1.1.1f-1ubuntu2?distro=ubuntu-20.04', 'Ubuntu', '20.04'],
    ['pkg:deb/ubuntu/openssl@1.1.1f-1ubuntu2?distro=focal', 'Ubuntu', '20.04'],
    ['pkg:deb/debian/openssl@1.1.1f-1?distro=debian-bookworm', 'Debian', '12'],
    ['pkg:deb/debian/openssl@1.1.1f-1?distro=debian-11', 'Debian', '11'],
  ])('%s → %s %s', (purl, ecosystem, release) => {
    const { inputs } = packageInputs(inventory(purl));
    expect(inputs[0]).toMatchObject({ ecosystem, distroRelease: release });
  });
});
