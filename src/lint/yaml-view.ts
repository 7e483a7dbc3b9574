import type { Document, Node } from 'yaml';
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Location } from '../core/index.js';
import { RampartError } from '../core/index.js';
import type { Located } from './model.js';

/** Read-only helpers over a parsed YAML document that keep file/line/column for every node. */
export interface YamlView {
  readonly doc: Document;
  get(node: unknown, key: string): Node | undefined;
  path(node: unknown, ...keys: string[]): Node | undefined;
  locate(node: unknown, fallback?: Location): Location;
  str(node: unknown): Located<string> | undefined;
  bool(node: unknown): Located<boolean> | undefined;
  int(node: unknown): Located<number> | undefined;
  items(node: unknown): Node[];
  entries(node: unknown): [string, Node, Location][];
  plain(node: unknown): unknown;
}

export interface ParsedYaml {
  readonly file: string;
  readonly views: readonly YamlView[];
}

const MAX_DOCUMENTS = 10_000;

/** Parses every document of a YAML stream; a syntax error is a PARSE_ERROR naming file:line:column. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length > MAX_DOCUMENTS) throw new RampartError('LIMIT_EXCEEDED', `${file}: more than ${MAX_DOCUMENTS} YAML documents`);
  for (const doc of list) {
    const error = doc.errors[0];
    if (error !== undefined) {
      const pos = lineCounter.linePos(error.pos[0]);
      throw new RampartError('PARSE_ERROR', `${file}: invalid YAML: ${error.message.split('\n')[0] ?? ''}`, {
        location: { file, line: pos.line, column: pos.col },
      });
    }
  }
  return { file, views: list.map((doc) => createYamlView(doc, file, lineCounter)) };
}

function createYamlView(doc: Document, file: string, lineCounter: LineCounter): YamlView {
  const resolve = (node: unknown): unknown => {
    let current = node;
    for (let depth = 0; isAlias(current) && depth < 16; depth++) current = current.resolve(doc);
    return current;
  };
  const locate = (node: unknown, fallback: Location = { file }): Location => {
    const n = node as { range?: [number, number, number] } | undefined;
    if (n?.range === undefined) return fallback;
    const pos = lineCounter.linePos(n.range[0]);
    return { file, line: pos.line, column: pos.col };
  };
  const get = (node: unknown, key: string): Node | undefined => {
    const map = resolve(node);
    if (!isMap(map)) return undefined;
    for (const pair of map.items) {
      const k = resolve(pair.key);
      if (isScalar(k) && String(k.value) === key) return (resolve(pair.value) ?? undefined) as Node | undefined;
    }
    return undefined;
  };
  const view: YamlView = {
    doc,
    get,
    path(node, ...keys) {
      let current: unknown = node;
      for (const key of keys) {
        current = get(current, key);
        if (current === undefined) return undefined;
      }
      return current as Node;
    },
    locate,
    str(node) {
      const n = resolve(node);
      if (!isScalar(n) || n.value === null || n.value === undefined) return undefined;
      return { value: String(n.value), location: locate(n) };
    },
    bool(node) {
      const n = resolve(node);
      if (!isScalar(n)) return undefined;
      if (typeof n.value === 'boolean') return { value: n.value, location: locate(n) };
      if (n.value === 'true' || n.value === 'false') return { value: n.value === 'true', location: locate(n) };
      return undefined;
    },
    int(node) {
      const n = resolve(node);
      if (!isScalar(n)) return undefined;
      const value = typeof n.value === 'number' ? n.value : typeof n.value === 'string' && /^-?\d+$/.test(n.value) ? Number(n.value) : NaN;
      return Number.isFinite(value) ? { value, location: locate(n) } : undefined;
    },
    items(node) {
      const seq = resolve(node);
      return isSeq(seq) ? seq.items.map((item) => resolve(item) as Node) : [];
    },
    entries(node) {
      const map = resolve(node);
      if (!isMap(map)) return [];
      const out: [string, Node, Location][] = [];
      for (const pair of map.items) {
        if (!isPair(pair)) continue;
        const k = resolve(pair.key);
        if (isScalar(k)) out.push([String(k.value), resolve(pair.value) as Node, locate(k)]);
      }
      return out;
    },
    plain(node) {
      const n = resolve(node);
      if (isScalar(n)) return n.value;
      if (isSeq(n)) return n.items.map((item) => view.plain(item));
      if (isMap(n)) return Object.fromEntries(view.entries(n).map(([k, v]) => [k, view.plain(v)]));
      return undefined;
    },
  };
  return view;
}
