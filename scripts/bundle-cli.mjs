// Bundles the compiled CLI (dist/cli/bin.js, from tsc) into dist/cli/bundle/: one entry file plus
// one chunk per lazily loaded command, so a run loads and parses only the code of the command it
// names instead of resolving several hundred module files (Node start-up is most of a warm run).
// Packages with native code or files read at run time stay external and load from node_modules.
import { chmodSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const outdir = path.join(root, 'dist', 'cli', 'bundle');

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: [{ in: path.join(root, 'dist', 'cli', 'bin.js'), out: 'rampart' }],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // prefer packages' ES module builds: UMD builds (jsonc-parser) require() their own files at run time
  mainFields: ['module', 'main'],
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // better-sqlite3 and pg load native bindings. The CycloneDX library's parts the encoders import
  // are bundled (resolving its ~80 files took ~75 ms a run); its validators, which read schema files
  // beside it, and its optional XML plug-in stay outside.
  external: ['better-sqlite3', 'pg', 'pg-native', 'xmlbuilder2', 'libxmljs2', 'ajv', 'ajv-formats', 'ajv-formats-draft2019'],
  // CommonJS dependencies call require() for Node built-ins: give the ESM bundle a real one.
  banner: { js: "import { createRequire as rampartCreateRequire } from 'node:module'; const require = rampartCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
chmodSync(path.join(outdir, 'rampart.js'), 0o755);
