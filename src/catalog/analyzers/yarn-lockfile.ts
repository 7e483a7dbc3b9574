import { defineAnalyzer, unknownFact } from '../analyzer.js';
import { npmPackageFacts } from '../npm-lockfile.js';

/** yarn.lock v1 and berry (project folders, not images). */
export const yarnLockfile = defineAnalyzer({
  id: 'yarn-lockfile',
  version: 1,
  description: 'Node.js dependencies declared in yarn.lock (v1 and berry)',
  declared: true,
  required(path) {
    return path.endsWith('/yarn.lock') && !path.includes('/node_modules/');
  },
  async analyze({ path, content }) {
    // the parser (and its YAML or JSONC library) loads only when such a lockfile is found
    const { parseYarnLockfile } = await import('../yarn-lockfile.js');
    const result = parseYarnLockfile(content.toString('utf8'));
    if (!result.ok) return [unknownFact(path, `yarn.lock: ${result.reason}`)];
    return npmPackageFacts(path, result.packages);
  },
});
