/** One deb822 paragraph (`Key: value` lines, continuation lines start with a space or tab). */
export interface Deb822Paragraph {
  readonly fields: ReadonlyMap<string, string>;
  /** 1-based line of the paragraph's first field. */
  readonly line: number;
}

export type Deb822Result = { ok: true; paragraphs: Deb822Paragraph[] } | { ok: false; line: number; reason: string };

/** Parses a dpkg status-style file into paragraphs; field names are case-insensitive (lowercased). */
export function parseDeb822(text: string): Deb822Result {
  const paragraphs: Deb822Paragraph[] = [];
  let fields = new Map<string, string>();
  let start = 0;
  let last: string | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      if (fields.size > 0) paragraphs.push({ fields, line: start });
      fields = new Map();
      last = undefined;
      continue;
    }
    if (line.startsWith('#')) continue;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (last === undefined) return { ok: false, line: i + 1, reason: 'continuation line outside a field' };
      fields.set(last, `${fields.get(last) ?? ''}\n${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) return { ok: false, line: i + 1, reason: `not a "Field: value" line: ${JSON.stringify(line.slice(0, 60))}` };
    if (fields.size === 0) start = i + 1;
    last = line.slice(0, colon).trim().toLowerCase();
    fields.set(last, line.slice(colon + 1).trim());
  }
  if (fields.size > 0) paragraphs.push({ fields, line: start });
  return { ok: true, paragraphs };
}
