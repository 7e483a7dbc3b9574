// Counts conformance vectors: each check passes, fails, or throws (a throw is a failure with its message).

export interface VectorTally {
  /** Runs one vector; `fn` returns whether Rampart's answer is the expected one. */
  check(label: string, fn: () => boolean): void;
  readonly passed: number;
  readonly failures: readonly string[];
  /** `passed/total pass`, for the printed summary line. */
  ratio(): string;
}

export function vectorTally(): VectorTally {
  let passed = 0;
  const failures: string[] = [];
  return {
    check(label, fn) {
      let ok = false;
      try {
        ok = fn();
      } catch (error) {
        failures.push(`${label}: threw ${String(error)}`);
        return;
      }
      if (ok) passed++;
      else failures.push(label);
    },
    get passed() {
      return passed;
    },
    failures,
    ratio: () => `${passed}/${passed + failures.length} pass`,
  };
}
