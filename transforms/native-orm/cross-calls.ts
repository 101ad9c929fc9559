import { surveyedPlan } from "../../src/model/plans.js";
import { functionKey } from "../../src/model/function-key.js";
import { functionsNamed, isProjectPackage } from "../../src/project/index-lookup.js";
import { absoluteName as absoluteModule } from "../../src/python/relative-imports.js";
import { decorators, fromModuleName, isAsyncFunction } from "../../src/python/shapes.js";
import { dottedName, importedModuleId } from "../../src/python/module-names.js";
import { resolveMethod } from "../../src/python/mro.js";
import { decoratorsKeepModel } from "../../src/django/decorated-models.js";
import {
  importedClassLookup,
  joinedAfter,
  mayDeriveFrom,
  type ImportedClassLookup,
} from "../../src/project/class-tree.js";
import type {
  ImportBinding,
  IndexedFunction,
  ProjectIndex,
  SyntaxNode,
} from "../../src/model/types.js";
import type { CrossCall, Findings, OrmFile, ProjectChainPlan } from "./types.js";

// Issue 15, part 1 across files: calls from a converted body to plain functions of other modules
// of the project, named the way the survey (project-chains.ts) and the rewrite both name them.

/** The id of the native-orm transform, under which the project's chain plan is kept. */
export const PLAN_ID = "native-orm";

/** The project's chain plan, when the run surveyed the project. */
export function projectPlan(f: OrmFile): ProjectChainPlan | undefined {
  return surveyedPlan<ProjectChainPlan>(f.ctx, PLAN_ID);
}

/** `billing.services:charge`, or `billing.services:Invoice.charge` for a method. */
export function chainKey(f: OrmFile, def: SyntaxNode): string {
  const name = def.childForFieldName("name")?.text ?? "";
  const holder = def.parent?.type === "decorated_definition" ? def.parent : def;
  const cls = holder.parent?.parent;
  const className = cls?.type === "class_definition" ? cls.childForFieldName("name")?.text : "";
  // A nested def is keyed as Python's __qualname__ has it: `outer.<locals>.name`, never `name`.
  const outer = holder.parent?.parent;
  if (outer?.type === "function_definition") return `${chainKey(f, outer)}.<locals>.${name}`;
  return functionKey(f.file.module ?? "", name, className);
}

/**
 * The absolute dotted name an import binding stands for: `from .services import helper` read in
 * `billing.views` -> `billing.services.helper`; `from . import services` -> `billing.services`.
 */
function absoluteName(f: OrmFile, binding: ImportBinding): string | undefined {
  // Ids: found from the importing module's import root (a monorepo's services; see ModuleNames).
  const id = (dotted: string) => importedModuleId(f.file.module, dotted);
  if (binding.statement.type !== "import_from_statement") return id(binding.qualified);
  const from = fromModuleName(binding.statement);
  const dots = /^\.*/.exec(from)![0].length;
  // `from . import services` is qualified `.services`, `from .x import y` `.x.y`.
  const name = binding.qualified.slice(from.length + (from.endsWith(".") ? 0 : 1));
  if (dots === 0) return id(binding.qualified);
  const own = dottedName(f.file.module ?? "")
    .split(".")
    .filter(Boolean);
  const isPackage = /(^|\/)__init__\.py$/.test(f.file.path);
  const base = isPackage ? own : own.slice(0, -1);
  if (dots - 1 > base.length) return undefined;
  const rest = from.slice(dots);
  return id([...base.slice(0, base.length - (dots - 1)), ...(rest ? [rest] : []), name].join("."));
}

/**
 * `billing.services.Service` + `total`: the key of `Service.total` when the index holds it as a
 * method decorated only with `@staticmethod` or `@classmethod`, in another module.
 */
function classLevelMethod(f: OrmFile, qualifiedClass: string, name: string): string | undefined {
  const dot = qualifiedClass.lastIndexOf(".");
  const [module, className] = [qualifiedClass.slice(0, dot), qualifiedClass.slice(dot + 1)];
  if (dot < 0 || module === f.file.module) return undefined;
  const found = indexedFunctionsNamed(f.ctx.project.index, name).some(
    (fn) =>
      fn.module === module &&
      fn.className === className &&
      !fn.async &&
      !fn.nested &&
      fn.decorators.length === 1 &&
      ["staticmethod", "classmethod"].includes(fn.decorators[0]),
  );
  return found ? functionKey(module, name, className) : undefined;
}

/**
 * orm-human-6 G3b: the key of the project function `callee` runs, async or not, and whether it is
 * `async def`: a module-level function or a static or class method (decorated by that alone) of
 * another module, imported here (`CentrifugoLogger.create_log_async`), or of this file.
 */
export function calledKey(
  f: OrmFile,
  callee: SyntaxNode,
): { key: string; async: boolean } | undefined {
  const index = f.ctx.project.index;
  const root = callee.type === "attribute" ? callee.childForFieldName("object") : callee;
  const name =
    callee.type === "attribute" ? callee.childForFieldName("attribute")?.text : root?.text;
  if (!index || !name || root?.type !== "identifier" || f.file.module === undefined)
    return undefined;
  const binding = f.file.importBindingOf(root.text, root);
  let module: string | undefined;
  let className: string | undefined;
  if (binding) {
    const qualified = absoluteName(f, binding);
    const path = qualified ? `${qualified}${callee.type === "attribute" ? `.${name}` : ""}` : "";
    const parts = path.split(".");
    const asMethod =
      parts.length > 2 &&
      functionsNamed(index, name).some(
        (fn) => fn.module === parts.slice(0, -2).join(".") && fn.className === parts.at(-2),
      );
    module = parts.slice(0, asMethod ? -2 : -1).join(".");
    className = asMethod ? parts.at(-2) : undefined;
  } else {
    const bound = f.file.visibleBindings(root, root.text);
    const site = bound.length === 1 ? bound[0].node.parent : undefined;
    const holder = site?.parent?.type === "decorated_definition" ? site.parent : site;
    if (holder?.parent?.type !== "module") return undefined;
    if (site?.type === "class_definition" && callee.type === "attribute") className = root.text;
    else if (site?.type !== "function_definition" || callee.type !== "identifier") return undefined;
    module = f.file.module;
  }
  const found = functionsNamed(index, name).filter(
    (fn) => fn.module === module && fn.className === className && !fn.nested,
  );
  const fn = found.length === 1 ? found[0] : undefined;
  const plain = className
    ? fn?.decorators.length === 1 && CLASS_LEVEL.has(fn.decorators[0])
    : fn?.decorators.length === 0;
  return fn && plain
    ? { key: functionKey(fn.module, name, className), async: fn.async }
    : undefined;
}

/** Whether the index holds `module.name` as a plain module-level function. */
function isProjectFunction(f: OrmFile, module: string, name: string): boolean {
  return indexedFunctionsNamed(f.ctx.project.index, name).some(
    (fn) => fn.module === module && !fn.className && !fn.nested && !fn.async,
  );
}

/**
 * What `callee` names when it is a plain function of another module of the project: `helper`
 * imported from it, or `services.helper` on an imported module.
 */
export function crossTargetOf(f: OrmFile, callee: SyntaxNode): Omit<CrossCall, "call"> | undefined {
  if (f.file.module === undefined) return undefined;
  const root = callee.type === "attribute" ? callee.childForFieldName("object") : callee;
  if (root?.type !== "identifier") return undefined;
  const rootBinding = f.file.importBindingOf(root.text, root);
  const base = rootBinding ? absoluteName(f, rootBinding) : undefined;
  if (!base) return undefined;
  const qualified =
    callee.type === "identifier"
      ? base
      : `${base}.${callee.childForFieldName("attribute")?.text ?? ""}`;
  const binding = callee.type === "identifier" ? rootBinding : undefined;
  const dot = qualified.lastIndexOf(".");
  if (dot < 0) return undefined;
  const module = qualified.slice(0, dot);
  const name = qualified.slice(dot + 1);
  const renamed = callee.type === "attribute" ? callee.childForFieldName("attribute")! : callee;
  // `Service.total()`: a static or class method of a class imported from another module.
  const owner = callee.type === "attribute" ? classLevelMethod(f, module, name) : undefined;
  if (owner) return { callee: renamed, target: owner };
  if (!module || module === f.file.module) return undefined;
  if (!isProjectFunction(f, module, name))
    return reexportedTarget(f, callee, rootBinding!, module, name);
  return { callee: renamed, target: functionKey(module, name), ...(binding ? { binding } : {}) };
}

/**
 * `reserve` imported from `shop.services` (or `services.reserve`), a package of the project that
 * defines no function of that name: a name its `__init__.py` may re-export. The survey follows
 * the re-export (project-chains.ts); once the plan has, the call is of the function it stands
 * for, as if imported from the module defining it: its twin is imported from there (a package
 * that re-exports `reserve_stock` does not re-export `areserve_stock`).
 */
function reexportedTarget(
  f: OrmFile,
  callee: SyntaxNode,
  rootBinding: ImportBinding,
  module: string,
  name: string,
): Omit<CrossCall, "call"> | undefined {
  const index = f.ctx.project.index;
  if (!index || !isProjectPackage(index, module)) return undefined;
  if (indexedFunctionsNamed(index, name).some((fn) => fn.module === module)) return undefined;
  const key = functionKey(module, name);
  const resolved = projectPlan(f)?.reexports?.[key];
  const named = callee.type === "attribute" ? callee.childForFieldName("attribute")! : callee;
  if (!resolved) return { callee: named, target: key, binding: rootBinding };
  const definedIn = resolved.slice(0, resolved.indexOf(":"));
  // `services.reserve(...)` becomes `areserve_stock(...)`: the whole callee is renamed.
  return {
    callee,
    target: resolved,
    binding: rootBinding,
    importFrom: moduleWritten(f, rootBinding, definedIn),
  };
}

/**
 * How this file writes the module `id` in an import: relative to the package `binding` imports
 * from when it is inside it (`.services.stock.reservations` beside `from .services import x`),
 * else its dotted name.
 */
function moduleWritten(f: OrmFile, binding: ImportBinding, id: string): string {
  const from =
    binding.statement.type === "import_from_statement" ? fromModuleName(binding.statement) : "";
  const base = from.startsWith(".") ? absoluteModule(from, f.file.module, f.file.path) : undefined;
  if (!base || !id.startsWith(`${base}.`)) return dottedName(id);
  return `${from}${from.endsWith(".") ? "" : "."}${id.slice(base.length + 1)}`;
}

/** The calls in `findings`' region to functions of other files (each an AS205 of the scan). */
export function crossCallsOf(f: OrmFile, findings: Findings): CrossCall[] {
  if (!f.ctx.project.index) return [];
  return findings.problems.flatMap((p) =>
    p.code === "AS205" && p.node.type === "call" && !insideGenerator(p.node)
      ? crossCallAt(f, p.node)
      : [],
  );
}

function crossCallAt(f: OrmFile, call: SyntaxNode): CrossCall[] {
  const callee = call.childForFieldName("function")!;
  const target = crossTargetOf(f, callee) ?? inheritedTarget(f, callee);
  return target ? [{ call, ...target }] : [];
}

/** The class of the method whose `self` the receiver of `callee` (`self.<name>`) is. */
export function selfClass(f: OrmFile, callee: SyntaxNode): SyntaxNode | undefined {
  const receiver = callee.childForFieldName("object");
  if (receiver?.type !== "identifier" || receiver.text !== "self") return undefined;
  const method = f.file.enclosingScope(callee);
  const firstParameter = method.childForFieldName("parameters")?.namedChildren[0];
  if (method.type !== "function_definition" || firstParameter?.text !== receiver.text)
    return undefined;
  const holder = method.parent?.type === "decorated_definition" ? method.parent : method;
  const cls = holder.parent?.parent;
  return cls?.type === "class_definition" ? cls : undefined;
}

/**
 * `self.helper()` in a method whose class inherits `helper`, along its method resolution order,
 * from a class imported from another module of the project: `billing.base:BaseSync.helper`.
 * Not when another class of the project defines a method of that name (an override).
 */
export function inheritedTarget(
  f: OrmFile,
  callee: SyntaxNode,
): Omit<CrossCall, "call"> | undefined {
  const name = callee.childForFieldName("attribute");
  const cls = callee.type === "attribute" ? selfClass(f, callee) : undefined;
  if (!name || !cls) return undefined;
  const functions = indexedFunctionsNamed(f.ctx.project.index, name.text);
  const classOf = (binding: ImportBinding) => {
    const qualified = absoluteName(f, binding);
    const dot = qualified?.lastIndexOf(".") ?? -1;
    return qualified && dot > 0 ? [qualified.slice(0, dot), qualified.slice(dot + 1)] : undefined;
  };
  const defines = (binding: ImportBinding) => {
    const [module, className] = classOf(binding) ?? [];
    return functions.some(
      (fn) =>
        fn.module === module &&
        fn.className === className &&
        fn.name === name.text &&
        !fn.async &&
        !fn.nested,
    );
  };
  const found = resolveMethod(cls, name.text, defines, passesImported(f, name.text));
  if (found?.kind !== "imported") return undefined;
  const [module, className] = classOf(found.binding)!;
  // An override `self` may reach first: in a class deriving from the calling class, or in one a
  // class of the project joins after it (`class S(Calling, Override)`); not a sibling's
  // (orm-human-7 K7: openwisp's TestUtils overrides the mixin's `_create_link` for itself).
  const calling = cls.childForFieldName("name")?.text ?? "";
  const project = f.ctx.project;
  const overridden = functions.some(
    (fn) =>
      fn.name === name.text &&
      fn.className !== undefined &&
      !(fn.module === module && fn.className === className) &&
      mayDeriveFrom(project, fn.className, className) &&
      (mayDeriveFrom(project, fn.className, calling) ||
        joinedAfter(project, calling, fn.className) !== undefined),
  );
  return overridden
    ? undefined
    : { callee: name, target: functionKey(module, name.text, className) };
}

/** What the project tells of an imported base on the way of `self.<name>` (class-tree.ts). */
export function importedClassOf(
  f: OrmFile,
  binding: ImportBinding,
  name: string,
): ImportedClassLookup {
  const qualified = absoluteName(f, binding);
  return qualified ? importedClassLookup(f.ctx.project, qualified, name) : { kind: "unknown" };
}

/** Whether `self.<name>` looks past an imported base: see importedClassLookup. */
export function passesImported(f: OrmFile, name: string): (binding: ImportBinding) => boolean {
  return (binding) => importedClassOf(f, binding, name).kind === "passes";
}

/** `await` inside a generator expression would make it an async generator: not followed. */
export function insideGenerator(node: SyntaxNode): boolean {
  for (let n = node.parent; n && n.type !== "function_definition"; n = n.parent)
    if (n.type === "generator_expression") return true;
  return false;
}

/** The index's functions and methods named `name` (none without an index). */
export function indexedFunctionsNamed(
  index: ProjectIndex | undefined,
  name: string,
): readonly IndexedFunction[] {
  return index ? functionsNamed(index, name) : [];
}

/**
 * Plain module-level defs, and of module-level classes plain `self` methods and methods decorated
 * only with `@staticmethod` or `@classmethod` (called through the class from other modules).
 */
export function plainFunctions(f: OrmFile): SyntaxNode[] {
  const defs: SyntaxNode[] = [];
  for (const statement of f.root.namedChildren) {
    if (statement.type === "function_definition") defs.push(statement);
    const cls = keptClass(f, statement);
    for (const member of cls?.childForFieldName("body")?.namedChildren ?? []) {
      if (
        member.type === "function_definition" &&
        member.childForFieldName("parameters")?.namedChildren[0]?.text === "self"
      )
        defs.push(member);
      const inner = member.childForFieldName("definition");
      if (member.type === "decorated_definition" && inner?.type === "function_definition") {
        const names = decorators(inner).map((d) => d.text.slice(1).trim());
        if (names.length === 1 && CLASS_LEVEL.has(names[0])) defs.push(inner);
      }
    }
  }
  return defs.filter(
    (def) =>
      !isAsyncFunction(def) &&
      decorators(def).every((d) => CLASS_LEVEL.has(d.text.slice(1).trim())),
  );
}

/** A module-level class, or a model class under decorators that give the model back (K14). */
function keptClass(f: OrmFile, statement: SyntaxNode): SyntaxNode | undefined {
  if (statement.type === "class_definition") return statement;
  const cls =
    statement.type === "decorated_definition" && statement.childForFieldName("definition");
  const name = cls && cls.type === "class_definition" && cls.childForFieldName("name")?.text;
  const model = name && f.ctx.project.models[name];
  return model && decoratorsKeepModel(f.ctx.project, cls) ? cls : undefined;
}

/** Decorators whose methods are called through the class: a twin keeps the decorator. */
const CLASS_LEVEL = new Set(["staticmethod", "classmethod"]);
