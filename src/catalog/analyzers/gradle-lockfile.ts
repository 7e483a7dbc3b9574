import path from 'node:path';
import { defineAnalyzer, unknownFact } from '../analyzer.js';
import type { Fact } from '../fact.js';

/** `gradle.lockfile`, `buildscript-gradle.lockfile`, and Gradle 6's per-configuration `gradle/dependency-locks/*.lockfile`. */
function isGradleLockfile(file: string): boolean {
  return file.endsWith('gradle.lockfile') || (file.includes('/gradle/dependency-locks/') && file.endsWith('.lockfile'));
}

/**
 * Gradle dependency lock state: `group:artifact:version=configuration,...` lines. A module locked
 * only in test configurations (`testCompileClasspath`...) is marked dev, as Trivy does.
 */
function parseGradleLockfile(text: string): { ok: true; modules: { name: string; version: string; dev: boolean }[] } | { ok: false; reason: string } {
  const modules = new Map<string, { name: string; version: string; dev: boolean }>();
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('empty=')) continue;
    const [coordinates = '', configurations = ''] = line.split('=', 2);
    const parts = coordinates.split(':');
    if (parts.length !== 3 || parts.some((p) => p === '')) return { ok: false, reason: `line ${index + 1}: not group:artifact:version: ${JSON.stringify(line.slice(0, 80))}` };
    const [group = '', artifact = '', version = ''] = parts;
    const configs = configurations.split(',').map((c) => c.trim()).filter((c) => c !== '');
    const dev = configs.length > 0 && configs.every((c) => c.startsWith('test'));
    const id = `${group}:${artifact}@${version}`;
    const previous = modules.get(id);
    modules.set(id, { name: `${group}:${artifact}`, version, dev: previous === undefined ? dev : previous.dev && dev });
  }
  return { ok: true, modules: [...modules.values()] };
}

export const gradleLockfile = defineAnalyzer({
  id: 'gradle-lockfile',
  version: 1,
  description: 'Maven artifacts locked by Gradle (gradle.lockfile, gradle/dependency-locks/*.lockfile); test-only ones marked dev',
  declared: true,
  required(file) {
    return isGradleLockfile(file) && path.posix.basename(file) !== '.lockfile';
  },
  analyze({ path: file, content }) {
    const parsed = parseGradleLockfile(content.toString('utf8'));
    if (!parsed.ok) return [unknownFact(file, `gradle lockfile: ${parsed.reason}`)];
    return parsed.modules.map((m): Fact => ({ kind: 'package', path: file, package: { type: 'maven', name: m.name, version: m.version, licenses: [], ...(m.dev ? { dev: true } : {}) } }));
  },
});
