import { ConditionSyntaxError } from './condition-syntax-error.js';
import type { ConditionPos } from './ast.js';

const simpleEscapes: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', ' ': '\\', '\\': '\\', '/': '/' };

/** Removes the quotes of a quoted condition string and resolves its escapes (libsinsp `unescape_str`). */
export function unescapeQuoted(quoted: string, pos: ConditionPos): string {
  const delimiter = quoted[0];
  let out = '';
  for (let i = 1; i < quoted.length - 1; i++) {
    const c = quoted[i] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    i++;
    const e = quoted[i] as string;
    const simple = simpleEscapes[e];
    if (simple !== undefined) out += simple;
    else if (e === '"' || e === "'") {
      if (e !== delimiter) throw new ConditionSyntaxError(`invalid \\${e} escape in ${delimiter === '"' ? '"' : "'"}-quoted string`, pos);
      out += e;
    } else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(quoted.slice(i + 1, i + 3))) {
      out += String.fromCharCode(parseInt(quoted.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      throw new ConditionSyntaxError(`unsupported string escape sequence: \\${e}`, pos);
    }
  }
  return out;
}

const needsQuoting = /[\b\f\n\r\t \\"']/;

/** Quotes a value for printing when it holds blanks, quotes or backslashes (libsinsp `escape_str`). */
export function escapeValue(value: string): string {
  if (!needsQuoting.test(value)) return value;
  let out = '';
  for (const c of value) {
    if (c === '\b') out += '\\b';
    else if (c === '\f') out += '\\f';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (c === '\\') out += '\\\\';
    else if (c === '"') out += '\\"';
    else out += c;
  }
  return `"${out}"`;
}
