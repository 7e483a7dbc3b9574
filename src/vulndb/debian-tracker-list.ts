import { RampartError } from '../core/index.js';

/**
 * The Debian security tracker's text lists (`data/CVE/list`, `data/DSA/list`, `data/DLA/list`,
 * `data/DTSA/list`): a header line per entry at column 0, then tab-indented annotations:
 * - `- SRC VERSION (urgency; bug #N)` fixed in unstable; `- SRC <unfixed>|<not-affected>|<removed>|<itp>|<undetermined>`;
 * - `[release] - SRC VERSION` fixed in that release; `[release] - SRC <no-dsa>|<ignored>|<postponed>|<end-of-life>|<not-affected> (reason)`;
 * - `{CVE-… DSA-…}` cross references; `NOTE:`/`TODO:`; `RESERVED`, `REJECTED`, `NOT-FOR-US: …`.
 */
export interface TrackerHeader {
  readonly line: string;
  /** `CVE-2024-1234`, `DSA-5523-1`, or `CVE-2023-XXXX` for an entry without an id yet. */
  readonly name: string;
  readonly description?: string;
  /** DSA/DLA lists: the advisory date as written (`11 Oct 2023`). */
  readonly date?: string;
  /** DSA/DLA lists: the source package the advisory is about. */
  readonly package?: string;
}

export type TrackerAnnotation =
  | {
      readonly type: 'package';
      readonly line: string;
      /** Absent: unstable (sid). */
      readonly release?: string;
      readonly package: string;
      /** `fixed` (with a version) or the `<kind>` written in angle brackets. */
      readonly kind: string;
      readonly version?: string;
      readonly description?: string;
      readonly flags?: readonly ({ readonly bug: number } | { readonly severity: string })[];
    }
  | { readonly type: 'xref'; readonly line: string; readonly bugs: readonly string[] }
  | { readonly type: 'NOTE' | 'TODO' | 'NOT-FOR-US'; readonly line: string; readonly description: string }
  | { readonly type: 'RESERVED' | 'REJECTED'; readonly line: string };

export interface TrackerEntry {
  readonly header: TrackerHeader;
  readonly annotations: readonly TrackerAnnotation[];
  /** 1-based line of the header in the file. */
  readonly lineNumber: number;
}

const urgencies = new Set(['unimportant', 'low', 'medium', 'high']);

function badLine(file: string, line: number, text: string, reason: string): RampartError {
  return new RampartError('PARSE_ERROR', `${file}:${line}: ${reason}: ${JSON.stringify(text.slice(0, 120))}`, { location: { file, line } });
}

function parseHeader(line: string): TrackerHeader | undefined {
  const advisory = /^\[([^\]]+)\]\s+((?:DSA|DLA|DTSA)-\d+(?:-\d+)?)\s+(\S+)(?:\s+-\s+(.*)|\s+(.*))?$/.exec(line);
  if (advisory !== null) {
    const description = advisory[4] ?? advisory[5];
    return { line, name: advisory[2]!, date: advisory[1]!, package: advisory[3]!, ...(description === undefined ? {} : { description }) };
  }
  const cve = /^((?:CVE|TEMP)-[0-9A-Z-]+)(?:\s+(.*))?$/.exec(line);
  if (cve !== null) return { line, name: cve[1]!, ...(cve[2] === undefined || cve[2] === '' ? {} : { description: cve[2] }) };
  return undefined;
}

function parseFlags(text: string): { flags: ({ bug: number } | { severity: string })[]; rest: string[] } {
  const flags: ({ bug: number } | { severity: string })[] = [];
  const rest: string[] = [];
  for (const part of text.split(';').map((s) => s.trim())) {
    const bug = /^bug #(\d+)$/.exec(part);
    if (bug !== null) flags.push({ bug: Number(bug[1]) });
    else if (urgencies.has(part.replace(/\*+$/, ''))) flags.push({ severity: part });
    else if (part !== '') rest.push(part);
  }
  return { flags, rest };
}

function parseAnnotation(raw: string): TrackerAnnotation | undefined {
  const text = raw.trim();
  const line = raw;
  if (text.startsWith('{') && text.endsWith('}')) return { type: 'xref', line, bugs: text.slice(1, -1).split(/\s+/).filter((s) => s !== '') };
  for (const type of ['NOTE', 'TODO', 'NOT-FOR-US'] as const) {
    if (text.startsWith(`${type}:`)) return { type, line, description: text.slice(type.length + 1).trim() };
  }
  if (text === 'RESERVED' || text === 'REJECTED') return { type: text, line };
  const pkg = /^(?:\[([a-z-]+)\]\s+)?-\s+(\S+)(?:\s+(.*))?$/.exec(text);
  if (pkg === null) return undefined;
  const [, release, name, tail = ''] = pkg;
  const kindMatch = /^<([a-z-]+)>\s*(?:\((.*)\))?$/.exec(tail);
  const base = { type: 'package' as const, line, ...(release === undefined ? {} : { release }), package: name! };
  if (kindMatch !== null) {
    const inside = kindMatch[2];
    if (inside === undefined) return { ...base, kind: kindMatch[1]! };
    const { flags, rest } = parseFlags(inside);
    // `<no-dsa> (Minor issue)` is a reason; `<unfixed> (bug #N; low)` are flags.
    if (flags.length > 0 && rest.length === 0) return { ...base, kind: kindMatch[1]!, flags };
    return { ...base, kind: kindMatch[1]!, description: inside };
  }
  const versioned = /^(\S+)\s*(?:\((.*)\))?$/.exec(tail);
  if (versioned === null || tail === '') return { ...base, kind: 'fixed' };
  const { flags } = versioned[2] === undefined ? { flags: [] } : parseFlags(versioned[2]);
  return { ...base, kind: 'fixed', version: versioned[1]!, ...(flags.length > 0 ? { flags } : {}) };
}

/** Parses a tracker list; a line that fits no form is an error naming the file and line. */
export function parseTrackerList(text: string, file: string): TrackerEntry[] {
  const entries: { header: TrackerHeader; annotations: TrackerAnnotation[]; lineNumber: number }[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    if (!/^\s/.test(line)) {
      const header = parseHeader(line);
      if (header === undefined) throw badLine(file, i + 1, line, 'not a tracker entry header');
      entries.push({ header, annotations: [], lineNumber: i + 1 });
      return;
    }
    const current = entries.at(-1);
    if (current === undefined) throw badLine(file, i + 1, line, 'annotation before the first entry');
    const annotation = parseAnnotation(line);
    if (annotation === undefined) throw badLine(file, i + 1, line, 'not a tracker annotation');
    current.annotations.push(annotation);
  });
  return entries;
}

/** True when the text looks like one of the tracker's lists (first header line). */
export function isTrackerList(text: string): boolean {
  const first = text.split('\n', 5).find((l) => l.trim() !== '') ?? '';
  return /^(?:CVE-\d{4}-[0-9X]+|TEMP-\d+-[0-9A-F]+)(?:\s|$)/.test(first) || /^\[[^\]]+\]\s+(?:DSA|DLA|DTSA)-\d+(?:-\d+)?\s/.test(first);
}
