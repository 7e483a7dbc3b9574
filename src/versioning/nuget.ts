import { invalidVersion } from './invalid-version.js';
import type { Ordering } from './version-scheme.js';
import { defineVersionScheme, sign } from './version-scheme.js';

interface NugetVersion {
  readonly numbers: readonly number[];
  readonly pre: readonly string[];
}

const PATTERN = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** NuGetVersion: up to four numeric parts (missing = 0), dotted pre-release labels, metadata ignored. */
export function parseNuget(version: string): NugetVersion {
  const m = PATTERN.exec(version.trim());
  if (m === null) throw invalidVersion('nuget', version, 'not MAJOR[.MINOR[.PATCH[.REVISION]]][-pre][+meta]');
  const numbers = [m[1], m[2], m[3], m[4]].map((n) => Number(n ?? '0'));
  return { numbers, pre: m[5] === undefined ? [] : m[5].split('.') };
}

function compareLabel(a: string, b: string): number {
  const na = /^\d+$/.test(a);
  const nb = /^\d+$/.test(b);
  if (na && nb) return Number(a) - Number(b);
  if (na) return -1;
  if (nb) return 1;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

export function compareNuget(a: string, b: string): Ordering {
  const va = parseNuget(a);
  const vb = parseNuget(b);
  for (let i = 0; i < 4; i++) {
    const d = va.numbers[i]! - vb.numbers[i]!;
    if (d !== 0) return sign(d);
  }
  if (va.pre.length === 0 && vb.pre.length === 0) return 0;
  if (va.pre.length === 0) return 1;
  if (vb.pre.length === 0) return -1;
  for (let i = 0; i < Math.min(va.pre.length, vb.pre.length); i++) {
    const d = compareLabel(va.pre[i]!, vb.pre[i]!);
    if (d !== 0) return sign(d);
  }
  return sign(va.pre.length - vb.pre.length);
}

export const nuget = defineVersionScheme({
  id: 'nuget',
  version: 1,
  description: 'NuGet package versions (four numeric parts, case-insensitive pre-release labels)',
  isValid(version) {
    try {
      parseNuget(version);
      return true;
    } catch {
      return false;
    }
  },
  compare: compareNuget,
});
