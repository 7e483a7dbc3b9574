import * as z from 'zod/mini';
import { defineAnalyzer, unknownFact } from '../analyzer.js';
import type { Fact } from '../fact.js';
import { readJsonLock } from '../lock-document.js';

const deps = z.looseObject({ libraries: z.optional(z.record(z.string(), z.looseObject({ type: z.optional(z.string()) }))) });

/** .NET applications: NuGet packages of `*.deps.json` (`libraries` of type package; projects are the app itself). */
export const dotnetDeps = defineAnalyzer({
  id: 'dotnet-deps',
  version: 2,
  description: '.NET NuGet packages from *.deps.json',
  required(path) {
    return path.endsWith('.deps.json');
  },
  analyze({ path, content }) {
    const parsed = readJsonLock(content.toString('utf8').replace(/^\uFEFF/, ''), deps, '.NET deps.json');
    if (!parsed.ok) return [unknownFact(path, `deps.json: ${parsed.reason}`)];
    const facts: Fact[] = [];
    for (const [key, lib] of Object.entries(parsed.data.libraries ?? {})) {
      if (lib.type !== 'package') continue;
      const slash = key.lastIndexOf('/');
      if (slash <= 0) {
        facts.push(unknownFact(path, `deps.json library ${JSON.stringify(key)} is not Name/Version`));
        continue;
      }
      facts.push({ kind: 'package', path, package: { type: 'nuget', name: key.slice(0, slash), version: key.slice(slash + 1), licenses: [] } });
    }
    return facts;
  },
});
