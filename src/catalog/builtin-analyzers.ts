import { createRegistry } from '../core/index.js';
import type { Analyzer } from './analyzer.js';
import { apk } from './analyzers/apk.js';
import { cargoLock } from './analyzers/cargo-lock.js';
import { composerInstalled } from './analyzers/composer-installed.js';
import { dotnetDeps } from './analyzers/dotnet-deps.js';
import { dpkgFiles } from './analyzers/dpkg-files.js';
import { dpkgStatus } from './analyzers/dpkg-status.js';
import { gemfileLock } from './analyzers/gemfile-lock.js';
import { goBinary } from './analyzers/go-binary.js';
import { goMod } from './analyzers/go-mod.js';
import { gradleLockfile } from './analyzers/gradle-lockfile.js';
import { javaArchive } from './analyzers/java-archive.js';
import { mavenPom } from './analyzers/maven-pom.js';
import { nodePackage } from './analyzers/node-package.js';
import { npmLockfile } from './analyzers/npm-lockfile.js';
import { nugetConfig } from './analyzers/nuget-config.js';
import { nugetLock } from './analyzers/nuget-lock.js';
import { nugetPackageReference } from './analyzers/nuget-package-reference.js';
import { osReleaseAnalyzer } from './analyzers/os-release.js';
import { pnpmLockfile } from './analyzers/pnpm-lockfile.js';
import { pythonDist } from './analyzers/python-dist.js';
import { rpm } from './analyzers/rpm.js';
import { rubyGemspec } from './analyzers/ruby-gemspec.js';
import { rustBinary } from './analyzers/rust-binary.js';
import { sbtLockfile } from './analyzers/sbt-lockfile.js';
import { yarnLockfile } from './analyzers/yarn-lockfile.js';

/** Every built-in analyzer, explicitly listed (one file each under `catalog/analyzers/`). */
export const analyzers = createRegistry<Analyzer>('analyzer', [
  apk,
  cargoLock,
  composerInstalled,
  dotnetDeps,
  dpkgFiles,
  dpkgStatus,
  gemfileLock,
  goBinary,
  goMod,
  gradleLockfile,
  javaArchive,
  mavenPom,
  nodePackage,
  npmLockfile,
  nugetConfig,
  nugetLock,
  nugetPackageReference,
  osReleaseAnalyzer,
  pnpmLockfile,
  pythonDist,
  rpm,
  rubyGemspec,
  rustBinary,
  sbtLockfile,
  yarnLockfile,
], {
  unitDir: 'catalog/analyzers',
});
