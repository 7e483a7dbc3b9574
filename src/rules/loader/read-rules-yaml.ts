import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import type { Node } from 'yaml';
import type { ItemPosition, LoadDiagnostic } from './load-diagnostic.js';

/** One top-level item of a rules file, with the positions of its keys' values. */
export interface RulesItem {
  readonly value: unknown;
  readonly position: ItemPosition;
  readonly keyPositions: ReadonlyMap<string, ItemPosition>;
  /** For block scalars (`condition: >`), the position of the first content character. */
}

export interface ReadResult {
  readonly items: readonly RulesItem[];
  readonly errors: readonly LoadDiagnostic[];
}

/** Reads every YAML document of a rules file; each must be a sequence of maps (or empty). */
export function readRulesYaml(file: string, content: string): ReadResult {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(content, { lineCounter, uniqueKeys: false });
  const pos = (offset: number | undefined): ItemPosition => {
    const lp = lineCounter.linePos(offset ?? 0);
    return { file, line: lp.line, column: lp.col };
  };
  const items: RulesItem[] = [];
  const errors: LoadDiagnostic[] = [];
  const docList = Array.isArray(docs) ? docs : [docs];
  for (const doc of docList) {
    const first = doc.errors[0];
    if (first !== undefined) {
      errors.push({ severity: 'error', code: 'LOAD_ERR_YAML_PARSE', message: first.message.split('\n')[0] ?? first.message, position: pos(first.pos[0]) });
      continue;
    }
    const root = doc.contents as Node | null;
    if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) continue;
    if (!isSeq(root)) {
      errors.push({ severity: 'error', code: 'LOAD_ERR_YAML_VALIDATE', message: 'Rules content is not yaml array of objects', position: pos(root.range?.[0]) });
      continue;
    }
    for (const node of root.items as Node[]) {
      const keyPositions = new Map<string, ItemPosition>();
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
          const valueNode = pair.value as Node | null;
          if (key !== undefined) keyPositions.set(key, valueNode !== null && isScalar(valueNode) && (valueNode.type === 'BLOCK_FOLDED' || valueNode.type === 'BLOCK_LITERAL') ? blockStart(content, valueNode, pos) : pos(valueNode?.range?.[0] ?? (pair.key as Node | null)?.range?.[0]));
        }
      }
      items.push({ value: node.toJSON(), position: pos(node.range?.[0]), keyPositions });
    }
  }
  return { items, errors };
}

/** Position of the first content character of a block scalar (the line after `>` or `|`). */
function blockStart(content: string, node: Node, pos: (offset: number) => ItemPosition): ItemPosition {
  const start = node.range?.[0] ?? 0;
  const nl = content.indexOf('\n', start);
  if (nl < 0) return pos(start);
  let i = nl + 1;
  while (content[i] === ' ') i++;
  return pos(i);
}
