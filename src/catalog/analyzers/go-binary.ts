import { defineAnalyzer, unknownFact } from '../analyzer.js';
import { isExecutableMagic } from '../executable.js';
import type { Fact } from '../fact.js';
import { readGoBuildInfo } from '../go-buildinfo.js';

/** `-X main.version=1.2.3` style version stamps, used when the main module says `(devel)`. */
function versionFromLdflags(ldflags: string | undefined): string | undefined {
  if (ldflags === undefined) return undefined;
  for (const m of ldflags.matchAll(/-X[= ]?['"]?([^=\s'"]+)=([^\s'"]+)/g)) {
    const key = (m[1] ?? '').toLowerCase();
    const value = m[2] ?? '';
    if ((key.endsWith('.version') || key.endsWith('.ver')) && /^v?\d+\.\d+\.\d+/.test(value)) return value.startsWith('v') ? value : `v${value}`;
  }
  return undefined;
}

/** Go executables (ELF, PE, Mach-O): main module, dependencies and the standard library version. */
export const goBinary = defineAnalyzer({
  id: 'go-binary',
  version: 1,
  description: 'Go modules from the build info embedded in Go executables (ELF, PE, Mach-O), with stdlib',
  required(_path, entry) {
    return entry.kind === 'file' && (entry.mode & 0o111) !== 0 && entry.size > 1024;
  },
  analyze({ path, content }) {
    if (!isExecutableMagic(content)) return [];
    const result = readGoBuildInfo(content);
    if (!result.ok) return result.notGo === true ? [] : [unknownFact(path, `Go build info: ${result.reason}`)];
    const { info } = result;
    const facts: Fact[] = [];
    const add = (name: string, version: string): void => {
      facts.push({ kind: 'package', path, package: { type: 'golang', name, version, licenses: [] } });
    };
    if (info.main !== undefined && info.main.path !== '' && info.main.path !== 'command-line-arguments') {
      const stamped = info.main.version === '(devel)' || info.main.version === '' ? versionFromLdflags(info.settings.get('-ldflags')) : info.main.version;
      add(info.main.path, stamped ?? '');
    }
    for (const dep of info.deps) add(dep.path, dep.version);
    const go = /^go(\d+(?:\.\d+)*)/.exec(info.goVersion);
    if (go?.[1] !== undefined) add('stdlib', `v${go[1]}`);
    return facts;
  },
});
