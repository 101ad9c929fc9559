import type { Context, OptionValue, TransformOption } from "./types.js";

/**
 * A setting more than one transform reads, declared once (by the transforms, in
 * `transforms/shared/`): it lives in its owner's table (`table`, the owner's id), the owner lists
 * it in its `meta.options`, and any transform reads it through the declaration, never by the
 * other's id and key as strings.
 */
export interface SharedOption {
  /** The transform whose table holds it. */
  table: string;
  option: TransformOption;
}

/** A shared setting's value in this run (its default when not given). */
export function sharedSetting<T extends OptionValue>(ctx: Context, shared: SharedOption): T {
  const value = ctx.options.settings[shared.table]?.[shared.option.key] ?? shared.option.default;
  return value as T;
}
