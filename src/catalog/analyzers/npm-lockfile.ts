import { defineAnalyzer, unknownFact } from '../analyzer.js';
import { npmPackageFacts, parseNpmLockfile } from '../npm-lockfile.js';

/** npm package-lock.json / npm-shrinkwrap.json v1, v2, v3 (project folders, not images). */
export const npmLockfile = defineAnalyzer({
  id: 'npm-lockfile',
  version: 1,
  description: 'Node.js dependencies declared in package-lock.json v1/v2/v3 and npm-shrinkwrap.json',
  declared: true,
  required(path) {
    return (path.endsWith('/package-lock.json') || path.endsWith('/npm-shrinkwrap.json')) && !path.includes('/node_modules/');
  },
  analyze({ path, content }) {
    const result = parseNpmLockfile(content.toString('utf8'));
    if (!result.ok) return [unknownFact(path, `package-lock: ${result.reason}`)];
    return npmPackageFacts(path, result.packages);
  },
});
