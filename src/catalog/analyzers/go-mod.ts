import path from 'node:path';
import type { AnalyzerInput } from '../analyzer.js';
import { defineAnalyzer, unknownFact } from '../analyzer.js';
import type { Fact } from '../fact.js';
import { beforeGo117, goModules, parseGoMod, parseGoSum } from '../go-mod.js';

function analyzeGoModules(inputs: readonly AnalyzerInput[]): Fact[] {
  const byPath = new Map(inputs.map((i) => [i.path, i.content]));
  const facts: Fact[] = [];
  for (const input of inputs) {
    if (path.posix.basename(input.path) !== 'go.mod') continue;
    const parsed = parseGoMod(input.content.toString('utf8'));
    if (!parsed.ok) {
      facts.push(unknownFact(input.path, `go.mod: ${parsed.reason}`));
      continue;
    }
    const sumFile = byPath.get(path.posix.join(path.posix.dirname(input.path), 'go.sum'));
    const sum = sumFile !== undefined && beforeGo117(parsed.mod.go) ? parseGoSum(sumFile.toString('utf8')) : undefined;
    for (const m of goModules(parsed.mod, sum)) {
      facts.push({ kind: 'package', path: input.path, package: { type: 'golang', name: m.path, version: m.version, licenses: [] } });
    }
  }
  return facts;
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
    const base = path.posix.basename(file);
    return base === 'go.mod' || base === 'go.sum';
  },
  analyze: (input) => analyzeGoModules([input]),
  analyzeGroup: analyzeGoModules,
});
