import { RampartError } from '../core/index.js';
import type { Check, PssVersion } from './check.js';

export interface Profile {
  readonly id: string;
  readonly description: string;
  includes(check: Check, pssVersion: PssVersion): boolean;
}

const inVersion = (check: Check, version: PssVersion): boolean => (check.since ?? 0) <= version;

export const profiles: readonly Profile[] = [
  {
    id: 'pss-baseline',
    description: 'exactly the Kubernetes Pod Security Standards baseline level (Kubernetes inputs)',
    includes: (check, version) => check.pssLevel === 'baseline' && inVersion(check, version),
  },
  {
    id: 'pss-restricted',
    description: 'exactly the Kubernetes Pod Security Standards restricted level (Kubernetes inputs)',
    includes: (check, version) => check.pssLevel !== undefined && inVersion(check, version),
  },
  {
    id: 'rampart',
    description: 'restricted plus read-only root, memory/CPU/pids limits, no-new-privileges, no Docker socket, digest-pinned images, mTLS STRICT',
    includes: (check, version) => inVersion(check, version),
  },
];

export const DEFAULT_PROFILE = 'rampart';

export function findProfile(id: string): Profile {
  const profile = profiles.find((p) => p.id === id);
  if (profile === undefined) {
    throw new RampartError('USAGE', `unknown --profile ${id} (choose one of: ${profiles.map((p) => p.id).join(', ')})`);
  }
  return profile;
}
