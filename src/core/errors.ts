import type { ErrorCode } from './error-codes.js';
import { exitCodeFor } from './error-codes.js';
import type { ExitCode } from './exit-codes.js';
import type { Location } from './location.js';

export interface RampartErrorOptions {
  cause?: unknown;
  /** Where in the input the problem is (file, line, column, layer, path). */
  location?: Location;
  /** Extra machine-readable detail (limits hit, expected/actual digests...). */
  detail?: Readonly<Record<string, unknown>>;
}

/** The one error base class. `code` is typed; callers branch on it or on `instanceof`. */
export class RampartError extends Error {
  readonly code: ErrorCode;
  readonly location: Location | undefined;
  readonly detail: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message: string, options: RampartErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RampartError';
    this.code = code;
    this.location = options.location;
    this.detail = options.detail;
  }

  get exitCode(): ExitCode {
    return exitCodeFor(this.code);
  }
}

export function isRampartError(value: unknown, code?: ErrorCode): value is RampartError {
  return value instanceof RampartError && (code === undefined || value.code === code);
}
