// The parts of @cyclonedx/cyclonedx-library the encoders use, not the whole library (its validators
// and XML plug-ins). Imported statically here and this module loaded on first use, so the CLI bundle
// can carry these parts (a dynamic import of a CommonJS file gives only its default export there).
export * as Enums from '@cyclonedx/cyclonedx-library/Enums';
export * as Models from '@cyclonedx/cyclonedx-library/Models';
export * as Serialize from '@cyclonedx/cyclonedx-library/Serialize';
export * as Spec from '@cyclonedx/cyclonedx-library/Spec';
export * as SPDX from '@cyclonedx/cyclonedx-library/SPDX';
