// Public entry of the match domain: per-ecosystem matchers over a small package model.
export { createVulnMatcher } from './match-packages.js';
export type { MatchResult, VulnMatcher } from './match-packages.js';
export { defineMatcher } from './matcher.js';
export type { Matcher, MatcherSpec } from './matcher.js';
export { matchers, matcherFor } from './matchers.js';
export type { PackageInput } from './package-input.js';
export { evaluateAffected, evaluateRange } from './osv-range.js';
export type { AffectedVerdict, MatchedRange } from './osv-range.js';
export { cvssV3BaseScore } from './cvss-v3.js';
export { cvssV4BaseScore } from './cvss-v4.js';
export { ownSeverity, resolveSeverity } from './record-severity.js';
export type { SeveritySource, SeverityVerdict } from './record-severity.js';
export { ratingForScore, ratingForVendorWord } from './severity-rating.js';
export { toFinding } from './to-finding.js';
export type { MatchedAdvisory, MatchExplanation, MatchUnknown, VulnMatch } from './vuln-match.js';
