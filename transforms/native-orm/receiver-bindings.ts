import { awaitedValue } from "../../src/django/proof-parts.js";
import type { SyntaxNode } from "../../src/model/types.js";
import type { Conversion, OrmFile } from "./types.js";

// What binds a receiver no proof made a model instance, said as the file shows it: the truth of
// AS201's "nothing shows x is a model instance (...)" (issue 23 item 8, orm-review-4 P5/P6).

/** What binds an unproven receiver, as far as the file shows: said without claiming more. */
export function whatBinds(f: OrmFile, receiver: SyntaxNode): string {
  const fallback = "not annotated with a model class or bound to one anywhere in this file";
  if (receiver.type !== "identifier") return fallback;
  for (let scope = f.file.enclosingScope(receiver); ; scope = f.file.enclosingScope(scope)) {
    const bound = f.file.bindingsNamed(scope, receiver.text);
    if (bound.length > 1) {
      const lines = [...new Set(bound.map((b) => b.node.startPosition.row + 1))].join(", ");
      return `it is bound ${bound.length} times in its scope, on lines ${lines}, and not every binding that may reach this call is proven a model instance`;
    }
    if (bound.length === 1)
      return (
        oneBinding(bound[0].node) ??
        `it is bound at line ${bound[0].node.startPosition.row + 1}, not to a value proven a model instance`
      );
    if (scope.type === "module") return fallback;
  }
}

/**
 * orm-review-4 P6 (caviardeul `article = CustomArticle.objects.select_for_update().get(...)` in
 * one branch, `DailyArticle...get(...)` in the other): every binding of the name in its scope
 * assigns an instance, of more than one model. The proofs follow a name holding one model's
 * instances (its fields, relations and overrides are that model's): the models, by line.
 */
export function modelsByBinding(f: OrmFile, receiver: SyntaxNode): string[] | undefined {
  if (receiver.type !== "identifier") return undefined;
  const bound = f.file.visibleBindings(receiver, receiver.text);
  if (bound.length < 2) return undefined;
  const said: string[] = [];
  const models = new Set<string>();
  for (const b of bound) {
    const site = b.node.parent;
    const right = site?.type === "assignment" ? site.childForFieldName("right") : null;
    if (!right || site!.childForFieldName("left")?.id !== b.node.id) return undefined;
    const model = f.proofs.instanceReturned(awaitedValue(right))?.model;
    if (!model) return undefined;
    models.add(model);
    said.push(`${model} (line ${b.node.startPosition.row + 1})`);
  }
  return models.size > 1 ? said : undefined;
}

/**
 * orm-review-4 P6: the one binding of a receiver, said as it is written (`it is bound at line 60
 * to await sync_to_async(page_or_asset)(pk, True), which is not proven a model instance`).
 */
function oneBinding(name: SyntaxNode): string | undefined {
  const site = name.parent;
  const line = name.startPosition.row + 1;
  const said = (node: SyntaxNode) => {
    const text = node.text.replace(/\s+/g, " ");
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  };
  if (site?.type === "assignment" && site.childForFieldName("left")?.id === name.id) {
    const right = site.childForFieldName("right");
    return right
      ? `it is bound at line ${line} to ${said(right)}, which is not proven a model instance`
      : undefined;
  }
  // orm-review-5 Q3/Q4: `a, b = ...` binds by unpacking, which is still a binding.
  const unpacking = site?.type === "pattern_list" || site?.type === "tuple_pattern";
  const statement = unpacking ? site!.parent : undefined;
  if (statement?.type === "assignment" && statement.childForFieldName("left")?.id === site!.id) {
    const right = statement.childForFieldName("right");
    return right
      ? `it is unpacked at line ${line} from ${said(right)}, whose item is not proven a model instance`
      : undefined;
  }
  if (
    (site?.type === "for_statement" || site?.type === "for_in_clause") &&
    site.childForFieldName("left")?.id === name.id
  ) {
    const over = site.childForFieldName("right");
    return over
      ? `it is the loop variable of line ${line} over ${said(over)}, which is not proven a queryset or a list of one's instances`
      : undefined;
  }
  if (site?.type === "parameters" || site?.type === "default_parameter")
    return "it is a parameter with no annotation";
  if (site?.type === "typed_parameter" || site?.type === "typed_default_parameter")
    return `it is a parameter annotated ${said(site.childForFieldName("type") ?? site)}, not with a model class`;
  return undefined;
}

/** The receiver of an unproven conversion: `doc` of `doc.save()` or `sync_to_async(doc.save)()`. */
export function receiverOf(c: Conversion): SyntaxNode | undefined {
  let callee = c.node.type === "call" ? c.node.childForFieldName("function") : undefined;
  if (callee?.type === "call") callee = callee.childForFieldName("arguments")?.namedChildren[0];
  return callee?.type === "attribute"
    ? (callee.childForFieldName("object") ?? undefined)
    : undefined;
}

/**
 * AS201 on a decorated wrapper's unproven conversion (`activation.save()`): what binds the
 * receiver, and the advice that fits it (annotating a parameter; orm-review-4 P5: a local bound
 * to `instance.get_parent()` is no parameter). The advice stays in parentheses, where the unsafe
 * fix's note goes (report-sites' unsafeNoted).
 */
export function unprovenReceiverSaid(f: OrmFile, c: Conversion): string {
  const receiver = receiverOf(c);
  if (!receiver)
    return "nothing here proves the receiver is a queryset or model instance (annotate the parameter with its model class to make it proven)";
  if (receiver.type !== "identifier") return unprovenChainSaid(f, receiver);
  const bound = whatBinds(f, receiver);
  const said = `nothing here proves ${receiver.text} is a queryset or model instance, as ${bound}`;
  if (/^it is a parameter/.test(bound))
    return `${said} (annotate the parameter with its model class to make it proven)`;
  // `x: Model = <value>` proves a one-binding assignment; a loop variable has no such form.
  return /^it is bound at line/.test(bound)
    ? `${said} (annotate it with its model class where it is bound, \`${receiver.text}: <Model> = ...\`, to make it proven)`
    : said;
}

/**
 * orm-review-8 S2: a receiver reached from a name (`Translation.objects`, `self.model.objects`):
 * said by what binds that name, never "annotate the parameter" where there is none.
 */
function unprovenChainSaid(f: OrmFile, receiver: SyntaxNode | undefined): string {
  let root = receiver;
  while (root && (root.type === "attribute" || root.type === "call"))
    root =
      (root.type === "call"
        ? root.childForFieldName("function")
        : root.childForFieldName("object")) ?? undefined;
  const what = receiver ? receiver.text.replace(/\s+/g, "").slice(0, 60) : "the receiver";
  const lead = `nothing here proves ${what} is a queryset, manager or model instance`;
  if (root?.type !== "identifier")
    return `${lead} (annotate what it is read from with its model class to make it proven)`;
  if (root.text === "self")
    return `${lead}: ${receiver!.text.split(".").slice(0, 2).join(".")} is an attribute of self this transform does not read`;
  const bindings = f.file.visibleBindings(root, root.text);
  if (bindings.length === 0)
    return `${lead}: ${root.text} is not bound by name in this file (not imported, not assigned here)`;
  const bound = bindings.length === 1 ? oneBinding(bindings[0].node) : undefined;
  if (!bound)
    return `${lead}: ${root.text} is bound ${bindings.length} times here, none proven a model class`;
  return `${lead}: ${root.text} ${bound.replace(/^it /, "").replace("a model instance", "a model class")}`;
}
