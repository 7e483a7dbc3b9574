import { defineAnalyzer, unknownFact } from '../analyzer.js';
import { npmPackageFacts } from '../npm-lockfile.js';

/** bun.lock, bun's text lockfile (bun >= 1.2; project folders, not images). */
export const bunLockfile = defineAnalyzer({
  id: 'bun-lockfile',
  version: 1,
  description: 'Node.js dependencies declared in bun.lock (the text lockfile of bun >= 1.2)',
  declared: true,
  required(path) {
    return path.endsWith('/bun.lock') && !path.includes('/node_modules/');
  },
  async analyze({ path, content }) {
    // the parser (and its YAML or JSONC library) loads only when such a lockfile is found
    const { parseBunLockfile } = await import('../bun-lockfile.js');
    const result = parseBunLockfile(content.toString('utf8'));
    if (!result.ok) return [unknownFact(path, `bun.lock: ${result.reason}`)];
    return npmPackageFacts(path, result.packages);
  },
});
