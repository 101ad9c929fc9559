import { fromModuleName } from "../../src/python/imports.js";
import type { ImportBinding, SyntaxNode } from "../../src/model/types.js";
import type { CrossCall, Findings, OrmFile, ProjectChainPlan } from "./types.js";

// Issue 15, part 1 across files: calls from a converted body to plain functions of other modules
// of the project, named the way the survey (project-chains.ts) and the rewrite both name them.

/** The id of the native-orm transform, under which the project's chain plan is kept. */
export const PLAN_ID = "native-orm";

/** The project's chain plan, when the run surveyed the project. */
export function projectPlan(f: OrmFile): ProjectChainPlan | undefined {
  return f.ctx.project.plans?.[PLAN_ID]?.plan as ProjectChainPlan | undefined;
}

/** `billing.services:charge`, or `billing.services:Invoice.charge` for a method. */
export function chainKey(f: OrmFile, def: SyntaxNode): string {
  const name = def.childForFieldName("name")?.text ?? "";
  const holder = def.parent?.type === "decorated_definition" ? def.parent : def;
  const cls = holder.parent?.parent;
  const className = cls?.type === "class_definition" ? cls.childForFieldName("name")?.text : "";
  return `${f.file.module ?? ""}:${className ? `${className}.` : ""}${name}`;
}

/**
 * The absolute dotted name an import binding stands for: `from .services import helper` read in
 * `billing.views` -> `billing.services.helper`; `from . import services` -> `billing.services`.
 */
function absoluteName(f: OrmFile, binding: ImportBinding): string | undefined {
  if (binding.statement.type !== "import_from_statement") return binding.qualified;
  const from = fromModuleName(binding.statement);
  const dots = /^\.*/.exec(from)![0].length;
  const name = binding.qualified.slice(from.length + 1);
  if (dots === 0) return binding.qualified;
  const own = (f.file.module ?? "").split(".").filter(Boolean);
  const isPackage = /(^|\/)__init__\.py$/.test(f.file.path);
  const base = isPackage ? own : own.slice(0, -1);
  if (dots - 1 > base.length) return undefined;
  const rest = from.slice(dots);
  return [...base.slice(0, base.length - (dots - 1)), ...(rest ? [rest] : []), name].join(".");
}

/** Whether the index holds `module.name` as a plain module-level function. */
function isProjectFunction(f: OrmFile, module: string, name: string): boolean {
  return (f.ctx.project.index?.functions ?? []).some(
    (fn) => fn.module === module && fn.name === name && !fn.className && !fn.nested && !fn.async,
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
  if (!module || module === f.file.module || !isProjectFunction(f, module, name)) return undefined;
  const renamed = callee.type === "attribute" ? callee.childForFieldName("attribute")! : callee;
  return { callee: renamed, target: `${module}:${name}`, ...(binding ? { binding } : {}) };
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
  const target = crossTargetOf(f, call.childForFieldName("function")!);
  return target ? [{ call, ...target }] : [];
}

/** `await` inside a generator expression would make it an async generator: not followed. */
export function insideGenerator(node: SyntaxNode): boolean {
  for (let n = node.parent; n && n.type !== "function_definition"; n = n.parent)
    if (n.type === "generator_expression") return true;
  return false;
}
