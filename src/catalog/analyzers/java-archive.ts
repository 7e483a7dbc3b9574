import { defineAnalyzer, unknownFact } from '../analyzer.js';
import type { Fact } from '../fact.js';
import { readJavaArchive } from '../java-archive.js';

/** Java archives (JAR, WAR, EAR, PAR) with nested archives: Maven group:artifact and version. */
export const javaArchive = defineAnalyzer({
  id: 'java-archive',
  version: 1,
  description: 'Maven artifacts in JAR/WAR/EAR/PAR archives and nested jars (pom.properties, MANIFEST.MF)',
  required(path) {
    return /\.(?:jar|war|ear|par)$/i.test(path);
  },
  analyze({ path, content }) {
    const result = readJavaArchive(content, path);
    if (!result.ok) return [unknownFact(path, `java archive: ${result.reason}`)];
    return result.artifacts.map(
      (a): Fact => ({
        kind: 'package',
        path,
        package: { type: 'maven', name: `${a.groupId}:${a.artifactId}`, version: a.version, licenses: [], ...(a.innerPath !== undefined ? { innerPath: a.innerPath } : {}) },
      }),
    );
  },
});
