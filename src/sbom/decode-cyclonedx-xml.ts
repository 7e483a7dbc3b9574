import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { RampartError } from '../core/index.js';
import type { CdxComponent } from './decode-cyclonedx.js';
import { inventoryFromCycloneDx } from './decode-cyclonedx.js';
import type { Inventory } from './inventory.js';

/** Deeper element nesting than this is refused (CycloneDX documents nest a few levels per component). */
const maxDepth = 256;

type XmlNode = Record<string, unknown>;

const repeated = new Set(['component', 'license', 'property', 'tool', 'dependency']);

function badSbom(file: string, line: number, column: number, message: string): RampartError {
  return new RampartError('BAD_SBOM', `${file}:${line}:${column}: ${message}`, { detail: { file, line, column } });
}

function positionOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

/**
 * Refuses what CycloneDX never needs and a parser should never expand: document type declarations
 * (entity definitions, external entities). Only XML's five predefined entities and character
 * references are decoded.
 */
function refuseUnsafe(text: string, file: string): void {
  const doctype = /<!DOCTYPE|<!ENTITY/i.exec(text);
  if (doctype !== null) {
    const at = positionOf(text, doctype.index);
    throw badSbom(file, at.line, at.column, 'document type declarations and entity definitions are not accepted');
  }
  let depth = 0;
  for (const tag of text.matchAll(/<(\/?)[A-Za-z_][^<>]*?(\/?)>/g)) {
    if (tag[1] === '/') depth--;
    else if (tag[2] !== '/') depth++;
    if (depth > maxDepth) {
      const at = positionOf(text, tag.index);
      throw badSbom(file, at.line, at.column, `elements nested deeper than ${maxDepth}`);
    }
  }
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && '#text' in value) {
    const text = (value as XmlNode)['#text'];
    return typeof text === 'string' ? text : undefined;
  }
  if (value !== null && typeof value === 'object') return '';
  return undefined;
}

function children(node: unknown, wrapper: string, item: string): XmlNode[] {
  if (node === null || typeof node !== 'object') return [];
  const list = (node as XmlNode)[wrapper];
  if (list === null || typeof list !== 'object') return [];
  const items = (list as XmlNode)[item];
  return Array.isArray(items) ? items.filter((x): x is XmlNode => x !== null && typeof x === 'object') : [];
}

function toComponent(node: XmlNode): CdxComponent | undefined {
  const name = textOf(node.name);
  if (name === undefined) return undefined;
  const licenses = children(node, 'licenses', 'license').map((l) => ({ license: { id: textOf(l.id), name: textOf(l.name) } }));
  const expression = textOf((node.licenses as XmlNode | undefined)?.expression);
  const nested = children(node, 'components', 'component').flatMap((c) => toComponent(c) ?? []);
  return {
    type: textOf(node['@_type']),
    name,
    version: textOf(node.version),
    purl: textOf(node.purl),
    licenses: expression === undefined ? licenses : [...licenses, { expression }],
    properties: children(node, 'properties', 'property').flatMap((p) => {
      const propertyName = textOf(p['@_name']);
      return propertyName === undefined ? [] : [{ name: propertyName, value: textOf(p) ?? '' }];
    }),
    components: nested,
  };
}

/** Reads a CycloneDX XML SBOM (any 1.x namespace) into an inventory, for `sbom:FILE` targets. */
export function decodeCycloneDxXml(text: string, file: string): Inventory {
  refuseUnsafe(text, file);
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) throw badSbom(file, valid.err.line, valid.err.col, `not well-formed XML: ${valid.err.msg}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: false,
    trimValues: true,
    isArray: (name) => repeated.has(name),
  });
  const doc = parser.parse(text) as XmlNode;
  const bom = doc.bom;
  if (bom === null || typeof bom !== 'object') {
    throw badSbom(file, 1, 1, 'not a CycloneDX BOM: no <bom> root element');
  }
  const components = children(bom, 'components', 'component').flatMap((c) => toComponent(c) ?? []);
  return inventoryFromCycloneDx(components, file);
}
