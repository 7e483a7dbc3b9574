import type { Location, Severity } from '../core/index.js';
import type { MatchedRange } from './osv-range.js';
import type { PackageInput } from './package-input.js';
import type { SeveritySource } from './record-severity.js';

/** One advisory (of possibly several aliased ones) that matched, and why. */
export interface MatchedAdvisory {
  readonly id: string;
  readonly aliases: readonly string[];
  /** The `db build`/`db update` source and the file the record was read from. */
  readonly source: string;
  readonly origin: string;
  /** The affected entry's ecosystem (`Debian:12`) and package name (source package for distros). */
  readonly ecosystem: string;
  readonly packageName: string;
  readonly range: MatchedRange;
  readonly fixedVersion: string | undefined;
}

/** Everything a finding says about why it exists (DESIGN.md §4). */
export interface MatchExplanation {
  readonly advisories: readonly MatchedAdvisory[];
  readonly installedVersion: string;
  readonly comparedVersion: string;
  readonly scheme: string;
  readonly matcher: string;
  readonly severity: SeveritySource;
  readonly location: Location;
}

/** One vulnerability in one package: aliased advisories are merged into one match with every id. */
export interface VulnMatch {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly severity: Severity;
  readonly package: PackageInput;
  readonly fixedVersion: string | undefined;
  readonly status: 'fixed' | 'not-fixed';
  readonly explanation: MatchExplanation;
}

/** An advisory that could not be decided for a package: reported, never dropped. */
export interface MatchUnknown {
  readonly package: PackageInput;
  readonly advisoryIds: readonly string[];
  readonly reason: string;
  readonly location: Location;
}
