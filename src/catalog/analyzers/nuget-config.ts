import { defineAnalyzer, unknownFact } from '../analyzer.js';
import type { Fact } from '../fact.js';
import { attribute, childElement, childElements, loadXmlParser, parseXml } from '../xml-document.js';

/**
 * NuGet packages.config (projects before PackageReference): `<package id version>` entries;
 * `developmentDependency="true"` ones are marked dev (Trivy leaves them out).
 */
export const nugetConfig = defineAnalyzer({
  id: 'nuget-config',
  version: 1,
  description: 'NuGet packages declared in packages.config (development dependencies marked dev)',
  declared: true,
  required(file) {
    return file.endsWith('/packages.config');
  },
  async analyze({ path: file, content }) {
    await loadXmlParser();
    const xml = parseXml(content);
    if (!xml.ok) return [unknownFact(file, `packages.config: ${xml.reason}`)];
    const root = childElement(xml.root, 'packages');
    if (root === undefined) return [unknownFact(file, 'packages.config: no <packages> root element')];
    const facts: Fact[] = [];
    for (const pkg of childElements(root, 'package')) {
      const id = attribute(pkg, 'id')?.trim() ?? '';
      const version = attribute(pkg, 'version')?.trim() ?? '';
      if (id === '') continue;
      if (version === '') {
        facts.push(unknownFact(file, `packages.config: package ${id} has no version`));
        continue;
      }
      const dev = attribute(pkg, 'developmentDependency')?.toLowerCase() === 'true';
      facts.push({ kind: 'package', path: file, package: { type: 'nuget', name: id, version, licenses: [], ...(dev ? { dev: true } : {}) } });
    }
    return facts;
  },
});
