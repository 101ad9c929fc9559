import type { Options as YargsOption } from "yargs";
import type { TransformSettings } from "../model/types.js";
import type { Registry } from "../model/registry.js";

/** Values of the flags transforms declare, by flag name (e.g. `--to-thread unwrap`). */
export type TransformFlagArgs = Record<string, unknown>;

/** The command-line flags every transform declares in `meta.options`, as yargs options. */
export function transformFlags(registry: Registry): Record<string, YargsOption> {
  const flags: Record<string, YargsOption> = {};
  for (const { meta } of registry)
    for (const option of Object.values(meta.options ?? {})) {
      if (!option.flag) continue;
      flags[option.flag] =
        option.type === "choice"
          ? { choices: option.choices, describe: option.describe }
          : { type: "boolean", describe: option.describe };
    }
  return flags;
}

/** The transform settings given by flags, by transform id and option name. */
export function settingsFromFlags(registry: Registry, args: TransformFlagArgs): TransformSettings {
  const settings: TransformSettings = {};
  for (const { meta } of registry)
    for (const [name, option] of Object.entries(meta.options ?? {})) {
      const value = option.flag ? args[option.flag] : undefined;
      if (value === undefined) continue;
      settings[meta.id] = { ...settings[meta.id], [name]: value as string | boolean };
    }
  return settings;
}
