import type { ItemPosition } from './load-diagnostic.js';
import type { ItemMap, Reporter } from './collect-items.js';

/** Plugins whose fields Rampart provides itself, with the version it answers requirements for. */
export const providedPlugins: Readonly<Record<string, string>> = { container: '0.4.0' };

function parseVersion(v: unknown): [number, number, number] | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return [0, v, 0];
  if (typeof v !== 'string') return undefined;
  const m = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(v.trim());
  if (m !== null) return [Number(m[1]), Number(m[2]), Number(m[3])];
  if (/^\d+$/.test(v.trim())) return [0, Number(v), 0];
  return undefined;
}

function cmp(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** A provided plugin satisfies a requirement when it has the same major version and is not older. */
function satisfies(provided: string | undefined, required: unknown): boolean {
  const p = parseVersion(provided);
  const q = parseVersion(required);
  return p !== undefined && q !== undefined && p[0] === q[0] && cmp(p, q) >= 0;
}

/** `required_engine_version` and `required_plugin_versions` items. */
export function checkRequirements(item: ItemMap, pos: ItemPosition, r: Reporter, engineVersion: string, plugins: Readonly<Record<string, string>> = providedPlugins): void {
  if ('required_engine_version' in item) {
    const raw = item['required_engine_version'];
    const want = parseVersion(raw);
    const have = parseVersion(engineVersion) ?? [0, 0, 0];
    if (want === undefined) r.error('LOAD_ERR_VALIDATE', `Unable to parse engine version '${String(raw)}'`, 'required_engine_version', pos);
    else if (cmp(want, have) > 0) r.error('LOAD_ERR_VALIDATE', `Rules require engine version ${String(raw)}, but engine version is ${engineVersion}`, 'required_engine_version', pos);
    return;
  }
  const reqs = item['required_plugin_versions'];
  if (!Array.isArray(reqs)) {
    r.error('LOAD_ERR_YAML_VALIDATE', "Value of 'required_plugin_versions' must be a sequence", 'required_plugin_versions', pos);
    return;
  }
  for (const req of reqs as ItemMap[]) {
    const options = [req, ...(Array.isArray(req['alternatives']) ? (req['alternatives'] as ItemMap[]) : [])];
    const names = options.map((o) => String(o['name']));
    if (new Set(names).size !== names.length) {
      r.error('LOAD_ERR_VALIDATE', `Plugin requirement '${String(req['name'])}' lists an alternative with the same name`, 'required_plugin_versions', pos);
      continue;
    }
    if (!options.some((o) => satisfies(plugins[String(o['name'])], o['version']))) {
      const names = options.map((o) => `${String(o['name'])} (>= ${String(o['version'])})`).join(' or ');
      r.error('LOAD_ERR_VALIDATE', `Plugin requirement not satisfied: ${names} is not provided`, 'required_plugin_versions', pos);
    }
  }
}
