import { createRegistry } from '../core/index.js';
import type { Matcher } from './matcher.js';
import { almalinux } from './matchers/almalinux.js';
import { alpine } from './matchers/alpine.js';
import { chainguard } from './matchers/chainguard.js';
import { cratesIo } from './matchers/crates-io.js';
import { debian } from './matchers/debian.js';
import { go } from './matchers/go.js';
import { maven } from './matchers/maven.js';
import { npm } from './matchers/npm.js';
import { nuget } from './matchers/nuget.js';
import { packagist } from './matchers/packagist.js';
import { pypi } from './matchers/pypi.js';
import { redHat } from './matchers/red-hat.js';
import { rockyLinux } from './matchers/rocky-linux.js';
import { rubygems } from './matchers/rubygems.js';
import { suse } from './matchers/suse.js';
import { ubuntu } from './matchers/ubuntu.js';
import { wolfi } from './matchers/wolfi.js';

/** Every built-in matcher, one file each under src/match/matchers/. */
export const matchers = createRegistry<Matcher>(
  'matcher',
  [almalinux, alpine, chainguard, cratesIo, debian, go, maven, npm, nuget, packagist, pypi, redHat, rockyLinux, rubygems, suse, ubuntu, wolfi],
  { unitDir: 'match/matchers' },
);

/** The matcher for an OSV ecosystem base name, if Rampart has one. */
export function matcherFor(ecosystem: string): Matcher | undefined {
  return matchers.units.find((m) => m.ecosystems.includes(ecosystem));
}
