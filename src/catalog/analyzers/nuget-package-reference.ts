import path from 'node:path';
import type { AnalyzerInput } from '../analyzer.js';
import { defineAnalyzer, unknownFact } from '../analyzer.js';
import type { Fact } from '../fact.js';
import type { XmlElement } from '../xml-document.js';
import { attribute, childElement, childElements, childText, loadXmlParser, parseXml } from '../xml-document.js';

const projectFile = /\.(cs|fs|vb)proj$/;

function isPropsFile(file: string): boolean {
  return file.toLowerCase().endsWith('packages.props');
}

/** NuGet's version syntax: `1.2.3` (a minimum the restore resolves to itself), `[1.2.3]` exact; floats and ranges need the feed. */
function pinnedVersion(version: string): { version: string } | { reason: string } {
  if (/^\$\(.*\)$/.test(version)) return { reason: `the version is the MSBuild property ${version}, which is not evaluated` };
  const exact = /^\[\s*([^,\s\]]+)\s*\]$/.exec(version);
  if (exact?.[1] !== undefined) return { version: exact[1] };
  if (/[[\]()*,]/.test(version)) return { reason: `the version ${JSON.stringify(version)} is a range or floating version, which only a restore against the feed resolves` };
  return { version };
}

function references(group: XmlElement): { name: string; version: string | undefined }[] {
  return [...childElements(group, 'PackageReference'), ...childElements(group, 'PackageVersion'), ...childElements(group, 'GlobalPackageReference')].map((ref) => ({
    name: (attribute(ref, 'Include') || attribute(ref, 'Update') || '').trim(),
    version: (attribute(ref, 'VersionOverride') ?? attribute(ref, 'Version') ?? childText(ref, 'VersionOverride') ?? childText(ref, 'Version'))?.trim(),
  }));
}

function analyzeMsbuild(input: AnalyzerInput): Fact[] {
  const propsDirs = new Set((input.companionPaths?.() ?? [input.path]).filter(isPropsFile).map((p) => path.posix.dirname(p)));
  const coveredByProps = (file: string): boolean => {
    for (let dir = path.posix.dirname(file); ; dir = path.posix.dirname(dir)) {
      if (propsDirs.has(dir)) return true;
      if (dir === '/' || dir === '.') return false;
    }
  };
  const { path: file, content } = input;
  const kind = isPropsFile(file) ? 'Packages.props' : 'project file';
  const xml = parseXml(content);
  if (!xml.ok) return [unknownFact(file, `${kind}: ${xml.reason}`)];
  const project = childElement(xml.root, 'Project');
  if (project === undefined) return [unknownFact(file, `${kind}: no <Project> root element`)];
  const facts: Fact[] = [];
  const seen = new Set<string>();
  for (const ref of childElements(project, 'ItemGroup').flatMap(references)) {
    if (ref.name === '') continue;
    if (/^\$\(.*\)$/.test(ref.name)) {
      facts.push(unknownFact(file, `a package name is the MSBuild property ${ref.name}, which is not evaluated`));
      continue;
    }
    if (ref.version === undefined || ref.version === '') {
      // Central package management: the version sits in a Directory.Packages.props above.
      if (!isPropsFile(file) && !coveredByProps(file)) facts.push(unknownFact(file, `PackageReference ${ref.name} has no Version and no Directory.Packages.props above declares one`));
      continue;
    }
    const pinned = pinnedVersion(ref.version);
    if ('reason' in pinned) {
      facts.push(unknownFact(file, `${ref.name}: ${pinned.reason}`));
      continue;
    }
    const id = `${ref.name.toLowerCase()}@${pinned.version}`;
    if (seen.has(id)) continue;
    seen.add(id);
    facts.push({ kind: 'package', path: file, package: { type: 'nuget', name: ref.name, version: pinned.version, licenses: [] } });
  }
  return facts;
}

/**
 * NuGet packages declared with versions in MSBuild files: `*Packages.props` (central package
 * management, `PackageVersion`/`PackageReference` as Trivy's packagesprops analyzer, and
 * `GlobalPackageReference`) and
 * `*.csproj`/`*.fsproj`/`*.vbproj` `PackageReference` items.
 */
export const nugetPackageReference = defineAnalyzer({
  id: 'nuget-package-reference',
  version: 1,
  description: 'NuGet packages declared in Directory.Packages.props and *.csproj/*.fsproj/*.vbproj PackageReference items',
  declared: true,
  required(file) {
    return isPropsFile(file) || projectFile.test(file);
  },
  readsCompanions: true,
  async analyze(input) {
    await loadXmlParser();
    return analyzeMsbuild(input);
  },
});
