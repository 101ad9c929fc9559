// orm-review M7: factory_boy. `ShopFactory.create()` (or `ShopFactory()`, `.build()`) returns an
// instance of the factory's `Meta.model` (`model = Shop`, `model = "shop.Shop"`), and a module
// function whose every return is such a result (`project = ProjectFactory.create(**d)` ...
// `return project`, taiga's test factories) returns one too. Read from the text, per file.

const FACTORY_CLASS = /^class[ \t]+([A-Za-z_]\w*)[ \t]*\([^)]*Factory[ \t]*\)[ \t]*:/gm;
const META_MODEL =
  /^[ \t]+class[ \t]+Meta\b[^\n]*\n(?:[ \t]+[^\n]*\n)*?[ \t]+model[ \t]*=[ \t]*["']?(?:[\w]+\.)*([A-Z]\w*)["']?[ \t]*(?:#[^\n]*)?$/m;
const MODULE_DEF = /^(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)[ \t]*\(/gm;

/**
 * The text of the top-level block opening at `start`: up to the next line that starts a statement
 * at column 0 (a closing bracket of a signature or a comment does not).
 */
function blockAt(source: string, start: number): string {
  const first = source.indexOf("\n", start);
  if (first < 0) return source.slice(start);
  const next = /\n(?=[^\s#)\]])/g;
  next.lastIndex = first;
  const end = next.exec(source)?.index;
  return source.slice(start, end === undefined ? source.length : end + 1);
}

/** Factory classes of the file and their model's class name. */
export function factoryModelsIn(source: string): Record<string, string> | undefined {
  if (!source.includes("Factory") || !source.includes("Meta")) return undefined;
  let found: Record<string, string> | undefined;
  for (const match of source.matchAll(FACTORY_CLASS)) {
    const model = META_MODEL.exec(blockAt(source, match.index))?.[1];
    if (model) (found ??= {})[match[1]] = model;
  }
  return found;
}

/**
 * Module-level functions whose every `return` gives a factory's result, by name: the model's
 * class name. `factories`: the file's factory classes.
 */
export function factoryFunctionsIn(
  source: string,
  factories: Record<string, string>,
): Record<string, string> | undefined {
  let found: Record<string, string> | undefined;
  for (const match of source.matchAll(MODULE_DEF)) {
    const body = blockAt(source, match.index);
    const returns = [...body.matchAll(/^[ \t]+return\b[ \t]*([^\n]*)$/gm)].map((m) => m[1].trim());
    if (returns.length === 0) continue;
    const models = new Set(returns.map((r) => factoryResult(r, body, factories)));
    const [model] = models;
    if (models.size === 1 && model) (found ??= {})[match[1]] = model;
  }
  return found;
}

/** `XFactory.create(...)`, `XFactory(...)`, `XFactory.build(...)`, or a name assigned one once. */
function factoryResult(
  expr: string,
  body: string,
  factories: Record<string, string>,
): string | undefined {
  const call = /^([A-Za-z_]\w*)(?:\.(?:create|build))?\(/.exec(expr);
  if (call) return Object.hasOwn(factories, call[1]) ? factories[call[1]] : undefined;
  if (!/^[A-Za-z_]\w*$/.test(expr)) return undefined;
  const bindings = [
    ...body.matchAll(new RegExp(`^[ \\t]+${expr}[ \\t]*=(?!=)[ \\t]*([^\\n]*)$`, "gm")),
  ];
  return bindings.length === 1 ? factoryResult(bindings[0][1].trim(), "", factories) : undefined;
}
