/** The exit codes shared by every command (DESIGN.md §1). */
export const ExitCode = {
  /** Done, and nothing at or above the `--fail-on` threshold. */
  ok: 0,
  /** Findings at or above `--fail-on`: an expected outcome, not an error. */
  findings: 1,
  /** Bad usage or bad input (unknown flag, corrupt archive, broken YAML...). */
  badInput: 2,
  /** Incomplete: something could not be analysed and the threshold asks for completeness. */
  incomplete: 3,
  /** Internal error: a bug in Rampart. */
  internal: 70,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
