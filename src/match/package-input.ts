import type { Location } from '../core/index.js';

/**
 * The small package model matchers read. The catalog's inventory is adapted to it; SBOM
 * components and lockfile entries can be too. `ecosystem` uses OSV's ecosystem names.
 */
export interface PackageInput {
  readonly ecosystem: string;
  readonly name: string;
  readonly version: string;
  /** Distribution source package (Debian `Source:`, Alpine origin, RPM source RPM name). */
  readonly sourceName?: string;
  /** Source package version, when it differs from the binary's (Debian binNMUs). */
  readonly sourceVersion?: string;
  /** Distribution release (`12`, `3.18.4`, `22.04`, `9.3`) for OS packages. */
  readonly distroRelease?: string;
  readonly purl?: string;
  /** Where the package was found (file, layer, path). */
  readonly location?: Location;
}
