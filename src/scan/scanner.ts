import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Analyzer, FactCache, SkipPatterns } from '../catalog/index.js';
import { analyzers as builtinAnalyzers, catalogSource, catalogTarget, createPathSkipper, imageSource } from '../catalog/index.js';
import type { Unknown } from '../core/index.js';
import type { OpenedImage, OpenImageOptions } from '../image/index.js';
import { openImage, walkLayers } from '../image/index.js';
import type { VulnMatch } from '../match/index.js';
import { createVulnMatcher } from '../match/index.js';
import type { Inventory } from '../sbom/index.js';
import type { ScanSecretsOptions, SecretConfig, SecretFinding } from '../secrets/index.js';
import { scanSecrets } from '../secrets/index.js';
import type { VulnIndex } from '../vulndb/index.js';
import { matchInventory } from './match-inventory.js';

export type ScannerKind = 'vuln' | 'secret';

export interface ScanOptions {
  /** Default: `['vuln']`. */
  readonly scanners?: readonly ScannerKind[];
  /** `--skip-files` / `--skip-dirs`: files neither catalogued nor searched for secrets (ignored for `sbom:` targets). */
  readonly skip?: SkipPatterns;
}

/** What one scan found, before any filter, ignore file or VEX is applied. */
export interface ScanResult {
  readonly target: string;
  readonly inventory: Inventory;
  readonly matches: readonly VulnMatch[];
  readonly secrets: readonly SecretFinding[];
  /** Catalog unknowns, packages with no advisory source, and undecidable advisories. */
  readonly unknowns: readonly Unknown[];
}

export interface ScannerDeps {
  readonly index: Pick<VulnIndex, 'recordsFor' | 'recordsByAlias'>;
  readonly cache?: FactCache;
  readonly image?: OpenImageOptions;
  readonly cwd?: string;
  readonly analyzers?: readonly Analyzer[];
  /** Files larger than this are not searched for secrets (default 10 MiB). */
  readonly maxSecretFileBytes?: number;
  /** Secret rules and allow rules from a configuration file (default: the built-in rules). */
  readonly secretConfig?: SecretConfig;
}

/** The rule options `scanSecrets` takes from a secret configuration (none: the built-in rules). */
function secretOptions(config: SecretConfig | undefined): Pick<ScanSecretsOptions, 'rules' | 'allowRules' | 'excludeBlocks' | 'disableAllowPaths'> {
  return config === undefined ? {} : { rules: config.rules, allowRules: config.allowRules, excludeBlocks: config.excludeBlocks, disableAllowPaths: config.disableAllowPaths };
}

export interface Scanner {
  scan(target: string, options?: ScanOptions): Promise<ScanResult>;
}

/** Relative paths in path targets are resolved against the caller's working directory. */
function resolveTarget(target: string, cwd: string): string {
  const m = /^(docker-archive|oci-archive|oci-dir|dir):(.+)$/.exec(target);
  if (m !== null) return path.isAbsolute(m[2]!) ? target : `${m[1]!}:${path.resolve(cwd, m[2]!)}`;
  if (/^(registry|docker):/.test(target) || path.isAbsolute(target)) return target;
  return existsSync(path.resolve(cwd, target)) ? path.resolve(cwd, target) : target;
}

/** Secrets in an image config: each ENV entry, label and history command. */
export function configSecrets(image: Pick<OpenedImage, 'config'>, secretConfig?: SecretConfig): SecretFinding[] {
  const config = image.config;
  const texts: { path: string; text: string }[] = [
    ...(config.config?.Env ?? []).map((e, i) => ({ path: `image config: Env[${i}]`, text: e })),
    ...Object.entries(config.config?.Labels ?? {}).map(([k, v]) => ({ path: `image config: Labels[${k}]`, text: `${k}=${v}` })),
    ...(config.history ?? []).map((h, i) => ({ path: `image config: history[${i}]`, text: h.created_by ?? '' })),
  ];
  const ruleOptions = secretOptions(secretConfig);
  return texts.flatMap((t) => scanSecrets(t.text, { path: t.path, ...ruleOptions }));
}

/**
 * The scan pipeline, only wiring: target → image access → catalog (inventory) → package adapter →
 * matchers (and the secret scanner over layer files and the image config) → results as data.
 */
export function createScanner(deps: ScannerDeps): Scanner {
  const matcher = createVulnMatcher({ index: deps.index });
  const maxBytes = deps.maxSecretFileBytes ?? 10 * 1024 * 1024;
  const ruleOptions = secretOptions(deps.secretConfig);
  return {
    async scan(target, options = {}) {
      const kinds = new Set(options.scanners ?? ['vuln']);
      const unknowns: Unknown[] = [];
      const secrets: SecretFinding[] = [];
      let inventory: Inventory;
      if (target.startsWith('sbom:')) {
        inventory = await catalogTarget(target, deps.cwd === undefined ? {} : { cwd: deps.cwd });
        if (kinds.has('secret')) unknowns.push({ reason: 'secret scanning needs file content; an SBOM has none', location: { file: target.slice('sbom:'.length) } });
      } else {
        const image = await openImage(deps.cwd === undefined ? target : resolveTarget(target, deps.cwd), deps.image ?? {});
        try {
          const isDir = image.target.startsWith('dir:');
          const chosen = deps.analyzers ?? builtinAnalyzers.units.filter((a) => isDir || a.declared !== true);
          const skip = createPathSkipper(options.skip ?? {}, { ...(isDir ? { root: image.target.slice('dir:'.length) } : {}), cwd: deps.cwd ?? process.cwd() });
          inventory = await catalogSource(imageSource(image), {
            analyzers: chosen,
            ...(deps.cache === undefined ? {} : { cache: deps.cache }),
            ...(skip === undefined ? {} : { skip }),
          });
          if (kinds.has('secret')) {
            if (!isDir) secrets.push(...configSecrets(image, deps.secretConfig));
            await walkLayers(image, {
              async entry(entry, layer, content) {
                if (entry.kind !== 'file' || entry.size === 0) return;
                if (skip?.skips(entry.path) === true) return;
                const where = { path: entry.path, ...(isDir ? {} : { layer: layer.diffId }) };
                if (entry.size > maxBytes) return;
                // Like Trivy, the secret configuration file itself is not searched (its patterns would match).
                if (isDir && deps.secretConfig?.file !== undefined && path.join(image.target.slice('dir:'.length), entry.path) === deps.secretConfig.file) return;
                secrets.push(...scanSecrets(await content(), { ...where, maxBytes, ...ruleOptions }));
              },
            });
          }
        } finally {
          await image.close();
        }
      }
      unknowns.push(...inventory.unknowns);
      let matches: VulnMatch[] = [];
      if (kinds.has('vuln')) {
        const result = matchInventory(matcher, inventory, target);
        matches = [...result.matches];
        unknowns.push(...result.unknowns);
      }
      return { target, inventory, matches, secrets, unknowns };
    },
  };
}
