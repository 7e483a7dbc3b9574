import path from 'node:path';
import type { PomDependency, PomModel } from './maven-pom.js';
import { interpolate, pinnedMavenVersion } from './maven-pom.js';

/** A POM on disk, by absolute path inside the target. */
export interface PomFile {
  readonly path: string;
  readonly pom: PomModel;
}

/** Finds POMs the way Maven does without a repository: by path (relativePath), or in the reactor by coordinates. */
export interface PomLookup {
  atPath(file: string): PomFile | undefined;
  byCoordinates(groupId: string, artifactId: string, version: string): PomFile | undefined;
}

export interface ResolvedPom {
  readonly dependencies: readonly { name: string; version: string }[];
  /** Each a reason something could not be decided without a Maven repository. */
  readonly unresolved: readonly string[];
}

const maxParents = 16;
const shipped = new Set(['', 'compile', 'runtime']);

/** The parent chain (child first) as far as it is on disk, and the first parent that is not. */
function parentChain(start: PomFile, lookup: PomLookup): { chain: PomFile[]; missing?: string } {
  const chain = [start];
  const seen = new Set([start.path]);
  for (let current = start; current.pom.parent !== undefined && chain.length <= maxParents; ) {
    const ref = current.pom.parent;
    const gav = `${ref.groupId}:${ref.artifactId}:${ref.version}`;
    let found: PomFile | undefined;
    if (ref.relativePath !== '') {
      const candidate = path.posix.join(path.posix.dirname(current.path), ref.relativePath ?? '../pom.xml');
      found = [lookup.atPath(candidate), lookup.atPath(path.posix.join(candidate, 'pom.xml'))].find(
        (p) => p !== undefined && p.pom.artifactId === ref.artifactId && (p.pom.groupId ?? p.pom.parent?.groupId ?? ref.groupId) === ref.groupId,
      );
    }
    found ??= lookup.byCoordinates(ref.groupId, ref.artifactId, interpolate(ref.version, current.pom.properties));
    if (found === undefined) return { chain, missing: gav };
    if (seen.has(found.path)) return { chain, missing: `${gav} (parent cycle)` };
    seen.add(found.path);
    chain.push(found);
    current = found;
  }
  return { chain };
}

/** Project model properties (`project.version`, legacy `pom.*` and bare forms) with inheritance applied. */
function modelProperties(chain: readonly PomFile[]): Map<string, string> {
  const props = new Map<string, string>();
  // Parents first, so the child's values win.
  for (const { pom } of [...chain].reverse()) for (const [k, v] of pom.properties) props.set(k, v);
  const self = chain[0]?.pom;
  const inherited = (pick: (p: PomModel) => string | undefined): string | undefined => chain.map((c) => pick(c.pom)).find((v) => v !== undefined);
  const fields: Record<string, string | undefined> = {
    groupId: self?.groupId ?? self?.parent?.groupId ?? inherited((p) => p.groupId),
    artifactId: self?.artifactId,
    version: self?.version ?? self?.parent?.version ?? inherited((p) => p.version),
    name: self?.name,
    packaging: self?.packaging ?? 'jar',
    'parent.groupId': self?.parent?.groupId,
    'parent.artifactId': self?.parent?.artifactId,
    'parent.version': self?.parent?.version,
  };
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    props.set(`project.${k}`, v);
    props.set(`pom.${k}`, v);
    if (!k.startsWith('parent.')) props.set(k, v);
  }
  return props;
}

function dependencyKey(d: PomDependency, props: ReadonlyMap<string, string>): string {
  return `${interpolate(d.groupId, props)}:${interpolate(d.artifactId, props)}`;
}

/**
 * The dependencies a POM declares, resolved as far as the disk allows: properties and
 * dependencyManagement merged down the parent chain (child wins), `${...}` interpolated, scope and
 * version filled from dependencyManagement, only what ships (compile/runtime, not optional) kept.
 * What needs a Maven repository (a parent or import BOM not on disk, ranges, transitive
 * dependencies) is returned as reasons instead of guessed.
 */
export function resolvePom(start: PomFile, lookup: PomLookup): ResolvedPom {
  const unresolved: string[] = [];
  const { chain, missing } = parentChain(start, lookup);
  if (missing !== undefined) {
    unresolved.push(`parent POM ${missing} is not on disk (relativePath or reactor): the dependencies, properties and versions it would add need a Maven repository`);
  }
  const props = modelProperties(chain);
  const managed = new Map<string, PomDependency>();
  const bomsMissing: string[] = [];
  for (const { pom } of chain) {
    for (const d of pom.dependencyManagement) {
      const key = dependencyKey(d, props);
      if (d.scope === 'import') {
        const bom = lookup.byCoordinates(interpolate(d.groupId, props), interpolate(d.artifactId, props), interpolate(d.version ?? '', props));
        if (bom === undefined) bomsMissing.push(`${key}:${interpolate(d.version ?? '', props)}`);
        else for (const m of bom.pom.dependencyManagement) if (!managed.has(dependencyKey(m, bom.pom.properties))) managed.set(dependencyKey(m, bom.pom.properties), { ...m, version: interpolate(m.version ?? '', bom.pom.properties) });
        continue;
      }
      if (!managed.has(key)) managed.set(key, d);
    }
  }
  const declared = new Map<string, PomDependency>();
  for (const { pom } of chain) for (const d of pom.dependencies) if (!declared.has(dependencyKey(d, props))) declared.set(dependencyKey(d, props), d);

  const dependencies: { name: string; version: string }[] = [];
  for (const [key, d] of declared) {
    const m = managed.get(key);
    const scope = interpolate(d.scope ?? m?.scope ?? '', props);
    if (!shipped.has(scope) || d.optional || m?.optional === true) continue;
    const version = interpolate(d.version ?? m?.version ?? '', props).trim();
    if (version === '') {
      const why = bomsMissing.length > 0 ? ` (dependencyManagement import${bomsMissing.length > 1 ? 's' : ''} ${bomsMissing.join(', ')} not on disk)` : missing !== undefined ? ' (its parent POM is not on disk)' : '';
      unresolved.push(`${key} has no version${why}: it needs a Maven repository`);
      continue;
    }
    const pinned = pinnedMavenVersion(version);
    if ('reason' in pinned) {
      unresolved.push(`${key}: ${pinned.reason}`);
      continue;
    }
    if (key.includes('${')) {
      unresolved.push(`${key}: its coordinates name a property no POM on disk defines`);
      continue;
    }
    dependencies.push({ name: key, version: pinned.version });
  }
  if (dependencies.length > 0) {
    unresolved.push(
      `transitive dependencies of the ${dependencies.length} declared dependencies are not listed: they need each dependency's POM from a Maven repository, which Rampart does not fetch (scan the built JAR/WAR or a Gradle lockfile for the full set)`,
    );
  }
  return { dependencies, unresolved };
}
