import { RampartError } from '../core/index.js';

/**
 * One VEX statement, normalised from OpenVEX or CycloneDX VEX: which vulnerability, which products
 * (purls; empty = every package of the target), the status and the justification.
 */
export interface VexStatement {
  readonly vulnerability: string;
  readonly products: readonly string[];
  readonly status: 'not_affected' | 'affected' | 'fixed' | 'under_investigation';
  readonly justification?: string;
  readonly detail?: string;
  readonly file: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** CycloneDX analysis states → the OpenVEX statuses Rampart acts on. */
const cdxStates: Readonly<Record<string, VexStatement['status']>> = {
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation',
};

function openVex(doc: Json, file: string): VexStatement[] {
  const statements = Array.isArray(doc['statements']) ? doc['statements'] : [];
  return statements.flatMap((s, i): VexStatement[] => {
    if (!isObject(s)) throw new RampartError('BAD_INPUT', `${file}: statements[${i}] is not an object`, { location: { file } });
    const v = s['vulnerability'];
    const vulnerability = str(v) ?? (isObject(v) ? (str(v['name']) ?? str(v['@id'])) : undefined);
    const status = str(s['status']);
    if (vulnerability === undefined || status === undefined || !['not_affected', 'affected', 'fixed', 'under_investigation'].includes(status)) {
      throw new RampartError('BAD_INPUT', `${file}: statements[${i}] needs a vulnerability and a valid status`, { location: { file } });
    }
    const products: string[] = [];
    for (const p of Array.isArray(s['products']) ? s['products'] : []) {
      if (typeof p === 'string') products.push(p);
      else if (isObject(p)) {
        const subs = Array.isArray(p['subcomponents']) ? p['subcomponents'] : [];
        const subIds = subs.flatMap((c) => (isObject(c) ? [str(c['@id']) ?? str((c['identifiers'] as Json | undefined)?.['purl'])] : [str(c)])).filter((x): x is string => x !== undefined);
        if (subIds.length > 0) products.push(...subIds);
        else {
          const id = str(p['@id']) ?? str((p['identifiers'] as Json | undefined)?.['purl']);
          if (id !== undefined) products.push(id);
        }
      }
    }
    const justification = str(s['justification']);
    const detail = str(s['impact_statement']) ?? str(s['status_notes']);
    return [{ vulnerability, products, status: status as VexStatement['status'], file, ...(justification === undefined ? {} : { justification }), ...(detail === undefined ? {} : { detail }) }];
  });
}

function cycloneDxVex(doc: Json, file: string): VexStatement[] {
  const purlByRef = new Map<string, string>();
  const visit = (components: unknown): void => {
    for (const c of Array.isArray(components) ? components : []) {
      if (!isObject(c)) continue;
      const ref = str(c['bom-ref']);
      const purl = str(c['purl']);
      if (ref !== undefined && purl !== undefined) purlByRef.set(ref, purl);
      visit(c['components']);
    }
  };
  visit(doc['components']);
  const metaComponent = isObject(doc['metadata']) ? doc['metadata']['component'] : undefined;
  if (isObject(metaComponent)) visit([metaComponent]);
  const vulns = Array.isArray(doc['vulnerabilities']) ? doc['vulnerabilities'] : [];
  return vulns.flatMap((v, i): VexStatement[] => {
    if (!isObject(v)) throw new RampartError('BAD_INPUT', `${file}: vulnerabilities[${i}] is not an object`, { location: { file } });
    const id = str(v['id']);
    const analysis = isObject(v['analysis']) ? v['analysis'] : undefined;
    const state = analysis === undefined ? undefined : str(analysis['state']);
    if (id === undefined) throw new RampartError('BAD_INPUT', `${file}: vulnerabilities[${i}] has no id`, { location: { file } });
    if (state === undefined) return [];
    const status = cdxStates[state];
    if (status === undefined) throw new RampartError('BAD_INPUT', `${file}: vulnerabilities[${i}].analysis.state ${state} is not a CycloneDX state`, { location: { file } });
    const products = (Array.isArray(v['affects']) ? v['affects'] : [])
      .map((a) => (isObject(a) ? str(a['ref']) : undefined))
      .filter((r): r is string => r !== undefined)
      .map((r) => purlByRef.get(r) ?? r.replace(/^urn:cdx:[^/]+\/\d+#/, ''));
    const justification = str(analysis?.['justification']);
    const detail = str(analysis?.['detail']);
    return [{ vulnerability: id, products, status, file, ...(justification === undefined ? {} : { justification }), ...(detail === undefined ? {} : { detail }) }];
  });
}

/** Reads an OpenVEX (`statements`) or CycloneDX VEX (`vulnerabilities` with `analysis`) JSON document. */
export function readVexDocument(text: string, file: string): VexStatement[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new RampartError('BAD_INPUT', `${file}: not valid JSON: ${(error as Error).message}`, { cause: error, location: { file } });
  }
  if (!isObject(doc)) throw new RampartError('BAD_INPUT', `${file}: a VEX document must be a JSON object`, { location: { file } });
  if (Array.isArray(doc['statements'])) return openVex(doc, file);
  if (doc['bomFormat'] === 'CycloneDX') return cycloneDxVex(doc, file);
  throw new RampartError('BAD_INPUT', `${file}: neither OpenVEX (statements) nor CycloneDX VEX (bomFormat CycloneDX)`, { location: { file } });
}

/** A purl without qualifiers and subpath; with `@version` only when `keepVersion`. */
function purlKey(purl: string, keepVersion: boolean): string {
  const base = purl.split('#')[0]!.split('?')[0]!;
  const at = base.lastIndexOf('@');
  const noVersion = at > base.indexOf('/') ? base.slice(0, at) : base;
  return decodeURIComponent(keepVersion ? base : noVersion).toLowerCase();
}

/** Whether a statement's products cover a package purl (a versionless product covers every version; an image purl covers the whole target). */
export function vexCovers(statement: VexStatement, purl: string | undefined): boolean {
  if (statement.products.length === 0) return true;
  return statement.products.some((product) => {
    if (/^pkg:(oci|docker)\//.test(product)) return true;
    if (purl === undefined) return false;
    const versioned = purlKey(product, false) !== purlKey(product, true);
    return purlKey(product, versioned) === purlKey(purl, versioned);
  });
}
