import { createRegistry } from '../core/index.js';
import { apk } from './apk.js';
import { cargo } from './cargo.js';
import { composer } from './composer.js';
import { dpkg } from './dpkg.js';
import { gem } from './gem.js';
import { go } from './go.js';
import { maven } from './maven.js';
import { nuget } from './nuget.js';
import { pep440 } from './pep440.js';
import { rpm } from './rpm.js';
import { semver } from './semver.js';
import type { VersionScheme } from './version-scheme.js';

/** Every built-in version scheme, one file each under src/versioning/. */
export const versionSchemes = createRegistry<VersionScheme>(
  'version scheme',
  [apk, cargo, composer, dpkg, gem, go, maven, nuget, pep440, rpm, semver],
  { unitDir: 'versioning' },
);
