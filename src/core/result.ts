/** Expected outcomes are values; exceptions are for bugs and I/O failures. */
export type Result<T, I = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly I[] };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<I>(...issues: I[]): { readonly ok: false; readonly issues: readonly I[] } {
  return { ok: false, issues };
}
