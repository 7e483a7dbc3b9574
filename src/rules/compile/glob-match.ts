/**
 * fnmatch(3) without flags: `*` matches any run of characters (slashes and leading dots included), `?` one
 * character, `[...]` a class (`!` or `^` negates, ranges allowed), `\` quotes the next character.
 * Iterative with one backtrack point, so O(pattern × text) at worst (no regex, no exponential cases).
 */
export function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    if (p < pattern.length) {
      const c = pattern[p] as string;
      if (c === '*') {
        starP = p++;
        starT = t;
        continue;
      }
      if (c === '?') {
        p++;
        t++;
        continue;
      }
      if (c === '[') {
        const r = matchClass(pattern, p, text[t] as string);
        if (r !== undefined) {
          if (r.matched) {
            p = r.next;
            t++;
            continue;
          }
        } else if (text[t] === '[') {
          p++;
          t++;
          continue;
        }
      } else {
        const literal = c === '\\' && p + 1 < pattern.length ? (pattern[p + 1] as string) : c;
        if (literal === text[t]) {
          p += c === '\\' && p + 1 < pattern.length ? 2 : 1;
          t++;
          continue;
        }
      }
    }
    if (starP < 0) return false;
    p = starP + 1;
    t = ++starT;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Matches `ch` against the class starting at `pattern[start] === '['`; undefined when the class is unterminated. */
function matchClass(pattern: string, start: number, ch: string): { matched: boolean; next: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (pattern[i] === '!' || pattern[i] === '^') {
    negate = true;
    i++;
  }
  let matched = false;
  let first = true;
  while (i < pattern.length && (pattern[i] !== ']' || first)) {
    first = false;
    let lo = pattern[i] as string;
    if (lo === '\\' && i + 1 < pattern.length) lo = pattern[++i] as string;
    if (pattern[i + 1] === '-' && i + 2 < pattern.length && pattern[i + 2] !== ']') {
      let hi = pattern[i + 2] as string;
      i += 2;
      if (hi === '\\' && i + 1 < pattern.length) hi = pattern[++i] as string;
      if (ch >= lo && ch <= hi) matched = true;
    } else if (ch === lo) {
      matched = true;
    }
    i++;
  }
  if (i >= pattern.length) return undefined;
  return { matched: matched !== negate, next: i + 1 };
}

/** `pmatch`: does `path` sit at or below `prefix`, comparing whole components, each prefix component a glob? */
export function pathPrefixMatch(prefix: readonly string[], path: string): boolean {
  return prefixParts(prefix, path.split('/'));
}

/** Splits a pmatch entry into components, ignoring a trailing slash. */
export function splitPathPrefix(entry: string): string[] {
  const parts = entry.split('/');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/**
 * `pmatch` against a whole list, same result as trying each entry with pathPrefixMatch: entries without
 * glob characters are looked up in one Set per component count (the path's first k components, as text),
 * the others are tried one by one on the path split once.
 */
export function pathPrefixListMatcher(entries: readonly string[]): (path: string) => boolean {
  const literal = new Map<number, Set<string>>();
  const globbed: string[][] = [];
  for (const entry of entries) {
    const prefix = splitPathPrefix(entry);
    if (prefix.some((c) => /[*?[\\]/.test(c))) {
      globbed.push(prefix);
      continue;
    }
    let set = literal.get(prefix.length);
    if (set === undefined) literal.set(prefix.length, (set = new Set()));
    set.add(prefix.join('/'));
  }
  const counts = [...literal.keys()].sort((a, b) => a - b);
  const sets = counts.map((k) => literal.get(k) as Set<string>);
  return (path) => {
    // `end`: index of the slash closing the first `comps` components (-1: they run to the end of the path).
    let comps = 1;
    let end = path.indexOf('/');
    for (let i = 0; i < counts.length; i++) {
      const k = counts[i] as number;
      while (comps < k && end !== -1) {
        end = path.indexOf('/', end + 1);
        comps++;
      }
      if (comps < k) break;
      if ((sets[i] as Set<string>).has(end === -1 ? path : path.slice(0, end))) return true;
    }
    if (globbed.length === 0) return false;
    const parts = path.split('/');
    for (const prefix of globbed) if (prefixParts(prefix, parts)) return true;
    return false;
  };
}

function prefixParts(prefix: readonly string[], parts: readonly string[]): boolean {
  if (parts.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    const want = prefix[i] as string;
    const got = parts[i] as string;
    if (want !== got && !globMatch(want, got)) return false;
  }
  return true;
}
