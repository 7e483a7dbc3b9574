#!/usr/bin/env node
import { main } from './main.js';

/** What a shell reports for a program killed by SIGPIPE (128 + 13), as for `rampart ... | head`. */
const brokenPipe = 141;

// A reader that closes early (`| head`, `| grep -q`) ends the run quietly instead of with a stack
// trace; the status still tells a pipeline (`set -o pipefail`) that the output was cut short.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(brokenPipe);
  });
}

process.exitCode = await main(process.argv.slice(2));
