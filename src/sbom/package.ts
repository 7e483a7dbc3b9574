/** Package types Rampart catalogs; each maps to one purl type and one advisory ecosystem. */
export const packageTypes = ['apk', 'deb', 'rpm', 'npm', 'pypi', 'golang', 'maven', 'cargo', 'gem', 'composer', 'nuget'] as const;
export type PackageType = (typeof packageTypes)[number];

/** OS package types: their advisories come from the distribution. */
export const osPackageTypes: readonly PackageType[] = ['apk', 'deb', 'rpm'];

export function isPackageType(value: string): value is PackageType {
  return (packageTypes as readonly string[]).includes(value);
}

/** Where a package was found: the layer (diffId) that last wrote its record, and the path. */
export interface Evidence {
  readonly layer?: string;
  readonly path: string;
}

/**
 * One installed package. `version` is the full version in the ecosystem's own syntax (dpkg and rpm
 * include `epoch:` when non-zero, rpm includes `-release`), which is what version matching needs.
 */
export interface Package {
  readonly type: PackageType;
  readonly name: string;
  readonly version: string;
  readonly purl: string;
  /** rpm: epoch, version and release apart. */
  readonly epoch?: number;
  readonly release?: string;
  readonly arch?: string;
  /** The source package distro advisories name (dpkg `Source:`, apk origin, rpm source RPM). */
  readonly sourceName?: string;
  readonly sourceVersion?: string;
  readonly licenses: readonly string[];
  readonly evidence: Evidence;
  /** The purl of the OS package that installed this language package (matched once, through the OS). */
  readonly ownedBy?: string;
  /** Declared as a development dependency in a lockfile. */
  readonly dev?: boolean;
  /** rpm modularity label. */
  readonly modularityLabel?: string;
}

/** The operating system of a target. `family` is a lowercase distro id (alpine, debian, redhat...). */
export interface OsInfo {
  readonly family: string;
  readonly version: string;
  readonly name?: string;
}
