import { definitionNamed, isAsyncFunction } from "../../src/python/shapes.js";
import { ownMethod } from "../../src/python/mro.js";
import type { FileSemantics, ProjectFacts, SyntaxNode } from "../../src/model/types.js";
import { mayDeriveFrom } from "../../src/project/class-tree.js";
import { functionsNamed } from "../../src/project/index-lookup.js";
import { classOfMethod, moduleClass } from "./classes.js";

/*
 * The project's own async form of a blocking helper, beside it: bisheng's DAO classmethods
 * (`UserDao.get_user_by_ids`, sync SQLModel session) next to `aget_user_by_ids` on an
 * AsyncSession (hazard-review-5 J5). Named in the finding, so the fix is one `await` away.
 */

/** The names an async twin of `name` goes by, in the order projects spell them. */
function twinNames(name: string): string[] {
  const names = [`a${name}`, `async_${name}`, `${name}_async`, `a_${name}`];
  if (name.endsWith("_sync")) names.unshift(name.slice(0, -"_sync".length));
  if (name.startsWith("sync_")) names.unshift(name.slice("sync_".length));
  return names;
}

/** `aget_user_by_ids` for `get_user_by_ids`: an `async def` sibling of the def, in its class or module. */
export function asyncTwinOf(root: SyntaxNode, def: SyntaxNode): string | undefined {
  const name = def.childForFieldName("name")!.text;
  const cls = classOfMethod(def);
  for (const twin of twinNames(name)) {
    const found = cls ? ownMethod(cls, twin) : definitionNamed(root, "function_definition", twin);
    if (found && isAsyncFunction(found) && !callsSync(found, name)) return twin;
  }
  return undefined;
}

/**
 * `async def acount_tokens(self, ...): return self.count_tokens(...)`: a default async form that
 * runs the sync one on the loop is no async form (hazard-review-7 Y5, agno's models).
 */
function callsSync(twin: SyntaxNode, name: string): boolean {
  const body = twin.childForFieldName("body")?.text ?? "";
  return new RegExp(`(?:\\b(?:self|cls)\\.|(?<![\\w.]))${name}\\s*\\(`).test(body);
}

/** `; the project has its async twin: await UserDao.aget_user_by_ids(...)`. */
export function twinSays(callee: string, twin: string | undefined): string {
  if (!twin) return "";
  const dot = callee.lastIndexOf(".");
  return `; the project has its async form: await ${callee.slice(0, dot + 1)}${twin}(...)`;
}

/** A body that only declares: a docstring, `pass`, `...`, `raise NotImplementedError`. */
function declaresOnly(def: SyntaxNode): boolean {
  const body =
    def.childForFieldName("body")?.namedChildren.filter((c) => c.type !== "comment") ?? [];
  return body.every(
    (s) =>
      s.type === "pass_statement" ||
      (s.type === "expression_statement" && /^(?:["']|\.\.\.$)/.test(s.text)) ||
      (s.type === "raise_statement" && /NotImplementedError/.test(s.text)),
  );
}

/**
 * `@abstractmethod def is_cancelled(self, ...)` (or a body that only declares, in an ABC or a
 * Protocol): a method whose body never runs; what runs is a subclass's.
 */
export function abstractDeclaration(def: SyntaxNode): boolean {
  const cls = classOfMethod(def);
  const statement = def.parent?.type === "decorated_definition" ? def.parent : def;
  if (!cls || !declaresOnly(def)) return false;
  return (
    /@(?:abc\.)?abstractmethod\b/.test(statement.text) ||
    /\bABC\b|Protocol/.test(cls.text.split(":")[0])
  );
}

/** `UvPackageManager.run` asked of its file: a concrete class of the file owns the method's name. */
export function concreteOwner(file: FileSemantics, name: string): boolean {
  const parts = name.split(".");
  const cls = parts.length === 2 ? moduleClass(file.root, parts[0]) : undefined;
  return !!cls && !abstractClass(cls);
}

/** `class PackageManager(abc.ABC)` with an `@abstractmethod`, or a Protocol: never itself an instance. */
function abstractClass(cls: SyntaxNode): boolean {
  const head = cls.text.split(":")[0];
  return (
    /\bProtocol\b/.test(head) ||
    (/\bABC\b|ABCMeta/.test(head) && /@(?:abc\.)?abstractmethod\b/.test(cls.text))
  );
}

/**
 * `CacheDBInterface.acquire_lock`, an abstract method (or any method of an abstract class): the keys of the sync methods of that name
 * in the project's classes that derive from its class (cognee's `RedisAdapter`, whose
 * `acquire_lock` waits on a redis lock up to 300 s, hazard-review-5 J14; agno's two cancellation
 * managers, one on a sync redis client, hazard-review-7 Y12). What runs is one of them: a caller
 * blocks when the one it holds does.
 */
export function implementations(
  project: ProjectFacts,
  file: FileSemantics,
  def: SyntaxNode,
): string[] | undefined {
  const cls = classOfMethod(def);
  if (!project.index || !cls || !(abstractDeclaration(def) || abstractClass(cls))) return undefined;
  const name = def.childForFieldName("name")!.text;
  const owner = cls.childForFieldName("name")!.text;
  const found = functionsNamed(project.index, name).filter(
    (f) =>
      f.className &&
      f.className !== owner &&
      !f.nested &&
      !f.async &&
      (f.path !== file.path || project.subclassHeads !== undefined) &&
      mayDeriveFrom(project, f.className, owner),
  );
  return found.length > 0 ? found.map((f) => `py:${f.module}.${f.className}.${name}`) : undefined;
}
