import { defineMatcher } from '../matcher.js';

export const suse = defineMatcher({
  id: 'suse',
  version: 1,
  description: 'SUSE and openSUSE RPMs: per product release (SUSE:Linux Enterprise Server 15 SP5)',
  ecosystems: ['SUSE', 'openSUSE'],
  scheme: 'rpm',
  bySource: true,
  release: (r) => r.trim() || undefined,
  // SUSE ecosystems name products ("Linux Enterprise Server 15 SP5", "Leap 15.5"); the package's
  // release must name the same version ("15.5" for SP5 / Leap 15.5).
  sameRelease: (advisory, mine) => {
    const [major, minor = '0'] = mine.split('.');
    const sp = /\b(\d+)(?: SP(\d+)|\.(\d+))?\b/.exec(advisory);
    return sp !== null && sp[1] === major && (sp[2] ?? sp[3] ?? '0') === minor;
  },
});
