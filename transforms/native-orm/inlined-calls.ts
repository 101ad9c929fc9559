import { assignedValues } from "../../src/python/scope.js";
import type { NeededImport, SyntaxNode } from "../../src/model/types.js";
import {
  INLINED_FUNCTIONS,
  TIMEZONE_MODULE,
  type InlinedFunction,
} from "../../src/django/inlined-functions.js";
import type { Conversion, OrmFile, Problem } from "./types.js";

// orm-human-5 H7 (FASHIONISTAR's login service): `await sync_to_async(update_last_login)(None,
// user)` runs two statements of Django's, `user.last_login = timezone.now()` and
// `user.save(update_fields=["last_login"])`. Awaited as a statement of its own, with `user` a
// loaded instance (not a lazy `request.user`, whose first read queries), the wrapper becomes
// them, the save awaited natively, as the human wrote it.

/** The arguments of `outer` by parameter, or undefined when one is not plainly one of them. */
function argumentsByParameter(
  outer: SyntaxNode,
  fn: InlinedFunction,
): Map<string, SyntaxNode> | undefined {
  const byName = new Map<string, SyntaxNode>();
  const list = outer.childForFieldName("arguments");
  if (list?.type !== "argument_list") return undefined;
  let position = 0;
  for (const argument of list.namedChildren) {
    if (argument.type === "comment") continue;
    if (argument.type === "keyword_argument") {
      const name = argument.childForFieldName("name")?.text ?? "";
      const value = argument.childForFieldName("value");
      if (!fn.parameters.includes(name) || byName.has(name) || !value) return undefined;
      byName.set(name, value);
    } else if (/splat/.test(argument.type) || position >= fn.parameters.length) return undefined;
    else byName.set(fn.parameters[position++], argument);
  }
  return byName.size === fn.parameters.length ? byName : undefined;
}

/** A value whose evaluation the inlined body may drop: no call, nothing lazy. */
function dropsCleanly(value: SyntaxNode): boolean {
  return (
    /^(none|true|false|identifier|string|integer)$/.test(value.type) ||
    (value.type === "attribute" && dropsCleanly(value.childForFieldName("object")!))
  );
}

/** `user` bound only by `[await] [sync_to_async(]authenticate[)](...)` or `aauthenticate(...)`. */
function boundByAuthenticate(f: OrmFile, name: SyntaxNode): boolean {
  const scope = f.file.enclosingFunction(name);
  const values = scope ? assignedValues(f.file.bindingsNamed(scope, name.text)) : undefined;
  return !!values?.every((value) => {
    const text = value.text.replace(/\s+/g, "");
    const call = /^(await)?(sync_to_async\()?(authenticate\)?|aauthenticate)\(/.exec(text);
    const fn = value.descendantsOfType("identifier").find((c) => /^a?authenticate$/.test(c.text));
    return (
      !!call &&
      !!fn &&
      /^django\.contrib\.auth\.a?authenticate$/.test(f.file.qualifiedName(fn) ?? "")
    );
  });
}

/** How this file spells `timezone.now()`, and the import that needs, or why it cannot. */
function nowSpelling(f: OrmFile, at: SyntaxNode): { text: string; needs?: NeededImport } | string {
  for (const name of f.file.importedNames()) {
    const qualified = f.file.importBindingOf(name, at)?.qualified;
    if (qualified === TIMEZONE_MODULE) return { text: `${name}.now()` };
    if (qualified === `${TIMEZONE_MODULE}.now`) return { text: `${name}()` };
  }
  const taken = f.root.descendantsOfType("identifier").find((id) => id.text === "timezone");
  if (taken)
    return `timezone already names ${f.file.qualifiedName(taken) ?? "something else"} in this file`;
  return { text: "timezone.now()", needs: { module: "django.utils", name: "timezone", at } };
}

/** The native statements for `await sync_to_async(<Django function>)(...)`, or why not. */
export function inlinedConversion(
  f: OrmFile,
  outer: SyntaxNode,
  target: SyntaxNode,
  awaitNode: SyntaxNode | undefined,
): Conversion | Problem | undefined {
  const qualified =
    target.type === "identifier" || target.type === "attribute"
      ? f.file.qualifiedName(target)
      : undefined;
  const fn = INLINED_FUNCTIONS.find((candidate) => candidate.qualified === qualified);
  if (!fn) return undefined;
  const q = (f.source.match(/'/g)?.length ?? 0) > (f.source.match(/"/g)?.length ?? 0) ? "'" : '"';
  const args = argumentsByParameter(outer, fn);
  const subject = args?.get(fn.subject);
  const statement = awaitNode?.parent;
  const lineStart = f.source.lastIndexOf("\n", (statement?.startIndex ?? 1) - 1) + 1;
  const indent = statement ? f.source.slice(lineStart, statement.startIndex) : "x";
  const now = nowSpelling(f, outer);
  const nowSaid = typeof now === "string" ? `${TIMEZONE_MODULE}.now()` : now.text;
  const body = fn.statements(subject?.text ?? fn.subject, nowSaid, q);
  const why = !args
    ? `its arguments are not plainly the ${fn.parameters.join(" and ")} it takes`
    : ![...args].every(([p, v]) => p === fn.subject || dropsCleanly(v))
      ? `an argument other than ${fn.subject} is computed, and the statements would drop it`
      : statement?.type !== "expression_statement" || !/^[ \t]*$/.test(indent)
        ? "it is not awaited as a statement of its own line"
        : subject!.type !== "identifier" ||
            (!f.proofs.instanceOf(subject!) && !boundByAuthenticate(f, subject!))
          ? `nothing proves ${subject!.text} is a loaded model instance (a lazy request.user queries at its first read${/^request\.user$/.test(subject!.text) ? ": user = await request.auser() first, Django 5.0" : ""})`
          : typeof now === "string"
            ? now
            : undefined;
  const said = `${target.text}() is ${body.length === 2 ? "two" : body.length} statements in Django (${body.join("; ")})`;
  if (why)
    return {
      code: "AS208",
      node: outer,
      message: `${said}, with no async form of its own; not written here: ${why}: rewrite by hand`,
      suggestion: (/^request\.user$/.test(subject?.text ?? "")
        ? [
            `user = await ${subject!.text.replace(/\.user$/, ".auser()")}`,
            ...fn.statements("user", nowSaid, q),
          ]
        : body
      ).join("\n"),
    };
  const text = fn.statements(subject!.text, (now as { text: string }).text, q);
  const newline = f.source.includes("\r\n") ? "\r\n" : "\n";
  return {
    node: awaitNode!,
    edits: [
      { start: awaitNode!.startIndex, end: awaitNode!.endIndex, text: text.join(newline + indent) },
    ],
    proven: true,
    since: fn.since,
    awaited: false,
    ...((now as { needs?: NeededImport }).needs
      ? { needs: (now as { needs: NeededImport }).needs }
      : {}),
    replaced: target,
    note: `${said}: written here, the save awaited natively`,
  };
}
