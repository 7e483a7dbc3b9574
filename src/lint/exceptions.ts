import type { Finding, Location } from '../core/index.js';
import { RampartError } from '../core/index.js';
import type { InlineException } from './model.js';

/** A reason-carrying exception to a check, inline in the input or from an exceptions file. */
export interface LintException {
  readonly checkId: string;
  readonly reason: string;
  /** ISO date (`2026-12-31`): after it the exception no longer applies. */
  readonly expires?: string;
  /** Only findings in files ending with this path (file exceptions); inline ones match by line. */
  readonly file?: string;
  /** Only findings of this workload name. */
  readonly workload?: string;
  readonly location: Location;
}

export interface SuppressedFinding {
  readonly finding: Finding;
  readonly exception: LintException;
}

const COMMENT = /#\s*rampart:ignore\s+(\S+)(.*)$/;
const ATTRIBUTE = /(reason|expires)=(?:"([^"]*)"|'([^']*)'|(\S+))/g;

/** Finds `# rampart:ignore CHECK-ID reason=... [expires=YYYY-MM-DD]` comments; a missing reason is bad input. */
export function readInlineExceptions(text: string, file: string): InlineException[] {
  const out: InlineException[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const match = COMMENT.exec(line);
    if (match === null) return;
    const location = { file, line: index + 1, column: match.index + 1 };
    const attributes: Record<string, string> = {};
    for (const attr of (match[2] ?? '').matchAll(ATTRIBUTE)) attributes[attr[1] ?? ''] = attr[2] ?? attr[3] ?? attr[4] ?? '';
    const reason = attributes['reason'];
    if (reason === undefined || reason.trim() === '') {
      throw new RampartError('BAD_INPUT', `rampart:ignore ${match[1] ?? ''} needs reason=...`, { location });
    }
    const expires = attributes['expires'];
    if (expires !== undefined) validateDate(expires, location);
    out.push({ checkId: match[1] ?? '', reason, ...(expires === undefined ? {} : { expires }), location, lines: [index + 1, index + 2] });
  });
  return out;
}

export function validateDate(value: string, location: Location): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new RampartError('BAD_INPUT', `invalid expiry date ${value} (expected YYYY-MM-DD)`, { location });
  }
}

/** True when the exception has expired on `today` (an exception is valid through its expiry day). */
export function isExpired(exception: { readonly expires?: string }, today: string): boolean {
  return exception.expires !== undefined && exception.expires < today;
}
