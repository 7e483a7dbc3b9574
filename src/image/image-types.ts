import type { LayerBudget } from './layer-budget.js';

/** Options for `openImage` (CONTRACTS.md §1). */
export interface OpenImageOptions {
  /** `os/arch[/variant]`; defaults to the host's platform (`linux/amd64` on x64). */
  platform?: string;
  /** Plain-HTTP registries the user names (`registry:` targets only). */
  insecure?: boolean;
  username?: string;
  password?: string;
  limits?: Partial<ImageLimits>;
  /** Default `unix:///var/run/docker.sock` (or `$DOCKER_HOST`). */
  dockerHost?: string;
}

export interface ImageLimits {
  maxDecompressedBytes: number;
  maxEntries: number;
  maxPathLength: number;
  maxManifestBytes: number;
}

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface LayerInfo {
  /** 0 = base layer. */
  index: number;
  /** `sha256:...` of the uncompressed layer (the cache key). */
  diffId: string;
  /** The blob digest as stored. */
  digest: string;
  /** Compressed size. */
  size: number;
  mediaType: string;
  /** From the config's history, when known. */
  createdBy?: string;
}

/** The OCI/Docker image config JSON, validated; only the fields Rampart uses are typed. */
export interface ImageConfigFile {
  architecture?: string;
  os?: string;
  config?: {
    User?: string;
    Env?: string[];
    Entrypoint?: string[] | null;
    Cmd?: string[] | null;
    WorkingDir?: string;
    Labels?: Record<string, string> | null;
    ExposedPorts?: Record<string, object>;
    Healthcheck?: { Test?: string[] };
    StopSignal?: string;
    Volumes?: Record<string, object>;
  };
  history?: { created?: string; created_by?: string; empty_layer?: boolean; comment?: string }[];
  rootfs?: { type: string; diff_ids: string[] };
}

export interface OpenedImage {
  /** As given, normalised (`docker-archive:/abs/x.tar`). */
  readonly target: string;
  /** Resolved `name:tag` when known. */
  readonly reference?: string;
  /** Manifest digest when known. */
  readonly digest?: string;
  /** Config digest (`sha256:...`); for `dir:` a hash of the path. */
  readonly imageId: string;
  readonly platform: Platform;
  readonly config: ImageConfigFile;
  readonly layers: readonly LayerInfo[];
  close(): Promise<void>;
}

export type EntryKind = 'file' | 'dir' | 'symlink' | 'hardlink' | 'whiteout' | 'opaque' | 'other';

export interface LayerEntry {
  /** Absolute, normalised. For `whiteout` the path deleted; for `opaque` the directory whose lower contents are hidden. */
  path: string;
  kind: EntryKind;
  /** Permission bits plus setuid/setgid/sticky (e.g. `0o4755`). */
  mode: number;
  size: number;
  uid: number;
  gid: number;
  /** Symlink target as stored; hardlink target as an absolute normalised path. */
  linkTarget?: string;
}

export interface LayerVisitor {
  /** Before each layer; return false to skip reading its entries (e.g. facts cached by diffId). */
  layer?(layer: LayerInfo): boolean | Promise<boolean>;
  /**
   * Every entry of a read layer in archive order. `content()` is valid only during this call
   * (streamed); call it only for files you need. Whiteouts/opaques come as kinds, never as `.wh.` names.
   */
  entry(entry: LayerEntry, layer: LayerInfo, content: () => Promise<Buffer>): void | Promise<void>;
}

export interface SquashedFile {
  entry: LayerEntry;
  layer: LayerInfo;
}

export interface LayerCache {
  /** `key` = the ids and versions of the analyzers that produced the value. */
  get(diffId: string, key: string): unknown;
  put(diffId: string, key: string, value: unknown): void;
  close(): void;
}

/** One entry handed over by a layer reader, with its lazily read content. */
export type EntrySink = (entry: LayerEntry, content: () => Promise<Buffer>) => Promise<void>;

/** How an opened image reads its layers; kept behind a symbol so the public shape stays the contract's. */
export interface LayerReader {
  /** Streams one layer's entries in archive order, verifying its digests; resolves when all are read. */
  readLayer(layer: LayerInfo, budget: LayerBudget, sink: EntrySink): Promise<void>;
}

export const layerReaderKey: unique symbol = Symbol('rampart.image.layerReader');

/** What every image source returns: the contract's OpenedImage plus its layer reader. */
export interface ReadableImage extends OpenedImage {
  readonly [layerReaderKey]: LayerReader;
  readonly limits: ImageLimits;
}
