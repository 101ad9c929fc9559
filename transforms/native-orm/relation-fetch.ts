import type { NeededImport, SyntaxNode } from "../../src/model/types.js";
import { importedModuleId } from "../../src/python/module-names.js";
import { absoluteName } from "../../src/python/relative-imports.js";
import { fromModuleName } from "../../src/python/shapes.js";
import type { Conversion, OrmFile } from "./types.js";

// orm-human-7 K3: a thread wrapper whose whole work is one forward ForeignKey or OneToOneField
// read (`@property @sync_to_async def get_client(self): return self.client`, `await sync_to_async(
// lambda: feedback.bot_user)()`) has a native form. The read runs Django's descriptor, which
// fetches the row by the key column with the related model's base manager and caches it on the
// instance (later reads of `self.client` run no query: code relies on that, as in `await
// sync_to_async(lambda: order.customer)()` alone on its line). So the rewrite fetches and caches
// the same way, then reads the attribute, which no longer queries:
//   if self.client_id is not None and not Cabinet.client.is_cached(self):
//       self.client = await Client._base_manager.aget(pk=self.client_id)
//   return self.client
// A key that is None is left to the read, which gives None (nullable) or raises
// RelatedObjectDoesNotExist (not nullable) without a query, as before.

/** The native fetch of a relation read, or why the transform does not write it. */
export type RelationFetch = Fetch | { why: string };

interface Fetch {
  /** The instance read (`self`) and the relation (`client`). */
  object: string;
  field: string;
  model: string;
  /** `if ...:\n<indent>    self.client = await ...`, to stand before the read. */
  load: (indent: string, unit: string) => string;
  needs?: NeededImport;
}

/**
 * `x.client`, a forward relation of `x`'s model (`self` in a method of a project model, or a
 * proven instance): its native fetch, a reason it is not written, or undefined when the read is
 * no such relation.
 */
export function relationFetch(f: OrmFile, read: SyntaxNode): RelationFetch | undefined {
  const object = read.childForFieldName("object");
  const field = read.childForFieldName("attribute")?.text ?? "";
  if (read.type !== "attribute" || object?.type !== "identifier") return undefined;
  const model = modelOf(f, object);
  const facts = model ? f.ctx.project.models[model] : undefined;
  if (!model || !facts?.relations.includes(field)) return undefined;
  const written = facts.targets?.[field];
  const target = written === "self" ? model : written;
  if (facts.pkRelations?.[field] === undefined || !target)
    return {
      why: `${model}.${field} names its target or its column in a way the transform does not read (a to_field, or arguments computed at run time)`,
    };
  const x = object.text;
  // orm-review-8 W3: an abstract model has no manager, and its relation's descriptor (and a
  // `"self"` target) is the concrete subclass's: asked of the instance's own class.
  const abstract = !!facts.abstract;
  if (!abstract && !bindsModelClass(f, read, model))
    return { why: `${model} is not bound here by that name, to ask its field what it caches` };
  const owner = abstract ? `type(${x})` : model;
  const needs = abstract ? undefined : importedTarget(f, read, model, target, field);
  // orm-review-8 W3b: a concrete subclass may override the abstract base's field with another
  // target, so an abstract base's fetch never names the target it declares.
  const manager =
    !abstract && (needs || bindsModelClass(f, read, target))
      ? `${target}._base_manager`
      : `${owner}.${field}.get_queryset(instance=${x})`;
  const condition = `${x}.${field}_id is not None and not ${owner}.${field}.is_cached(${x})`;
  const fetch = `${x}.${field} = await ${manager}.aget(pk=${x}.${field}_id)`;
  return {
    object: x,
    field,
    model,
    load: (indent, unit) => `if ${condition}:\n${indent}${unit}${fetch}`,
    ...(needs ? { needs } : {}),
  };
}

/**
 * The statement `statement` rewritten: the fetch first, then `tail` (the statement with the
 * wrapper replaced by the plain read, or nothing when its value was dropped).
 */
export function fetchConversion(
  f: OrmFile,
  fetch: Fetch,
  statement: SyntaxNode,
  tail: string,
): Conversion {
  const indent = indentOf(f.source, statement.startIndex);
  const text = fetch.load(indent, indentUnit(f, statement)) + (tail ? `\n${indent}${tail}` : "");
  return {
    node: statement,
    edits: [{ start: statement.startIndex, end: statement.endIndex, text }],
    proven: true,
    since: "4.1",
    awaited: false,
    note: `${fetch.object}.${fetch.field}, a relation of ${fetch.model}, is fetched natively by its key column and cached on ${fetch.object}, as Django's descriptor does; then read`,
    ...(fetch.needs ? { needs: fetch.needs } : {}),
  };
}

/** The statement a whole def's body is: `return <x>.<relation>` (after a docstring), or undefined. */
export function returnedRead(body: SyntaxNode): SyntaxNode | undefined {
  const statements = body.namedChildren.filter((s) => s.type !== "comment");
  const docstring =
    statements[0]?.type === "expression_statement" &&
    statements[0].namedChildren[0]?.type === "string";
  const rest = docstring ? statements.slice(1) : statements;
  const value = rest.length === 1 && rest[0].type === "return_statement" ? rest[0] : undefined;
  const read = value?.namedChildren[0];
  return read?.type === "attribute" && value!.namedChildren.length === 1 ? read : undefined;
}

/**
 * The statement `awaited` (an `await` of a wrapper) stands alone in, on lines of its own: `x =
 * await ...`, `return await ...`, or `await ...` dropped; undefined inside any other expression.
 */
export function statementOfAwait(f: OrmFile, awaited: SyntaxNode): SyntaxNode | undefined {
  const holder = awaited.parent;
  const statement =
    holder?.type === "return_statement"
      ? holder
      : holder?.type === "expression_statement"
        ? holder
        : holder?.type === "assignment" && holder.childForFieldName("right")?.id === awaited.id
          ? holder.parent
          : undefined;
  if (statement?.type !== "expression_statement" && statement?.type !== "return_statement")
    return undefined;
  if (
    statement.namedChildren.length !== 1 ||
    !/^(block|module)$/.test(statement.parent?.type ?? "")
  )
    return undefined;
  const before = f.source.slice(
    f.source.lastIndexOf("\n", statement.startIndex - 1) + 1,
    statement.startIndex,
  );
  const lineEnd = f.source.indexOf("\n", statement.endIndex);
  const after = f.source.slice(statement.endIndex, lineEnd < 0 ? undefined : lineEnd);
  return /^[ \t]*$/.test(before) && /^[ \t]*(#.*)?\r?$/.test(after) ? statement : undefined;
}

/** The model of `x`: `self` in a method of a project model class, or a proven instance's. */
function modelOf(f: OrmFile, object: SyntaxNode): string | undefined {
  if (object.text === "self") {
    const cls = f.file.enclosingClass(object);
    const def = f.file.enclosingDef(object);
    const name = cls?.childForFieldName("name")?.text ?? "";
    const first = def?.childForFieldName("parameters")?.namedChildren[0];
    // `self` as the first parameter of a method of the class itself, not of a nested class.
    if (
      f.ctx.project.models[name] &&
      first?.text === "self" &&
      f.file.enclosingClass(def!)?.id === cls?.id
    )
      return name;
  }
  return f.proofs.instanceOf(object)?.model;
}

/**
 * `from bot.models import Bot_user`, beside the import of the model read (`from bot.models import
 * Feedback`), when that module declares both classes (the index holds a method of the model
 * there) and the name is free here.
 */
function importedTarget(
  f: OrmFile,
  at: SyntaxNode,
  model: string,
  target: string,
  field: string,
): NeededImport | undefined {
  const index = f.ctx.project.index;
  if (!index || !f.ctx.project.models[model]?.boundTargets?.includes(field)) return undefined;
  if (f.file.visibleBindings(at, target).length > 0 || f.file.importedNames().has(target))
    return undefined;
  if (f.file.bindingsNamed(f.file.root, target).length > 0) return undefined;
  const binding = f.file.importBindingOf(model, at);
  if (!binding || !bindsModelClass(f, at, model) || binding.item.type === "aliased_import")
    return undefined;
  const written = fromModuleName(binding.statement);
  const qualified = absoluteName(binding.qualified, f.file.module, f.file.path) ?? "";
  const id = importedModuleId(f.file.module, qualified.slice(0, -(model.length + 1)));
  const declares = index.functions.some((fn) => fn.className === model && fn.module === id);
  return written && declares ? { module: written, name: target, at } : undefined;
}

/**
 * Does the module bind `name` to the project's model class of that name: a top-level class of
 * this file, or an import from a `models` module (orm-review-7 S25: a same-named strawberry type
 * elsewhere is no model)?
 */
function bindsModelClass(f: OrmFile, at: SyntaxNode, name: string): boolean {
  if (!f.ctx.project.models[name]) return false;
  const bindings = f.file.visibleBindings(at, name);
  if (bindings.length !== 1 || f.file.bindingsNamed(f.file.root, name).length !== 1) return false;
  const declared = bindings[0].node.parent;
  if (declared?.type === "class_definition")
    return (
      (declared.parent?.type === "decorated_definition" ? declared.parent : declared).parent
        ?.type === "module"
    );
  const qualified = f.file.importBindingOf(name, at)?.qualified ?? "";
  return qualified.endsWith(`.${name}`) && /(^|\.)models(\.\w+)*\.\w+$/.test(qualified);
}

function indentOf(source: string, at: number): string {
  const start = source.lastIndexOf("\n", at - 1) + 1;
  return /^[ \t]*/.exec(source.slice(start, at))![0];
}

/** One level of indentation as the enclosing def's body uses it (4 spaces when none shows). */
function indentUnit(f: OrmFile, statement: SyntaxNode): string {
  const def = f.file.enclosingDef(statement);
  const body = def?.childForFieldName("body");
  if (!def || !body) return "    ";
  const outer = indentOf(f.source, def.startIndex);
  const inner = indentOf(f.source, body.startIndex);
  return inner.startsWith(outer) && inner.length > outer.length
    ? inner.slice(outer.length)
    : "    ";
}
