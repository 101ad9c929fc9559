import { versionAtLeast } from "../../src/django/orm.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { fixOf, recordSite, report } from "./state.js";
import type { OrmFile } from "./types.js";

// `asave = sync_to_async(save)` in a model's class body: the async method a project wrote before
// Django had one. Django 4.2's Model.asave() (adelete, arefresh_from_db) runs
// `sync_to_async(self.save)(...)` with Django's own arguments, so the attribute can go and its
// callers keep working, when nothing tells the two apart: the attribute calls the save() of the
// class it is written in where Django's calls a subclass's (no model extends this one), and
// Django's passes only its own keyword arguments (save() takes no others and reads none by name).
// Otherwise it is reported with the change to make.

/** Model methods whose native async form Django added in 4.2, and the parameters Django passes. */
const MODEL_METHODS: Readonly<Record<string, { native: string; parameters: string[] }>> = {
  save: { native: "asave", parameters: ["force_insert", "force_update", "using", "update_fields"] },
  delete: { native: "adelete", parameters: ["using", "keep_parents"] },
  refresh_from_db: { native: "arefresh_from_db", parameters: ["using", "fields"] },
};

/**
 * Reports `a<m> = sync_to_async(<m>)` (or `sync_to_async(Model.<m>)`) stored as an attribute of a
 * model class, and removes it when Django's own twin does the same; false when `wrap` is not one.
 */
export function storedModelMethod(f: OrmFile, wrap: SyntaxNode, target: SyntaxNode): boolean {
  const method =
    target.type === "attribute" ? target.childForFieldName("attribute")?.text : target.text;
  const known = method ? MODEL_METHODS[method] : undefined;
  const assignment = wrap.parent;
  const left = assignment?.type === "assignment" ? assignment.childForFieldName("left") : undefined;
  const cls = f.file.enclosingScope(wrap);
  const model = cls.type === "class_definition" ? cls.childForFieldName("name")?.text : undefined;
  if (!known || !left || left.type !== "identifier" || !model || !f.ctx.project.models[model])
    return false;
  const native = known.native;
  const newEnough = versionAtLeast(f.target, "4.2");
  const since = newEnough ? "Django 4.2's" : `From Django 4.2 (target is ${f.target}),`;
  const written = `${left.text} = ${wrap.text.split("\n")[0]} in ${model}`;
  const different = left.text === native ? differences(f, wrap, target, model, method!) : [];
  if (newEnough && left.text === native && different.length === 0) {
    removeAttribute(f, wrap, assignment!, model, method!, written);
    return true;
  }
  const called = target.type === "attribute" ? `${target.text}()` : `${model}.${method}()`;
  const message =
    different.length > 0
      ? `${written} kept: ${since} ${model}.${native}() runs self.${method}() in a thread too, but not as this attribute does: ${different.join("; ")}`
      : `${written}: ${since} ${model}.${native}() runs self.${method}() in a thread already; ${
          left.text === native
            ? "remove this attribute"
            : `call ${native}() where ${left.text}() is called, then remove this attribute`
        } by hand (Django's calls a subclass's ${method}(), this one always ${called})`;
  recordSite(f, "sync_to_async", wrap, "AS207");
  report(f, wrap, "AS207", message);
  return true;
}

/** AS210: the attribute's line removed; its callers now reach Django's own twin. */
function removeAttribute(
  f: OrmFile,
  wrap: SyntaxNode,
  assignment: SyntaxNode,
  model: string,
  method: string,
  written: string,
): void {
  const statement = assignment.parent!;
  const range = f.file.lineRange(statement);
  // Ending the class body, the run takes the blank lines before it: the gap to the next class
  // stays what it was (two lines), not those plus the body's own blank line.
  if (startsTrailingWrappers(statement)) range.start = afterBlankLines(f.file.source, range.start);
  const native = MODEL_METHODS[method].native;
  recordSite(f, "sync_to_async", wrap);
  report(
    f,
    wrap,
    "AS210",
    `${written} removed: Django 4.2's ${model}.${native}() runs self.${method}() in a thread the same way, ${method}() takes no arguments but Django's own, and no model of the project extends ${model}`,
    undefined,
    fixOf(
      "safe",
      [{ start: range.start, end: range.end, text: "" }],
      [],
      [wrap.childForFieldName("function")!],
    ),
  );
}

/** Is `statement` the first of the `x = sync_to_async(...)` statements that end its block? */
function startsTrailingWrappers(statement: SyntaxNode): boolean {
  const siblings = statement.parent?.namedChildren.filter((c) => c.type !== "comment") ?? [];
  const at = siblings.findIndex((c) => c.id === statement.id);
  const isWrapper = (c: SyntaxNode | undefined) => {
    const value = c?.type === "expression_statement" ? c.namedChildren[0] : undefined;
    const right = value?.type === "assignment" ? value.childForFieldName("right") : undefined;
    return (
      right?.type === "call" &&
      /sync_to_async$/.test(right.childForFieldName("function")?.text ?? "")
    );
  };
  return at > 0 && !isWrapper(siblings[at - 1]) && siblings.slice(at).every(isWrapper);
}

/** The start of the blank lines just before the line at `start` (`start` when there are none). */
function afterBlankLines(source: string, start: number): number {
  let before = start;
  for (;;) {
    const previous = source.lastIndexOf("\n", before - 2) + 1;
    if (before === 0 || source.slice(previous, before).trim() !== "") return before;
    before = previous;
  }
}

/**
 * What tells the attribute from Django's twin, each said in a few words: none when `<m>` is the
 * class's own def, wrapped by a plain `sync_to_async`, taking only Django's arguments, in a model
 * nothing extends, on a line of its own.
 */
function differences(
  f: OrmFile,
  wrap: SyntaxNode,
  target: SyntaxNode,
  model: string,
  method: string,
): string[] {
  const found: string[] = [];
  const callee = wrap.childForFieldName("function");
  const wrapper = callee ? f.file.qualifiedName(callee) : undefined;
  if (wrapper !== "asgiref.sync.sync_to_async")
    found.push(`${callee?.text ?? "the wrapper"} is not asgiref's sync_to_async`);
  const args = wrap.childForFieldName("arguments")?.namedChildren ?? [];
  // `thread_sensitive=True` is the default, Django's twin's too.
  const keywords = args.filter((a) => a.type === "keyword_argument");
  if (keywords.some((a) => a.text.replace(/\s/g, "") !== "thread_sensitive=True"))
    found.push("the wrapper takes keyword arguments (thread_sensitive, ...) Django's does not");
  const subclasses = f.ctx.project.models[model].subclasses ?? [];
  if (subclasses.length > 0)
    found.push(
      `${subclasses.join(", ")} extend${subclasses.length === 1 ? "s" : ""} ${model}: Django's twin calls a subclass's own ${method}(), this one always ${model}.${method}()`,
    );
  const def = target.type === "identifier" ? ownDef(f, target) : undefined;
  if (!def) found.push(`${target.text} is not a def of ${model}'s own body`);
  else found.push(...parameterDifferences(f, def, method));
  const statement = wrap.parent?.parent;
  if (statement && !aloneOnItsLine(f, statement))
    found.push("the line holds more than this attribute");
  return found;
}

/** Is the statement the only code on its line (a comment after it goes with it)? */
function aloneOnItsLine(f: OrmFile, statement: SyntaxNode): boolean {
  const { start, end } = f.file.lineRange(statement);
  const before = f.source.slice(start, statement.startIndex);
  const after = f.source.slice(statement.endIndex, end);
  return before.trim() === "" && /^\s*(#[^\n]*)?\s*$/.test(after);
}

/** The def `name` is bound to in the class body, when that is its one binding. */
function ownDef(f: OrmFile, name: SyntaxNode): SyntaxNode | undefined {
  const cls = f.file.enclosingScope(name);
  const bound = f.file.bindingsNamed(cls, name.text);
  const def = bound.length === 1 ? bound[0].node.parent : undefined;
  return def?.type === "function_definition" && def.startIndex < name.startIndex ? def : undefined;
}

/**
 * Parameters Django's twin would not fill the same way: a name it does not pass, or `*args` or
 * `**kwargs` read other than handed on whole (`kwargs.pop("notify")`, `"update_fields" in kwargs`:
 * Django passes every keyword of its own, so what was absent is now there).
 */
function parameterDifferences(f: OrmFile, def: SyntaxNode, method: string): string[] {
  const allowed = new Set(MODEL_METHODS[method].parameters);
  const found: string[] = [];
  const parameters = def.childForFieldName("parameters")?.namedChildren ?? [];
  for (const p of parameters.slice(1)) {
    if (p.type === "list_splat_pattern" || p.type === "dictionary_splat_pattern") {
      const name = p.namedChildren[0]?.text;
      if (name && !onlyHandedOn(f, def, name))
        found.push(`${method}() reads ${p.text} by itself, and Django passes its own keywords`);
      continue;
    }
    const name = p.type === "identifier" ? p.text : p.childForFieldName("name")?.text;
    if (p.type === "keyword_separator" || p.type === "positional_separator") continue;
    if (!name || !allowed.has(name))
      found.push(
        `${method}() takes ${name ?? p.text}, which Django's twin does not pass (it takes ${[...allowed].join(", ")})`,
      );
  }
  return found;
}

/** Is every use of `name` in the def a `*name` or `**name` argument of a call? */
function onlyHandedOn(f: OrmFile, def: SyntaxNode, name: string): boolean {
  const body = def.childForFieldName("body");
  if (!body) return true;
  return f.file
    .referencesInScope(def, name)
    .filter((use) => use.startIndex >= body.startIndex)
    .every(
      (use) =>
        (use.parent?.type === "list_splat" || use.parent?.type === "dictionary_splat") &&
        use.parent.parent?.type === "argument_list",
    );
}
