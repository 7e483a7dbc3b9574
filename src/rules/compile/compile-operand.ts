import type { FieldLike, LiteralExpr } from '../condition/ast.js';
import type { FieldRegistry, FieldValueKind } from '../fields/field-registry.js';
import type { EventRecord, Extractor } from './event-record.js';
import { ConditionCompileError } from './event-record.js';
import { createFieldReader } from './extract-field.js';
import { toKind } from './rhs-value.js';

/** A compiled left or right operand: a reader yielding values of `kind` (arrays when `multi`). */
export interface Operand {
  /** Non-multi: the converted value or undefined. Multi: the raw array (convert each element with `convert`). */
  readonly extract: Extractor;
  readonly multi: boolean;
  /** Multi only: first candidate index. */
  readonly skip: number;
  /** Multi only: element conversion (undefined result = element not extractable). */
  readonly convert: (v: unknown) => unknown;
  readonly kind: FieldValueKind;
  readonly isList: boolean;
  /** Fields read (for explain/lint and deprecation warnings). */
  readonly fields: readonly string[];
  /** Set when the operand is a plain event key read as is (the compiler's fast path). */
  readonly plainKey?: string;
}

const identity = (v: unknown): unknown => v;

function mapValue(operand: Operand, kind: FieldValueKind, f: (v: unknown) => unknown): Operand {
  const { plainKey: _plain, ...o } = operand; // a transformed value is no longer the plain key
  if (o.multi) {
    const prev = o.convert;
    return { ...o, kind, convert: (v) => {
      const x = v === null || v === undefined ? undefined : prev(v);
      return x === undefined ? undefined : f(x);
    } };
  }
  const inner = o.extract;
  return { ...o, kind, extract: (e) => {
    const v = inner(e);
    return v === undefined ? undefined : f(v);
  } };
}

/** All extractable, converted candidates of a multi operand (allocates: for transformers and outputs only). */
export function multiValues(o: Operand, raw: unknown): unknown[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: unknown[] = [];
  for (let i = o.skip; i < raw.length; i++) {
    const x = raw[i] === null || raw[i] === undefined ? undefined : o.convert(raw[i]);
    if (x !== undefined) out.push(x);
  }
  return out.length === 0 ? undefined : out;
}

function asString(v: unknown): string | undefined {
  return toKind(v, 'string') as string | undefined;
}

function getopt(args: string, optstring: string, wanted: string | undefined): unknown {
  const words = args.split(/\s+/).filter((w) => w !== '');
  const found: Record<string, string> = {};
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w === '--') break;
    if (!w.startsWith('-') || w === '-') continue;
    for (let j = 1; j < w.length; j++) {
      const c = w[j] as string;
      const at = optstring.indexOf(c);
      if (at < 0) continue;
      if (optstring[at + 1] === ':') {
        found[c] = j + 1 < w.length ? w.slice(j + 1) : (words[++i] ?? '');
        break;
      }
      found[c] = '';
    }
  }
  return wanted === undefined ? Object.keys(found).join('') : found[wanted];
}

/** Compiles a field reference or transformer chain into an operand. */
export function compileOperand(e: FieldLike | LiteralExpr, registry: FieldRegistry): Operand {
  if (e.kind === 'literal') return { extract: () => e.value, multi: false, skip: 0, convert: identity, kind: 'string', isList: false, fields: [] };
  if (e.kind === 'field') {
    const resolved = registry.resolve(e.field, e.arg);
    if (resolved === undefined) throw new ConditionCompileError(`filter_check called with nonexistent field ${e.field}`, e.pos.idx);
    const { info, arg } = resolved;
    if (arg === undefined && info.argRequired) throw new ConditionCompileError(`filter ${info.name}: this field requires an argument`, e.pos.idx);
    if (arg !== undefined && !info.argAllowed) throw new ConditionCompileError(`filter ${info.name} does not support arguments`, e.pos.idx);
    const reader = createFieldReader(info, arg);
    const base: Operand = { extract: reader.extract, multi: reader.multi, skip: reader.skip, convert: identity, kind: info.kind, isList: info.isList, fields: [info.name] };
    const converted = mapValue(base, info.kind, (v) => toKind(v, info.kind));
    return reader.plain ? { ...converted, plainKey: info.name } : converted;
  }
  const inner = e.args.map((a) => compileOperand(a, registry));
  const first = inner[0];
  const fields = inner.flatMap((o) => o.fields);
  switch (e.name) {
    case 'val':
      return first as Operand;
    case 'tolower':
      return mapValue(first as Operand, 'string', (v) => asString(v)?.toLowerCase());
    case 'toupper':
      return mapValue(first as Operand, 'string', (v) => asString(v)?.toUpperCase());
    case 'basename':
      return mapValue(first as Operand, 'string', (v) => {
        const s = asString(v);
        return s === undefined ? undefined : s.slice(s.lastIndexOf('/') + 1);
      });
    case 'b64':
      return mapValue(first as Operand, 'string', (v) => {
        const s = asString(v);
        if (s === undefined || s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return undefined;
        return Buffer.from(s, 'base64').toString('latin1');
      });
    case 'len': {
      const { plainKey: _plain, ...o } = first as Operand;
      const get = o.extract;
      return { ...o, multi: false, kind: 'number', extract: (ev: EventRecord) => {
        const v = get(ev);
        if (v === undefined) return undefined;
        if (o.multi) return multiValues(o, v)?.length;
        return (asString(v) ?? '').length;
      } };
    }
    case 'join': {
      const sep = e.param ?? '';
      return { extract: (ev) => {
        const parts: string[] = [];
        for (const o of inner) {
          const v = o.multi ? multiValues(o, o.extract(ev)) : o.extract(ev);
          if (v === undefined) return undefined;
          parts.push(Array.isArray(v) ? v.map(String).join(sep) : (asString(v) ?? ''));
        }
        return parts.join(sep);
      }, multi: false, skip: 0, convert: identity, kind: 'string', isList: false, fields };
    }
    case 'getopt': {
      const o = first as Operand;
      const opts = e.param ?? '';
      const single: Operand = o.multi ? { ...o, multi: false, extract: (ev) => multiValues(o, o.extract(ev))?.join(' ') } : o;
      return mapValue(single, 'string', (v) => getopt(asString(v) ?? '', opts, e.arg));
    }
  }
  throw new ConditionCompileError(`unknown transformer '${e.name}'`, e.pos.idx);
}
