import type { SyntaxNode } from "../../src/model/types.js";
import { plainKindOf, unknownKindReason } from "../../src/python/value-kinds.js";
import { isInMemoryValue, shortened } from "./no-async-api.js";
import { isDjangoRequest, libraryAttributeSaid, libraryValueOf } from "./library-values.js";
import type { OrmFile, Problem } from "./types.js";
import type { AttributeRead } from "./lazy-relations.js";
import { COMMON_RELATION_NAMES } from "../../src/django/library-models.js";
import { mayBeUnseenModel } from "../../src/django/proof-parts.js";
import { lazyUserIn } from "./lazy-objects.js";
import { relatedPathModel } from "./related-paths.js";
import { classOfSelf, selfIsNoModel } from "../../src/django/plain-self.js";
import { methodResolutionOrder } from "../../src/python/mro.js";

// A wrapper's body moves from a thread onto the event loop, so what it reads must run no query.
// A proven instance's relations are lazy-relations.ts's (AS202). Off a value nothing proves, an
// attribute read may load a row when the name is one a model of the project reads lazily: a
// relation (`publication.repository_version`), a reverse one, or a property of a project class
// (`version.content`, whose body filters on `self.repo`). Other names are columns or plain
// attributes wherever they are read: `pr.number`, `event.kind`.

interface LazyNames {
  /** By attribute name, why reading it off some model may query. */
  why: ReadonlyMap<string, string>;
  /** `Version.content` -> `app/models.py:12`: properties of project classes, where defined. */
  properties: ReadonlyMap<string, string>;
}

/** Attribute names that may run a query when read, for one project's facts. */
const lazyNamesOf = new WeakMap<object, LazyNames>();

function lazyNames(f: OrmFile): LazyNames {
  const project = f.ctx.project;
  const known = lazyNamesOf.get(project);
  if (known) return known;
  const why = new Map<string, string>();
  const properties = new Map<string, string>();
  const add = (name: string, text: string) => why.has(name) || why.set(name, text);
  // Every model declaring the name is named, not the first one (orm-review-3 N11: `docket` of
  // DocketAlert was blamed for a DocketEntry's).
  const owners = new Map<string, string[]>();
  const own = (name: string, kind: string, model: string) => {
    const key = `${name}\0${kind}`;
    owners.set(key, [...(owners.get(key) ?? []), model]);
  };
  // orm-review-8/9 S12: a ManyToManyField or a ForeignKey's related_name reads a related manager,
  // which runs no query until it is evaluated (`order.candidates.add(w)`, `list(p.items.all())`):
  // only forward ForeignKeys and OneToOneFields load a row when read.
  for (const [model, facts] of Object.entries(project.models))
    for (const name of facts.relations) own(name, "a ForeignKey or OneToOneField", model);
  for (const [key, models] of owners) {
    const [name, kind] = key.split("\0");
    add(name, `${kind} of ${ownersSaid(models)}`);
  }
  // A OneToOneField to a model with no related_name is read back as its lowercased name.
  for (const model of Object.keys(project.models))
    add(model.toLowerCase(), `the default reverse accessor of a OneToOneField to ${model}`);
  for (const fn of project.index?.functions ?? [])
    if (fn.className && fn.decorators.some((d) => /property$/.test(d))) {
      add(fn.name, `a property of ${fn.className} (${fn.path}:${fn.line})`);
      properties.set(`${fn.className}.${fn.name}`, `${fn.path}:${fn.line}`);
    }
  const names = { why, properties };
  lazyNamesOf.set(project, names);
  return names;
}

/** `A`, `A or B`, `A, B or C`, `A, B, C or 4 more models`. */
function ownersSaid(models: string[]): string {
  if (models.length === 1) return models[0];
  if (models.length <= 3) return `${models.slice(0, -1).join(", ")} or ${models.at(-1)}`;
  return `${models.slice(0, 3).join(", ")} or ${models.length - 3} more models`;
}

/**
 * `main_rd.docket_entry.docket` where `main_rd` came from a queryset that selected
 * `docket_entry__docket` (through a helper of this file too): loaded with the row, no query.
 */
function loadedAlongPath(f: OrmFile, node: SyntaxNode): boolean {
  const names: string[] = [];
  let n: SyntaxNode = node;
  while (n.type === "attribute") {
    names.unshift(n.childForFieldName("attribute")!.text);
    n = n.childForFieldName("object")!;
  }
  const instance = n.type === "identifier" && names.length > 1 ? f.proofs.instanceOf(n) : undefined;
  return !!instance && (instance.selected === "all" || instance.selected.has(names.join("__")));
}

/**
 * `order_item.order.client` where `order_item` is a proven instance and each name a ForeignKey or
 * OneToOneField whose target the pre-pass knows (orm-review-6 R7): a lazy load of the whole path,
 * which `select_related("order__client")` where `order_item` is loaded would avoid.
 */
function relationAlongPath(f: OrmFile, node: SyntaxNode): Problem | undefined {
  const path = relatedPathModel(f, node);
  if (!path) return undefined;
  return {
    code: "AS202",
    node,
    message: `${shortened(node)} loads the related ${path.names.at(-1)} lazily, a sync query: add select_related("${path.names.join("__")}") to the queryset that loads ${path.root.text}${path.fromParameter ? " (loaded out of sight here)" : ""}`,
    ...(path.fromParameter ? { severity: "info" as const } : {}),
  };
}

/** Attributes that are a column or class metadata on any model, and plain on anything else. */
const PLAIN_ATTRIBUTE = /^(pk|id|\w+_id|_meta|__class__|__name__|__dict__|DoesNotExist)$/;

/** Whether `class_` defines `name` as a property (`@property`, `@cached_property`, ...). */
function definesProperty(class_: SyntaxNode, name: string): boolean {
  const body = class_.childForFieldName("body");
  return (body?.namedChildren ?? []).some((member) => {
    if (member.type !== "decorated_definition") return false;
    const def = member.childForFieldName("definition");
    if (def?.childForFieldName("name")?.text !== name) return false;
    return member.namedChildren.some((d) => d.type === "decorator" && /property/.test(d.text));
  });
}

/** `self.total` where the enclosing class defines `total` as a property (its body may query). */
function propertyHere(f: OrmFile, object: SyntaxNode, attribute: string): string | undefined {
  if (object.text !== "self") return undefined;
  const class_ = f.file.enclosingClass(object);
  const name = class_?.childForFieldName("name")?.text;
  return class_ && definesProperty(class_, attribute) ? `a property of ${name}` : undefined;
}

/**
 * orm-human-5 H8: `self.room` in a method of a consumer, a view or a service: the object's own
 * attribute, no relation of `self` (no model is its class), unless a class of its order defines
 * it as a property (whose body may query).
 */
function plainSelfAttribute(
  f: OrmFile,
  object: SyntaxNode,
  attribute: string,
  names: LazyNames,
): boolean {
  if (!selfIsNoModel(f.ctx.project, object)) return false;
  const order = methodResolutionOrder(classOfSelf(object)!) ?? [];
  return !order.some((c) =>
    c.kind === "local"
      ? definesProperty(c.node, attribute)
      : c.kind === "imported" && names.properties.has(`${c.name}.${attribute}`),
  );
}

/** Is the name bound only by imports, defs and classes (a module, a class, a function)? */
function namesCodeNotData(f: OrmFile, object: SyntaxNode): boolean {
  if (f.file.importBindingOf(object.text, object)) return true;
  if (f.file.isBuiltin(object.text, object)) return true;
  const bound = f.file.visibleBindings(object, object.text);
  return bound.length > 0 && bound.every((b) => b.kind === "definition" || b.kind === "import");
}

/**
 * `cls.Types`, `Post.Status`, `self.Kind`: a class nested in a class (a model's `TextChoices`),
 * whose attributes are its constants (orm-review-5 Q23: `cls.Types.post` is no relation).
 */
function isNestedClass(f: OrmFile, object: SyntaxNode): boolean {
  const owner = object.childForFieldName("object");
  const name = object.childForFieldName("attribute")?.text ?? "";
  if (owner?.type !== "identifier" || !/^[A-Z][a-z]\w*$/.test(name)) return false;
  if (owner.text === "cls" || owner.text === "self") return !!f.file.enclosingClass(owner);
  return !!f.proofs.modelClassOf(owner) || namesCodeNotData(f, owner);
}

/**
 * In a wrapper to convert, `x.attr` read off a value `x` that nothing proves a model instance, a
 * queryset or an in-memory value, where `attr` is a name a project model loads lazily or a
 * project class computes (AS205): the read may query, on the event loop once the wrapper goes.
 */
export function attributeReadProblem(f: OrmFile, read: AttributeRead): Problem | undefined {
  const { node, object, attribute } = read;
  const chained = object?.type === "attribute";
  if (!object || (object.type !== "identifier" && !chained)) return undefined;
  if (PLAIN_ATTRIBUTE.test(attribute)) return undefined;
  // `a.b.c` spelled as attributes; a getattr of a path reads only its last name.
  const path = chained && node.type === "attribute";
  if (path && loadedAlongPath(f, node)) return undefined;
  const along = path ? relationAlongPath(f, node) : undefined;
  if (along) return along;
  const names = lazyNames(f);
  const lazy =
    names.why.get(attribute) ?? propertyHere(f, object, attribute) ?? unseenRelation(f, read);
  if (!lazy || plainSelfAttribute(f, object, attribute, names) || isDjangoRequest(f, object))
    return undefined;
  const parent = node.parent;
  // A method called (judged as a call) or an attribute written (in memory) is no read.
  if (parent?.type === "call" && parent.childForFieldName("function")?.id === node.id)
    return undefined;
  if (parent?.type === "assignment" && parent.childForFieldName("left")?.id === node.id)
    return undefined;
  // `settings.X.y`, `models.Model.objects`: attributes of a module or a class, not of data.
  if (chained ? f.file.qualifiedName(object) : namesCodeNotData(f, object)) return undefined;
  if (chained && isNestedClass(f, object)) return undefined;
  // `self.meeting` the class body annotates with a model: an instance the object holds.
  if (f.proofs.instanceOf(node)) return undefined;
  const instance = f.proofs.instanceOf(object);
  // A property that only builds a queryset (`shop.open_orders`) makes no query when read.
  if (instance && f.proofs.querysetOf(node)) return undefined;
  // A proven instance's relations are lazy-relations.ts's; a property of its own model is here.
  const ownProperty = instance && names.properties.get(`${instance.model}.${attribute}`);
  // orm-review-4 P15: a property computing from the row's plain columns only (`slugify(self.name)`).
  const models = f.ctx.project.models;
  if (instance && models[instance.model]?.inMemoryProperties?.includes(attribute)) return undefined;
  if (instance && !ownProperty) return undefined;
  if (!instance && f.proofs.querysetOf(object)) return undefined;
  if (!instance && (isInMemoryValue(f, object) || plainKindOf(object))) return undefined;
  const why = chained ? undefined : unknownKindReason(object);
  // orm-review-4 P8: `interaction: discord.Interaction`; `guild` is no relation of its class.
  const library = instance ? undefined : libraryAttributeSaid(f, object, attribute);
  if (library)
    return {
      code: "AS205",
      node,
      message: `${shortened(node)} is not known to stay off the database: ${library}`,
    };
  if (instance)
    return {
      code: "AS205",
      node,
      message: `${shortened(node)} may run a query when read: ${attribute} is a property of ${instance.model} (${ownProperty}), whose body would run on the event loop once the wrapper goes`,
    };
  // orm-review-4 P8 (rekuest `info.context.request.organization`): the name is a relation of some
  // project models, which says nothing of what the object is: said as a condition, not a claim.
  const held = why ?? (chained ? readOffLibrary(f, object) : undefined);
  const effect = lazy.startsWith("a property")
    ? "an instance of that class, reading it runs that property, whose body may query"
    : "an instance of a model with that field, reading it may load a row lazily, a sync query";
  if (!names.why.has(attribute) && !lazy.startsWith("a property"))
    return {
      code: "AS205",
      node,
      message: `${shortened(node)} may run a query when read: ${shortened(object)} is not proven a model instance whose ${attribute} is loaded, a queryset or an in-memory value${held ? ` (${held})` : ""}, and ${lazy}, whose fields are not known here: if ${attribute} is a ForeignKey or OneToOneField of one, reading it loads a row lazily, a sync query`,
    };
  return {
    code: "AS205",
    node,
    message: `${shortened(node)} may run a query when read: ${shortened(object)} is not proven a model instance whose ${attribute} is loaded, a queryset or an in-memory value${held ? ` (${held})` : ""}, and in this project ${attribute} is the name of ${lazy}: if ${shortened(object)} is ${effect}`,
  };
}

/**
 * orm-review-9 RW1 (codecov-api, whose `models.py` star-imports its models from an installed
 * package): the file uses model classes the project does not declare, so the names their
 * relations have are not known. A read off an unproven value is taken for one of them when its
 * name is a relation on many models (`author`, `owner`), or the read value has attributes read
 * in turn (`repo.author.ownerid`), as a related row has: "this file uses models ..." or undefined.
 */
function unseenRelation(f: OrmFile, read: AttributeRead): string | undefined {
  const { node, attribute } = read;
  const readOn =
    node.parent?.type === "attribute" && node.parent.childForFieldName("object")?.id === node.id;
  if (!readOn && !COMMON_RELATION_NAMES.has(attribute)) return undefined;
  // `request.user` is Django's lazy user, said as such where it is read (lazy-objects.ts).
  if (lazyUserIn(f, node)?.id === node.id) return undefined;
  const unseen = unseenModelsOf(f);
  if (unseen.length === 0) return undefined;
  const modules = [...new Set(unseen.map(([, module]) => module))].join(", ");
  const names = unseen.map(([name]) => name);
  const said = names.length > 3 ? `${names.slice(0, 3).join(", ")} and more` : names.join(", ");
  return `this file uses models the project does not declare (${said}, from ${modules})`;
}

/** The file's imports of model classes the project does not declare, Django's own aside. */
function unseenModelsOf(f: OrmFile): [string, string][] {
  return f.root.tree.memoized("unseenModels", () => importedUnseenModels(f));
}

function importedUnseenModels(f: OrmFile): [string, string][] {
  const project = f.ctx.project;
  const found: [string, string][] = [];
  for (const name of f.file.importedNames()) {
    const qualified = f.file.importBindingOf(name, f.root)?.qualified;
    const module = qualified?.slice(0, qualified.lastIndexOf("."));
    const imported = qualified?.slice(qualified.lastIndexOf(".") + 1) ?? "";
    if (!module || module.startsWith("django.") || project.models[imported]) continue;
    if (mayBeUnseenModel(project, module, imported)) found.push([name, module]);
  }
  return found;
}

/** `info.context.request`: read off `info`, a parameter of a library class (what it holds is not known). */
function readOffLibrary(f: OrmFile, object: SyntaxNode): string | undefined {
  let root = object;
  while (root.type === "attribute") root = root.childForFieldName("object")!;
  const cls = root.type === "identifier" ? libraryValueOf(f, root) : undefined;
  return cls
    ? `it is read off ${root.text}, a ${cls}, a class of a library whose attributes' classes are not known here`
    : undefined;
}
