import type * as CycloneDxLibrary from '@cyclonedx/cyclonedx-library';
import type { Models } from '@cyclonedx/cyclonedx-library';
import type { Inventory } from './inventory.js';
import type { Package } from './package.js';

/** Things that differ between runs, fixed by tests for golden output. */
export interface EncodeOptions {
  readonly toolVersion: string;
  readonly now?: Date;
  readonly serial?: string;
}

/** Property names Rampart adds to components (read back by the decoder). */
export const cdxProperty = {
  type: 'rampart:package:type',
  layer: 'rampart:layer:diff_id',
  path: 'rampart:evidence:path',
  sourceName: 'rampart:source:name',
  sourceVersion: 'rampart:source:version',
  ownedBy: 'rampart:owned_by',
  dev: 'rampart:dev',
  arch: 'rampart:arch',
  epoch: 'rampart:epoch',
  release: 'rampart:release',
  modularityLabel: 'rampart:modularity_label',
  unknown: 'rampart:unknown',
} as const;

export function bomRefOf(pkg: Package): string {
  return `${pkg.purl}#${pkg.evidence.path}`;
}

function licensesOf(lib: Pick<typeof CycloneDxLibrary, 'Models' | 'SPDX'>, pkg: Package): Models.License[] {
  const { Models, SPDX } = lib;
  if (pkg.licenses.length === 0) return [];
  const ids = pkg.licenses.map((l) => SPDX.fixupSpdxId(l));
  // one expression when every license is an SPDX id, else named licenses as given
  if (ids.every((id) => id !== undefined)) return ids.map((id) => new Models.SpdxLicense(id));
  return pkg.licenses.map((l) => new Models.NamedLicense(l));
}

/** CycloneDX 1.6 JSON through @cyclonedx/cyclonedx-library, whose parts are loaded on first use. */
export async function encodeCycloneDx(inventory: Inventory, options: EncodeOptions): Promise<string> {
  const { Enums, Models, Serialize, Spec, SPDX } = await import('./cyclonedx-library.js');
  const lib = { Models, SPDX };
  const bom = new Models.Bom();
  if (options.serial !== undefined) bom.serialNumber = options.serial;
  bom.metadata.timestamp = options.now ?? new Date();
  bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, 'rampart', { version: options.toolVersion }));
  bom.metadata.component = new Models.Component(inventory.imageId !== undefined ? Enums.ComponentType.Container : Enums.ComponentType.Application, inventory.target, {
    bomRef: 'target',
    ...(inventory.imageId !== undefined ? { version: inventory.imageId } : {}),
  });
  for (const u of inventory.unknowns) {
    bom.metadata.properties.add(new Models.Property(cdxProperty.unknown, `${u.location.path ?? ''}${u.location.layer !== undefined ? `@${u.location.layer}` : ''}: ${u.reason}`));
  }
  if (inventory.os !== undefined) {
    bom.components.add(new Models.Component(Enums.ComponentType.OperatingSystem, inventory.os.family, { bomRef: 'os', version: inventory.os.version }));
  }
  for (const pkg of inventory.packages) {
    const component = new Models.Component(Enums.ComponentType.Library, pkg.name, {
      bomRef: bomRefOf(pkg),
      version: pkg.version,
      ...(pkg.purl !== '' ? { purl: pkg.purl } : {}),
    });
    for (const l of licensesOf(lib, pkg)) component.licenses.add(l);
    const props: [string, string | number | boolean | undefined][] = [
      [cdxProperty.type, pkg.type],
      [cdxProperty.layer, pkg.evidence.layer],
      [cdxProperty.path, pkg.evidence.path],
      [cdxProperty.sourceName, pkg.sourceName],
      [cdxProperty.sourceVersion, pkg.sourceVersion],
      [cdxProperty.ownedBy, pkg.ownedBy],
      [cdxProperty.dev, pkg.dev],
      [cdxProperty.arch, pkg.arch],
      [cdxProperty.epoch, pkg.epoch],
      [cdxProperty.release, pkg.release],
      [cdxProperty.modularityLabel, pkg.modularityLabel],
    ];
    for (const [name, value] of props) if (value !== undefined) component.properties.add(new Models.Property(name, String(value)));
    bom.components.add(component);
  }
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6));
  return `${serializer.serialize(bom, { sortLists: true, space: 2 })}\n`;
}
