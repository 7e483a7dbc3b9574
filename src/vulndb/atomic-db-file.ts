import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Runs `fill` on a temporary file beside `target` and renames it over `target` only when `fill`
 * succeeds: a crash or a bad input leaves the old database as it was. With `copyFrom`, the
 * temporary file starts as a copy of that file (incremental updates).
 */
export async function replaceAtomically<T>(target: string, fill: (tmp: string) => Promise<T>, copyFrom?: string): Promise<T> {
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    if (copyFrom !== undefined) await copyFile(copyFrom, tmp);
    const result = await fill(tmp);
    await rename(tmp, target);
    return result;
  } finally {
    await rm(tmp, { force: true });
    await rm(`${tmp}-journal`, { force: true });
  }
}
