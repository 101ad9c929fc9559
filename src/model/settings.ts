import type { Context, OptionValue, TransformMeta } from "./types.js";

/** A transform's own setting, as the context holds it (its default when not given). */
export function settingOf<T extends OptionValue>(
  ctx: Context,
  meta: TransformMeta,
  name: string,
): T {
  const value = ctx.options.settings[meta.id]?.[name] ?? meta.options?.[name]?.default;
  return value as T;
}
