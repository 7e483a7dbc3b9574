import type { FieldValueKind } from '../fields/field-registry.js';
import { RE2JS } from 're2js';
import { ConditionCompileError } from './event-record.js';
import { globMatch, pathPrefixMatch, splitPathPrefix } from './glob-match.js';
import type { IpNet, IpValue } from './ip-address.js';
import { ipInNet } from './ip-address.js';
import type { RhsConstant } from './rhs-value.js';

/** A comparison of one (converted) left value against a compiled right-hand side. */
export type ValueTest = (left: unknown) => boolean;

const stringOnly = new Set(['contains', 'icontains', 'startswith', 'endswith', 'glob', 'iglob', 'regex', 'pmatch']);

function isNet(v: RhsConstant): v is IpNet {
  return typeof v === 'object' && !Buffer.isBuffer(v) && 'mask' in v;
}

function ipEquals(rhs: RhsConstant): ValueTest {
  if (isNet(rhs)) return (l) => l !== undefined && ipInNet(l as IpValue, rhs);
  const ip = rhs as IpValue;
  return (l) => l !== undefined && (l as IpValue).v6 === ip.v6 && (l as IpValue).n === ip.n;
}

/** Builds the test of `op` against one constant for a field of `kind` (libsinsp operator semantics). */
export function compileValueTest(op: string, kind: FieldValueKind, rhs: RhsConstant, idx: number): ValueTest {
  if (stringOnly.has(op) && kind !== 'string' && kind !== 'bytes') {
    throw new ConditionCompileError(`operator '${op}' is not supported for this field type`, idx);
  }
  if (kind === 'ipaddr' || kind === 'ipnet') {
    const eq = ipEquals(rhs);
    if (op === '=' || op === '==' || op === 'in') return eq;
    if (op === '!=') return (l) => !eq(l);
    throw new ConditionCompileError(`operator '${op}' is not supported for IP fields`, idx);
  }
  if (Buffer.isBuffer(rhs)) {
    if (op === 'bcontains') return (l) => Buffer.from(l as string, 'latin1').includes(rhs);
    return (l) => Buffer.from(l as string, 'latin1').subarray(0, rhs.length).equals(rhs);
  }
  switch (op) {
    case '=':
    case '==':
    case 'in':
    case 'intersects':
      return (l) => l === rhs;
    case '!=':
      return (l) => l !== rhs;
    case '<':
      return (l) => (l as number) < (rhs as number);
    case '<=':
      return (l) => (l as number) <= (rhs as number);
    case '>':
      return (l) => (l as number) > (rhs as number);
    case '>=':
      return (l) => (l as number) >= (rhs as number);
  }
  const s = String(rhs);
  switch (op) {
    case 'contains':
      return (l) => (l as string).includes(s);
    case 'icontains': {
      const lower = s.toLowerCase();
      return (l) => (l as string).toLowerCase().includes(lower);
    }
    case 'startswith':
      return (l) => (l as string).startsWith(s);
    case 'endswith':
      return (l) => (l as string).endsWith(s);
    case 'glob':
      return (l) => globMatch(s, l as string);
    case 'iglob': {
      const lower = s.toLowerCase();
      return (l) => globMatch(lower, (l as string).toLowerCase());
    }
    case 'pmatch': {
      const prefix = splitPathPrefix(s);
      return (l) => pathPrefixMatch(prefix, l as string);
    }
    case 'regex': {
      let re: RE2JS;
      try {
        re = RE2JS.compile(s);
      } catch (e) {
        throw new ConditionCompileError(`invalid regular expression '${s}': ${(e as Error).message}`, idx);
      }
      return (l) => re.matches(l as string);
    }
  }
  throw new ConditionCompileError(`unsupported operator '${op}'`, idx);
}

/** The same comparison with a right-hand side only known per event (val() and transformers on the right). */
export function compareDynamic(op: string, kind: FieldValueKind, l: unknown, r: unknown): boolean {
  if (r === undefined) return false;
  if (kind === 'number' || kind === 'bool' || kind === 'string' || kind === 'bytes') {
    switch (op) {
      case '=': case '==': case 'in': case 'intersects': return l === r;
      case '!=': return l !== r;
      case '<': return (l as number) < (r as number);
      case '<=': return (l as number) <= (r as number);
      case '>': return (l as number) > (r as number);
      case '>=': return (l as number) >= (r as number);
    }
  }
  const ls = String(l);
  const rs = String(r);
  switch (op) {
    case 'contains': case 'bcontains': return ls.includes(rs);
    case 'icontains': return ls.toLowerCase().includes(rs.toLowerCase());
    case 'startswith': case 'bstartswith': return ls.startsWith(rs);
    case 'endswith': return ls.endsWith(rs);
    case 'glob': return globMatch(rs, ls);
    case 'iglob': return globMatch(rs.toLowerCase(), ls.toLowerCase());
    case 'pmatch': return pathPrefixMatch(splitPathPrefix(rs), ls);
    case '=': case '==': return (l as IpValue).n === (r as IpValue).n;
    case '!=': return (l as IpValue).n !== (r as IpValue).n;
  }
  return false;
}
