import { defineMatcher } from '../matcher.js';

export const alpine = defineMatcher({
  id: 'alpine',
  version: 1,
  description: 'Alpine packages: origin (source) package names, per release (Alpine:v3.18)',
  ecosystems: ['Alpine'],
  scheme: 'apk',
  bySource: true,
  release: (r) => {
    const m = /^v?(\d+)\.(\d+)/.exec(r);
    return m === null ? (r === 'edge' ? 'edge' : undefined) : `v${m[1]}.${m[2]}`;
  },
});
