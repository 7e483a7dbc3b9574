import type * as FastXmlParser from 'fast-xml-parser';
import type { XMLParser } from 'fast-xml-parser';

/**
 * An XML element as read here: child elements by local name (namespace prefixes dropped), always
 * as lists, attributes under `@_name`, text under `#text`.
 */
export type XmlElement = { readonly [name: string]: unknown };

export type XmlResult = { ok: true; root: XmlElement } | { ok: false; reason: string };

/**
 * Bounds for untrusted XML (DESIGN.md §5): DOCTYPE entities are expanded only within small limits
 * (a "billion laughs" document is refused, never expanded), nothing external is ever fetched,
 * nesting is capped.
 */
function createParser(library: XmlLibrary): XMLParser {
  return new library.XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
    maxNestedTags: 64,
    processEntities: { enabled: true, maxEntityCount: 20, maxEntitySize: 1000, maxTotalExpansions: 200, maxExpandedLength: 20_000 },
  });
}

/** The text of an XML file: UTF-8 (with or without BOM), UTF-16 with a BOM, or the Latin-1 the declaration names. */
function decodeXml(content: Buffer): string {
  if (content[0] === 0xff && content[1] === 0xfe) return new TextDecoder('utf-16le').decode(content);
  if (content[0] === 0xfe && content[1] === 0xff) return new TextDecoder('utf-16be').decode(content);
  const head = content.subarray(0, 200).toString('latin1');
  const encoding = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.-]+)["']/i.exec(head)?.[1]?.toLowerCase();
  if (encoding !== undefined && /^(iso-8859-1|latin-?1|windows-1252|us-ascii)$/.test(encoding)) return new TextDecoder(encoding === 'us-ascii' ? 'latin1' : encoding).decode(content);
  return content.toString('utf8').replace(/^\uFEFF/, '');
}

type XmlLibrary = typeof FastXmlParser;
let library: XmlLibrary | undefined;

/**
 * Loads the XML parser library (about 110 KB of code with its dependencies). Analyzers await it
 * before `parseXml`, so cataloging an image with no XML manifest in it never loads it.
 */
export async function loadXmlParser(): Promise<void> {
  library ??= await import('fast-xml-parser');
}

/** Parses a whole XML document; malformed or over-limit input is a reason, never a throw. Needs `loadXmlParser()` first. */
export function parseXml(content: Buffer): XmlResult {
  if (library === undefined) throw new Error('parseXml called before loadXmlParser()');
  const text = decodeXml(content);
  const valid = library.XMLValidator.validate(text);
  if (valid !== true) return { ok: false, reason: `invalid XML at line ${valid.err.line}: ${valid.err.msg}` };
  try {
    return { ok: true, root: createParser(library).parse(text) as XmlElement };
  } catch (error) {
    return { ok: false, reason: `XML refused: ${(error as Error).message}` };
  }
}

/** The child elements named `name` (local name). */
export function childElements(element: XmlElement | undefined, name: string): XmlElement[] {
  const value = element?.[name];
  if (!Array.isArray(value)) return [];
  return value.map((v): XmlElement => (typeof v === 'object' && v !== null ? (v as XmlElement) : { '#text': String(v) }));
}

/** The first child element named `name`. */
export function childElement(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return childElements(element, name)[0];
}

/** The trimmed text of the first child named `name` (undefined when absent). */
export function childText(element: XmlElement | undefined, name: string): string | undefined {
  const child = childElement(element, name);
  if (child === undefined) return undefined;
  const text = child['#text'];
  return typeof text === 'string' || typeof text === 'number' ? String(text).trim() : '';
}

/** An attribute's value. */
export function attribute(element: XmlElement | undefined, name: string): string | undefined {
  const value = element?.[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}
