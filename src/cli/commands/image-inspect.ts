import { ExitCode } from '../../core/index.js';
import type { LayerEntry, LayerInfo, OpenedImage, SquashedFile } from '../../image/index.js';
import { formatMode, formatPlatform, openImage, squashFilesystem } from '../../image/index.js';
import type { CliCommand } from '../cli-command.js';
import { chooseFormat } from '../global-options.js';
import type { ImageAccessFlags } from '../image-access-options.js';
import { addImageAccessOptions, imageOptionsFrom } from '../image-access-options.js';

interface InspectOptions extends ImageAccessFlags {
  files?: boolean;
}

const short = (digest: string): string => digest.replace(/^sha256:/, '').slice(0, 12);

function describeImage(image: OpenedImage, files: Map<string, SquashedFile> | undefined): Record<string, unknown> {
  const config = image.config.config ?? {};
  return {
    schemaVersion: 1,
    target: image.target,
    reference: image.reference ?? null,
    digest: image.digest ?? null,
    imageId: image.imageId,
    platform: formatPlatform(image.platform),
    config: {
      user: config.User ?? '',
      // names only: values often carry secrets
      env: (config.Env ?? []).map((e) => e.split('=')[0]),
      entrypoint: config.Entrypoint ?? null,
      cmd: config.Cmd ?? null,
      workingDir: config.WorkingDir ?? '',
      exposedPorts: Object.keys(config.ExposedPorts ?? {}),
      labels: config.Labels ?? {},
    },
    history: (image.config.history ?? []).map((h) => ({ created: h.created ?? null, createdBy: h.created_by ?? '', emptyLayer: h.empty_layer === true })),
    layers: image.layers.map((l) => ({ index: l.index, digest: l.digest, diffId: l.diffId, size: l.size, mediaType: l.mediaType, createdBy: l.createdBy ?? null })),
    ...(files === undefined ? {} : { files: [...files.values()].filter((f) => f.entry.path !== '/').sort(byPath).map(fileJson) }),
  };
}

function byPath(a: SquashedFile, b: SquashedFile): number {
  return a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0;
}

function fileJson({ entry, layer }: { entry: LayerEntry; layer: LayerInfo }): Record<string, unknown> {
  return {
    path: entry.path,
    kind: entry.kind,
    mode: `0${entry.mode.toString(8).padStart(4, '0')}`,
    size: entry.size,
    uid: entry.uid,
    gid: entry.gid,
    ...(entry.linkTarget === undefined ? {} : { linkTarget: entry.linkTarget }),
    layer: layer.index,
    layerDiffId: layer.diffId,
  };
}

function table(image: OpenedImage, files: Map<string, SquashedFile> | undefined): string {
  const d = describeImage(image, undefined) as { config: Record<string, unknown> };
  const config = d.config;
  const lines = [
    `Target:      ${image.target}`,
    `Reference:   ${image.reference ?? '-'}`,
    `Digest:      ${image.digest ?? '-'}`,
    `Image ID:    ${image.imageId}`,
    `Platform:    ${formatPlatform(image.platform)}`,
    `User:        ${(config['user'] as string) || '(root, unset)'}`,
    `Env:         ${(config['env'] as string[]).join(', ') || '-'}`,
    `Entrypoint:  ${JSON.stringify(config['entrypoint'])}`,
    `Cmd:         ${JSON.stringify(config['cmd'])}`,
    `WorkingDir:  ${(config['workingDir'] as string) || '-'}`,
    '',
    'History:',
    ...(image.config.history ?? []).map((h, i) => `  ${String(i).padStart(3)}  ${h.empty_layer === true ? '(empty)' : '       '}  ${(h.created_by ?? '').replace(/\s+/g, ' ').slice(0, 120)}`),
    '',
    'Layers:',
    '  #    DIFF ID       SIZE        MEDIA TYPE',
    ...image.layers.map((l) => `  ${String(l.index).padEnd(4)} ${short(l.diffId)}  ${String(l.size).padStart(10)}  ${l.mediaType}`),
  ];
  if (files !== undefined) {
    lines.push('', 'Files:', '  MODE        UID:GID      SIZE      LAYER  PATH');
    for (const f of [...files.values()].filter((x) => x.entry.path !== '/').sort(byPath)) {
      const e = f.entry;
      const link = e.linkTarget === undefined ? '' : ` -> ${e.linkTarget}`;
      lines.push(`  ${formatMode(e.kind, e.mode)}  ${`${e.uid}:${e.gid}`.padEnd(11)} ${String(e.size).padStart(9)}  ${String(f.layer.index).padStart(5)}  ${e.path}${link}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `rampart image inspect TARGET [--files]`: reference, digest, platform, config, history, layers and the squashed files. */
export const imageInspectCommand: CliCommand = {
  name: 'image',
  register(program, wrap) {
    const image = program.command('image').description('read container images (archives, layouts, registries, the Docker daemon, root filesystems)');
    const inspect = image
      .command('inspect')
      .description('show an image\'s reference, digest, platform, config, history and layers (--files: every file of the squashed filesystem)')
      .argument('<target>', 'docker-archive:FILE, oci-archive:FILE, oci-dir:DIR, registry:REF, docker:NAME, dir:PATH (scheme optional)')
      .option('--files', 'list every file of the squashed filesystem with its layer, mode, size and link target');
    addImageAccessOptions(inspect, { layerCache: false })
      .action(
        wrap(async (context, command) => {
          const format = chooseFormat(context.globals, ['table', 'json'] as const, 'table');
          const [target] = command.processedArgs as [string];
          const opts = command.opts<InspectOptions>();
          const env = context.io.env;
          const options = imageOptionsFrom(opts, env);
          const opened = await openImage(target, options);
          try {
            const files = opts.files === true ? await squashFilesystem(opened) : undefined;
            await context.emit(format === 'json' ? `${JSON.stringify(describeImage(opened, files), null, 2)}\n` : table(opened, files));
          } finally {
            await opened.close();
          }
          return ExitCode.ok;
        }),
      );
  },
};
