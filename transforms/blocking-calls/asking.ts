import {
  firstFunctionIn,
  firstFunctionUnder,
  functionsOfModule,
} from "../../src/project/index-modules.js";
import type { ProjectIndex } from "../../src/model/types.js";
import { DICT_KEY } from "./guards.js";
import { HELD } from "./instances.js";

/*
 * Where the survey asks about a key (`py:app.arm.list_regions`, `py:artemis.db.DB.list_analysis`,
 * a dict's `dict:` key): the file of its module, by the project index, and the name to ask there.
 */

/**
 * The file a key's module is: where the index lists the function, or (a module-level factory
 * such as `session_maker = sessionmaker(...)`) the module's file beside a sibling's.
 */
function pathOf(index: ProjectIndex, key: string): string | undefined {
  const dotted = key.slice(key.indexOf(":") + 1);
  const module = dotted.slice(0, dotted.lastIndexOf("."));
  const name = dotted.slice(dotted.lastIndexOf(".") + 1);
  const ofModule = functionsOfModule(index, module);
  const own = ofModule[0];
  const fn = ofModule.find((f) => f.name === name && !f.className && !f.nested && !f.async);
  if (fn || own) return (fn ?? own)!.path;
  // A package whose `__init__.py` defines nothing (it re-exports its submodules' functions).
  const inside = firstFunctionUnder(index, module);
  if (inside) {
    const depth = inside.module.slice(module.length + 1).split(".").length;
    return `${inside.path.split("/").slice(0, -depth).join("/")}/__init__.py`;
  }
  const package_ = module.slice(0, module.lastIndexOf("."));
  const sibling = firstFunctionIn(index, package_);
  return sibling
    ? `${sibling.path.slice(0, sibling.path.lastIndexOf("/") + 1)}${module.slice(package_.length + 1)}.py`
    : undefined;
}

/**
 * The file to ask about a key and the name to ask it: a module's function or factory
 * (`list_regions`), else a method of a class or module-level instance the module defines
 * (`DB.list_analysis`, `db.list_analysis`), the index listing a function of that module.
 */
export function askedOf(
  index: ProjectIndex,
  key: string,
): { path: string; name: string } | undefined {
  // `py:app.rpc.RPCHandler.self._rpc.m`: asked where the class is, under the class's name.
  const [classKey, held] = key.split(HELD);
  if (held !== undefined) {
    const at = askedOf(index, `${classKey}.__init__`);
    return at && { path: at.path, name: `${at.name.split(".")[0]}${HELD}${held}` };
  }
  const parts = key.slice(key.indexOf(":") + 1).split(".");
  const module = parts.slice(0, -2).join(".");
  const owner = parts.at(-2);
  // The index lists a method of that class in that module: exact, before any guess of a path.
  const method = functionsOfModule(index, module).find((f) => f.className === owner);
  if (method && parts.length > 2) return { path: method.path, name: parts.slice(-2).join(".") };
  const path = pathOf(index, key);
  // A guessed module file the project does not have (`database/Manager.py` for a class key).
  if (path && (!index.modules || index.modules[path])) return { path, name: parts.at(-1)! };
  const own = parts.length > 2 ? functionsOfModule(index, module)[0] : undefined;
  if (own) return { path: own.path, name: parts.slice(-2).join(".") };
  // A class a package's `__init__.py` re-exports (`from .connection import Manager`), the
  // package defining no function itself: its `__init__.py`, by a function under it.
  const inside = parts.length > 2 ? firstFunctionUnder(index, module) : undefined;
  if (!inside) return undefined;
  const depth = inside.module.slice(module.length + 1).split(".").length;
  const init = `${inside.path.split("/").slice(0, -depth).join("/")}/__init__.py`;
  return { path: init, name: parts.slice(-2).join(".") };
}

/**
 * A dict's module that defines no function (`letta/prompts/system_prompts/__init__.py`, only
 * constants): its file by the index's outlines.
 */
export function outlinedAsk(
  index: ProjectIndex,
  key: string,
): { path: string; name: string } | undefined {
  if (!key.startsWith(DICT_KEY)) return undefined;
  const dotted = key.slice(DICT_KEY.length);
  const module = dotted.slice(0, dotted.lastIndexOf("."));
  for (const [path, outline] of Object.entries(index.modules ?? {}))
    if (outline.module === module) return { path, name: dotted.slice(module.length + 1) };
  return undefined;
}
