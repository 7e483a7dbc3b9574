import path from 'node:path';
import type { AnalyzerInput } from '../analyzer.js';
import { defineAnalyzer, unknownFact } from '../analyzer.js';
import type { Fact } from '../fact.js';
import type { PomModel } from '../maven-pom.js';
import { interpolate, parsePom } from '../maven-pom.js';
import type { PomFile, PomLookup } from '../maven-pom-resolve.js';
import { resolvePom } from '../maven-pom-resolve.js';
import { loadXmlParser } from '../xml-document.js';

/** Parent POMs may have any name (`relativePath`); XML files up to this size are kept as candidates. */
const maxCandidateSize = 1024 * 1024;

/** maven-invoker-plugin integration-test projects (`src/it/<name>/pom.xml`) are marked dev, as Trivy does. */
function isIntegrationTest(file: string): boolean {
  const dirs = file.split('/');
  return dirs.length >= 4 && (dirs.at(-4) === 'src' || dirs.at(-4) === 'target') && dirs.at(-3) === 'it';
}

function createLookup(input: AnalyzerInput): PomLookup {
  const content = (file: string): Buffer | undefined => (file === input.path ? input.content : input.companion?.(file));
  const parsed = new Map<string, PomFile | undefined>();
  const atPath = (file: string): PomFile | undefined => {
    const normal = path.posix.normalize(file);
    if (!parsed.has(normal)) {
      const bytes = content(normal);
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
      // Only when a parent or BOM is not found by path: every pom.xml of the tree, by coordinates.
      reactor ??= new Map(
        (input.companionPaths?.() ?? [])
          .filter((file) => path.posix.basename(file) === 'pom.xml')
          .flatMap((file) => {
            const p = atPath(file);
            return p === undefined ? [] : [[coordinates(p.pom), p] as const];
          }),
      );
      return reactor.get(`${groupId}:${artifactId}:${version}`);
    },
  };
}

function analyzePom(input: AnalyzerInput): Fact[] {
  if (path.posix.basename(input.path) !== 'pom.xml') return []; // other XML files are only parent candidates
  const parsed = parsePom(input.content);
  if (!parsed.ok) return [unknownFact(input.path, `pom.xml: ${parsed.reason}`)];
  const resolved = resolvePom({ path: input.path, pom: parsed.pom }, createLookup(input));
  const dev = isIntegrationTest(input.path);
  return [
    ...resolved.dependencies.map((d): Fact => ({ kind: 'package', path: input.path, package: { type: 'maven', name: d.name, version: d.version, licenses: [], ...(dev ? { dev: true } : {}) } })),
    ...resolved.unresolved.map((reason) => unknownFact(input.path, `pom.xml: ${reason}`)),
  ];
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
    if (file.endsWith('/pom.xml')) return true;
    // Other XML files are parent candidates; a root filesystem's system XML (fontconfig, D-Bus, MIME) is not.
    return file.endsWith('.xml') && entry.size <= maxCandidateSize && !/\/(node_modules|\.git|target)\//.test(file) && !/^\/(etc|usr\/share|usr\/lib|var\/lib|proc|sys)\//.test(file);
  },
  readsCompanions: true,
  async analyze(input) {
    await loadXmlParser();
    return analyzePom(input);
  },
});
