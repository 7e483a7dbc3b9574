import { invalidVersion } from './invalid-version.js';
import type { Ordering } from './version-scheme.js';
import { defineVersionScheme, sign } from './version-scheme.js';

interface DpkgVersion {
  readonly epoch: number;
  readonly upstream: string;
  readonly revision: string;
}

const ALLOWED = /^[A-Za-z0-9.+~:-]+$/;

/** Parses `[epoch:]upstream[-revision]` as dpkg's parseversion does (deb-version(7)). */
export function parseDpkgVersion(version: string): DpkgVersion {
  const text = version.trim();
  if (text === '') throw invalidVersion('dpkg', version, 'empty');
  if (!ALLOWED.test(text)) throw invalidVersion('dpkg', version, 'contains characters outside [A-Za-z0-9.+~:-]');
  const colon = text.indexOf(':');
  let epoch = 0;
  let rest = text;
  if (colon >= 0) {
    const epochText = text.slice(0, colon);
    if (!/^\d+$/.test(epochText)) throw invalidVersion('dpkg', version, 'epoch is not a number');
    epoch = Number(epochText);
    rest = text.slice(colon + 1);
  }
  const dash = rest.lastIndexOf('-');
  const upstream = dash >= 0 ? rest.slice(0, dash) : rest;
  const revision = dash >= 0 ? rest.slice(dash + 1) : '';
  if (upstream === '') throw invalidVersion('dpkg', version, 'empty upstream version');
  if (dash >= 0 && revision === '') throw invalidVersion('dpkg', version, 'empty revision');
  if (upstream.includes(':')) throw invalidVersion('dpkg', version, 'colon in upstream version');
  return { epoch, upstream, revision };
}

function order(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c >= '0' && c <= '9') return 0;
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return c.charCodeAt(0);
  if (c === '~') return -1;
  return c.charCodeAt(0) + 256;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** dpkg's verrevcmp: alternating non-digit and digit runs, `~` sorting before everything. */
export function compareDpkgPart(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = order(a[i]);
      const bc = order(b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff !== 0) return firstDiff;
  }
  return 0;
}

export function compareDpkg(a: string, b: string): Ordering {
  const va = parseDpkgVersion(a);
  const vb = parseDpkgVersion(b);
  if (va.epoch !== vb.epoch) return va.epoch < vb.epoch ? -1 : 1;
  const up = compareDpkgPart(va.upstream, vb.upstream);
  if (up !== 0) return sign(up);
  return sign(compareDpkgPart(va.revision, vb.revision));
}

export const dpkg = defineVersionScheme({
  id: 'dpkg',
  version: 1,
  description: 'Debian and Ubuntu package versions ([epoch:]upstream[-revision], deb-version(7))',
  isValid(version) {
    try {
      parseDpkgVersion(version);
      return true;
    } catch {
      return false;
    }
  },
  compare: compareDpkg,
});
