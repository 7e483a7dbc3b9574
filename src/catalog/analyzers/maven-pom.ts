import path from 'node:path';
import type { AnalyzerInput } from '../analyzer.js';
import { defineAnalyzer, unknownFact } from '../analyzer.js';
import type { Fact } from '../fact.js';
import type { PomModel } from '../maven-pom.js';
import { interpolate, parsePom } from '../maven-pom.js';
import type { PomFile, PomLookup } from '../maven-pom-resolve.js';
import { resolvePom } from '../maven-pom-resolve.js';

/** Parent POMs may have any name (`relativePath`); XML files up to this size are kept as candidates. */
const maxCandidateSize = 1024 * 1024;

/** maven-invoker-plugin integration-test projects (`src/it/<name>/pom.xml`) are marked dev, as Trivy does. */
function isIntegrationTest(file: string): boolean {
  const dirs = file.split('/');
  return dirs.length >= 4 && (dirs.at(-4) === 'src' || dirs.at(-4) === 'target') && dirs.at(-3) === 'it';
}

function createLookup(inputs: readonly AnalyzerInput[]): PomLookup {
  const content = new Map(inputs.map((i) => [i.path, i.content]));
  const parsed = new Map<string, PomFile | undefined>();
  const atPath = (file: string): PomFile | undefined => {
    const normal = path.posix.normalize(file);
    if (!parsed.has(normal)) {
      const bytes = content.get(normal);
      const result = bytes === undefined ? undefined : parsePom(bytes);
      parsed.set(normal, result?.ok === true ? { path: normal, pom: result.pom } : undefined);
    }
    return parsed.get(normal);
  };
  let reactor: Map<string, PomFile> | undefined;
  const coordinates = (pom: PomModel): string => {
    const groupId = pom.groupId ?? pom.parent?.groupId ?? '';
    const version = interpolate(pom.version ?? pom.parent?.version ?? '', pom.properties);
    return `${groupId}:${pom.artifactId ?? ''}:${version}`;
  };
  return {
    atPath,
    byCoordinates(groupId, artifactId, version) {
      reactor ??= new Map(
        inputs
          .filter((i) => path.posix.basename(i.path) === 'pom.xml')
          .flatMap((i) => {
            const p = atPath(i.path);
            return p === undefined ? [] : [[coordinates(p.pom), p] as const];
          }),
      );
      return reactor.get(`${groupId}:${artifactId}:${version}`);
    },
  };
}

function analyzePoms(inputs: readonly AnalyzerInput[]): Fact[] {
  const lookup = createLookup(inputs);
  const facts: Fact[] = [];
  for (const input of inputs) {
    if (path.posix.basename(input.path) !== 'pom.xml') continue;
    const parsed = parsePom(input.content);
    if (!parsed.ok) {
      facts.push(unknownFact(input.path, `pom.xml: ${parsed.reason}`));
      continue;
    }
    const resolved = resolvePom({ path: input.path, pom: parsed.pom }, lookup);
    const dev = isIntegrationTest(input.path);
    for (const d of resolved.dependencies) {
      facts.push({ kind: 'package', path: input.path, package: { type: 'maven', name: d.name, version: d.version, licenses: [], ...(dev ? { dev: true } : {}) } });
    }
    for (const reason of resolved.unresolved) facts.push(unknownFact(input.path, `pom.xml: ${reason}`));
  }
  return facts;
}

/**
 * Maven dependencies a pom.xml declares, resolved without a network: properties, the parent POMs
 * on disk (`relativePath`, `../pom.xml`, or a module of the same tree) and dependencyManagement
 * (with import BOMs on disk). What needs a remote repository is reported as an unknown.
 */
export const mavenPom = defineAnalyzer({
  id: 'maven-pom',
  version: 1,
  description: 'Maven dependencies declared in pom.xml (properties, on-disk parents and dependencyManagement resolved offline)',
  declared: true,
  required(file, entry) {
    if (path.posix.basename(file) === 'pom.xml') return true;
    // Other XML files are parent candidates; a root filesystem's system XML (fontconfig, D-Bus, MIME) is not.
    return file.endsWith('.xml') && entry.size <= maxCandidateSize && !/\/(node_modules|\.git|target)\//.test(file) && !/^\/(etc|usr\/share|usr\/lib|var\/lib|proc|sys)\//.test(file);
  },
  analyze: (input) => analyzePoms([input]),
  analyzeGroup: analyzePoms,
});
