import type { Location } from '../../../core/index.js';
import { defineCheck, describeContainer } from '../../check.js';

/** Pinned: a digest reference, `scratch`, or a reference built from variables (cannot be judged). */
function isPinned(image: string): boolean {
  return image === '' || /^scratch$/i.test(image) || /@sha256:[0-9a-f]+$/.test(image) || /^sha256:[0-9a-f]{64}$/.test(image) || image.includes('$');
}

export const check = defineCheck({
  id: 'runtime/image-digest-pinned',
  version: 1,
  scope: 'workload',
  // A live container runs one image id already; the check is about configs that name what to pull.
  sources: ['kubernetes', 'compose', 'docker-run', 'dockerfile'],
  description: 'Images should be pinned by digest so what runs is what was scanned.',
  title: 'image not pinned by digest',
  severity: 'low',
  fixable: false,
  references: { cis: ['4.2'], cwe: ['CWE-494'] },
  remediation: 'Reference the image as name@sha256:<digest> (keep the tag for readability: name:tag@sha256:...).',
  evaluate(workload) {
    if (workload.build !== undefined) {
      // Every stage's base image feeds the build; FROM naming an earlier stage is not a pull.
      const aliases = new Set<string>();
      const out: { location: Location; detail: string }[] = [];
      for (const stage of workload.build.stages) {
        const from = stage.from;
        if (!aliases.has(from.value.toLowerCase()) && !isPinned(from.value)) out.push({ location: from.location, detail: `FROM ${from.value}` });
        if (stage.name !== undefined) aliases.add(stage.name.toLowerCase());
      }
      return out;
    }
    return workload.containers.flatMap((c) => {
      const image = c.image;
      if (image === undefined || image.value.startsWith('(built') || isPinned(image.value)) return [];
      return [{ location: image.location, detail: `${describeContainer(c)} uses ${image.value}` }];
    });
  },
});
