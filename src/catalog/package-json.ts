/** npm `license` / legacy `licenses` fields → license strings. */
export function packageJsonLicenses(json: Record<string, unknown>): string[] {
  const one = (v: unknown): string | undefined => {
    if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
    if (typeof v === 'object' && v !== null && 'type' in v && typeof v.type === 'string' && v.type !== '') return v.type;
    return undefined;
  };
  const license = one(json['license']);
  if (license !== undefined) return [license];
  const list = json['licenses'];
  if (Array.isArray(list)) return list.map(one).filter((l): l is string => l !== undefined);
  return [];
}

/** npm package names: lowercase-ish, URL-safe, optional @scope/ (validate-npm-package-name, relaxed for legacy names). */
export const npmPackageName = /^(?:@[a-z0-9~][\w.~-]*\/)?[a-zA-Z0-9~][\w.~-]*$/;
