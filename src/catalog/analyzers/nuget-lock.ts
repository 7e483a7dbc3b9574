import * as z from 'zod/mini';
import { defineAnalyzer, unknownFact } from '../analyzer.js';
import type { Fact } from '../fact.js';
import { readJsonLock } from '../lock-document.js';

const lockFile = z.looseObject({
  version: z.optional(z.number()),
  dependencies: z.record(z.string(), z.record(z.string(), z.looseObject({ type: z.optional(z.string()), resolved: z.optional(z.string()) }))),
});

/** NuGet packages.lock.json: every target framework's resolved packages except the projects themselves. */
export const nugetLock = defineAnalyzer({
  id: 'nuget-lock',
  version: 1,
  description: 'NuGet packages locked in packages.lock.json (all target frameworks, projects excluded)',
  declared: true,
  required(file) {
    return file.endsWith('/packages.lock.json');
  },
  analyze({ path: file, content }) {
    const parsed = readJsonLock(content.toString('utf8').replace(/^\uFEFF/, ''), lockFile, 'packages.lock.json');
    if (!parsed.ok) return [unknownFact(file, `packages.lock.json: ${parsed.reason}`)];
    const facts: Fact[] = [];
    const seen = new Set<string>();
    for (const [framework, packages] of Object.entries(parsed.data.dependencies)) {
      for (const [name, entry] of Object.entries(packages)) {
        if (entry.type === 'Project') continue;
        if (entry.resolved === undefined || entry.resolved === '') {
          facts.push(unknownFact(file, `packages.lock.json: ${name} (${framework}) has no resolved version`));
          continue;
        }
        const id = `${name.toLowerCase()}@${entry.resolved}`;
        if (seen.has(id)) continue;
        seen.add(id);
        facts.push({ kind: 'package', path: file, package: { type: 'nuget', name, version: entry.resolved, licenses: [] } });
      }
    }
    return facts;
  },
});
