import type { FieldLike, LiteralExpr } from '../condition/ast.js';
import type { FieldRegistry, FieldValueKind } from '../fields/field-registry.js';
import type { EventRecord, Extractor } from './event-record.js';
import { ConditionCompileError } from './event-record.js';
import { createFieldReader } from './extract-field.js';
import { toKind } from './rhs-value.js';

/** A compiled left or right operand: a reader yielding values of `kind` (arrays when `multi`). */
export interface Operand {
  readonly extract: Extractor;
  readonly multi: boolean;
  readonly kind: FieldValueKind;
  readonly isList: boolean;
  /** Fields read (for explain/lint and deprecation warnings). */
  readonly fields: readonly string[];
}

function mapValue(o: Operand, kind: FieldValueKind, f: (v: unknown) => unknown): Operand {
  const inner = o.extract;
  const apply = (v: unknown): unknown => (v === undefined ? undefined : f(v));
  return {
    ...o,
    kind,
    extract: o.multi
      ? (e) => {
          const v = inner(e);
          return Array.isArray(v) ? v.map(apply).filter((x) => x !== undefined) : undefined;
        }
      : (e) => apply(inner(e)),
  };
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
  if (e.kind === 'literal') return { extract: () => e.value, multi: false, kind: 'string', isList: false, fields: [] };
  if (e.kind === 'field') {
    const resolved = registry.resolve(e.field, e.arg);
    if (resolved === undefined) throw new ConditionCompileError(`filter_check called with nonexistent field ${e.field}`, e.pos.idx);
    const { info, arg } = resolved;
    if (arg === undefined && info.argRequired) throw new ConditionCompileError(`filter ${info.name}: this field requires an argument`, e.pos.idx);
    if (arg !== undefined && !info.argAllowed) throw new ConditionCompileError(`filter ${info.name} does not support arguments`, e.pos.idx);
    const reader = createFieldReader(info, arg);
    const base: Operand = { extract: reader.extract, multi: reader.multi, kind: info.kind, isList: info.isList, fields: [info.name] };
    return mapValue(base, info.kind, (v) => toKind(v, info.kind));
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
        if (s === undefined || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return undefined;
        return Buffer.from(s, 'base64').toString('latin1');
      });
    case 'len': {
      const o = first as Operand;
      const get = o.extract;
      return { ...o, multi: false, kind: 'number', extract: (ev: EventRecord) => {
        const v = get(ev);
        if (v === undefined) return undefined;
        return Array.isArray(v) ? v.length : (asString(v) ?? '').length;
      } };
    }
    case 'join': {
      const sep = e.param ?? '';
      return { extract: (ev) => {
        const parts: string[] = [];
        for (const o of inner) {
          const v = o.extract(ev);
          if (v === undefined) return undefined;
          parts.push(Array.isArray(v) ? v.map(String).join(sep) : (asString(v) ?? ''));
        }
        return parts.join(sep);
      }, multi: false, kind: 'string', isList: false, fields };
    }
    case 'getopt': {
      const o = first as Operand;
      const opts = e.param ?? '';
      return mapValue({ ...o, multi: false }, 'string', (v) => getopt(asString(v) ?? '', opts, e.arg));
    }
  }
  throw new ConditionCompileError(`unknown transformer '${e.name}'`, e.pos.idx);
}
