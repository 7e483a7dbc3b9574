import type { Analyzer } from './analyzer.js';
import type { Fact, PackageDraft } from './fact.js';

/** Runs one analyzer on one file's content, outside any image (tests, `sbom` of a single file). */
export async function analyzeFile(analyzer: Analyzer, path: string, content: Buffer, mode = 0o644): Promise<Fact[]> {
  if (!analyzer.required(path, { path, kind: 'file', mode, size: content.length })) return [];
  return analyzer.analyze({ path, content });
}

/** Runs one analyzer on several files of one layer, as the walk does (group analyzers see them together). */
export async function analyzeFiles(analyzer: Analyzer, files: Readonly<Record<string, string | Buffer>>): Promise<Fact[]> {
  const inputs = Object.entries(files)
    .map(([path, content]) => ({ path, content: typeof content === 'string' ? Buffer.from(content) : content }))
    .filter(({ path, content }) => analyzer.required(path, { path, kind: 'file', mode: 0o644, size: content.length }));
  if (analyzer.analyzeGroup !== undefined) return analyzer.analyzeGroup(inputs);
  const facts: Fact[] = [];
  for (const input of inputs) facts.push(...(await analyzer.analyze(input)));
  return facts;
}

export function packagesOf(facts: readonly Fact[]): PackageDraft[] {
  return facts.flatMap((f) => (f.kind === 'package' ? [f.package] : []));
}

export function unknownsOf(facts: readonly Fact[]): { path: string; reason: string }[] {
  return facts.flatMap((f) => (f.kind === 'unknown' ? [{ path: f.path, reason: f.reason }] : []));
}
