import type { LazyCliCommand } from '../cli-command.js';

/**
 * Every CLI command, explicitly listed (no registration by import side effect). `--help` lists
 * exactly these, so only commands that work belong here. Each is loaded on demand: a run loads the
 * one command it names (see `select-commands.ts`).
 */
export const commands: readonly LazyCliCommand[] = [
  { name: 'db', load: async () => (await import('./db.js')).dbCommand },
  { name: 'fix', load: async () => (await import('./fix.js')).fixCommand },
  { name: 'image', load: async () => (await import('./image-inspect.js')).imageInspectCommand },
  { name: 'lint', load: async () => (await import('./lint.js')).lintCommand },
  { name: 'rescan', load: async () => (await import('./rescan.js')).rescanCommand },
  { name: 'rules', load: async () => (await import('./rules.js')).rulesCommand },
  { name: 'sbom', load: async () => (await import('./sbom.js')).sbomCommand },
  { name: 'scan', load: async () => (await import('./scan.js')).scanCommand },
  { name: 'trail', load: async () => (await import('./trail.js')).trailCommand },
  { name: 'watch', load: async () => (await import('./watch.js')).watchCommand },
];
