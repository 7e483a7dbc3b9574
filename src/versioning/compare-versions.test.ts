import { describe, expect, it } from 'vitest';
import { isRampartError } from '../core/index.js';
import { compareVersions } from './compare-versions.js';
import { schemeIds } from './version-scheme.js';
import { versionSchemes } from './version-schemes.js';

// Table tests for the schemes without upstream vectors (go, gem, nuget, cargo; composer in composer.test.ts), plus spot checks.
describe.each([
  ['go', 'v1.2.3', 'v1.2.4', -1],
  ['go', '1.2.3', 'v1.2.3', 0],
  ['go', 'v2.0.0+incompatible', 'v2.0.0', 0],
  ['go', 'v2.0.0+incompatible', 'v2.0.1+incompatible', -1],
  ['go', 'v0.0.0-20191109021931-daa7c04131f5', 'v0.0.0-20200101000000-aaaaaaaaaaaa', -1],
  ['go', 'v0.0.0-20191109021931-daa7c04131f5', 'v0.1.0', -1],
  ['go', 'v1.2.4-0.20191109021931-daa7c04131f5', 'v1.2.3', 1],
  ['go', 'v1.2.4-0.20191109021931-daa7c04131f5', 'v1.2.4', -1],
  ['go', 'v1.2.3-pre.0.20191109021931-daa7c04131f5', 'v1.2.3-pre', 1],
  ['go', 'v1', 'v1.0.0', 0],
  ['go', 'v1.2', 'v1.2.0', 0],
  ['go', 'v1.10.0', 'v1.9.0', 1],
  ['gem', '1.0', '1.0.0', 0],
  ['gem', '1.0.a', '1.0', -1],
  ['gem', '1.0.a', '1.0.b', -1],
  ['gem', '1.0.0-rc1', '1.0.0', -1],
  ['gem', '1.0.0.pre', '1.0.0.rc1', -1],
  ['gem', '2.0.0.rc1', '1.9.9', 1],
  ['gem', '1.9.3.p551', '1.9.3', -1],
  ['gem', '5.2.4.3', '5.2.4.10', -1],
  ['gem', '1.0.0.a10', '1.0.0.a9', 1],
  ['nuget', '1.0', '1.0.0.0', 0],
  ['nuget', '1.0.0-beta', '1.0.0', -1],
  ['nuget', '1.0.0-Beta', '1.0.0-beta', 0],
  ['nuget', '1.0.0-beta.2', '1.0.0-beta.10', -1],
  ['nuget', '1.0.0-1', '1.0.0-alpha', -1],
  ['nuget', '1.0.0+build.1', '1.0.0+build.2', 0],
  ['nuget', '4.3.0.1', '4.3.0', 1],
  ['cargo', '1.0.0-alpha', '1.0.0-alpha.1', -1],
  ['cargo', '1.0.0-alpha.beta', '1.0.0-beta', -1],
  ['cargo', '1.0.0-beta.11', '1.0.0-rc.1', -1],
  ['cargo', '1.0.0+build', '1.0.0', 0],
  ['cargo', '0.10.0', '0.9.9', 1],
  ['dpkg', '1:1.2.3-1', '1.9', 1],
  ['dpkg', '2.36-9+deb12u3', '2.36-9+deb12u10', -1],
  ['rpm', '1:1.0-1.el8', '2.0-1.el8', 1],
  ['rpm', '1.0-1.el8', '1.0-1.el8_1', -1],
  ['apk', '1.1.24-r2', '1.2.4', -1],
  ['semver', '1.2.3-beta.2', '1.2.3-beta.10', -1],
  ['pep440', '1.0.post1', '1.0', 1],
  ['maven', '1.0-SNAPSHOT', '1.0', -1],
] as const)('%s: %s vs %s', (scheme, a, b, expected) => {
  it(`is ${expected} and antisymmetric`, () => {
    expect(compareVersions(scheme, a, b)).toBe(expected);
    expect(compareVersions(scheme, b, a)).toBe(0 - expected + 0);
  });
});

describe('invalid input', () => {
  it.each([
    ['go', 'latest'],
    ['go', 'v1.2-pre'],
    ['cargo', 'v1.0.0'],
    ['cargo', '1.0'],
    ['nuget', '1.0.0-'],
    ['gem', '1.0 beta'],
    ['dpkg', 'a b'],
    ['dpkg', 'x:1.0'],
    ['rpm', ''],
    ['apk', '1.0_foo'],
    ['semver', 'not-a-version'],
    ['pep440', 'french toast'],
    ['maven', ''],
  ])('%s rejects %j with INVALID_VERSION', (scheme, bad) => {
    let caught: unknown;
    try {
      compareVersions(scheme, bad, bad);
    } catch (error) {
      caught = error;
    }
    expect(isRampartError(caught, 'INVALID_VERSION')).toBe(true);
    expect(versionSchemes.get(scheme)!.isValid(bad)).toBe(false);
  });

  it('rejects an unknown scheme with UNKNOWN_SCHEME', () => {
    expect(() => compareVersions('cobol', '1', '2')).toThrow(expect.objectContaining({ code: 'UNKNOWN_SCHEME' }));
  });
});

// One conformance suite run against every scheme: reflexive, antisymmetric, transitive on a sample.
describe.each(schemeIds.map((id) => [id] as const))('scheme %s conformance', (id) => {
  const samples: Record<string, string[]> = {
    apk: ['1.0', '1.0_alpha1', '1.0-r1', '1.0.1', '1.0a'],
    cargo: ['1.0.0', '1.0.0-alpha', '1.0.1', '2.0.0'],
    composer: ['1.0', '1.0.0-RC1', 'v1.0.1', '1.0.0-pl1', '1.0.0-dev', '2.0-beta'],
    dpkg: ['1.0', '1.0~rc1', '1:0.1', '1.0-1', '1.0+b1'],
    gem: ['1.0', '1.0.a', '1.0.1', '2.0.rc1'],
    go: ['v1.0.0', 'v1.0.0-pre', 'v1.0.1', 'v0.0.0-20200101000000-abcdefabcdef'],
    maven: ['1.0', '1.0-SNAPSHOT', '1.0-sp1', '1.0.1', '1.0-alpha-1'],
    nuget: ['1.0.0', '1.0.0-beta', '1.0.0.1', '2.0'],
    pep440: ['1.0', '1.0a1', '1.0.post1', '1!0.1', '1.0.dev1'],
    rpm: ['1.0-1', '1.0~rc1-1', '1:0.1-1', '1.0^git1-1'],
    semver: ['1.0.0', '1.0.0-alpha', '1.0.1', '2.0.0-rc.1'],
  };
  const list = samples[id]!;
  it('is a total order on its samples', () => {
    expect(versionSchemes.get(id)?.id).toBe(id);
    for (const a of list) {
      expect(compareVersions(id, a, a)).toBe(0);
      for (const b of list) {
        expect(compareVersions(id, a, b)).toBe(0 - compareVersions(id, b, a) + 0);
        for (const c of list) {
          if (compareVersions(id, a, b) < 0 && compareVersions(id, b, c) < 0) expect(compareVersions(id, a, c)).toBe(-1);
        }
      }
    }
  });
});
