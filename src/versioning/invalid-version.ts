import { RampartError } from '../core/index.js';

/** The error every scheme throws for a version it cannot parse. */
export function invalidVersion(scheme: string, version: string, reason: string): RampartError {
  return new RampartError('INVALID_VERSION', `invalid ${scheme} version ${JSON.stringify(version)}: ${reason}`, {
    detail: { scheme, version, reason },
  });
}
