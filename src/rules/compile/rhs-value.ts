import type { FieldValueKind } from '../fields/field-registry.js';
import { ConditionCompileError } from './event-record.js';
import type { IpNet, IpValue } from './ip-address.js';
import { parseIp, parseIpNet } from './ip-address.js';

/** A right-hand-side constant parsed for the left field's type at compile time. */
export type RhsConstant = string | number | boolean | IpValue | IpNet | Buffer;

/** Parses one constant for a field of `kind`, as libsinsp does when it compiles a check. */
export function parseRhsConstant(text: string, kind: FieldValueKind, op: string, idx: number): RhsConstant {
  if (op === 'bcontains' || op === 'bstartswith') {
    if (!/^([0-9a-fA-F]{2})*$/.test(text)) throw new ConditionCompileError(`filter error: bcontains and bstartswith operator support hex strings only (got '${text}')`, idx);
    return Buffer.from(text, 'hex');
  }
  switch (kind) {
    case 'number': {
      const n = /^[+-]?0[xX]/.test(text) ? parseInt(text, 16) : Number(text);
      if (text.trim() === '' || Number.isNaN(n)) throw new ConditionCompileError(`could not parse '${text}' as a number`, idx);
      return n;
    }
    case 'bool':
      if (text === 'true' || text === '1') return true;
      if (text === 'false' || text === '0') return false;
      throw new ConditionCompileError(`could not parse '${text}' as a boolean (true or false)`, idx);
    case 'ipaddr': {
      if (text.includes('/')) {
        const net = parseIpNet(text);
        if (net !== undefined) return net;
      }
      const ip = parseIp(text);
      if (ip === undefined) throw new ConditionCompileError(`could not parse '${text}' as an IP address`, idx);
      return ip;
    }
    case 'ipnet': {
      const net = parseIpNet(text);
      if (net === undefined) throw new ConditionCompileError(`could not parse '${text}' as an IP network`, idx);
      return net;
    }
    default:
      return text;
  }
}

/** Converts an extracted event value to the comparison domain of `kind`; undefined when it cannot. */
export function toKind(v: unknown, kind: FieldValueKind): unknown {
  switch (kind) {
    case 'number':
      if (typeof v === 'number') return v;
      if (typeof v === 'bigint') return Number(v);
      if (typeof v === 'string' && v !== '') {
        const n = Number(v);
        return Number.isNaN(n) ? undefined : n;
      }
      if (typeof v === 'boolean') return v ? 1 : 0;
      return undefined;
    case 'bool':
      if (typeof v === 'boolean') return v;
      if (v === 'true' || v === 1) return true;
      if (v === 'false' || v === 0) return false;
      return undefined;
    case 'ipaddr':
    case 'ipnet':
      return typeof v === 'string' ? parseIp(v) : undefined;
    default:
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
      if (Array.isArray(v)) return v.join(' ');
      return undefined;
  }
}
