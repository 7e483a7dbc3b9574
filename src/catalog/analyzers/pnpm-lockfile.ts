import { defineAnalyzer, unknownFact } from '../analyzer.js';
import { npmPackageFacts } from '../npm-lockfile.js';

/** pnpm-lock.yaml v5, v6 and v9 (project folders, not images). */
export const pnpmLockfile = defineAnalyzer({
  id: 'pnpm-lockfile',
  version: 1,
  description: 'Node.js dependencies declared in pnpm-lock.yaml (v5, v6, v9)',
  declared: true,
  required(path) {
    return path.endsWith('/pnpm-lock.yaml') && !path.includes('/node_modules/');
  },
  async analyze({ path, content }) {
    // the parser (and its YAML or JSONC library) loads only when such a lockfile is found
    const { parsePnpmLockfile } = await import('../pnpm-lockfile.js');
    const result = parsePnpmLockfile(content.toString('utf8'));
    if (!result.ok) return [unknownFact(path, `pnpm-lock.yaml: ${result.reason}`)];
    return npmPackageFacts(path, result.packages);
  },
});
