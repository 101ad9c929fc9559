import type { Context } from "./types.js";

/**
 * The plan a transform's survey made for this run, with the type its survey declares
 * (`ProjectSurvey<Facts, Plan>`). Plans cross threads as plain data keyed by transform id
 * (`ctx.project.plans`), so their type is not carried with them: the transform names it back
 * here, the one place it is asserted.
 */
export function surveyedPlan<Plan>(ctx: Context, id: string): Plan | undefined {
  return ctx.project.plans?.[id]?.plan as Plan | undefined;
}
