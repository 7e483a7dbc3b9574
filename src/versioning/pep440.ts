import pep440Lib from '@renovatebot/pep440';
import { invalidVersion } from './invalid-version.js';
import type { Ordering } from './version-scheme.js';
import { defineVersionScheme, sign } from './version-scheme.js';

/** PEP 440 (Python) versions, compared with the maintained @renovatebot/pep440 implementation. */
export function comparePep440(a: string, b: string): Ordering {
  const x = a.trim();
  const y = b.trim();
  if (pep440Lib.valid(x) === null) throw invalidVersion('pep440', a, 'not a PEP 440 version');
  if (pep440Lib.valid(y) === null) throw invalidVersion('pep440', b, 'not a PEP 440 version');
  return sign(pep440Lib.compare(x, y));
}

export const pep440 = defineVersionScheme({
  id: 'pep440',
  version: 1,
  description: 'Python package versions (PEP 440: epochs, pre/post/dev releases, local labels)',
  isValid: (version) => typeof version === 'string' && pep440Lib.valid(version.trim()) !== null,
  compare: comparePep440,
});
