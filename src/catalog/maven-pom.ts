import type { XmlElement } from './xml-document.js';
import { childElement, childElements, childText, parseXml } from './xml-document.js';

/** A `<dependency>` as written (values may hold `${property}` references). */
export interface PomDependency {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version?: string;
  readonly scope?: string;
  readonly type?: string;
  readonly optional: boolean;
}

export interface PomParent {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
  /** Undefined: Maven's default `../pom.xml`; empty (`<relativePath/>`): no local lookup. */
  readonly relativePath?: string;
}

/** The parts of a POM that decide its declared dependencies. */
export interface PomModel {
  readonly groupId?: string;
  readonly artifactId?: string;
  readonly version?: string;
  readonly name?: string;
  readonly packaging?: string;
  readonly parent?: PomParent;
  readonly properties: ReadonlyMap<string, string>;
  readonly dependencies: readonly PomDependency[];
  readonly dependencyManagement: readonly PomDependency[];
}

export type PomResult = { ok: true; pom: PomModel } | { ok: false; reason: string };

function optionalText(element: XmlElement | undefined, name: string): Partial<Record<string, string>> {
  const text = childText(element, name);
  return text === undefined ? {} : { [name]: text };
}

function readDependencies(list: XmlElement | undefined): PomDependency[] {
  return childElements(list, 'dependency').map((d) => ({
    groupId: childText(d, 'groupId') ?? '',
    artifactId: childText(d, 'artifactId') ?? '',
    ...optionalText(d, 'version'),
    ...optionalText(d, 'scope'),
    ...optionalText(d, 'type'),
    optional: childText(d, 'optional')?.toLowerCase() === 'true',
  }));
}

function readProperties(element: XmlElement | undefined): Map<string, string> {
  const props = new Map<string, string>();
  for (const [key, value] of Object.entries(element ?? {})) {
    if (key.startsWith('@_') || key === '#text' || !Array.isArray(value)) continue;
    const first: unknown = value[0];
    const text = typeof first === 'object' && first !== null ? (first as XmlElement)['#text'] : first;
    props.set(key, typeof text === 'string' || typeof text === 'number' ? String(text).trim() : '');
  }
  return props;
}

/** Reads a POM (`<project>`); anything else is a reason. */
export function parsePom(content: Buffer): PomResult {
  const xml = parseXml(content);
  if (!xml.ok) return xml;
  const project = childElement(xml.root, 'project');
  if (project === undefined) return { ok: false, reason: 'no <project> root element' };
  const parentElement = childElement(project, 'parent');
  const relativePath = childText(parentElement, 'relativePath');
  const parent: PomParent | undefined =
    parentElement === undefined
      ? undefined
      : {
          groupId: childText(parentElement, 'groupId') ?? '',
          artifactId: childText(parentElement, 'artifactId') ?? '',
          version: childText(parentElement, 'version') ?? '',
          ...(relativePath === undefined ? {} : { relativePath }),
        };
  return {
    ok: true,
    pom: {
      ...optionalText(project, 'groupId'),
      ...optionalText(project, 'artifactId'),
      ...optionalText(project, 'version'),
      ...optionalText(project, 'name'),
      ...optionalText(project, 'packaging'),
      ...(parent === undefined ? {} : { parent }),
      properties: readProperties(childElement(project, 'properties')),
      dependencies: readDependencies(childElement(project, 'dependencies')),
      dependencyManagement: readDependencies(childElement(childElement(project, 'dependencyManagement'), 'dependencies')),
    },
  };
}

/**
 * Replaces `${name}` references from `props` (nested references too, to a fixed depth, so a cycle
 * stops); what stays unresolved keeps its `${...}`.
 */
export function interpolate(value: string, props: ReadonlyMap<string, string>): string {
  let current = value;
  for (let pass = 0; pass < 10 && current.includes('${'); pass++) {
    const next = current.replace(/\$\{([^}]+)\}/g, (whole, name: string) => props.get(name.trim()) ?? whole);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** Maven's version syntax for a declared dependency: `1.2` (soft), `[1.2]` (exact); ranges need repository metadata. */
export function pinnedMavenVersion(version: string): { version: string } | { reason: string } {
  if (version.includes('${')) return { reason: `its version ${version} names a property no POM on disk defines` };
  const exact = /^\[\s*([^,\s\]]+)\s*\]$/.exec(version);
  if (exact?.[1] !== undefined) return { version: exact[1] };
  if (/[[\](),]/.test(version)) return { reason: `its version ${version} is a range, which only a Maven repository's metadata resolves` };
  if (/^(LATEST|RELEASE)$/.test(version)) return { reason: `its version ${version} is resolved against a Maven repository` };
  return { version };
}
