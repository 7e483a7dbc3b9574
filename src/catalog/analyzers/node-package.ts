import { defineAnalyzer } from '../analyzer.js';
import { npmPackageName, packageJsonLicenses } from '../package-json.js';

/**
 * Installed Node.js packages: every `package.json` with a valid name and a version (node_modules
 * trees, global installs, Debian's /usr/share/nodejs). Files without both (nested `{"type":
 * "module"}` markers, unfinished apps) are not packages and are passed over.
 */
export const nodePackage = defineAnalyzer({
  id: 'node-package',
  version: 1,
  description: 'Node.js packages from package.json files (node_modules, global installs, /usr/share/nodejs)',
  required(path) {
    return path.endsWith('/package.json');
  },
  analyze({ path, content }) {
    let json: unknown;
    try {
      json = JSON.parse(content.toString('utf8'));
    } catch {
      // package.json files that are not JSON exist in test fixtures of many packages; only an
      // installed package's own manifest matters, and such a file cannot be one
      return path.includes('/node_modules/') && /\/node_modules\/(?:@[^/]+\/)?[^/]+\/package\.json$/.test(path)
        ? [{ kind: 'unknown', path, reason: 'package.json is not valid JSON' }]
        : [];
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return [];
    const record = json as Record<string, unknown>;
    const name = record['name'];
    const version = record['version'];
    if (typeof name !== 'string' || typeof version !== 'string' || version === '' || !npmPackageName.test(name)) return [];
    return [{ kind: 'package', path, package: { type: 'npm', name, version, licenses: packageJsonLicenses(record) } }];
  },
});
