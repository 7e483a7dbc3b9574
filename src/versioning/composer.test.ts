import { describe, expect, it } from 'vitest';
import { isRampartError } from '../core/index.js';
import { compareVersions } from './compare-versions.js';
import { composerParts } from './composer.js';

describe('composer canonical parts', () => {
  it.each([
    ['4.3.2RC1', ['4', '3', '2', 'RC', '1']],
    ['v2.4.1', ['2', '4', '1']],
    ['1.0.0-beta_2+x', ['1', '0', '0', 'beta', '2', 'x']],
  ])('%s → %j', (version, parts) => {
    expect(composerParts(version)).toEqual(parts);
  });
});

// PHP version_compare's documented order (dev < alpha = a < beta = b < RC = rc < # < pl = p), on
// Composer-normalised versions (numeric release parts padded, so 1.0 = 1.0.0 — PHP alone says 1.0 < 1.0.0).
describe.each([
  ['1.0.0', '1.0.1', -1],
  ['1.10.0', '1.9.9', 1],
  ['v2.4.1', '2.4.1', 0],
  ['1.0', '1.0.0', 0],
  ['1.0', '1.0.0.0', 0],
  ['5.2', '5.2.1', -1],
  ['4.3.2RC1', '4.3.2', -1],
  ['4.3.2RC1', '4.3.2RC2', -1],
  ['1.0.0-dev', '1.0.0-alpha1', -1],
  ['1.0.0-alpha1', '1.0.0-a1', 0],
  ['1.0.0-alpha2', '1.0.0-beta1', -1],
  ['1.0.0-beta1', '1.0.0-RC1', -1],
  ['1.0.0-rc1', '1.0.0-RC1', 0],
  ['1.0.0-RC1', '1.0.0', -1],
  ['1.0.0', '1.0.0-pl1', -1],
  ['1.0.0-patch1', '1.0.0-p1', 0],
  ['1.0.0-beta', '1.0', -1],
  ['1.0.0.1', '1.0.0', 1],
  ['2.0.0-beta1', '1.9.9', 1],
] as const)('composer: %s vs %s', (a, b, expected) => {
  it(`is ${expected} and antisymmetric`, () => {
    expect(compareVersions('composer', a, b)).toBe(expected);
    expect(compareVersions('composer', b, a)).toBe(0 - expected + 0);
  });
});

describe('composer branch versions are not releases', () => {
  it.each(['dev-master', 'dev-feature/x', '1.x-dev', '', 'latest'])('%j is INVALID_VERSION', (bad) => {
    let caught: unknown;
    try {
      compareVersions('composer', bad, '1.0.0');
    } catch (error) {
      caught = error;
    }
    expect(isRampartError(caught, 'INVALID_VERSION')).toBe(true);
  });
});
