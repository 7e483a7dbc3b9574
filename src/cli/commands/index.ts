import type { CliCommand } from '../cli-command.js';
import { imageInspectCommand } from './image-inspect.js';
import { sbomCommand } from './sbom.js';
import { dbCommand } from './db.js';

/**
 * Every CLI command, explicitly listed (no registration by import side effect). `--help` lists
 * exactly these, so only commands that work belong here.
 */
export const commands: readonly CliCommand[] = [imageInspectCommand, sbomCommand];
export const commands: readonly CliCommand[] = [dbCommand];
