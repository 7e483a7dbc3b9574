import type { CliCommand } from '../cli-command.js';
import { rulesCommand } from './rules.js';
import { watchCommand } from './watch.js';

/**
 * Every CLI command, explicitly listed (no registration by import side effect). `--help` lists
 * exactly these, so only commands that work belong here.
 */
export const commands: readonly CliCommand[] = [rulesCommand, watchCommand];
