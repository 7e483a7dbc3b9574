import { defineMatcher } from '../matcher.js';

export const redHat = defineMatcher({
  id: 'red-hat',
  version: 1,
  description: 'Red Hat Enterprise Linux RPMs: source RPM names, per major release',
  ecosystems: ['Red Hat'],
  scheme: 'rpm',
  bySource: true,
  release: (r) => /^(\d+)/.exec(r)?.[1],
  // Red Hat writes product streams such as enterprise_linux:9::appstream or rhel_eus:9.2::baseos.
  sameRelease: (advisory, mine) => advisory.split(':').some((part) => part === mine || part.startsWith(`${mine}.`)),
});
