// Runs the CLI in-process against a private RAMPART_HOME, capturing what it prints (CLI tests).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export interface CliRunner {
  /** The RAMPART_HOME (and default working directory) of every run; removed after the file's tests. */
  readonly home: string;
  run(argv: string[], cwd?: string): Promise<CliRun>;
}

/** A runner with a fresh temporary home named after `prefix`. */
export function cliRunner(prefix: string): CliRunner {
  const home = mkdtempSync(path.join(os.tmpdir(), `rampart-${prefix}-`));
  afterAll(() => rmSync(home, { recursive: true, force: true }));
  return {
    home,
    async run(argv, cwd = home) {
      let out = '';
      let err = '';
      const io: CliIo = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: { RAMPART_HOME: home }, cwd };
      const code = await main(argv, { io });
      return { code, out, err };
    },
  };
}
