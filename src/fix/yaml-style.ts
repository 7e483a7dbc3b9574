import type { Document, ToStringOptions } from 'yaml';
import type { YAMLSeq } from 'yaml';
import { applyPatch, structuredPatch } from 'diff';
import { isMap, isScalar, isSeq, parseAllDocuments, Scalar, YAMLMap } from 'yaml';
import { RampartError } from '../core/index.js';

/** Throws a PARSE_ERROR naming the file when the parsed document has a syntax error. */
export function assertParsed(doc: Document, file: string): void {
  const error = doc.errors[0];
  if (error === undefined) return;
  // the yaml library fills linePos (1-based) when it parses with prettyErrors, its default
  const at = error.linePos?.[0];
  const location = at === undefined ? { file } : { file, line: at.line, column: at.col };
  throw new RampartError('PARSE_ERROR', `${file}: invalid YAML: ${error.message.split('\n')[0] ?? ''}`, { location });
}

/** Indentation style of the source, so a patched document is written back the way it was written. */
export function detectYamlStyle(text: string): ToStringOptions {
  let indent = 2;
  let indentSeq = true;
  const lines = text.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    if (!/^\s*[^#\s-][^:]*:\s*$/.test(line)) continue;
    const own = line.length - line.trimStart().length;
    const child = next.length - next.trimStart().length;
    if (next.trimStart().startsWith('- ')) {
      indentSeq = child > own;
    } else if (child > own && next.trim() !== '') {
      indent = child - own;
    }
  }
  return { indent, indentSeq, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false };
}

/** The map at `key` inside `map`, created (appended) when absent. */
export function ensureMap(doc: Document, map: YAMLMap, key: string): YAMLMap {
  const existing = map.get(key, true);
  if (isMap(existing)) return existing;
  const created = new YAMLMap();
  map.set(doc.createNode(key), created);
  return created;
}

export function getMap(map: unknown, key: string): YAMLMap | undefined {
  if (!isMap(map)) return undefined;
  const value = map.get(key, true);
  return isMap(value) ? value : undefined;
}

export function getSeq(map: unknown, key: string): YAMLSeq | undefined {
  if (!isMap(map)) return undefined;
  const value = map.get(key, true);
  return isSeq(value) ? value : undefined;
}

/** A scalar's value as a string ('' when the node is not a scalar). */
export function scalarText(node: unknown): string {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : '';
}

/** Sets a scalar, reusing the existing node (keeping its comments) when there is one. */
export function setScalar(doc: Document, map: YAMLMap, key: string, value: string | number | boolean, quoted = false): boolean {
  const existing = map.get(key, true);
  if (isScalar(existing)) {
    if (existing.value === value) return false;
    existing.value = value;
    if (quoted) existing.type = Scalar.QUOTE_DOUBLE;
    return true;
  }
  const node = doc.createNode(value);
  if (quoted) node.type = Scalar.QUOTE_DOUBLE;
  map.set(doc.createNode(key), node);
  return true;
}

/**
 * Carries the fixer's changes over to the original text so untouched lines keep their exact
 * formatting: the patch from `base` (the unmodified document re-rendered) to `after` is applied to
 * `original`, matching lines while ignoring whitespace. Falls back to `after` if it does not apply.
 */
export function keepOriginalFormatting(original: string, base: string, after: string): string {
  if (base === after) return original;
  const patch = structuredPatch('a', 'b', base, after, undefined, undefined, { context: 2 });
  const squash = (line: string): string => line.replace(/\s+/g, '');
  const merged = applyPatch(original, patch, { compareLine: (_n, line, _op, patchContent) => squash(line) === squash(patchContent) });
  // The merge must mean exactly what the fixer produced (indentation quirks can break it); else use `after`.
  return merged !== false && sameData(merged, after) ? merged : after;
}

function sameData(a: string, b: string): boolean {
  const data = (text: string): string | undefined => {
    const docs = parseAllDocuments(text);
    const list = Array.isArray(docs) ? docs : [docs];
    if (list.some((doc) => doc.errors.length > 0)) return undefined;
    return JSON.stringify(list.map((doc) => doc.toJS({ maxAliasCount: 1000 }) as unknown));
  };
  const left = data(a);
  return left !== undefined && left === data(b);
}
