import { escapeValue } from '../condition/escaping.js';
import type { FieldRegistry } from '../fields/field-registry.js';
import type { Reporter } from './collect-items.js';
import type { ItemPosition } from './load-diagnostic.js';
import type { ExceptionDef } from './ruleset-model.js';

const listOps = ['in', 'pmatch', 'intersects'];
const scalarOps = ['=', '==', '!=', '<', '<=', '>', '>=', 'contains', 'icontains', 'bcontains', 'startswith', 'bstartswith', 'endswith', 'glob', 'iglob', 'regex'];
const modifierBase = new Set(['=', '==', '!=', 'contains', 'icontains', 'bcontains', 'startswith', 'bstartswith', 'endswith', 'glob', 'iglob', 'regex']);
const modifiers = new Set(['oneof', 'anyof', 'allof']);
const transformerValue = /^(tolower|toupper|b64|basename|len|val)\([^\s()]+\)$/;
const transformerLike = /^[a-z0-9]+\(\s*[a-zA-Z][\w.[\]]*\s*\)$/;

/** Normalises and validates one comparison of an exception; undefined (after an error) when invalid. */
function checkComp(raw: string, label: string, pos: ItemPosition, r: Reporter): { op: string; modifier: boolean } | undefined {
  const comp = raw.trim().split(/\s+/).join(' ');
  const [op = '', mod, extra] = comp.split(' ');
  if (mod === undefined && (scalarOps.includes(op) || listOps.includes(op))) return { op, modifier: false };
  if (extra === undefined && mod !== undefined && modifiers.has(mod) && modifierBase.has(op)) return { op: comp, modifier: true };
  r.error('LOAD_ERR_VALIDATE', `'${comp}' is not a supported comparison operator`, label, pos);
  return undefined;
}

function quoteValue(v: unknown, registry: FieldRegistry, label: string, pos: ItemPosition, r: Reporter): string {
  const s = typeof v === 'string' ? v : String(v);
  if (transformerValue.test(s)) return s;
  const trimmed = s.trim();
  if (registry.resolve(trimmed, undefined) !== undefined && /^[a-zA-Z]+[\w]*(\.[a-zA-Z]+\w*)+$/.test(trimmed)) {
    r.warn('LOAD_COMPILE_CONDITION', `'${s}' may be a valid field misused as a const string value`, label, pos);
  } else if (transformerLike.test(trimmed)) {
    r.warn('LOAD_COMPILE_CONDITION', `'${s}' may be a valid field transformer misused as a const string value`, label, pos);
  }
  return escapeValue(s) === s ? s : escapeValue(s);
}

function listText(v: unknown, registry: FieldRegistry, label: string, pos: ItemPosition, r: Reporter): string {
  if (Array.isArray(v)) return `(${v.map((x) => quoteValue(x, registry, label, pos, r)).join(', ')})`;
  const s = String(v);
  return s.startsWith('(') ? s : `(${s})`;
}

/**
 * Turns a rule's exceptions into the condition Falco compiles: `(condition) and not <exc1> and not <exc2>`,
 * each exception an `or` of its value tuples, each tuple an `and` of `field comp value`. Returns undefined
 * after reporting an error.
 */
export function applyExceptions(condition: string, exceptions: readonly ExceptionDef[], registry: FieldRegistry, label: string, pos: ItemPosition, r: Reporter): string | undefined {
  const clauses: string[] = [];
  for (const e of exceptions) {
    if (e.fields === undefined) continue;
    if (typeof e.fields === 'string') {
      const comp = checkScalarFieldComp(e.comps, label, pos, r);
      if (comp === undefined) return undefined;
      if (e.values.length === 0) continue;
      clauses.push(`${e.fields} ${comp} (${e.values.map((x) => quoteValue(x, registry, label, pos, r)).join(', ')})`);
      continue;
    }
    const fields = e.fields;
    const compsRaw = Array.isArray(e.comps) ? e.comps : fields.map(() => '=');
    if (compsRaw.length !== fields.length) {
      r.error('LOAD_ERR_VALIDATE', `Exception '${e.name}': fields and comps lists must have equal length`, label, pos);
      return undefined;
    }
    const comps: { op: string; modifier: boolean }[] = [];
    for (const c of compsRaw) {
      const ok = checkComp(String(c), label, pos, r);
      if (ok === undefined) return undefined;
      comps.push(ok);
    }
    const tuples: string[] = [];
    for (const tuple of e.values) {
      if (!Array.isArray(tuple) || tuple.length !== fields.length) {
        r.error('LOAD_ERR_VALIDATE', `Exception '${e.name}': fields and values lists must have equal length`, label, pos);
        return undefined;
      }
      const parts = fields.map((f, i) => {
        const c = comps[i] as { op: string; modifier: boolean };
        const v = tuple[i];
        const value = c.modifier || listOps.includes(c.op) ? listText(v, registry, label, pos, r) : quoteValue(v, registry, label, pos, r);
        return `${f} ${c.op} ${value}`;
      });
      tuples.push(parts.length === 1 ? (parts[0] as string) : `(${parts.join(' and ')})`);
    }
    if (tuples.length === 0) continue;
    clauses.push(tuples.length === 1 ? (tuples[0] as string) : `(${tuples.join(' or ')})`);
  }
  if (clauses.length === 0) return condition;
  return `(${condition}) ${clauses.map((c) => `and not ${c}`).join(' ')}`;
}

function checkScalarFieldComp(comps: unknown, label: string, pos: ItemPosition, r: Reporter): string | undefined {
  const comp = comps === undefined ? 'in' : String(comps).trim();
  if (listOps.includes(comp)) return comp;
  r.error('LOAD_ERR_VALIDATE', `When fields is a single value, comps must be one of (${listOps.join(', ')})`, label, pos);
  return undefined;
}
