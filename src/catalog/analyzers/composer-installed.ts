import { z } from 'zod';
import { defineAnalyzer, unknownFact } from '../analyzer.js';
import type { Fact } from '../fact.js';

const pkg = z.looseObject({ name: z.string(), version: z.string(), license: z.union([z.array(z.string()), z.string()]).optional() });
const installed = z.union([z.array(pkg), z.looseObject({ packages: z.array(pkg) })]);

/** PHP packages Composer installed: `vendor/composer/installed.json` (Composer 1 array, Composer 2 object). */
export const composerInstalled = defineAnalyzer({
  id: 'composer-installed',
  version: 1,
  description: 'PHP packages from Composer vendor/composer/installed.json (Composer 1 and 2)',
  required(path) {
    return path.endsWith('/vendor/composer/installed.json');
  },
  analyze({ path, content }) {
    let json: unknown;
    try {
      json = JSON.parse(content.toString('utf8'));
    } catch (error) {
      return [unknownFact(path, `installed.json: ${(error as Error).message}`)];
    }
    const parsed = installed.safeParse(json);
    if (!parsed.success) return [unknownFact(path, 'installed.json is not a Composer package list')];
    const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.packages;
    return list.map(
      (p): Fact => ({
        kind: 'package',
        path,
        package: { type: 'composer', name: p.name, version: p.version.replace(/^v(?=\d)/, ''), licenses: p.license === undefined ? [] : Array.isArray(p.license) ? p.license : [p.license] },
      }),
    );
  },
});
