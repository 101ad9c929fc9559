import { dirname, relative, resolve, sep } from "node:path";
import type { ProjectFacts, SubProject } from "../model/types.js";

// Which sub-project (a folder with its own dependency files) a file belongs to, and the project
// as that file sees it. Both are asked once per file and per transform: made once per folder and
// per sub-project, not once per ask.

/** By the sub-projects' facts (one object for the run), each folder's sub-project key. */
const subProjectOfFolder = new WeakMap<object, Map<string, string | undefined>>();

/** The key of the sub-project `file` belongs to: its nearest folder that is one, if any. */
export function subProjectOf(project: ProjectFacts, file: string): string | undefined {
  const { subProjects, root } = project;
  if (!subProjects || !root) return undefined;
  let folders = subProjectOfFolder.get(subProjects);
  if (!folders) subProjectOfFolder.set(subProjects, (folders = new Map()));
  const folder = dirname(resolve(file));
  if (folders.has(folder)) return folders.get(folder);
  let found: string | undefined;
  for (let dir = folder; ; dir = dirname(dir)) {
    if (dir !== root && !dir.startsWith(root + sep)) break;
    const key = relative(root, dir).split(sep).join("/");
    if (subProjects[key]) {
      found = key;
      break;
    }
    if (dir === root) break;
  }
  folders.set(folder, found);
  return found;
}

/** By the project's facts, each sub-project's view made once (one object for all its files). */
const subProjectViews = new WeakMap<ProjectFacts, Map<string, ProjectFacts>>();

/**
 * The project as one file sees it: a file whose nearest sub-project names neither Django nor
 * asgiref (a FastAPI service beside a Django one) is in a project without them, whatever the
 * rest of the repository uses. A sub-project never adds Django the project-wide facts lack: what
 * the run says about the project stays true.
 */
export function projectOfFile(project: ProjectFacts, file: string): ProjectFacts {
  const key = subProjectOf(project, file);
  const sub = key === undefined ? undefined : project.subProjects![key];
  if (!sub) return project;
  let views = subProjectViews.get(project);
  if (!views) subProjectViews.set(project, (views = new Map()));
  const known = views.get(key!);
  if (known) return known;
  const view = subProjectView(project, sub);
  views.set(key!, view);
  return view;
}

function subProjectView(project: ProjectFacts, sub: SubProject): ProjectFacts {
  const usesDjango = project.usesDjango && sub.usesDjango;
  const { djangoVersion: _, djangoEvidence: __, ...rest } = project;
  const version = sub.djangoVersion ?? project.djangoVersion;
  return {
    ...rest,
    usesDjango,
    usesAsgiref: project.usesAsgiref && (sub.usesAsgiref || sub.usesDjango),
    ...(usesDjango && version ? { djangoVersion: version } : {}),
    ...(usesDjango && project.djangoEvidence ? { djangoEvidence: project.djangoEvidence } : {}),
  };
}
