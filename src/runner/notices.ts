import type { Options } from "../config/options.js";
import { transformApplies } from "../engine/pipeline.js";
import type { Context, Notice, Transform } from "../model/types.js";
import { projectOfFile, subProjectOf } from "../project/sub-projects.js";
import { displayPath } from "../project/paths.js";

/** What the run says once: transforms that did nothing and why, named files it excluded. */
export function runNotices(
  options: Options,
  transforms: readonly Transform[],
  ctx: Context,
  excludedNamed: readonly string[],
  cwd: string,
): Notice[] {
  const withoutDjango = !ctx.options.django && !ctx.project.usesDjango;
  const notices: Notice[] = transforms
    .filter((t) => withoutDjango && t.meta.needsDjango && transformApplies(t, ctx))
    .flatMap((t) => {
      const does = ctx.project.usesAsgiref
        ? (t.meta.alsoWithAsgiref ?? t.meta.withoutDjango)
        : t.meta.withoutDjango;
      return does
        ? [
            {
              transform: t.meta.id,
              message: `${t.meta.id}: no Django found in the project; ${does}`,
            },
          ]
        : [];
    });
  notices.push(
    ...transforms
      .filter((t) => !transformApplies(t, ctx))
      .map((t) => ({
        transform: t.meta.id,
        message:
          `${t.meta.id} did nothing: no Django found in the project's dependency files or ` +
          `imports (what it fixes needs Django's database work); pass --django to run it anyway`,
      })),
  );
  const excludedBy = options.configFile
    ? `the exclude globs (--exclude, or exclude in ${displayPath(options.configFile, cwd)})`
    : "--exclude";
  for (const file of excludedNamed)
    notices.push({
      message: `${displayPath(file, cwd)}: named on the command line but excluded by ${excludedBy}; not processed`,
    });
  return notices;
}

/**
 * A service of the repository whose dependency files name neither Django nor asgiref, holding
 * files of the run: the transforms that need them leave those files alone, said once per folder.
 */
export function subProjectNotices(
  transforms: readonly Transform[],
  ctx: Context,
  files: readonly string[],
): Notice[] {
  const { subProjects, root } = ctx.project;
  if (!subProjects || !root) return [];
  const notices: Notice[] = [];
  for (const [folder, sub] of Object.entries(subProjects)) {
    const file = files.find((f) => subProjectOf(ctx.project, f) === folder);
    if (!file) continue;
    const own = { ...ctx, project: projectOfFile(ctx.project, file) };
    const left = transforms.filter((t) => transformApplies(t, ctx) && !transformApplies(t, own));
    // A transform that still reports what fails in any project says what it does there.
    const partly = transforms.filter(
      (t) =>
        t.meta.needsDjango &&
        t.meta.withoutDjango &&
        (ctx.options.django || ctx.project.usesDjango || ctx.project.usesAsgiref) &&
        !own.project.usesDjango &&
        !own.project.usesAsgiref,
    );
    const said = [
      ...(left.length > 0 ? [`${left.map((t) => t.meta.id).join(", ")} left its files alone`] : []),
      ...partly.map((t) => `${t.meta.id}: ${t.meta.withoutDjango}`),
    ];
    if (said.length > 0)
      notices.push({
        message:
          `${folder || "the project root"}: its dependency files (${sub.evidence}) name neither Django nor asgiref; ` +
          said.join("; "),
      });
  }
  return notices;
}
