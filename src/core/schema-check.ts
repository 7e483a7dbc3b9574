import { config } from 'zod/mini';
import type * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/** Installs zod's English messages in its (process-wide) configuration unless a locale is there already. */
function useEnglishMessages(): void {
  if (config().localeError === undefined) config(en());
}

/**
 * `schema.safeParse(value)` with zod's English messages. Rampart's schemas are written with
 * zod/mini, whose functions bundle one by one (classic zod's methods pull in all of it: about 50 ms
 * of every CLI start here), and which loads no message locale of its own: without this every issue
 * would read "Invalid input".
 */
export function checkSchema<S extends z.ZodMiniType>(schema: S, value: unknown): ReturnType<S['safeParse']> {
  useEnglishMessages();
  return schema.safeParse(value) as ReturnType<S['safeParse']>;
}

/** `schema.parse(value)` (throws zod's error) with zod's English messages; see `checkSchema`. */
export function parseSchema<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  useEnglishMessages();
  return schema.parse(value);
}
