import type { Context, ProjectFacts, Transform, TransformSettings } from "../model/types.js";

/** What a context is made from: the run's options as resolved, or the API's. */
export interface ContextOptions {
  unsafeFixes?: boolean;
  django?: boolean;
  djangoVersion?: string;
  settings?: TransformSettings;
}

/**
 * The one place a transform context is made (run, report, API, standard input): every transform's
 * declared settings with their defaults, overridden by what was given.
 */
export function makeContext(
  given: ContextOptions,
  project: ProjectFacts,
  transforms: readonly Transform[],
): Context {
  const settings: TransformSettings = {};
  for (const { meta } of transforms) {
    const defaults = Object.fromEntries(
      Object.entries(meta.options ?? {}).map(([name, option]) => [name, option.default]),
    );
    settings[meta.id] = { ...defaults, ...given.settings?.[meta.id] };
  }
  return {
    project,
    options: {
      unsafeFixes: given.unsafeFixes ?? false,
      django: given.django ?? false,
      ...(given.djangoVersion ? { djangoVersion: given.djangoVersion } : {}),
      settings,
    },
  };
}
