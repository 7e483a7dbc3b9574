import { eventNameRows } from './event-names.js';
import { fieldTableRows } from './field-table.js';

/** How a field's values compare: the libsinsp PT_* type folded into the kinds the compiler needs. */
export type FieldValueKind = 'string' | 'number' | 'bool' | 'ipaddr' | 'ipnet' | 'bytes';

export interface FieldInfo {
  readonly name: string;
  /** libsinsp type without the PT_ prefix (CHARBUF, UINT64, IPADDR...). */
  readonly type: string;
  readonly kind: FieldValueKind;
  readonly argAllowed: boolean;
  readonly argRequired: boolean;
  readonly deprecated: boolean;
  readonly isList: boolean;
  readonly noTransformer: boolean;
}

export interface FieldRegistry {
  /** Resolves `name` (and `evt.arg.x` style dotted arguments) to a field and its argument. */
  resolve(name: string, arg: string | undefined): { info: FieldInfo; arg: string | undefined } | undefined;
  readonly fields: ReadonlyMap<string, FieldInfo>;
  /** Every syscall event name (the universe of event types). */
  readonly eventNames: readonly string[];
}

function kindOf(type: string): FieldValueKind {
  if (type === 'BOOL') return 'bool';
  if (type === 'IPADDR') return 'ipaddr';
  if (type === 'IPNET') return 'ipnet';
  if (type === 'BYTEBUF') return 'bytes';
  if (/^(U?INT\d+|RELTIME|ABSTIME|DOUBLE|PORT|FD|PID|ERRNO|L4PROTO|SOCKFAMILY|UID|GID|SIGTYPE|FLAGS\d+|MODE|ENUMFLAGS\d+)$/.test(type)) return 'number';
  return 'string';
}

/** The field table of libsinsp plus the container plugin (generated from Falco's tables). */
export function createFieldRegistry(): FieldRegistry {
  const fields = new Map<string, FieldInfo>();
  for (const row of fieldTableRows) {
    for (const entry of row.split(';')) {
      const [name = '', type = 'CHARBUF', flags = '-'] = entry.split(' ');
      fields.set(name, {
        name, type, kind: kindOf(type),
        argAllowed: flags.includes('a') || flags.includes('r'),
        argRequired: flags.includes('r'),
        deprecated: flags.includes('d'),
        isList: flags.includes('l'),
        noTransformer: flags.includes('x'),
      });
    }
  }
  const eventNames = eventNameRows.flatMap((r) => r.split(' '));
  return {
    fields,
    eventNames,
    resolve(name, arg) {
      const exact = fields.get(name);
      if (exact !== undefined) return { info: exact, arg };
      if (arg !== undefined) return undefined;
      // `evt.arg.flags`, `container.label.app`: the longest known prefix taking an argument.
      for (let i = name.lastIndexOf('.'); i > 0; i = name.lastIndexOf('.', i - 1)) {
        const prefix = fields.get(name.slice(0, i));
        if (prefix !== undefined && prefix.argAllowed) return { info: prefix, arg: name.slice(i + 1) };
      }
      return undefined;
    },
  };
}
