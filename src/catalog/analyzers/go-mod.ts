import path from 'node:path';
import type { AnalyzerInput } from '../analyzer.js';
import { defineAnalyzer, unknownFact } from '../analyzer.js';
import type { Fact } from '../fact.js';
import { beforeGo117, goModules, parseGoMod, parseGoSum } from '../go-mod.js';

function analyzeGoMod(input: AnalyzerInput): Fact[] {
  if (path.posix.basename(input.path) !== 'go.mod') return []; // go.sum is read beside its go.mod
  const parsed = parseGoMod(input.content.toString('utf8'));
  if (!parsed.ok) return [unknownFact(input.path, `go.mod: ${parsed.reason}`)];
  const sumFile = beforeGo117(parsed.mod.go) ? input.companion?.(path.posix.join(path.posix.dirname(input.path), 'go.sum')) : undefined;
  const sum = sumFile === undefined ? undefined : parseGoSum(sumFile.toString('utf8'));
  return goModules(parsed.mod, sum).map((m): Fact => ({ kind: 'package', path: input.path, package: { type: 'golang', name: m.path, version: m.version, licenses: [] } }));
}

/**
 * Go modules a project declares: go.mod requires with replace directives applied (local-directory
 * replacements dropped), plus go.sum for modules older than Go 1.17 whose go.mod omits indirect ones.
 */
export const goMod = defineAnalyzer({
  id: 'go-mod',
  version: 1,
  description: 'Go modules declared in go.mod (replace directives applied; go.sum before Go 1.17)',
  declared: true,
  required(file) {
    return file.endsWith('/go.mod') || file.endsWith('/go.sum');
  },
  readsCompanions: true,
  analyze: analyzeGoMod,
});
