import { invalidVersion } from './invalid-version.js';
import type { Ordering } from './version-scheme.js';
import { defineVersionScheme } from './version-scheme.js';

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isAlnum = (c: string | undefined): boolean => isDigit(c) || isAlpha(c);

/** rpm's rpmvercmp on one version or release string: alnum segments, `~` before, `^` after. */
export function rpmvercmp(a: string, b: string): Ordering {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && !isAlnum(a[i]) && a[i] !== '~' && a[i] !== '^') i++;
    while (j < b.length && !isAlnum(b[j]) && b[j] !== '~' && b[j] !== '^') j++;
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;
    const numeric = isDigit(a[i]);
    const take = numeric ? isDigit : isAlpha;
    const si = i;
    const sj = j;
    while (i < a.length && take(a[i])) i++;
    while (j < b.length && take(b[j])) j++;
    let sa = a.slice(si, i);
    let sb = b.slice(sj, j);
    if (sb === '') return numeric ? 1 : -1;
    if (numeric) {
      sa = sa.replace(/^0+/, '');
      sb = sb.replace(/^0+/, '');
      if (sa.length !== sb.length) return sa.length > sb.length ? 1 : -1;
    }
    if (sa !== sb) return sa < sb ? -1 : 1;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i < a.length ? 1 : -1;
}

interface Evr {
  readonly epoch: number;
  readonly version: string;
  readonly release: string | undefined;
}

/** Parses `[epoch:]version[-release]`. */
export function parseRpmVersion(text: string): Evr {
  const trimmed = text.trim();
  if (trimmed === '' || /\s/.test(trimmed)) throw invalidVersion('rpm', text, 'empty or contains whitespace');
  const colon = trimmed.indexOf(':');
  let epoch = 0;
  let rest = trimmed;
  if (colon >= 0) {
    const e = trimmed.slice(0, colon);
    if (!/^\d+$/.test(e)) throw invalidVersion('rpm', text, 'epoch is not a number');
    epoch = Number(e);
    rest = trimmed.slice(colon + 1);
  }
  const dash = rest.lastIndexOf('-');
  const version = dash >= 0 ? rest.slice(0, dash) : rest;
  const release = dash >= 0 ? rest.slice(dash + 1) : undefined;
  if (version === '' || release === '') throw invalidVersion('rpm', text, 'empty version or release');
  return { epoch, version, release };
}

/** Compares full EVRs; a release is compared only when both sides have one (as rpm does). */
export function compareRpm(a: string, b: string): Ordering {
  const va = parseRpmVersion(a);
  const vb = parseRpmVersion(b);
  if (va.epoch !== vb.epoch) return va.epoch < vb.epoch ? -1 : 1;
  const v = rpmvercmp(va.version, vb.version);
  if (v !== 0 || va.release === undefined || vb.release === undefined) return v;
  return rpmvercmp(va.release, vb.release);
}

export const rpm = defineVersionScheme({
  id: 'rpm',
  version: 1,
  description: 'RPM package versions ([epoch:]version[-release], rpmvercmp)',
  isValid(version) {
    try {
      parseRpmVersion(version);
      return true;
    } catch {
      return false;
    }
  },
  compare: compareRpm,
});
