import type { FieldInfo } from '../fields/field-registry.js';
import type { EventRecord, Extractor } from './event-record.js';

/** Ancestor fields: element 0 is the process itself, 1 its parent...; without an index they mean "any ancestor". */
const ancestorFields = new Set(['proc.aname', 'proc.apid', 'proc.aexe', 'proc.aexepath', 'proc.acmdline', 'proc.aargs', 'proc.aenv']);
/** Filter-only network fields that match when any of the underlying addresses does. */
const netFields: Readonly<Record<string, readonly string[]>> = {
  'fd.net': ['fd.cip', 'fd.sip'], 'fd.cnet': ['fd.cip'], 'fd.snet': ['fd.sip'], 'fd.lnet': ['fd.lip'], 'fd.rnet': ['fd.rip'],
};
/** Fields the engine derives when the event does not carry them. */
const derived: Readonly<Record<string, Extractor>> = {
  'proc.pname': (e) => indexOf(e['proc.aname'], 1),
  'proc.ppid': (e) => indexOf(e['proc.apid'], 1),
  'fd.directory': (e) => (typeof e['fd.name'] === 'string' ? dirname(e['fd.name']) : undefined),
  'fd.filename': (e) => (typeof e['fd.name'] === 'string' ? e['fd.name'].slice(e['fd.name'].lastIndexOf('/') + 1) : undefined),
  'evt.is_open_read': (e) => openFlag(e, 'O_RDONLY', 'O_RDWR'),
  'evt.is_open_write': (e) => openFlag(e, 'O_WRONLY', 'O_RDWR'),
};

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

function openFlag(e: EventRecord, a: string, b: string): boolean | undefined {
  const flags = e['evt.arg.flags'];
  if (typeof flags !== 'string') return undefined;
  return flags.includes(a) || flags.includes(b) || (a === 'O_RDONLY' && !flags.includes('O_WRONLY') && !flags.includes('O_RDWR'));
}

function present(v: unknown): unknown {
  return v === null ? undefined : v;
}

function indexOf(v: unknown, i: number): unknown {
  return Array.isArray(v) ? present(v[i]) : undefined;
}

export interface FieldReader {
  readonly extract: Extractor;
  /** True when `extract` returns an array whose elements are each candidates ("any" semantics). */
  readonly multi: boolean;
  /** For multi readers: candidates start at this index (1 for ancestors: element 0 is the process itself). */
  readonly skip: number;
  /** True when the reader is exactly `event[name]` (no argument, no derivation). */
  readonly plain?: boolean;
}

/** Builds the reader of one field (with its argument) over event records. */
export function createFieldReader(info: FieldInfo, arg: string | undefined): FieldReader {
  const key = info.name;
  if (arg !== undefined) {
    const flat = `${key}.${arg}`;
    const bracket = `${key}[${arg}]`;
    const index = /^\d+$/.test(arg) ? Number(arg) : undefined;
    if (ancestorFields.has(key) && index === 0) {
      const self = key === 'proc.apid' ? 'proc.pid' : key.replace('proc.a', 'proc.');
      return { multi: false, skip: 0, extract: (e) => indexOf(e[key], 0) ?? present(e[self]) };
    }
    return {
      multi: false,
      skip: 0,
      extract: (e) => {
        const v = e[key];
        if (Array.isArray(v)) return index === undefined ? undefined : present(v[index]);
        if (v !== null && typeof v === 'object') return present((v as Record<string, unknown>)[arg]);
        return present(e[flat] ?? e[bracket]);
      },
    };
  }
  if (ancestorFields.has(key)) {
    return { multi: true, skip: 1, extract: (e) => (Array.isArray(e[key]) && (e[key] as unknown[]).length > 1 ? e[key] : undefined) };
  }
  const sources = netFields[key];
  if (sources !== undefined) {
    return { multi: true, skip: 0, extract: (e) => {
      const own = present(e[key]);
      if (own !== undefined) return [own];
      const vals = sources.map((s) => e[s]).filter((x) => x !== null && x !== undefined);
      return vals.length === 0 ? undefined : vals;
    } };
  }
  const fallback = derived[key];
  if (fallback !== undefined) return { multi: false, skip: 0, extract: (e) => present(e[key]) ?? fallback(e) };
  if (info.isList) return { multi: true, skip: 0, extract: (e) => (Array.isArray(e[key]) ? e[key] : undefined) };
  return { multi: false, skip: 0, plain: true, extract: (e) => present(e[key]) };
}
