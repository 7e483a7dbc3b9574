import { defineAnalyzer, unknownFact } from '../analyzer.js';
import type { Fact } from '../fact.js';

const spec = /^ {4}(\S+) \(([^)\s]+)\)$/;

/**
 * The gems of a Gemfile.lock as Trivy's bundler parser reads them: every spec line (four-space
 * indent, `name (version)`) of the GEM, GIT and PATH sections, the platform suffix dropped
 * (`nokogiri (1.18.2-x86_64-linux-gnu)` is nokogiri 1.18.2), one entry per name.
 */
function parseGemfileLock(text: string): { ok: true; gems: { name: string; version: string }[] } | { ok: false; reason: string } {
  const gems = new Map<string, string>();
  if (text.trim() === '') return { ok: true, gems: [] };
  let sawSection = false;
  for (const [index, line] of text.replace(/\r\n/g, '\n').split('\n').entries()) {
    if (/^[A-Z][A-Z ]*$/.test(line)) sawSection = true;
    if (!line.startsWith('    ') || line.startsWith('     ')) continue;
    const m = spec.exec(line);
    if (m === null) {
      // BUNDLED WITH / RUBY VERSION values sit under three spaces; four-space lines are specs.
      return { ok: false, reason: `line ${index + 1}: not a "name (version)" spec: ${JSON.stringify(line.trim().slice(0, 80))}` };
    }
    const [, name = '', version = ''] = m;
    gems.set(name, version.split('-')[0] ?? version);
  }
  if (!sawSection) return { ok: false, reason: 'no Gemfile.lock sections (GEM, PATH, GIT, DEPENDENCIES)' };
  return { ok: true, gems: [...gems].map(([name, version]) => ({ name, version })) };
}

/** Ruby gems a project locks: Gemfile.lock (and gems.locked, Bundler's other name for it). */
export const gemfileLock = defineAnalyzer({
  id: 'gemfile-lock',
  version: 1,
  description: 'Ruby gems locked in Gemfile.lock / gems.locked (platform suffixes dropped)',
  declared: true,
  required(file) {
    return file.endsWith('/Gemfile.lock') || file.endsWith('/gems.locked');
  },
  analyze({ path: file, content }) {
    const parsed = parseGemfileLock(content.toString('utf8'));
    if (!parsed.ok) return [unknownFact(file, `Gemfile.lock: ${parsed.reason}`)];
    return parsed.gems.map((g): Fact => ({ kind: 'package', path: file, package: { type: 'gem', name: g.name, version: g.version, licenses: [] } }));
  },
});
