import * as z from 'zod/mini';
import { defineAnalyzer, unknownFact } from '../analyzer.js';
import type { Fact } from '../fact.js';
import { readJsonLock } from '../lock-document.js';

const pkg = z.looseObject({ name: z.string(), version: z.string(), license: z.optional(z.union([z.array(z.string()), z.string()])) });
const installed = z.union([z.array(pkg), z.looseObject({ packages: z.array(pkg) })]);

/**
 * PHP packages Composer installed: `installed.json` (Composer 1 array, Composer 2 object). Composer
 * writes it to `vendor/composer/`; as Trivy does, an `installed.json` elsewhere is read too, but
 * only when it has Composer's shape: other tools' files of that name are no finding and no unknown.
 */
export const composerInstalled = defineAnalyzer({
  id: 'composer-installed',
  version: 3,
  description: 'PHP packages from Composer installed.json (Composer 1 and 2)',
  required(path) {
    return path === '/installed.json' || path.endsWith('/installed.json');
  },
  analyze({ path, content }) {
    const composers = path.endsWith('/vendor/composer/installed.json');
    const parsed = readJsonLock(content.toString('utf8'), installed, 'Composer package list');
    if (!parsed.ok) return composers ? [unknownFact(path, `installed.json: ${parsed.reason}`)] : [];
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
