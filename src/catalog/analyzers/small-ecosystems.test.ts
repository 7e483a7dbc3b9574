import { expect, it } from 'vitest';
import { analyzeFile, packagesOf, unknownsOf } from '../analyze-file.js';
import { composerInstalled } from './composer-installed.js';
import { dotnetDeps } from './dotnet-deps.js';
import { rubyGemspec } from './ruby-gemspec.js';

// Inputs in the exact shapes the tools write (RubyGems' generated gemspec, Composer 1/2, dotnet publish).
const gemspec = `# -*- encoding: utf-8 -*-
# stub: rake 13.0.6 ruby lib

Gem::Specification.new do |s|
  s.name = "rake".freeze
  s.version = "13.0.6"
  s.licenses = ["MIT".freeze]
end
`;
const composer2 = JSON.stringify({ packages: [{ name: 'monolog/monolog', version: 'v2.9.1', license: ['MIT'] }, { name: 'psr/log', version: '3.0.0', license: ['MIT'] }], dev: true });
const composer1 = JSON.stringify([{ name: 'guzzlehttp/guzzle', version: '6.5.5', license: 'MIT' }]);
const depsJson = JSON.stringify({
  runtimeTarget: { name: '.NETCoreApp,Version=v6.0' },
  libraries: { 'app/1.0.0': { type: 'project' }, 'Newtonsoft.Json/13.0.1': { type: 'package', serviceable: true }, 'Serilog/2.10.0': { type: 'package' } },
});

it.each([
  [rubyGemspec, '/usr/local/bundle/specifications/rake-13.0.6.gemspec', gemspec, ['rake@13.0.6 MIT']],
  [composerInstalled, '/app/vendor/composer/installed.json', composer2, ['monolog/monolog@2.9.1 MIT', 'psr/log@3.0.0 MIT']],
  [composerInstalled, '/app/vendor/composer/installed.json', composer1, ['guzzlehttp/guzzle@6.5.5 MIT']],
  [dotnetDeps, '/app/app.deps.json', depsJson, ['Newtonsoft.Json@13.0.1 ', 'Serilog@2.10.0 ']],
] as const)('%#: %s', async (analyzer, at, text, want) => {
  const pkgs = packagesOf(await analyzeFile(analyzer, at, Buffer.from(text)));
  expect(pkgs.map((p) => `${p.name}@${p.version} ${p.licenses.join(',')}`)).toEqual(want);
});

it.each([
  [rubyGemspec, '/x/specifications/a.gemspec', 'Gem::Specification.new do |s| s.name = name end'],
  [composerInstalled, '/app/vendor/composer/installed.json', '{"packages": 3}'],
  [dotnetDeps, '/app/app.deps.json', '{'],
] as const)('%#: malformed %s is an unknown', async (analyzer, at, text) => {
  expect(unknownsOf(await analyzeFile(analyzer, at, Buffer.from(text)))).toHaveLength(1);
});
