import { invalidVersion } from './invalid-version.js';
import type { Ordering } from './version-scheme.js';
import { defineVersionScheme, sign } from './version-scheme.js';

/**
 * Maven's ComparableVersion: a version is a tree of items (numbers, qualifiers, "combinations"
 * such as `alpha1`, and sub-lists opened by `-` or by a digit/letter transition). Qualifiers order
 * alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp < anything else
 * (alphabetically). Only ASCII digits are digits.
 */
type Item =
  | { readonly t: 'int'; readonly v: bigint }
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'combo'; readonly s: Item & { t: 'str' }; readonly d: Item }
  | { readonly t: 'list'; readonly items: Item[] };

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const RELEASE_QUALIFIERS = ['ga', 'final', 'release'];
const RELEASE_INDEX = String(QUALIFIERS.indexOf(''));

const isDigit = (c: string): boolean => c >= '0' && c <= '9';

function stringItem(value: string, followedByDigit: boolean): Item & { t: 'str' } {
  let v = value;
  if (followedByDigit && v.length === 1) v = ({ a: 'alpha', b: 'beta', m: 'milestone' } as Record<string, string>)[v] ?? v;
  return { t: 'str', v: v === 'cr' ? 'rc' : v };
}

function comparableQualifier(q: string): string {
  if (RELEASE_QUALIFIERS.includes(q)) return RELEASE_INDEX;
  const i = QUALIFIERS.indexOf(q);
  return i === -1 ? `${QUALIFIERS.length}-${q}` : String(i);
}

const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function parseItem(combination: boolean, digit: boolean, buf: string): Item {
  if (combination) {
    const text = buf.replace(/-/g, '');
    const idx = Math.max(0, [...text].findIndex(isDigit));
    return { t: 'combo', s: stringItem(text.slice(0, idx), true), d: parseItem(false, true, text.slice(idx)) };
  }
  if (digit) return { t: 'int', v: BigInt(buf) };
  return stringItem(buf, false);
}

function isNull(item: Item): boolean {
  switch (item.t) {
    case 'int':
      return item.v === 0n;
    case 'str':
      return item.v === '';
    case 'combo':
      return false;
    case 'list':
      return item.items.length === 0;
  }
}

function normalize(list: Item[]): void {
  for (let i = list.length - 1; i >= 0; i--) {
    if (!isNull(list[i]!)) continue;
    const next = list[i + 1];
    if (next === undefined || next.t === 'str') {
      list.splice(i, 1);
    } else if (next.t === 'list') {
      const head = next.items[0];
      if (head !== undefined && (head.t === 'combo' || head.t === 'str')) list.splice(i, 1);
    }
  }
  const only = list[0];
  if (list.length === 1 && only !== undefined && only.t === 'list') {
    // removing a zero prefix must not leave an extra qualifier nesting level
    list.splice(0, 1, ...only.items);
  }
}

/** Parses a Maven version into its item tree. */
export function parseMaven(version: string): Item {
  if (version.trim() === '') throw invalidVersion('maven', version, 'empty');
  const text = version.toLowerCase();
  const root: Item & { t: 'list' } = { t: 'list', items: [] };
  let list = root.items;
  const stack: Item[][] = [list];
  const open = (): void => {
    const child: Item & { t: 'list' } = { t: 'list', items: [] };
    list.push(child);
    list = child.items;
    stack.push(list);
  };
  let isDigitRun = false;
  let combination = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '.') {
      list.push(i === start ? { t: 'int', v: 0n } : parseItem(combination, isDigitRun, text.slice(start, i)));
      combination = false;
      start = i + 1;
    } else if (c === '-') {
      if (i === start) {
        list.push({ t: 'int', v: 0n });
      } else {
        // X-1 is read as the combination X1
        if (!isDigitRun && i !== text.length - 1 && isDigit(text[i + 1]!)) {
          combination = true;
          continue;
        }
        list.push(parseItem(combination, isDigitRun, text.slice(start, i)));
      }
      start = i + 1;
      if (list.length > 0) open();
      combination = false;
    } else if (isDigit(c)) {
      if (!isDigitRun && i > start) {
        combination = true;
        if (list.length > 0) open();
      }
      isDigitRun = true;
    } else {
      if (isDigitRun && i > start) {
        list.push(parseItem(combination, true, text.slice(start, i)));
        start = i;
        open();
        combination = false;
      }
      isDigitRun = false;
    }
  }
  if (text.length > start) {
    // 1.0.0.X1 < 1.0.0-X2: a trailing .X is treated as -X
    if (!isDigitRun && list.length > 0) open();
    list.push(parseItem(combination, isDigitRun, text.slice(start)));
  }
  while (stack.length > 0) normalize(stack.pop()!);
  return root;
}

function compareItems(a: Item | undefined, b: Item | undefined): number {
  if (a === undefined) return b === undefined ? 0 : -compareItems(b, undefined);
  switch (a.t) {
    case 'int':
      if (b === undefined) return a.v === 0n ? 0 : 1;
      return b.t === 'int' ? (a.v < b.v ? -1 : a.v > b.v ? 1 : 0) : 1;
    case 'str':
      if (b === undefined) return cmpStr(comparableQualifier(a.v), RELEASE_INDEX);
      if (b.t === 'str') return cmpStr(comparableQualifier(a.v), comparableQualifier(b.v));
      if (b.t === 'combo') {
        const r = compareItems(a, b.s);
        if (r !== 0) return r;
        return compareItems(a, undefined) === 0 ? -compareItems(b.d, undefined) : -1;
      }
      if (b.t === 'list') return -compareItems(b, a);
      return -1;
    case 'combo':
      if (b === undefined) {
        const r = compareItems(a.s, undefined);
        return r === 0 ? compareItems(a.d, undefined) : r;
      }
      if (b.t === 'str') {
        const r = compareItems(a.s, b);
        if (r !== 0) return r;
        return compareItems(a.s, undefined) === 0 ? compareItems(a.d, undefined) : 1;
      }
      if (b.t === 'list') return -compareItems(b, a);
      if (b.t === 'combo') {
        const r = compareItems(a.s, b.s);
        return r === 0 ? compareItems(a.d, b.d) : r;
      }
      return -1;
    case 'list':
      if (b === undefined) {
        for (const item of a.items) {
          const r = compareItems(item, undefined);
          if (r !== 0) return r;
        }
        return 0;
      }
      if (b.t === 'int') return -1;
      if (b.t === 'str' || b.t === 'combo') {
        let scalar = a.items.length === 0 ? -compareItems(b, undefined) : compareItems(a.items[0], b);
        for (let i = 1; scalar === 0 && i < a.items.length; i++) scalar = compareItems(a.items[i], undefined);
        return scalar;
      }
      for (let i = 0; i < Math.max(a.items.length, b.items.length); i++) {
        const l = a.items[i];
        const r = b.items[i];
        const result = l === undefined ? (r === undefined ? 0 : -compareItems(r, undefined)) : compareItems(l, r);
        if (result !== 0) return result;
      }
      return 0;
  }
}

export function compareMaven(a: string, b: string): Ordering {
  return sign(compareItems(parseMaven(a), parseMaven(b)));
}

export const maven = defineVersionScheme({
  id: 'maven',
  version: 1,
  description: 'Maven artifact versions (ComparableVersion ordering of numbers and qualifiers)',
  isValid: (version) => version.trim() !== '',
  compare: compareMaven,
});
