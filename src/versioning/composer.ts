import { invalidVersion } from './invalid-version.js';
import type { Ordering } from './version-scheme.js';
import { defineVersionScheme, sign } from './version-scheme.js';

/**
 * Special forms of PHP's version_compare, lowest first; a form is the first of these names it
 * starts with (PHP's rule: `patch` is `p`, `abc` is `a`), anything else ranks below `dev`.
 */
const FORMS: readonly (readonly [string, number])[] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];
const NUMBER_RANK = 4;

/** Branch versions (`dev-main`, `1.x-dev`) name a moving branch, not a release: not comparable. */
const BRANCH = /^dev-|[.-]x-dev$|^[^0-9]*$/i;

function formRank(form: string): number {
  for (const [name, rank] of FORMS) if (form.startsWith(name)) return rank;
  return -1;
}

/**
 * PHP's canonical form: leading `v` dropped, `-`, `_`, `+` become `.`, and a `.` goes between every
 * digit run and non-digit run (`4.3.2RC1` → `4.3.2.RC.1`).
 */
export function composerParts(version: string): string[] {
  const text = version.trim().replace(/^[vV](?=\d)/, '');
  if (text === '' || BRANCH.test(text)) throw invalidVersion('composer', version, 'not a release version (a branch or no digits)');
  return text
    .replace(/[-_+]/g, '.')
    .replace(/(\D)(?=\d)/g, '$1.')
    .replace(/(\d)(?=[^\d.])/g, '$1.')
    .split('.')
    .filter((p) => p !== '');
}

const isNumber = (part: string): boolean => /^\d+$/.test(part);

function comparePart(a: string, b: string): number {
  if (isNumber(a) && isNumber(b)) return sign(Number(a) - Number(b));
  const ra = isNumber(a) ? NUMBER_RANK : formRank(a);
  const rb = isNumber(b) ? NUMBER_RANK : formRank(b);
  return sign(ra - rb);
}

/**
 * Composer/Packagist ordering: PHP's version_compare on the canonical parts, with the numeric release
 * parts padded with zeros first, as Composer's normaliser does (`1.0` = `1.0.0` = `1.0.0.0`).
 * When one side runs out, a remaining number makes the longer version newer and a remaining special
 * form is compared with a release (`1.0.beta` < `1.0` < `1.0.pl1`).
 */
export function compareComposer(a: string, b: string): Ordering {
  const pa = composerParts(a);
  const pb = composerParts(b);
  const lead = (parts: string[]): number => {
    const i = parts.findIndex((p) => !isNumber(p));
    return i < 0 ? parts.length : i;
  };
  const width = Math.max(lead(pa), lead(pb));
  const pad = (parts: string[]): string[] => {
    const n = lead(parts);
    return [...parts.slice(0, n), ...Array.from({ length: width - n }, () => '0'), ...parts.slice(n)];
  };
  const xa = pad(pa);
  const xb = pad(pb);
  const common = Math.min(xa.length, xb.length);
  for (let i = 0; i < common; i++) {
    const c = comparePart(xa[i]!, xb[i]!);
    if (c !== 0) return sign(c);
  }
  if (xa.length === xb.length) return 0;
  const longer = xa.length > xb.length ? xa : xb;
  const direction = xa.length > xb.length ? 1 : -1;
  const next = longer[common]!;
  return sign(direction * (isNumber(next) ? 1 : comparePart(next, '#')));
}

export const composer = defineVersionScheme({
  id: 'composer',
  version: 1,
  description: 'Composer/Packagist versions (PHP version_compare on Composer-normalised versions)',
  isValid: (version) => {
    try {
      composerParts(version);
      return true;
    } catch {
      return false;
    }
  },
  compare: compareComposer,
});
