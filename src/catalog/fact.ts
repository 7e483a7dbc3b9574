import type { OsInfo, Package, PackageType } from '../sbom/index.js';

/** A package as an analyzer reads it: no purl or evidence yet (those need the OS and the layer). */
export type PackageDraft = Pick<
  Package,
  'type' | 'name' | 'version' | 'epoch' | 'release' | 'arch' | 'sourceName' | 'sourceVersion' | 'licenses' | 'dev' | 'modularityLabel'
> & {
  /** Files the package installed (OS packages), absolute paths. */
  readonly files?: readonly string[];
  /** Where inside the file the package was found, when not the file itself (a jar inside a war). */
  readonly innerPath?: string;
};

/**
 * What analyzers learn from one file. A discriminated union: new kinds are added without editing
 * the others. Every fact names the file it came from (`path`, absolute inside the target).
 */
export type Fact =
  | { readonly kind: 'os'; readonly path: string; readonly os: OsInfo; /** higher wins */ readonly priority: number }
  | { readonly kind: 'package'; readonly path: string; readonly package: PackageDraft }
  | {
      /** Files owned by an OS package, recorded apart from its record (dpkg `info/<name>.list`). */
      readonly kind: 'owned-files';
      readonly path: string;
      readonly ownerType: PackageType;
      readonly ownerName: string;
      readonly files: readonly string[];
    }
  | { readonly kind: 'unknown'; readonly path: string; readonly reason: string };
