import pep440Lib from '@renovatebot/pep440';
import type { Ordering } from './version-scheme.js';
import { sign } from './version-scheme.js';

/** A parsed PEP 440 version, split into the parts specifiers reason about. */
export interface Pep440Parts {
  readonly epoch: number;
  readonly release: readonly number[];
  readonly pre: readonly [string, number] | null;
  readonly post: number | null;
  readonly dev: number | null;
  /** Normalised local label (lower case, `.`-separated), or null. */
  readonly local: string | null;
  readonly isPrerelease: boolean;
  /** The normalised form (`str(Version(...))` in pypa/packaging). */
  readonly text: string;
}

// The library's typings say arrays; at run time these parts are numbers or null.
function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

const maxSafe = Number.MAX_SAFE_INTEGER;

function safe(n: number | null): boolean {
  return n === null || (Number.isSafeInteger(n) && n >= 0 && n <= maxSafe);
}

/**
 * Parses a PEP 440 version into its parts; null when it is not one. Numbers beyond 2^53 are
 * refused as unparsable (they could not be compared exactly).
 */
export function parsePep440Parts(version: string): Pep440Parts | null {
  const explained = pep440Lib.explain(version.trim());
  if (explained === null) return null;
  const preNumber = explained.pre?.[1];
  if (explained.pre !== null && typeof preNumber !== 'number') return null;
  const pre = explained.pre === null ? null : ([String(explained.pre[0]), Number(preNumber)] as const);
  const parts = {
    epoch: explained.epoch,
    release: explained.release,
    pre,
    post: numberOrNull(explained.post),
    dev: numberOrNull(explained.dev),
    local: explained.local,
  };
  if (![parts.epoch, parts.post, parts.dev, pre?.[1] ?? null, ...parts.release].every(safe)) return null;
  return buildPep440Parts(parts);
}

/** Builds parts (and their normalised text) from components. */
export function buildPep440Parts(parts: Omit<Pep440Parts, 'text' | 'isPrerelease'>): Pep440Parts {
  let text = parts.epoch === 0 ? '' : `${parts.epoch}!`;
  text += parts.release.join('.');
  if (parts.pre !== null) text += `${parts.pre[0]}${parts.pre[1]}`;
  if (parts.post !== null) text += `.post${parts.post}`;
  if (parts.dev !== null) text += `.dev${parts.dev}`;
  if (parts.local !== null) text += `+${parts.local}`;
  return { ...parts, text, isPrerelease: parts.pre !== null || parts.dev !== null };
}

export function comparePep440Parts(a: Pep440Parts, b: Pep440Parts): Ordering {
  return sign(pep440Lib.compare(a.text, b.text));
}

/** The release without trailing zeros (`1.0.0` → `1`), which is how PEP 440 compares releases. */
export function trimRelease(release: readonly number[]): readonly number[] {
  let end = release.length;
  while (end > 1 && release[end - 1] === 0) end--;
  return release.slice(0, end);
}

/** Compares epoch and release only (padding with zeros). */
export function compareReleases(a: Pep440Parts, b: { readonly epoch: number; readonly release: readonly number[] }): Ordering {
  if (a.epoch !== b.epoch) return a.epoch < b.epoch ? -1 : 1;
  const length = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < length; i++) {
    const x = a.release[i] ?? 0;
    const y = b.release[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The normalised text with trailing release zeros stripped (packaging's `canonicalize_version`). */
export function canonicalPep440Text(parts: Pep440Parts, stripTrailingZero: boolean): string {
  return stripTrailingZero ? buildPep440Parts({ ...parts, release: trimRelease(parts.release) }).text : parts.text;
}
