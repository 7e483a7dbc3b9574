// Builds the three benchmark images as docker-archive tarballs (cached under the OS temp folder):
// a Debian minbase, a large one with python3/nodejs/npm from Debian, and a multi-layer one with an
// app node_modules of old versions, a venv, a deleted file and a removed Debian package.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const workDir = path.join(os.tmpdir(), 'rampart-bench-catalog');
const mirror = 'http://deb.debian.org/debian';

function run(cmd, args, opts = {}) {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], ...opts });
}

function packLayer(rootfs, out) {
  run('tar', ['--numeric-owner', '--xattrs', '--pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime', '--sort=name', '--mtime=@1700000000',
    '--exclude=./dev/*', '--exclude=./proc/*', '--exclude=./sys/*', '-C', rootfs, '-cf', out, '.']);
}

function sha256File(file) {
  return `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
}

/** A `docker save` archive from layer tarballs (base first). */
function writeDockerArchive(out, layers, tag) {
  const dir = `${out}.d`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const names = layers.map((layer, i) => {
    mkdirSync(path.join(dir, `l${i}`));
    const name = `l${i}/layer.tar`;
    run('cp', [layer, path.join(dir, name)]);
    return name;
  });
  const config = {
    architecture: 'amd64',
    os: 'linux',
    config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['/bin/sh'] },
    rootfs: { type: 'layers', diff_ids: layers.map(sha256File) },
    history: layers.map((_, i) => ({ created: '2023-11-14T22:13:20Z', created_by: `bench layer ${i}` })),
  };
  const configText = JSON.stringify(config);
  const configName = `${createHash('sha256').update(configText).digest('hex')}.json`;
  writeFileSync(path.join(dir, configName), configText);
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify([{ Config: configName, RepoTags: [tag], Layers: names }]));
  // member names without a leading ./ (go-containerregistry, used by Trivy, looks names up verbatim)
  run('tar', ['-C', dir, '-cf', `${out}.tmp`, 'manifest.json', configName, ...names]);
  renameSync(`${out}.tmp`, out);
  rmSync(dir, { recursive: true, force: true });
}

function debootstrap(rootfs, include) {
  rmSync(rootfs, { recursive: true, force: true });
  const args = ['--variant=minbase', '--aptopt=Acquire::Check-Valid-Until "false"', '--quiet'];
  if (include.length > 0) args.push(`--include=${include.join(',')}`);
  run('mmdebstrap', [...args, 'bookworm', rootfs, mirror]);
}

export function buildImages() {
  mkdirSync(workDir, { recursive: true });
  const out = {
    minbase: path.join(workDir, 'minbase.tar'),
    large: path.join(workDir, 'large.tar'),
    multilayer: path.join(workDir, 'multilayer.tar'),
  };
  const baseRoot = path.join(workDir, 'rootfs-minbase');
  const baseLayer = path.join(workDir, 'minbase-layer.tar');
  if (!existsSync(baseLayer)) {
    debootstrap(baseRoot, []);
    packLayer(baseRoot, baseLayer);
  }
  if (!existsSync(out.minbase)) writeDockerArchive(out.minbase, [baseLayer], 'bench/minbase:latest');
  if (!existsSync(out.large)) {
    const layer = path.join(workDir, 'large-layer.tar');
    if (!existsSync(layer)) {
      const root = path.join(workDir, 'rootfs-large');
      debootstrap(root, ['python3', 'nodejs', 'npm']);
      packLayer(root, layer);
      rmSync(root, { recursive: true, force: true });
    }
    writeDockerArchive(out.large, [layer], 'bench/large:latest');
  }
  const appLayer = path.join(workDir, 'app-layer.tar');
  const delLayer = path.join(workDir, 'delete-layer.tar');
  if (!existsSync(out.multilayer) && existsSync(appLayer) && existsSync(delLayer)) {
    writeDockerArchive(out.multilayer, [baseLayer, appLayer, delLayer], 'bench/multilayer:latest');
  }
  if (!existsSync(out.multilayer)) {
    if (!existsSync(baseRoot)) {
      mkdirSync(baseRoot, { recursive: true });
      run('tar', ['-C', baseRoot, '-xf', baseLayer]);
    }
    // layer 1: an app with old npm packages and a Python venv
    const app = path.join(workDir, 'rootfs-app');
    rmSync(app, { recursive: true, force: true });
    mkdirSync(path.join(app, 'app'), { recursive: true });
    writeFileSync(path.join(app, 'app/package.json'), JSON.stringify({ name: 'bench-app', version: '1.0.0', private: true }));
    run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', 'express@4.16.0', 'lodash@4.17.4', 'minimist@0.0.8', 'debug@2.6.8'], { cwd: path.join(app, 'app') });
    run('python3', ['-m', 'venv', path.join(app, 'app/venv')]);
    packLayer(app, appLayer);
    // layer 2: delete a file (minimist's directory, by whiteout) and remove a Debian package (its
    // status entry and .list file)
    const del = path.join(workDir, 'rootfs-delete');
    rmSync(del, { recursive: true, force: true });
    mkdirSync(path.join(del, 'app/node_modules'), { recursive: true });
    writeFileSync(path.join(del, 'app/node_modules/.wh.minimist'), '');
    mkdirSync(path.join(del, 'var/lib/dpkg/info'), { recursive: true });
    const status = readFileSync(path.join(baseRoot, 'var/lib/dpkg/status'), 'utf8');
    const removed = 'hostname';
    const kept = status.split(/\n\n+/).filter((p) => p.trim() !== '' && !p.startsWith(`Package: ${removed}\n`));
    writeFileSync(path.join(del, 'var/lib/dpkg/status'), `${kept.join('\n\n')}\n`);
    writeFileSync(path.join(del, `var/lib/dpkg/info/.wh.${removed}.list`), '');
    packLayer(del, delLayer);
    writeDockerArchive(out.multilayer, [baseLayer, appLayer, delLayer], 'bench/multilayer:latest');
    rmSync(app, { recursive: true, force: true });
    rmSync(del, { recursive: true, force: true });
  }
  return out;
}
