import type { Analyzer } from './analyzer.js';
import type { Fact, PackageDraft } from './fact.js';

/**
 * Runs one analyzer on one file's content, outside any image (tests, `sbom` of a single file).
 * `companions` are the other files of the same folder tree an analyzer with `readsCompanions` may read.
 */
export async function analyzeFile(analyzer: Analyzer, path: string, content: Buffer, mode = 0o644, companions: ReadonlyMap<string, Buffer> = new Map()): Promise<Fact[]> {
  if (!analyzer.required(path, { path, kind: 'file', mode, size: content.length })) return [];
  if (analyzer.readsCompanions !== true) return analyzer.analyze({ path, content });
  const held = new Map([...companions].filter(([p, c]) => analyzer.required(p, { path: p, kind: 'file', mode: 0o644, size: c.length })));
  return analyzer.analyze({ path, content, companion: (p) => (p === path ? content : held.get(p)), companionPaths: () => [path, ...[...held.keys()].filter((p) => p !== path)] });
}

/** Runs one analyzer on several files of one folder tree, as the walk does for one layer (each with the others as companions). */
export async function analyzeFiles(analyzer: Analyzer, files: Readonly<Record<string, string | Buffer>>): Promise<Fact[]> {
  const all = new Map(Object.entries(files).map(([path, content]) => [path, typeof content === 'string' ? Buffer.from(content) : content]));
  const facts: Fact[] = [];
  for (const [path, content] of all) facts.push(...(await analyzeFile(analyzer, path, content, 0o644, all)));
  return facts;
}

export function packagesOf(facts: readonly Fact[]): PackageDraft[] {
  return facts.flatMap((f) => (f.kind === 'package' ? [f.package] : []));
}

export function unknownsOf(facts: readonly Fact[]): { path: string; reason: string }[] {
  return facts.flatMap((f) => (f.kind === 'unknown' ? [{ path: f.path, reason: f.reason }] : []));
}
