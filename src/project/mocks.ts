import { lastSegment } from "../python/lookup.js";
import { dottedName, importRootPart } from "../python/module-names.js";
import { join } from "node:path";
import type { IndexedPatch, ProjectIndex, ReplacedName } from "../model/types.js";
import { runnerDiagnostic } from "../model/reported.js";
import type { FileResult } from "../model/results.js";
import { displayPath } from "./paths.js";

/** A module the run rewrote, and the names its code no longer calls. */
export interface RewrittenModule {
  module: string;
  replaced: ReplacedName[];
}

/**
 * Tests that patch what the run rewrote (AS920): `patch("billing.tasks.asyncio.run")` raises
 * AttributeError once `asyncio` is no longer imported there, and `patch("asyncio.run")` or
 * `patch.object(asyncio, "run")` no longer intercepts the call, so an `assert_not_called()` then
 * passes whatever happens. Each is reported on the test's line with the target to patch instead.
 */
export function mockedRewrites(
  index: ProjectIndex,
  rewritten: readonly RewrittenModule[],
  cwd: string,
): { path: string; line: number; message: string }[] {
  const found: { path: string; line: number; message: string }[] = [];
  // One name replaced at many sites of a module is one finding per patch.
  const said = new Set<string>();
  for (const patch of index.patches)
    for (const { module, replaced } of rewritten)
      for (const name of replaced) {
        const message = inImportRoot(patch.path, module)
          ? messageFor(patch, module, name, index)
          : undefined;
        const key = `${patch.path}:${patch.line}:${message}`;
        if (message && !said.has(key) && said.add(key))
          found.push({
            path: displayPath(join(index.root, patch.path), cwd),
            line: patch.line,
            message,
          });
      }
  return found;
}

/**
 * Whether a test at `path` (from the project root) may import `module`: a module whose id
 * carries a service's import root (see ModuleNames) is another program's to the other services.
 */
function inImportRoot(path: string, module: string): boolean {
  const root = importRootPart(module);
  return root === "" || root === "./" || path.startsWith(root);
}

function messageFor(
  patch: IndexedPatch,
  id: string,
  name: ReplacedName,
  index: ProjectIndex,
): string | undefined {
  // Said and patched by the name Python imports it by.
  const module = dottedName(id);
  const target = patch.attribute ? `${patch.target}.${patch.attribute}` : patch.target;
  // `Order.objects.count` -> `Order.objects.acount`: a method the module now awaits.
  if (name.awaited && name.twin)
    return (target === name.local || target.endsWith(`.${lastSegment(name.local)}`)) &&
      exercises(index, patch.path, id)
      ? `this test patches ${target}, which ${module} no longer calls: it now awaits the async twin ${name.by}, so the patch no longer intercepts that module's call (other callers still call the sync one); patch ${name.by} too, with an AsyncMock`
      : undefined;
  if (name.awaited)
    return (target === name.local || target.endsWith(`.${name.local}`)) &&
      exercises(index, patch.path, id)
      ? `this test patches ${target}, which ${module} no longer calls (it now awaits ${name.by}): the patch intercepts nothing; patch ${name.by} instead, with an AsyncMock`
      : undefined;
  // `by` empty: the wrapper is gone and the wrapped call runs itself.
  const instead = name.by
    ? `patch "${module}.${name.by}" instead`
    : "patch the called function instead";
  // patch("billing.tasks.asyncio.run"), patch.object(billing.tasks.asyncio, "run")
  if (
    target === `${module}.${name.local}` ||
    target.endsWith(`.${lastSegment(module)}.${name.local}`)
  )
    return `this test patches ${target}, which ${module} no longer calls${name.by ? ` (it now calls ${name.by})` : ""}: the patch fails or intercepts nothing; ${instead}`;
  // patch("asyncio.run"), patch.object(asyncio, "run"): global, intercepts only if the test runs
  // the rewritten module's code.
  if ((target === name.qualified || target === name.local) && exercises(index, patch.path, id))
    return `this test patches ${target}, which ${module} no longer calls${name.by ? ` (it now calls ${name.by})` : ""}: it no longer intercepts that module's call; ${instead}`;
  return undefined;
}

/** Does the test file call into `module` (through its name or one of its functions)? */
function exercises(index: ProjectIndex, testPath: string, module: string): boolean {
  const own = new Set(index.functions.filter((f) => f.module === module).map((f) => f.name));
  return index.calls.some(
    (c) =>
      c.path === testPath &&
      (c.callee.startsWith(`${lastSegment(dottedName(module))}.`) ||
        own.has(lastSegment(c.callee))),
  );
}

/** The results with each mock finding added to its test file's result (a new one if unnamed). */
export function withMockFindings(
  results: FileResult[],
  findings: readonly { path: string; line: number; message: string }[],
): FileResult[] {
  if (findings.length === 0) return results;
  const byPath = new Map(results.map((r) => [r.path, r]));
  for (const { path, line, message } of findings) {
    const diagnostic = runnerDiagnostic("AS920", "warning", message, line);
    const result = byPath.get(path);
    if (result) result.diagnostics.push(diagnostic);
    else {
      const added: FileResult = {
        path,
        status: "unchanged",
        diagnostics: [diagnostic],
        skippedBy: [],
      };
      byPath.set(path, added);
      results.push(added);
    }
  }
  return results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
