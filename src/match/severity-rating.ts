import type { Severity } from '../core/index.js';

/** CVSS qualitative rating (v3 and v4 share it): 0 none → unknown here, 0.1–3.9 low, ... 9.0–10 critical. */
export function ratingForScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'unknown';
}

/** Vendor severity words (GHSA, Debian urgency, Ubuntu priority, Red Hat, SUSE) to Rampart's scale. */
export function ratingForVendorWord(word: string): Severity | undefined {
  switch (word.trim().toLowerCase().replace(/\*+$/, '')) {
    case 'critical':
      return 'critical';
    case 'high':
    case 'important':
      return 'high';
    case 'moderate':
    case 'medium':
      return 'medium';
    case 'low':
    case 'negligible':
    case 'unimportant':
      return 'low';
    default:
      return undefined;
  }
}
