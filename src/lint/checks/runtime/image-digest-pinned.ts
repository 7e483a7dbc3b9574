import { defineCheck, describeContainer } from '../../check.js';

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
  references: { cis: ['4.2', '5.27'], cwe: ['CWE-494'] },
  remediation: 'Reference the image as name@sha256:<digest> (keep the tag for readability: name:tag@sha256:...).',
  evaluate(workload) {
    return workload.containers.flatMap((c) => {
      const image = c.image;
      if (image === undefined || image.value === '' || image.value.startsWith('(built') || /^scratch$/i.test(image.value)) return [];
      if (/@sha256:[0-9a-f]{64}$/.test(image.value) || /^sha256:[0-9a-f]{64}$/.test(image.value)) return [];
      if (image.value.includes('$')) return [];
      return [{ location: image.location, detail: `${describeContainer(c)} uses ${image.value}` }];
    });
  },
});
