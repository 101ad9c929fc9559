import type { ProjectFacts, SyntaxNode } from "../model/types.js";
import { importBindingOf } from "../python/imports.js";
import { methodResolutionOrder, type MroClass } from "../python/mro.js";

// orm-human-5 H8 (hakaton-backend's chat consumers): in a method of a channels consumer,
// `self.room` is the consumer's own attribute, set by `self.room = await ...get_object(...)`.
// Reading it runs no query whatever project model has a ForeignKey named `room`: only a model
// instance's relations load lazily. `self` is proven no model instance when its class is a kind
// Python cannot mix with `models.Model`, or a class no model derives from.

/**
 * Library modules whose classes are never Django models, and cannot be mixed into one in
 * practice: consumers, views, forms, serializers, commands, tests, tasks, validation models.
 * (`typing`/`abc` are not here: a `Generic[T]` mixin may be a model's base.)
 */
const NO_MODEL_LIBRARIES =
  /^(channels|djangochannelsrestframework|rest_framework|ninja|ninja_extra|pydantic|pydantic_settings|msgspec|marshmallow|enum|celery|unittest|strawberry|graphene|graphene_django|django\.(views|forms|test|http|contrib\.admin|core\.management|contrib\.syndication))(\.|$)/;

/** Last names of such library classes, for bases a project class of another file names. */
const NO_MODEL_CLASS_NAMES =
  /^(Async)?(Json)?WebsocketConsumer$|^(Generic)?AsyncAPIConsumer$|^(AsyncConsumer|SyncConsumer|AsyncHttpConsumer|APIView|GenericAPIView|\w*ViewSet|View|TemplateView|FormView|Form|ModelForm|Serializer|ModelSerializer|BaseCommand|TestCase|TransactionTestCase|SimpleTestCase|Task|BaseModel)$/;

/** Builtin bases whose layout Python will not mix with a model's. */
const BUILTIN_NO_MODEL =
  /^(dict|list|str|int|tuple|set|BaseException|Exception|[A-Z]\w*(Error|Exception))$/;

/** The qualified name of a base of the MRO, when an import of this file says it. */
export function qualifiedBase(c: MroClass, cls: SyntaxNode): string | undefined {
  if (c.kind === "imported") return c.binding.qualified;
  if (c.kind !== "opaque") return undefined;
  const [head, ...rest] = c.text.split(".").map((p) => p.trim());
  const binding = importBindingOf(head, cls);
  return binding ? [binding.qualified, ...rest].join(".") : undefined;
}

/** Is this class of the order one that no model can be (a consumer, a view, a form...)? */
function noModelClass(project: ProjectFacts, c: MroClass, cls: SyntaxNode): boolean {
  if (c.kind === "local") return false; // its bases are in the order
  const qualified = qualifiedBase(c, cls);
  if (qualified && NO_MODEL_LIBRARIES.test(qualified)) return true;
  if (c.kind === "opaque") return BUILTIN_NO_MODEL.test(c.text) && !importBindingOf(c.text, cls);
  // A class of another file of the project: its ancestors as the pre-pass kept them.
  const heads = project.subclassHeads ?? {};
  return c.name in heads && namesNoModel(heads, c.name);
}

/** The names of the classes the project's base lists lead to from `name` (itself left out). */
function ancestorNames(heads: Record<string, string[]>, name: string): Set<string> {
  const seen = new Set<string>();
  const queue = [name];
  while (queue.length > 0)
    for (const b of heads[queue.pop()!] ?? [])
      if (!seen.has(b) && b !== name) queue.push(seen.add(b) && b);
  return seen;
}

/** Is a base the pre-pass names a consumer, a view, a form..., or a project class leading to one? */
function namesNoModel(heads: Record<string, string[]>, base: string): boolean {
  if (!(base in heads)) return NO_MODEL_CLASS_NAMES.test(base);
  return [...ancestorNames(heads, base)].some((a) => !(a in heads) && NO_MODEL_CLASS_NAMES.test(a));
}

/**
 * Is every class of the project deriving from `name` (by its base list) no model either: each
 * of its other bases `object`, another such class, or a consumer, a view, a form...? A class
 * that also extends a library base nothing here knows (`TagBase`) may be a model.
 */
function derivedOnlyByNoModels(project: ProjectFacts, name: string): boolean {
  const heads = project.subclassHeads;
  if (!heads) return false;
  const derived = new Set([name]);
  for (let grown = true; grown;) {
    grown = false;
    for (const [sub, bases] of Object.entries(heads))
      if (!derived.has(sub) && bases.some((b) => derived.has(b))) grown = !!derived.add(sub);
  }
  return [...derived].every(
    (d) =>
      d === name ||
      (!project.models[d] &&
        heads[d].every((b) => derived.has(b) || b === "object" || namesNoModel(heads, b))),
  );
}

/** The class `self` is the first parameter of a method of, or undefined. */
export function classOfSelf(self: SyntaxNode): SyntaxNode | undefined {
  if (self.type !== "identifier" || self.text !== "self") return undefined;
  let def = self.parent;
  while (def && def.type !== "function_definition") def = def.parent;
  const first = def?.childForFieldName("parameters")?.namedChildren[0];
  if (!def || first?.text !== "self") return undefined;
  const holder = def.parent?.type === "decorated_definition" ? def.parent : def;
  if (holder !== def && /@(staticmethod|classmethod)\b/.test(holder.text.split("def")[0]))
    return undefined;
  const cls = holder.parent?.parent;
  return cls?.type === "class_definition" ? cls : undefined;
}

/**
 * `self` in a method of a class that is no model, and that no model of the project derives from:
 * a consumer, a view, a service. A class whose order holds a consumer, a view, a form (Python
 * cannot make one class of both); else a class whose every base is this file's and plain, which
 * no model of the project names among its ancestors.
 */
export function selfIsNoModel(project: ProjectFacts, self: SyntaxNode): boolean {
  const cls = classOfSelf(self);
  if (!cls) return false;
  // Asked for each `self.x` read: one answer per class and project.
  const perTree = cls.tree.memoized(
    "selfIsNoModel",
    () => new WeakMap<ProjectFacts, Map<number, boolean>>(),
  );
  let known = perTree.get(project);
  if (!known) perTree.set(project, (known = new Map()));
  let answer = known.get(cls.id);
  if (answer === undefined) known.set(cls.id, (answer = classIsNoModel(project, cls)));
  return answer;
}

function classIsNoModel(project: ProjectFacts, cls: SyntaxNode): boolean {
  const name = cls.childForFieldName("name")?.text;
  if (!name || project.models[name]) return false;
  const order = methodResolutionOrder(cls);
  if (!order) return false;
  if (order.some((c) => noModelClass(project, c, cls))) return derivedOnlyByNoModels(project, name);
  // `class RoomService:` and its local bases: nothing but this file's classes, none a model.
  const plain = order.every(
    (c) =>
      c.kind === "local" &&
      !project.models[c.node.childForFieldName("name")?.text ?? ""] &&
      (c.node.childForFieldName("superclasses")?.namedChildren ?? []).every(
        (b) =>
          b.type === "identifier" &&
          (b.text === "object" ||
            order.some(
              (o) => o.kind === "local" && o.node.childForFieldName("name")?.text === b.text,
            )),
      ),
  );
  return plain && derivedOnlyByNoModels(project, name);
}
