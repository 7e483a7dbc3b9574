import { RampartError } from '../core/index.js';
import type { Platform } from './image-types.js';

/** A platform as found in descriptors (variant may be explicitly undefined). */
export interface PlatformLike {
  os: string;
  architecture: string;
  variant?: string | undefined;
}

const archNames: Readonly<Record<string, string>> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };

/** The host's platform in OCI terms (`linux/amd64` on x64 Linux). */
export function hostPlatform(): Platform {
  return { os: 'linux', architecture: archNames[process.arch] ?? process.arch };
}

/** Parses `os/arch[/variant]` (as `--platform`). */
export function parsePlatform(text: string): Platform {
  const parts = text.split('/');
  const [os, architecture, variant] = parts;
  if (parts.length < 2 || parts.length > 3 || !os || !architecture || (parts.length === 3 && !variant)) {
    throw new RampartError('USAGE', `invalid platform ${JSON.stringify(text)} (expected os/arch[/variant], e.g. linux/arm64/v8)`);
  }
  return variant === undefined ? { os, architecture } : { os, architecture, variant };
}

export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter((p) => p !== undefined && p !== '').join('/');
}

/** Whether a descriptor's platform satisfies the wanted one (a wanted variant must match; arm64's default variant is v8). */
export function platformMatches(candidate: PlatformLike, wanted: Platform): boolean {
  if (candidate.os !== wanted.os || candidate.architecture !== wanted.architecture) return false;
  if (wanted.variant === undefined) return true;
  const normal = (p: PlatformLike): string | undefined => p.variant ?? (p.architecture === 'arm64' ? 'v8' : undefined);
  return normal(candidate) === normal(wanted);
}
