import { defineAnalyzer, unknownFact } from '../analyzer.js';
import { parseDeb822 } from '../deb822.js';
import type { Fact } from '../fact.js';

const statusFile = /^\/var\/lib\/dpkg\/status$/;
// distroless: one status file per package, next to `<name>.md5sums` (which are not status files)
const statusDir = /^\/var\/lib\/dpkg\/status\.d\/[^/]+$/;

/** dpkg `Source:` is `name` or `name (version)`. */
function parseSource(source: string | undefined, version: string): { name: string; version: string } | undefined {
  if (source === undefined || source === '') return undefined;
  const m = /^(\S+)(?:\s+\(([^)]+)\))?$/.exec(source.trim());
  if (m === null) return undefined;
  return { name: m[1] ?? source, version: m[2] ?? version };
}

export const dpkgStatus = defineAnalyzer({
  id: 'dpkg-status',
  version: 1,
  description: 'Debian/Ubuntu packages from var/lib/dpkg/status and distroless status.d/* (name, version, Source: name and version)',
  required(path) {
    return statusFile.test(path) || (statusDir.test(path) && !path.endsWith('.md5sums'));
  },
  analyze({ path, content }) {
    const parsed = parseDeb822(content.toString('utf8'));
    if (!parsed.ok) return [unknownFact(path, `dpkg status line ${parsed.line}: ${parsed.reason}`)];
    const facts: Fact[] = [];
    for (const p of parsed.paragraphs) {
      const name = p.fields.get('package');
      const version = p.fields.get('version');
      const status = p.fields.get('status');
      // only installed packages count (deinstall/half-installed entries do not); distroless
      // status.d files may omit Status altogether, and then the package is installed
      if (status !== undefined && !/\sinstalled$/.test(status)) continue;
      if (status !== undefined && status.startsWith('deinstall')) continue;
      if (name === undefined || name === '' || version === undefined || version === '') {
        facts.push(unknownFact(path, `dpkg status line ${p.line}: package ${name ?? '?'} without ${name === undefined ? 'Package' : 'Version'}`));
        continue;
      }
      if (!/^(?:\d+:)?[0-9][A-Za-z0-9.+~:-]*$/.test(version)) {
        facts.push(unknownFact(path, `dpkg status line ${p.line}: package ${name} has an invalid version ${JSON.stringify(version)}`));
        continue;
      }
      const source = parseSource(p.fields.get('source'), version);
      const arch = p.fields.get('architecture');
      facts.push({
        kind: 'package',
        path,
        package: {
          type: 'deb',
          name,
          version,
          ...(arch !== undefined ? { arch } : {}),
          sourceName: source?.name ?? name,
          sourceVersion: source?.version ?? version,
          licenses: [],
        },
      });
    }
    return facts;
  },
});
