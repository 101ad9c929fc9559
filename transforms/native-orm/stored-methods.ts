import { versionAtLeast } from "../../src/django/orm.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { recordSite, report } from "./state.js";
import type { OrmFile } from "./types.js";

// `asave = sync_to_async(save)` in a model's class body: the async method a project wrote before
// Django had one. Django 4.2's Model.asave() (adelete, arefresh_from_db) is the same wrapper
// around `self.save`, except that it calls the subclass's save() where this attribute calls the
// save() of the class it is written in: reported with the change to make, never applied.

/** Model methods whose native async form Django added in 4.2. */
const MODEL_METHODS: Readonly<Record<string, string>> = {
  save: "asave",
  delete: "adelete",
  refresh_from_db: "arefresh_from_db",
};

/**
 * Reports `a<m> = sync_to_async(<m>)` (or `sync_to_async(Model.<m>)`) stored as an attribute of a
 * model class; false when `wrap` is not one.
 */
export function storedModelMethod(f: OrmFile, wrap: SyntaxNode, target: SyntaxNode): boolean {
  const method =
    target.type === "attribute" ? target.childForFieldName("attribute")?.text : target.text;
  const native = method ? MODEL_METHODS[method] : undefined;
  const assignment = wrap.parent;
  const left = assignment?.type === "assignment" ? assignment.childForFieldName("left") : undefined;
  const cls = f.file.enclosingScope(wrap);
  const model = cls.type === "class_definition" ? cls.childForFieldName("name")?.text : undefined;
  if (!native || !left || left.type !== "identifier" || !model || !f.ctx.project.models[model])
    return false;
  const since = versionAtLeast(f.target, "4.2")
    ? "Django 4.2's"
    : `From Django 4.2 (target is ${f.target}),`;
  const what =
    left.text === native
      ? "remove this attribute"
      : `call ${native}() where ${left.text}() is called, then remove this attribute`;
  const called = target.type === "attribute" ? `${target.text}()` : `${model}.${method}()`;
  recordSite(f, "sync_to_async", wrap, "AS207");
  report(
    f,
    wrap,
    "AS207",
    `${left.text} = ${wrap.text.split("\n")[0]} in ${model}: ${since} ${model}.${native}() runs self.${method}() in a thread already; ${what} by hand (Django's calls a subclass's ${method}(), this one always ${called})`,
  );
  return true;
}
