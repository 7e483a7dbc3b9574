/** Core metadata (PEP 241/314/345/566: METADATA, PKG-INFO): RFC 822 headers up to the first blank line. */
export interface PythonMetadata {
  readonly name: string;
  readonly version: string;
  readonly licenses: string[];
}

export type PythonMetadataResult = { ok: true; metadata: PythonMetadata } | { ok: false; reason: string };

export function parsePythonMetadata(text: string): PythonMetadataResult {
  const headers: [string, string][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) {
      const last = headers[headers.length - 1];
      if (last !== undefined) last[1] += `\n${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) return { ok: false, reason: `not a metadata header: ${JSON.stringify(line.slice(0, 60))}` };
    headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
  }
  const get = (key: string): string | undefined => headers.find(([k]) => k === key)?.[1];
  const all = (key: string): string[] => headers.filter(([k]) => k === key).map(([, v]) => v);
  const name = get('name');
  const version = get('version');
  if (name === undefined || name === '' || version === undefined || version === '') return { ok: false, reason: 'no Name or Version header' };
  // precedence: License-Expression (PEP 639), license classifiers, License, License-File
  let licenses: string[] = [];
  const expression = get('license-expression');
  const classifiers = all('classifier')
    .filter((c) => c.startsWith('License ::'))
    .map((c) => c.split('::').pop()?.trim() ?? '')
    .filter((c) => c !== '' && c !== 'OSI Approved');
  const license = get('license');
  const licenseFiles = all('license-file');
  if (expression !== undefined && expression !== '') licenses = [expression];
  else if (classifiers.length > 0) licenses = classifiers;
  else if (license !== undefined && license !== '') licenses = [license];
  else if (licenseFiles.length > 0) licenses = licenseFiles.map((f) => `file://${f}`);
  return { ok: true, metadata: { name, version, licenses } };
}
