import { isRootUser, parseInstructions, readDockerfile } from '../lint/index.js';
import { hardeningDefaults } from './hardening-defaults.js';

const ARCHIVE = /\.(tar|gz|tgz|bz2|tbz2?|xz|txz|zst|lz|lzma|tlz)["']?$/i;
const REMOTE = /^["']?((https?|git):\/\/|git@)/i;

/** Rewrites a Dockerfile: a non-root USER for the final stage, COPY for local ADDs. Other lines are untouched. */
export function fixDockerfileText(text: string, file: string): { text: string; notes: string[] } {
  const lines = text.split('\n');
  const notes: string[] = [];
  const instructions = parseInstructions(text, file);
  for (const i of instructions) {
    if (i.keyword !== 'ADD') continue;
    const words = i.args.trim().startsWith('[') ? [] : i.args.trim().split(/\s+/).slice(0, -1);
    if (words.length === 0 || words.some((w) => REMOTE.test(w) || ARCHIVE.test(w))) continue;
    const index = (i.location.line ?? 1) - 1;
    const line = lines[index] ?? '';
    lines[index] = line.replace(/^(\s*)ADD\b/i, '$1COPY');
    notes.push(`line ${index + 1}: ADD → COPY`);
  }
  const workload = readDockerfile(text, file);
  const container = workload.containers[0];
  const user = container?.user?.value;
  if (user === undefined || isRootUser(user)) {
    const stages = workload.build?.stages ?? [];
    const final = stages[stages.length - 1];
    const lastUser = [...(final?.instructions ?? [])].reverse().find((i) => i.keyword === 'USER');
    if (lastUser !== undefined && isRootUser(lastUser.args)) {
      const index = (lastUser.location.line ?? 1) - 1;
      lines[index] = (lines[index] ?? '').replace(/USER\s+.*$/i, `USER ${hardeningDefaults.user}`);
      notes.push(`line ${index + 1}: USER ${hardeningDefaults.user}`);
    } else {
      // Appended at the end of the file (the final stage): USER sets the image config, whatever the order of CMD.
      const trailingNewline = lines[lines.length - 1] === '';
      if (trailingNewline) lines.pop();
      lines.push(`USER ${hardeningDefaults.user}`);
      if (trailingNewline) lines.push('');
      notes.push(`added USER ${hardeningDefaults.user} to the final stage`);
    }
  }
  return { text: lines.join('\n'), notes };
}
