import { defineAnalyzer } from '../analyzer.js';

const gemspec = /\/specifications\/[^/]+\.gemspec$/;

function field(text: string, name: string): string | undefined {
  return new RegExp(`\\.${name}\\s*=\\s*["']([^"']+)["']`).exec(text)?.[1];
}

/** Installed gems: the generated `specifications/*.gemspec` files RubyGems writes on install. */
export const rubyGemspec = defineAnalyzer({
  id: 'ruby-gemspec',
  version: 1,
  description: 'Ruby gems from installed specifications/*.gemspec files',
  required(path) {
    return gemspec.test(path);
  },
  analyze({ path, content }) {
    const text = content.toString('utf8');
    const name = field(text, 'name');
    // `s.version = "1.2.3"` or `s.version = Gem::Version.new("1.2.3")`
    const version = field(text, 'version') ?? /\.version\s*=\s*Gem::Version\.new\(\s*["']([^"']+)["']/.exec(text)?.[1];
    if (name === undefined || version === undefined) return [{ kind: 'unknown', path, reason: 'gemspec without a literal name and version' }];
    const licenseList = /\.licenses\s*=\s*\[([^\]]*)\]/.exec(text)?.[1];
    const licenses = licenseList !== undefined ? [...licenseList.matchAll(/["']([^"']+)["']/g)].map((m) => m[1] ?? '') : [field(text, 'license')].filter((l): l is string => l !== undefined);
    return [{ kind: 'package', path, package: { type: 'gem', name, version, licenses } }];
  },
});
