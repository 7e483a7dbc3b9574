import type { CliCommand } from '../cli-command.js';
import { fixCommand } from './fix.js';
import { imageInspectCommand } from './image-inspect.js';
import { rulesCommand } from './rules.js';
import { dbCommand } from './db.js';
import { trailCommand } from './trail.js';
import { sbomCommand } from './sbom.js';
import { lintCommand } from './lint.js';
import { watchCommand } from './watch.js';
import { scanCommand } from './scan.js';
import { rescanCommand } from './rescan.js';

/**
 * Every CLI command, explicitly listed (no registration by import side effect). `--help` lists
 * exactly these, so only commands that work belong here.
 */
export const commands: readonly CliCommand[] = [
  dbCommand,
  fixCommand,
  imageInspectCommand,
  lintCommand,
  rescanCommand,
  rulesCommand,
  sbomCommand,
  scanCommand,
  trailCommand,
  watchCommand,
];
