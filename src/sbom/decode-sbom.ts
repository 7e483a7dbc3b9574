import type { Unknown } from '../core/index.js';
import type { Package } from './package.js';
import { parsePurl } from './purl.js';

/** Fields a decoded SBOM component may carry besides its purl. */
export interface DecodedComponent {
  readonly purl: string | undefined;
  readonly name: string;
  readonly version: string | undefined;
  readonly licenses: readonly string[];
  readonly properties: ReadonlyMap<string, string>;
  /** Where the component sits in the SBOM file (for unknowns). */
  readonly where: string;
}

const propertyAliases: Readonly<Record<string, readonly string[]>> = {
  sourceName: ['rampart:source:name', 'aquasecurity:trivy:SrcName', 'syft:metadata:source'],
  sourceVersion: ['rampart:source:version', 'aquasecurity:trivy:SrcVersion', 'syft:metadata:sourceVersion'],
  layer: ['rampart:layer:diff_id', 'aquasecurity:trivy:LayerDiffID'],
  path: ['rampart:evidence:path', 'aquasecurity:trivy:FilePath', 'syft:location:0:path'],
};

function prop(props: ReadonlyMap<string, string>, key: keyof typeof propertyAliases): string | undefined {
  for (const name of propertyAliases[key] ?? []) {
    const v = props.get(name);
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

/** One SBOM component → a Package, or an Unknown when it has no usable purl. */
export function packageFromComponent(c: DecodedComponent, file: string): { package?: Package; unknown?: Unknown } {
  if (c.purl === undefined || c.purl === '') return { unknown: { reason: `component ${c.name} has no purl`, location: { file, path: c.where } } };
  const parsed = parsePurl(c.purl);
  if (!parsed.ok) return { unknown: { reason: `component ${c.name}: ${parsed.reason}`, location: { file, path: c.where } } };
  const p = parsed.purl;
  const sourceName = prop(c.properties, 'sourceName');
  const sourceVersion = prop(c.properties, 'sourceVersion');
  const layer = prop(c.properties, 'layer');
  const owned = c.properties.get('rampart:owned_by');
  const release = c.properties.get('rampart:release');
  const modularityLabel = c.properties.get('rampart:modularity_label');
  return {
    package: {
      type: p.type,
      name: p.name,
      version: c.version !== undefined && c.version !== '' ? c.version : p.version,
      purl: c.purl,
      ...(p.epoch !== undefined ? { epoch: p.epoch } : {}),
      ...(release !== undefined ? { release } : {}),
      ...(p.arch !== undefined ? { arch: p.arch } : {}),
      ...(sourceName !== undefined ? { sourceName } : {}),
      ...(sourceVersion !== undefined ? { sourceVersion } : {}),
      licenses: c.licenses,
      evidence: { ...(layer !== undefined ? { layer } : {}), path: prop(c.properties, 'path') ?? c.where },
      ...(owned !== undefined ? { ownedBy: owned } : {}),
      ...(c.properties.get('rampart:dev') === 'true' ? { dev: true } : {}),
      ...(modularityLabel !== undefined ? { modularityLabel } : {}),
    },
  };
}
