import { invalidVersion } from './invalid-version.js';
import type { Ordering } from './version-scheme.js';
import { defineVersionScheme, sign } from './version-scheme.js';

const PATTERN = /^\s*([0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?)?\s*$/;

type Segment = number | string;

/** Gem::Version's canonical segments: numbers and letter runs, trailing zeros dropped per part. */
export function gemSegments(version: string): Segment[] {
  const m = PATTERN.exec(version);
  if (m === null) throw invalidVersion('gem', version, 'not a RubyGems version');
  const text = (m[1] ?? '0').replace(/-/g, '.pre.');
  const segments: Segment[] = (text.match(/[0-9]+|[a-z]+/gi) ?? []).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const firstString = segments.findIndex((s) => typeof s === 'string');
  const numeric = firstString < 0 ? segments : segments.slice(0, firstString);
  const rest = firstString < 0 ? [] : segments.slice(firstString);
  const trim = (list: Segment[]): Segment[] => {
    const copy = [...list];
    while (copy.length > 0 && copy[copy.length - 1] === 0) copy.pop();
    return copy;
  };
  return [...trim(numeric), ...trim(rest)];
}

export function compareGem(a: string, b: string): Ordering {
  const sa = gemSegments(a);
  const sb = gemSegments(b);
  const n = Math.max(sa.length, sb.length);
  for (let i = 0; i < n; i++) {
    const x = sa[i] ?? 0;
    const y = sb[i] ?? 0;
    if (x === y) continue;
    if (typeof x === 'string' && typeof y === 'number') return -1;
    if (typeof x === 'number' && typeof y === 'string') return 1;
    return sign(x < y ? -1 : 1);
  }
  return 0;
}

export const gem = defineVersionScheme({
  id: 'gem',
  version: 1,
  description: 'RubyGems versions (Gem::Version ordering: letters make a pre-release)',
  isValid: (version) => PATTERN.test(version),
  compare: compareGem,
});
