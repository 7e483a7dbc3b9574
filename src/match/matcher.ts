import type { Unit } from '../core/index.js';
import type { SchemeId } from '../versioning/index.js';
import type { PackageInput } from './package-input.js';

/**
 * One matcher per ecosystem (one file each under `matchers/`). It says which advisory family to
 * query (`base`), under which package name (source package for distributions), with which version
 * scheme, and whether an advisory's ecosystem string applies to the package's release.
 */
export interface Matcher extends Unit {
  /** OSV ecosystem base names this matcher handles (`Debian`, `npm`...). */
  readonly ecosystems: readonly string[];
  /** The version scheme of `ECOSYSTEM` ranges. */
  readonly scheme: SchemeId;
  /** Whether advisories name source packages (distributions). */
  readonly bySource: boolean;
  /**
   * Whether an affected entry's full ecosystem string (`Debian:12`, `Alpine:v3.18`) applies to the
   * package: true, false, or a reason why it cannot be decided (unknown release).
   */
  appliesTo(ecosystem: string, pkg: PackageInput): true | false | string;
}

export interface MatcherSpec {
  readonly id: string;
  readonly version: number;
  readonly description: string;
  readonly ecosystems: readonly string[];
  readonly scheme: SchemeId;
  readonly bySource?: boolean;
  /** Maps the package's release to the release part OSV writes (`12`, `v3.18`); omitted: no release. */
  readonly release?: (distroRelease: string) => string | undefined;
  /** How an advisory's release part compares with the package's (default: equality). */
  readonly sameRelease?: (advisory: string, mine: string) => boolean;
}

/** Builds a matcher (the same API a user gets for their own ecosystems). */
export function defineMatcher(spec: MatcherSpec): Matcher {
  return {
    id: spec.id,
    version: spec.version,
    description: spec.description,
    ecosystems: spec.ecosystems,
    scheme: spec.scheme,
    bySource: spec.bySource ?? false,
    appliesTo(ecosystem, pkg) {
      const colon = ecosystem.indexOf(':');
      const advisoryRelease = colon < 0 ? undefined : ecosystem.slice(colon + 1);
      if (spec.release === undefined || advisoryRelease === undefined) return true;
      if (pkg.distroRelease === undefined || pkg.distroRelease === '') return `the ${spec.ecosystems[0]} release of the package is unknown`;
      const mine = spec.release(pkg.distroRelease);
      if (mine === undefined) return `cannot read the release ${JSON.stringify(pkg.distroRelease)}`;
      return (spec.sameRelease ?? ((a, b) => a === b))(advisoryRelease, mine);
    },
  };
}
