import { catalogTarget } from '../../catalog/index.js';
import { ExitCode } from '../../core/index.js';
import type { Inventory } from '../../sbom/index.js';
import { encodeCycloneDx, encodeNativeJson, encodeSpdx } from '../../sbom/index.js';
import type { CliCommand } from '../cli-command.js';
import { chooseFormat } from '../global-options.js';
import { packageVersion } from '../version.js';
import type { ImageAccessFlags } from '../image-access-options.js';
import { addImageAccessOptions, imageOptionsFrom, layerCacheFor } from '../image-access-options.js';
import type { StoreFlags } from '../sbom-store-options.js';
import { addStoreOptions, storeIfAsked } from '../sbom-store-options.js';
import type { SkipFlags } from '../skip-options.js';
import { addSkipOptions, skipPatternsFrom } from '../skip-options.js';

type SbomOptions = ImageAccessFlags & StoreFlags & SkipFlags;

async function encode(format: 'cyclonedx' | 'spdx' | 'json', inventory: Inventory): Promise<string> {
  const options = { toolVersion: packageVersion() };
  if (format === 'spdx') return encodeSpdx(inventory, options);
  if (format === 'json') return encodeNativeJson(inventory);
  return encodeCycloneDx(inventory, options);
}

/** `rampart sbom TARGET [--format cyclonedx|spdx|json] [-o FILE]`: every OS and language package inside a target. */
export const sbomCommand: CliCommand = {
  name: 'sbom',
  register(program, wrap) {
    const sbom = program
      .command('sbom')
      .description('list every OS and language package inside an image, root filesystem, project folder or SBOM (CycloneDX 1.6, SPDX 2.3 or native JSON)')
      .argument('<target>', 'docker-archive:FILE, oci-archive:FILE, oci-dir:DIR, registry:REF, docker:NAME, dir:PATH, sbom:FILE');
    addSkipOptions(addStoreOptions(addImageAccessOptions(sbom, { layerCache: true })), 'no analyzer reads them')
      .addHelpText('after', '\nFormats (--format): cyclonedx (default, CycloneDX 1.6 JSON), spdx (SPDX 2.3 JSON), json (Rampart inventory, schemaVersion 1).')
      .action(
        wrap(async (context, command) => {
          const format = chooseFormat(context.globals, ['cyclonedx', 'spdx', 'json'] as const, 'cyclonedx');
          const [target] = command.processedArgs as [string];
          const opts = command.opts<SbomOptions>();
          const env = context.io.env;
          const image = imageOptionsFrom(opts, env);
          const cache = layerCacheFor(target, opts, env);
          try {
            const inventory = await catalogTarget(target, { image, cwd: context.io.cwd, skip: skipPatternsFrom(opts), ...(cache !== undefined ? { cache } : {}) });
            for (const u of inventory.unknowns) context.debug(`unknown: ${u.location.path ?? ''}: ${u.reason}`);
            context.info(`${inventory.packages.length} packages, ${inventory.unknowns.length} unknowns${inventory.os !== undefined ? ` (${inventory.os.family} ${inventory.os.version})` : ''}`);
            await storeIfAsked(context, opts, inventory);
            await context.emit(await encode(format, inventory));
          } finally {
            cache?.close();
          }
          return ExitCode.ok;
        }),
      );
  },
};
