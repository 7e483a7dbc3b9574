import type { Analyzer } from './analyzer.js';
import type { Fact, PackageDraft } from './fact.js';

/** Runs one analyzer on one file's content, outside any image (tests, `sbom` of a single file). */
export async function analyzeFile(analyzer: Analyzer, path: string, content: Buffer, mode = 0o644): Promise<Fact[]> {
  if (!analyzer.required(path, { path, kind: 'file', mode, size: content.length })) return [];
  return analyzer.analyze({ path, content });
}

export function packagesOf(facts: readonly Fact[]): PackageDraft[] {
  return facts.flatMap((f) => (f.kind === 'package' ? [f.package] : []));
}

export function unknownsOf(facts: readonly Fact[]): { path: string; reason: string }[] {
  return facts.flatMap((f) => (f.kind === 'unknown' ? [{ path: f.path, reason: f.reason }] : []));
}
