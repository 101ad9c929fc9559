import type { Context, ProjectIndex, Transform, TransformOption } from "../model/types.js";

// Settings the project's code can contradict or that a runner check reads (declared twins),
// found through the options' declarations: the runner never names a transform.

/** The string tables of the run's transforms whose option says `flag`, merged. */
function stringTables(
  transforms: readonly Transform[],
  ctx: Context,
  wanted: (option: TransformOption) => boolean,
): { option: TransformOption; value: Record<string, string> }[] {
  return transforms.flatMap((t) =>
    Object.values(t.meta.options ?? {}).flatMap((option) => {
      if (option.type !== "string-table" || !wanted(option)) return [];
      const value = ctx.options.settings[t.meta.id]?.[option.key] ?? option.default;
      return value && typeof value === "object" && !Array.isArray(value)
        ? [{ option, value: value as Record<string, string> }]
        : [];
    }),
  );
}

/** The declared twins (a table whose option says it replaces calls): AS920 reads them. */
export function declaredTwins(
  transforms: readonly Transform[],
  ctx: Context,
): Record<string, string> {
  return Object.assign(
    {},
    ...stringTables(transforms, ctx, (o) => o.replacesCalls === true).map((t) => t.value),
  );
}

export function projectSettingProblem(
  transforms: readonly Transform[],
  ctx: Context,
  index: ProjectIndex,
): string | undefined {
  for (const { option, value } of stringTables(transforms, ctx, (o) => !!o.projectProblem)) {
    const problem = option.projectProblem!(index, value);
    if (problem) return problem;
  }
  return undefined;
}
