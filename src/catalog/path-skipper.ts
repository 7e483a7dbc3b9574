import { createHash } from 'node:crypto';
import path from 'node:path';
import picomatch from 'picomatch';

/** Trivy-compatible `--skip-files` / `--skip-dirs` patterns (doublestar-style globs). */
export interface SkipPatterns {
  readonly skipFiles?: readonly string[];
  readonly skipDirs?: readonly string[];
}

export interface PathSkipper {
  /** Whether the file at this in-target path (absolute, `/`-separated) is left unread. */
  skips(filePath: string): boolean;
  /** Names the normalised patterns; part of every cache key the skipped walk writes. */
  readonly key: string;
  /** The normalised patterns, relative to the target's root. */
  readonly files: readonly string[];
  readonly dirs: readonly string[];
}

export interface PathSkipperContext {
  /** For `dir:` targets: the scanned folder (absolute); patterns given from `cwd` that lie inside it are rewritten relative to it. */
  readonly root?: string;
  readonly cwd?: string;
}

/** `--skip-files a,b --skip-files c` → `['a', 'b', 'c']`: commander's collector for the repeatable, comma-separated flags. */
export function collectSkipPatterns(value: string, previous: readonly string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter((v) => v !== '')];
}

/** An image path pattern: cleaned, its leading `/` or `./` removed (Trivy matches in-image paths without the leading `/`). */
function imagePattern(pattern: string): string {
  return path.posix.normalize(pattern.replaceAll('\\', '/')).replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '');
}

/**
 * A `dir:` target's pattern, as Trivy reads it: an absolute pattern, or a relative one that resolved from
 * `cwd` lies inside the root, is rewritten relative to the root (an absolute one outside it keeps its
 * `../` and so matches nothing); any other relative pattern is taken relative to the root as it is.
 */
function dirPattern(pattern: string, root: string, cwd: string): string {
  const rel = path.relative(root, path.resolve(cwd, pattern)).split(path.sep).join('/');
  const outside = rel === '..' || rel.startsWith('../');
  const chosen = path.isAbsolute(pattern) || !outside ? rel : pattern;
  return imagePattern(chosen === '' ? '.' : chosen);
}

/** Undefined when no pattern was given: the walk then reads every file and keeps its unskipped cache keys. */
export function createPathSkipper(patterns: SkipPatterns, context: PathSkipperContext = {}): PathSkipper | undefined {
  const normalise = (p: string): string => (context.root === undefined ? imagePattern(p) : dirPattern(p, context.root, context.cwd ?? process.cwd()));
  const files = [...new Set((patterns.skipFiles ?? []).map(normalise))].sort();
  const dirs = [...new Set((patterns.skipDirs ?? []).map(normalise))].sort();
  if (files.length === 0 && dirs.length === 0) return undefined;
  const options = { dot: true };
  const fileMatch = files.length === 0 ? () => false : picomatch(files, options);
  const dirMatch = dirs.length === 0 ? () => false : picomatch(dirs, options);
  const key = createHash('sha256').update(JSON.stringify({ files, dirs })).digest('hex').slice(0, 16);
  return {
    key,
    files,
    dirs,
    skips(filePath) {
      const rel = filePath.replace(/^\/+/, '');
      if (fileMatch(rel)) return true;
      if (dirs.length === 0) return false;
      // Any ancestor directory matching a --skip-dirs pattern is enough.
      for (let i = rel.indexOf('/'); i !== -1; i = rel.indexOf('/', i + 1)) if (dirMatch(rel.slice(0, i))) return true;
      return false;
    },
  };
}
