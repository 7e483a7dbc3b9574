import * as z from 'zod/mini';
import { defineAnalyzer, unknownFact } from '../analyzer.js';
import type { Fact } from '../fact.js';
import { readJsonLock } from '../lock-document.js';

const lockFile = z.looseObject({
  lockVersion: z.number(),
  dependencies: z.array(z.looseObject({ org: z.string(), name: z.string(), version: z.string(), configurations: z.optional(z.array(z.string())) })),
});

/**
 * sbt-dependency-lock's `build.sbt.lock` (format version 1): artifacts in the `compile` or `runtime`
 * configurations, as Trivy reads it (test/provided/optional-only ones are not shipped).
 */
export const sbtLockfile = defineAnalyzer({
  id: 'sbt-lockfile',
  version: 1,
  description: 'Maven artifacts locked by sbt-dependency-lock in build.sbt.lock (compile and runtime)',
  declared: true,
  required(file) {
    return file.endsWith('/build.sbt.lock');
  },
  analyze({ path: file, content }) {
    const parsed = readJsonLock(content.toString('utf8'), lockFile, 'build.sbt.lock');
    if (!parsed.ok) return [unknownFact(file, `build.sbt.lock: ${parsed.reason}`)];
    if (parsed.data.lockVersion !== 1) return [unknownFact(file, `build.sbt.lock: unsupported lockVersion ${parsed.data.lockVersion}`)];
    const seen = new Set<string>();
    const facts: Fact[] = [];
    for (const dep of parsed.data.dependencies) {
      if (!(dep.configurations ?? []).some((c) => c === 'compile' || c === 'runtime')) continue;
      const name = `${dep.org}:${dep.name}`;
      if (seen.has(`${name}@${dep.version}`)) continue;
      seen.add(`${name}@${dep.version}`);
      facts.push({ kind: 'package', path: file, package: { type: 'maven', name, version: dep.version, licenses: [] } });
    }
    return facts;
  },
});
