import * as z from 'zod/mini';
import type { Unknown } from '../core/index.js';
import { RampartError, checkSchema } from '../core/index.js';
import { packageFromComponent } from './decode-sbom.js';
import type { Inventory } from './inventory.js';
import { comparePackages, inventorySchemaVersion } from './inventory.js';
import type { OsInfo, Package } from './package.js';

/** A CycloneDX component, as the JSON and XML decoders both read it. */
export interface CdxComponent {
  type?: string | undefined;
  name: string;
  version?: string | undefined;
  purl?: string | undefined;
  licenses?: { license?: { id?: string | undefined; name?: string | undefined } | undefined; expression?: string | undefined }[] | undefined;
  properties?: { name: string; value?: string | undefined }[] | undefined;
  components?: CdxComponent[] | undefined;
}

const component: z.ZodMiniType<CdxComponent> = z.lazy(() =>
  z.looseObject({
    type: z.optional(z.string()),
    name: z.string(),
    version: z.optional(z.string()),
    purl: z.optional(z.string()),
    licenses: z.optional(
      z.array(z.looseObject({ license: z.optional(z.looseObject({ id: z.optional(z.string()), name: z.optional(z.string()) })), expression: z.optional(z.string()) })),
    ),
    properties: z.optional(z.array(z.looseObject({ name: z.string(), value: z.optional(z.string()) }))),
    components: z.optional(z.array(component)),
  }),
);

const bomSchema = z.looseObject({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.string(),
  metadata: z.optional(z.looseObject({ component: z.optional(z.looseObject({ name: z.string(), version: z.optional(z.string()) })) })),
  components: z.optional(z.array(component)),
});

/** Reads a CycloneDX JSON SBOM (any 1.x) back into an inventory, for `sbom:FILE` targets. */
export function decodeCycloneDx(text: string, file: string): Inventory {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RampartError('BAD_SBOM', `${file}: not JSON: ${(error as Error).message}`);
  }
  const parsed = checkSchema(bomSchema, json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw new RampartError('BAD_SBOM', `${file}: not a CycloneDX BOM: ${where === '' ? '' : `${where} `}${issue?.message ?? ''}`.trimEnd());
  }
  return inventoryFromCycloneDx(parsed.data.components ?? [], file);
}

/** Turns CycloneDX components (nested ones too) into an inventory for an `sbom:FILE` target. */
export function inventoryFromCycloneDx(components: CdxComponent[], file: string): Inventory {
  const packages: Package[] = [];
  const unknowns: Unknown[] = [];
  let os: OsInfo | undefined;
  const visit = (list: CdxComponent[], where: string): void => {
    list.forEach((c, i) => {
      const at = `${where}[${i}]`;
      if (c.type === 'operating-system') {
        os = { family: c.name.toLowerCase(), version: c.version ?? '' };
      } else if (c.purl !== undefined || c.type === 'library') {
        const licenses = (c.licenses ?? []).flatMap((l) => (l.expression !== undefined ? [l.expression] : (l.license?.id ?? l.license?.name) !== undefined ? [l.license?.id ?? l.license?.name ?? ''] : []));
        const properties = new Map((c.properties ?? []).map((p) => [p.name, p.value ?? '']));
        const r = packageFromComponent({ purl: c.purl, name: c.name, version: c.version, licenses, properties, where: at }, file);
        if (r.package !== undefined) packages.push(r.package);
        if (r.unknown !== undefined) unknowns.push(r.unknown);
      }
      if (c.components !== undefined) visit(c.components, `${at}.components`);
    });
  };
  visit(components, 'components');
  packages.sort(comparePackages);
  return { schemaVersion: inventorySchemaVersion, target: `sbom:${file}`, ...(os !== undefined ? { os } : {}), packages, unknowns };
}
