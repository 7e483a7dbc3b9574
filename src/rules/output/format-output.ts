import { compileOperand, multiValues } from '../compile/compile-operand.js';
import type { EventRecord, Extractor } from '../compile/event-record.js';
import { ConditionCompileError } from '../compile/event-record.js';
import type { FieldRegistry } from '../fields/field-registry.js';
import { formatIp, isIpValue } from '../compile/ip-address.js';

/** A compiled rule output: `%field` tokens replaced per event, `<NA>` when a field cannot be extracted. */
export interface CompiledOutput {
  /** Field names in order of appearance (with `[arg]`), as Falco lists them in `output_fields`. */
  readonly fields: readonly string[];
  readonly deprecatedFields: readonly string[];
  render(event: EventRecord): string;
  /** Field name → extracted value (null for <NA>), for the JSON alert's `output_fields`. */
  values(event: EventRecord): Record<string, unknown>;
}

const TOKEN = /%(\(?)([a-zA-Z][a-zA-Z0-9_]*(?:\.[a-zA-Z0-9_]+)+)(?:\[([^\]]*)\])?(\)?)/g;

function show(v: unknown): string {
  if (v === undefined || v === null) return '<NA>';
  if (Array.isArray(v)) return v.map(show).join(',');
  if (isIpValue(v)) return formatIp(v);
  if (typeof v === 'object') return JSON.stringify(v, (_key, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
  return String(v);
}

/** Output field values as JSON-safe data: addresses as text, bigints as decimal strings. */
function jsonValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.map(jsonValue);
  if (isIpValue(v)) return formatIp(v);
  if (typeof v === 'bigint') return v.toString();
  return v;
}

/** `evt.time` renders as Falco prints it in text outputs: HH:MM:SS.nnnnnnnnn (UTC). */
function showTime(v: unknown): string {
  if (typeof v !== 'string' && typeof v !== 'number') return show(v);
  const text = String(v);
  if (!/^\d+$/.test(text)) return text;
  const ns = BigInt(text);
  const clock = new Date(Number(ns / 1000000n)).toISOString().slice(11, 19);
  return `${clock}.${(ns % 1000000000n).toString().padStart(9, '0')}`;
}

/** Compiles an output template; throws ConditionCompileError for unknown fields. */
export function compileOutput(template: string, registry: FieldRegistry): CompiledOutput {
  const pieces: (string | { name: string; get: Extractor; show: (v: unknown) => string })[] = [];
  const fields: string[] = [];
  const deprecated: string[] = [];
  let last = 0;
  for (const m of template.matchAll(TOKEN)) {
    const [whole, open = '', field = '', arg, close = ''] = m;
    const at = m.index;
    pieces.push(template.slice(last, at));
    const resolved = registry.resolve(field, arg);
    if (resolved === undefined) throw new ConditionCompileError(`invalid formatting token %${field}: unknown field`, at);
    if (resolved.info.deprecated) deprecated.push(field);
    const operand = compileOperand({ kind: 'field', field, ...(arg === undefined ? {} : { arg }), pos: { idx: at, line: 1, col: at + 1 } }, registry);
    const name = arg === undefined ? field : `${field}[${arg}]`;
    fields.push(name);
    pieces.push({ name, show: name === 'evt.time' ? showTime : show, get: operand.multi ? (ev) => multiValues(operand, operand.extract(ev)) : operand.extract });
    const consumed = open === '(' && close === ')' ? whole : whole.slice(0, whole.length - close.length);
    last = at + consumed.length;
  }
  pieces.push(template.slice(last));
  return {
    fields,
    deprecatedFields: deprecated,
    render(event) {
      let out = '';
      for (const p of pieces) out += typeof p === 'string' ? p : p.show(p.get(event));
      return out;
    },
    values(event) {
      const out: Record<string, unknown> = {};
      for (const p of pieces) if (typeof p !== 'string') out[p.name] = jsonValue(p.get(event));
      return out;
    },
  };
}
