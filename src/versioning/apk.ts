import { invalidVersion } from './invalid-version.js';
import type { Ordering } from './version-scheme.js';
import { defineVersionScheme, sign } from './version-scheme.js';

/**
 * Alpine versions: `digit{.digit}...{letter}{_suffix{#}}...{~hash}{-r#}` (apk-tools). Token kinds
 * are ordered: when two versions differ in the kind of their next token, the one whose token kind
 * ranks higher is the older one, except that a pre-release suffix always sorts first.
 */
const kindRank = { digit: 1, letter: 2, suffix: 3, suffixNo: 4, hash: 5, revision: 6, end: 7 } as const;
type Kind = keyof typeof kindRank;

/** Pre-release suffixes are negative, post-release ones positive, "no suffix" is 0. */
const suffixValue: Readonly<Record<string, number>> = {
  alpha: -4, beta: -3, pre: -2, rc: -1, cvs: 1, svn: 2, git: 3, hg: 4, p: 5,
};

interface Token {
  readonly kind: Kind | 'invalid';
  readonly text: string;
  readonly initial?: boolean;
}

function* tokens(v: string): Generator<Token> {
  let i = 0;
  const digits = (): string => {
    const s = i;
    while (i < v.length && v[i]! >= '0' && v[i]! <= '9') i++;
    return v.slice(s, i);
  };
  const first = digits();
  if (first === '') {
    yield { kind: 'invalid', text: v };
    return;
  }
  yield { kind: 'digit', text: first, initial: true };
  let last: Kind = 'digit';
  for (;;) {
    if (i >= v.length) {
      yield { kind: 'end', text: '' };
      return;
    }
    const c = v[i]!;
    if (c === '.' && last === 'digit') {
      i++;
      const d = digits();
      if (d === '') break;
      yield { kind: 'digit', text: d };
    } else if (c >= 'a' && c <= 'z' && last === 'digit') {
      i++;
      last = 'letter';
      yield { kind: 'letter', text: c };
      continue;
    } else if (c === '_' && (last === 'digit' || last === 'letter' || last === 'suffix' || last === 'suffixNo')) {
      i++;
      const s = i;
      while (i < v.length && v[i]! >= 'a' && v[i]! <= 'z') i++;
      const name = v.slice(s, i);
      if (suffixValue[name] === undefined) break;
      yield { kind: 'suffix', text: name };
      const n = digits();
      last = 'suffix';
      if (n !== '') {
        last = 'suffixNo';
        yield { kind: 'suffixNo', text: n };
      }
      continue;
    } else if (c === '~' && last !== 'hash' && last !== 'revision') {
      i++;
      const s = i;
      while (i < v.length && /[0-9a-f]/.test(v[i]!)) i++;
      if (i === s) break;
      last = 'hash';
      yield { kind: 'hash', text: v.slice(s, i) };
      continue;
    } else if (c === '-' && v[i + 1] === 'r' && last !== 'revision') {
      i += 2;
      const n = digits();
      if (n === '') break;
      last = 'revision';
      yield { kind: 'revision', text: n };
      continue;
    } else {
      break;
    }
    last = 'digit';
  }
  yield { kind: 'invalid', text: v.slice(i) };
}

function tokenList(version: string): Token[] {
  const list = [...tokens(version)];
  if (list.some((t) => t.kind === 'invalid')) throw invalidVersion('apk', version, 'not digit{.digit}...{letter}{_suffix{#}}...{~hash}{-r#}');
  return list;
}

function compareNumbers(a: string, b: string): number {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareTokens(a: Token, b: Token): number {
  switch (a.kind) {
    case 'digit':
      // After a dot, a leading zero makes the component compare as a decimal fraction (as text).
      if (!a.initial && (a.text.startsWith('0') || b.text.startsWith('0'))) return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
      return compareNumbers(a.text, b.text);
    case 'suffixNo':
    case 'revision':
      return compareNumbers(a.text, b.text);
    case 'suffix':
      return suffixValue[a.text]! - suffixValue[b.text]!;
    default:
      return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
  }
}

function compareStreams(a: Iterator<Token>, b: Iterator<Token>, fuzzy: boolean, va: string, vb: string): Ordering {
  for (;;) {
    const x = a.next().value as Token;
    const y = b.next().value as Token;
    if (fuzzy && y.kind === 'end') return 0;
    // apk decides as soon as the versions differ; reaching an invalid part before that is an error.
    if (x.kind === 'invalid') throw invalidVersion('apk', va, `invalid at ${JSON.stringify(x.text)}`);
    if (y.kind === 'invalid') throw invalidVersion('apk', vb, `invalid at ${JSON.stringify(y.text)}`);
    if (x.kind === y.kind) {
      if (x.kind === 'end') return 0;
      const r = compareTokens(x, y);
      if (r !== 0) return sign(r);
      continue;
    }
    if (x.kind === 'suffix' && suffixValue[x.text]! < 0) return -1;
    if (y.kind === 'suffix' && suffixValue[y.text]! < 0) return 1;
    return kindRank[x.kind] > kindRank[y.kind] ? -1 : 1;
  }
}

function compareLists(ta: readonly Token[], tb: readonly Token[], fuzzy: boolean): Ordering {
  return compareStreams(ta[Symbol.iterator](), tb[Symbol.iterator](), fuzzy, '', '');
}

/**
 * Compares as apk-tools does: token by token, deciding at the first difference. A version that is
 * invalid before that point (an unknown suffix, two letters...) throws INVALID_VERSION.
 */
export function compareApk(a: string, b: string): Ordering {
  return compareStreams(tokens(a), tokens(b), false, a, b);
}

/**
 * apk's fuzzy operators (`~` = same prefix as `b`, `<~`, `>~`, `!~`). Only the prefix that `b`
 * spans is read from `a`, as apk does for `pkg~1.2` dependencies.
 */
export function apkFuzzyMatch(a: string, op: '~' | '!~' | '<~' | '>~', b: string): boolean {
  const tb = tokenList(b);
  const ta: Token[] = [];
  for (const t of tokens(a)) {
    if (t.kind === 'invalid') {
      if (ta.length < tb.length - 1) throw invalidVersion('apk', a, 'invalid before the compared prefix');
      break;
    }
    ta.push(t);
  }
  while (ta.length < tb.length) ta.push({ kind: 'end', text: '' });
  const fuzzyEqual = compareLists(ta, tb, true) === 0;
  if (op === '~') return fuzzyEqual;
  if (op === '!~') return !fuzzyEqual;
  const full = compareLists(ta, tb, false);
  return fuzzyEqual || (op === '<~' ? full < 0 : full > 0);
}

export const apk = defineVersionScheme({
  id: 'apk',
  version: 1,
  description: 'Alpine and Wolfi package versions (apk-tools: digits, letter, _suffixes, ~hash, -rN)',
  isValid(version) {
    return ![...tokens(version)].some((t) => t.kind === 'invalid');
  },
  compare: compareApk,
});
