import { ExitCode } from './exit-codes.js';

/**
 * Every error code Rampart raises, with the exit code it maps to. Add codes here (sorted within
 * their group); branch on `code`, never on an error's message.
 */
export const errorCodes = {
  // usage and generic input
  USAGE: ExitCode.badInput,
  BAD_INPUT: ExitCode.badInput,
  BAD_CONFIG: ExitCode.badInput,
  FILE_NOT_FOUND: ExitCode.badInput,
  PARSE_ERROR: ExitCode.badInput,
  UNSAFE_PATH: ExitCode.badInput,
  LIMIT_EXCEEDED: ExitCode.badInput,
  // images
  BAD_ARCHIVE: ExitCode.badInput,
  BAD_REFERENCE: ExitCode.badInput,
  DIGEST_MISMATCH: ExitCode.badInput,
  IMAGE_NOT_FOUND: ExitCode.badInput,
  PLATFORM_NOT_FOUND: ExitCode.badInput,
  REGISTRY_AUTH_FAILED: ExitCode.badInput,
  REGISTRY_ERROR: ExitCode.badInput,
  DAEMON_UNAVAILABLE: ExitCode.badInput,
  // versions, advisories, SBOMs
  INVALID_VERSION: ExitCode.badInput,
  INVALID_SPECIFIER: ExitCode.badInput,
  UNKNOWN_SCHEME: ExitCode.badInput,
  DB_MISSING: ExitCode.badInput,
  DB_EMPTY: ExitCode.badInput,
  DB_CORRUPT: ExitCode.badInput,
  SIGNATURE_INVALID: ExitCode.badInput,
  BAD_SBOM: ExitCode.badInput,
  // rules and runtime
  RULES_LOAD_FAILED: ExitCode.badInput,
  BAD_CONDITION: ExitCode.badInput,
  SENSOR_FAILED: ExitCode.internal,
  // trail and storage
  BAD_STORE: ExitCode.badInput,
  STORE_ERROR: ExitCode.internal,
  TRAIL_TAMPERED: ExitCode.findings,
  // outcomes
  INCOMPLETE: ExitCode.incomplete,
  IO_ERROR: ExitCode.badInput,
  NETWORK_ERROR: ExitCode.badInput,
  INTERNAL: ExitCode.internal,
} as const satisfies Record<string, ExitCode>;

export type ErrorCode = keyof typeof errorCodes;

export function exitCodeFor(code: ErrorCode): ExitCode {
  return errorCodes[code];
}
