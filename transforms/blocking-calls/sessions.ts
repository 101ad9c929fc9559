import { blockingMethod } from "../../src/python/effects.js";
import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import type { HelperBlock } from "./refusals.js";
import type { MethodTarget } from "./instances.js";

/*
 * Sessions a project context manager gives: `with get_sync_db_session() as session:
 * session.exec(...)`, where `get_sync_db_session` (another module, a `@contextmanager` with no
 * annotation) yields what `db_manager.create_session()` yields, itself annotated
 * `-> Generator[Session, Any, None]` (hazard-review-5 J5: bisheng's sync DAO methods, ~190 calls
 * in `async def`). A helper's walk records each such use with the factory's key; the survey reads
 * the factories (through re-exports and one factory yielding another's value), and the plan
 * turns a use into a block when the product's method blocks.
 */

/** A method called on what a project factory's `with` gave: `session.exec()` on `get_session()`. */
export interface FactoryUse {
  factory: string;
  method: string;
  call: string;
  path: string;
  line: number;
  via: string[];
  /** A declared class attribute rather than a factory's `with` (`Trade.session: ClassVar[...]`). */
  holder?: string;
}

/** The key a call's callee reaches (helpers.ts's `calledHere`), passed in. */
export type Resolve = (callee: SyntaxNode) => MethodTarget | undefined;

/** The `with <call> as <name>:` item that binds `name` where `at` reads it, if that is its one binding. */
function withCallOf(file: FileSemantics, name: SyntaxNode): SyntaxNode | undefined {
  const bindings = file.visibleBindings(name, name.text);
  const parent = bindings.length === 1 ? bindings[0].node.parent : undefined;
  const pattern = parent?.type === "as_pattern_target" ? parent.parent : parent;
  if (pattern?.type !== "as_pattern" || pattern.parent?.type !== "with_item") return undefined;
  const value = pattern.namedChildren[0];
  return value?.type === "call" ? value : undefined;
}

/** The factory key of the `with` that bound `name`, when a project function made it. */
function factoryKeyOf(file: FileSemantics, name: SyntaxNode, resolve: Resolve): string | undefined {
  const call = withCallOf(file, name);
  const callee = call?.childForFieldName("function");
  const target = callee ? resolve(callee) : undefined;
  return target && "key" in target ? target.key : undefined;
}

/** `session.exec(statement)` where `session` came from `with <project factory>() as session:`. */
export function factoryUse(
  file: FileSemantics,
  call: SyntaxNode,
  resolve: Resolve,
): Omit<FactoryUse, "via"> | undefined {
  const callee = call.childForFieldName("function");
  const receiver = callee?.type === "attribute" ? callee.childForFieldName("object") : undefined;
  if (receiver?.type !== "identifier") return undefined;
  const factory = factoryKeyOf(file, receiver, resolve);
  if (!factory) return undefined;
  const method = callee!.childForFieldName("attribute")!.text;
  return {
    factory,
    method,
    call: `${callee!.text}()`,
    path: file.path,
    line: call.startPosition.row + 1,
  };
}

/**
 * `with db_manager.create_session() as session: yield session`: a generator each of whose
 * `yield`s gives what one project factory's `with` gave; that factory's key.
 */
export function yieldedFrom(
  file: FileSemantics,
  def: SyntaxNode,
  resolve: Resolve,
): string | undefined {
  const factories = new Set(
    // The keyword token is a `yield` node too: only the expressions.
    def
      .descendantsOfType("yield")
      .filter((node) => node.isNamed)
      .map((node) => {
        const value = node.namedChildren[0];
        return value?.type === "identifier" ? factoryKeyOf(file, value, resolve) : undefined;
      }),
  );
  const [factory] = factories;
  return factories.size === 1 ? factory : undefined;
}

/** What the survey gathered about factories: direct products, yields of another, forwards. */
export interface FactoryFacts {
  /** By factory key: what its `with` gives, when the file shows it. */
  products: Record<string, string>;
  /** By factory key: the factory whose value it yields. */
  yieldsFrom: Record<string, string>;
  /** Keys that stand for another (a re-export), with what they reach. */
  forwards: Record<string, string>;
}

/** What a factory's `with` gives, through forwards and factories yielding another's value. */
function productOf(facts: FactoryFacts, key: string, depth = 0): string | undefined {
  if (depth > 6) return undefined;
  const next = facts.yieldsFrom[key] ?? facts.forwards[key];
  return facts.products[key] ?? (next ? productOf(facts, next, depth + 1) : undefined);
}

/** The first use whose method blocks on what its factory gives, as a block. */
export function useBlock(
  facts: FactoryFacts,
  uses: readonly FactoryUse[],
): HelperBlock | undefined {
  for (const use of uses) {
    const entry = blockingMethod(productOf(facts, use.factory), use.method);
    const factory = use.factory.split(".").pop();
    const from = use.holder ? `, as ${use.holder} declares` : ` from ${factory}()`;
    if (entry)
      return {
        call: `${use.call} on ${entry.what}${from}`,
        path: use.path,
        line: use.line,
        via: use.via,
      };
  }
  return undefined;
}
