import type { Command } from 'commander';
import type { SkipPatterns } from '../catalog/index.js';
import { collectSkipPatterns } from '../catalog/index.js';

/** The Trivy-compatible skip flags shared by `sbom` and `scan`. */
export interface SkipFlags {
  skipFiles?: string[];
  skipDirs?: string[];
}

/** Declares `--skip-files` and `--skip-dirs` (repeatable, comma-separated globs). */
export function addSkipOptions(command: Command, what: string): Command {
  return command
    .option(
      '--skip-files <globs>',
      `files to leave out (${what}); repeatable, comma-separated; globs (* within a path segment, ** any depth, ?) over the in-image path ` +
        '(leading / optional) or, for dir:, the path in the folder (or from the working directory into it)',
      collectSkipPatterns,
    )
    .option('--skip-dirs <globs>', 'directories whose files are all left out (same pattern forms as --skip-files)', collectSkipPatterns);
}

/** The patterns as the catalog takes them. */
export function skipPatternsFrom(flags: SkipFlags): SkipPatterns {
  return { ...(flags.skipFiles === undefined ? {} : { skipFiles: flags.skipFiles }), ...(flags.skipDirs === undefined ? {} : { skipDirs: flags.skipDirs }) };
}
