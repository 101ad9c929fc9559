import { isAsyncFunction } from "../../src/python/shapes.js";
import { absoluteName } from "../../src/python/relative-imports.js";
import { functionsNamed, projectTopModules } from "../../src/project/index-lookup.js";
import type { FileSemantics, ProjectFacts, SyntaxNode } from "../../src/model/types.js";
import { guardedImportName } from "../../src/python/guarded-imports.js";
import { isJsonMethod } from "../../src/python/value-kinds.js";
import { likelyLocalMethod } from "../../src/python/mro.js";
import { classOfMethod } from "./class-attributes.js";
import { receiverBindings, storedValue } from "./receiver-bindings.js";
import { isPropertyDef } from "./property-reads.js";
import {
  classNamed,
  elementOf,
  enclosingDef,
  selfScopeDef,
  annotatedParameter,
  defaultdictElement,
  fromSelfElement,
  moduleClass,
  quotedClass,
  typedDictField,
  ANY_CLASS,
  BUILTIN_CLASSES,
} from "./receivers.js";
import {
  constructorKey,
  isAttributeChainOfClass,
  isProtocol,
  lacksMethod,
  methodOfClass,
  namesakesOf,
  overridesIn,
  methodKey,
  overridesOf,
  protocolImplementers,
} from "./alternatives.js";
import { getattrDispatch, valueCall } from "./dispatch.js";
import { callMaker } from "./makers.js";
import { instanceCall, moduleAliasOf, parameterDefault } from "./aliased-callees.js";
import { inheritedCall } from "./inherited-calls.js";
import { steppedIterator, steppingFact } from "./generator-steps.js";
import { libraryMaker } from "./library-values.js";
import { classAt, constructorFacts, ownClassAt } from "./constructors.js";
import { defAt } from "./defs-at.js";
import { implicitCalls } from "./implicit-calls.js";
import { methodOfSelf, superCallFact } from "./self-calls.js";
import {
  callableValues,
  decoratorCalls,
  projectValueKey,
  valuesFact,
} from "./returned-callables.js";
import { enteredFacts, enteredValueAt, propertyRead } from "./entered-values.js";
import { isCalledLambda, passedCallables } from "./passed-callables.js";
import {
  annotatedClass,
  annotatedContainer,
  builtinContainer,
  builtinFactory,
  getattrLiteral,
  fieldFactory,
  narrowedClass,
  valueSides,
  decoratorLocks,
  isSelfOrCls,
  threadRunConstructor,
} from "./call-shapes.js";
import {
  isCollaboratorCall,
  PROJECT_KEY,
  type CallFact,
  type FunctionFacts,
  type FunctionLookup,
} from "./loop-hazards.js";

/**
 * Facts about the functions of this file, for the loop-hazard check: which function a call
 * reaches (a function of the file by its name, or `self.<method>` of the enclosing class or a
 * same-file base, or an imported function of the project, whose facts the survey gathered) and
 * what its body calls.
 */
export class SameFileFunctions {
  private readonly defs = new Map<string, SyntaxNode>();
  private readonly facts = new Map<string, FunctionFacts>();
  /** The names whose assignments `madeByAssignments` is following (`a = b`, `b = a`). */
  private readonly following = new Set<number>();

  constructor(
    readonly file: FileSemantics,
    /** Facts of other files' functions by key (the survey's plan), when there is one. */
    private readonly elsewhere: Readonly<Record<string, FunctionFacts>> = {},
    /** The project, whose index gives the overrides and namesakes a method call may run. */
    readonly project?: ProjectFacts,
  ) {}

  /** The lookup a loop-hazard check reads: the facts of a function by its key. */
  readonly lookup: FunctionLookup = (key) => {
    const def = this.defs.get(key);
    if (!def) return Object.hasOwn(this.elsewhere, key) ? this.elsewhere[key] : undefined;
    let facts = this.facts.get(key);
    if (!facts) this.facts.set(key, (facts = this.factsOf(def)));
    return facts;
  };

  /** The facts of a callee expression (`helper`, `self.execute`, `ready.wait`) used at `at`. */
  callFact(callee: SyntaxNode, at: SyntaxNode): CallFact {
    const fact: CallFact = { text: callee.text };
    const parent = superCallFact(this, callee, at);
    if (parent) return parent;
    if (callee.type === "identifier" || callee.type === "attribute") {
      // A guarded optional import (`except ImportError: Name = None`) keeps the library's name.
      const qualified =
        this.file.qualifiedName(callee) ??
        guardedImportName(this.file, callee) ??
        moduleAliasOf(this.file, callee, at);
      if (qualified) fact.qualified = qualified;
    }
    // `Registers()`: a class of this file, whose constructor runs (constructors.ts).
    let def = this.resolve(callee, at) ?? classAt(this.file, callee, at) ?? ownClassAt(callee, at);
    const called = !def && !fact.qualified ? instanceCall(this, callee, at) : undefined;
    if (called) return { ...fact, reaches: called }; // `tool(x)`: its `__call__` (Z2)
    // `operator(obj)` with `operator = _make_operator(...)`: what the maker returns (V9b).
    const values = !def && !fact.qualified ? callableValues(this, callee, at) : undefined;
    if (values) return valuesFact(fact, values);
    if (callee.type === "attribute") {
      fact.method = callee.childForFieldName("attribute")!.text;
      const receiver = callee.childForFieldName("object")!;
      const made = this.madeBy(receiver, at);
      // `model: "LLM"` whose class (and its bases and subclasses) has no `close`: the value is of
      // another class than written, so the project's methods of that name may run.
      const absolute = made && (absoluteName(made, this.file.module, this.file.path) ?? made);
      const madeBy =
        absolute && lacksMethod(this.project, absolute, fact.method) ? undefined : made;
      // A class of this file (`manager: ReplayManager`): its method is read here.
      const local = madeBy && !madeBy.includes(".") ? moduleClass(this.file, madeBy) : undefined;
      if (local) def ??= likelyLocalMethod(local, fact.method);
      if (madeBy && (!local || def)) fact.receiverMadeBy = madeBy;
      // An element of a container of the instance, or an inherited method out of sight.
      else if (local || fromSelfElement(this.file, receiver, at)) fact.collaborator = true;
      else if (!this.withImplementers(fact, receiver, at)) this.withCandidates(fact, receiver, at);
    }
    // `self.transform(tree)` from a library base, which calls the class's methods back.
    if (!def && callee.type === "attribute" && !fact.receiverMadeBy)
      Object.assign(
        fact,
        inheritedCall(this.file, this.project, callee, this.enclosingDef(at), (d) => this.keyOf(d)),
      );
    if (def) {
      fact.reaches = this.keyOf(def);
      // `self.run(...)`: self may be a subclass's instance, whose override runs instead.
      const own = this.selfClass(callee, at);
      const overrides = own && fact.method ? overridesIn(this.project, own, fact.method) : [];
      if (overrides.length > 0) fact.alternatives = overrides;
    } else if (fact.qualified) {
      // An imported name: a function of another module of the project, perhaps.
      const absolute = absoluteName(fact.qualified, this.file.module, this.file.path);
      if (absolute?.includes(".")) fact.reaches = `${PROJECT_KEY}${absolute}`;
    } else if (fact.method && fact.receiverMadeBy) {
      // `store.add` with `store = Store()`: the method of a class the file names (the project's,
      // perhaps: the survey reads it if the index lists it).
      const cls = absoluteName(fact.receiverMadeBy, this.file.module, this.file.path);
      if (cls?.includes(".")) fact.reaches = `${PROJECT_KEY}${cls}.${fact.method}`;
    }
    return this.withAlternatives(fact);
  }

  /** `action.run()`, `action` typed by a Protocol: what each class meeting it runs (Y18g). */
  private withImplementers(fact: CallFact, receiver: SyntaxNode, at: SyntaxNode): boolean {
    const made = this.madeByRaw(receiver, at);
    if (!made || !isProtocol(this.project, made)) return false;
    const found = protocolImplementers(this.project, made, fact.method!);
    if (!found) return false;
    fact.alternatives = found;
    fact.collaborator = true;
    const protocol = made.slice(made.lastIndexOf(".") + 1);
    fact.protocol = protocol;
    fact.maybeWhy = `a class of this project that meets the Protocol ${protocol}, which ${receiver.text} is annotated with`;
    return true;
  }

  /** `self.mem0.add` with `self.mem0` one of some project classes: theirs may run (candidateClasses). */
  private withCandidates(fact: CallFact, receiver: SyntaxNode, at: SyntaxNode): void {
    // Only a class that has the method (`result = OutputData(...)` or `[]`: `append` is the list's).
    const index = this.project!.index!;
    const { classes, complete } = this.candidateClasses(receiver, at);
    const found = classes.map((cls) => {
      const own = functionsNamed(index, fact.method!).filter(
        (f) => f.className === cls.split(".").at(-1) && !f.nested,
      );
      const absolute = cls.includes(".")
        ? absoluteName(cls, this.file.module, this.file.path)
        : `${this.file.module}.${cls}`;
      if (own.length === 0 || !absolute) return undefined;
      // The class's own method where it is defined (a package may re-export the class).
      return own.length === 1 ? methodKey(own[0]) : `${PROJECT_KEY}${absolute}.${fact.method}`;
    });
    const own = found.filter((k) => k !== undefined);
    // `chunking_strategy: Optional[ChunkingStrategy]`: any subclass's `chunk` (Y6).
    const subclasses = own.flatMap((key) => overridesOf(this.project, key));
    if (own.length === 0) return;
    // Every assignment read, each a project class with the method: nothing else may run.
    if (!complete || own.length < classes.length) fact.collaborator = true;
    fact.alternatives = [...new Set([...own, ...subclasses])];
    const or = subclasses.length > 0 ? ", or a subclass of one" : "";
    fact.maybeWhy = `a class one of the assignments of ${receiver.text} makes${or}`;
  }

  /** A method's other callees: overrides, or for a receiver of unknown class its namesakes. */
  private withAlternatives(fact: CallFact): CallFact {
    if (!this.project?.index) return fact;
    const constructor = fact.reaches && constructorKey(this.project, fact.reaches);
    if (constructor) fact.reaches = constructor;
    if (!fact.method || fact.method === "with") return fact;
    // A class known by its bare name (a return annotation's): its method, by the index.
    if (!fact.reaches && fact.receiverMadeBy && !fact.receiverMadeBy.includes("."))
      fact.reaches = methodOfClass(this.project, fact.receiverMadeBy, fact.method);
    if (fact.reaches && isAttributeChainOfClass(this.project, fact.reaches)) {
      const receiver = fact.text.slice(0, fact.text.length - fact.method.length - 1);
      const namesakes = namesakesOf(this.project, fact.method, receiver);
      if (namesakes?.length) {
        fact.alternatives = namesakes;
        fact.namesakes = true;
      }
    } else if (fact.reaches?.startsWith(PROJECT_KEY)) {
      const overrides = overridesOf(this.project, fact.reaches);
      if (overrides.length > 0) fact.alternatives = overrides;
    } else if (!fact.reaches && !fact.qualified && !fact.receiverMadeBy && !fact.alternatives) {
      const receiver = fact.text.slice(0, fact.text.length - fact.method.length - 1);
      // Too many to read: none is read, and the call stays unproven (at a site, refused: Z7).
      const namesakes = namesakesOf(this.project, fact.method, receiver);
      if (namesakes?.length !== 0) {
        fact.alternatives = namesakes ?? [];
        fact.namesakes = true;
        if (!namesakes) fact.namesakesUnread = true;
      }
    }
    return fact;
  }

  /**
   * The facts of one call in a body. A call of a value (`client(...)` with `client =
   * _PROVIDERS.get(site)`, `_PROVIDERS[site](...)`) reaches each function a module-level dict of
   * this file maps to (hazard-review-4 K15: SurfSense's captcha solvers, which `time.sleep`);
   * a value of no known function is one the check cannot follow.
   */
  private callFacts(callee: SyntaxNode, call: SyntaxNode): CallFact[] {
    const line = call.startPosition.row + 1;
    // `next(_gen)`: the generator's body runs (generator-steps.ts).
    const it = steppedIterator(this.file, callee, call);
    const stepped = it && steppingFact(this.file, it, call, (f, at) => this.callFact(f, at));
    if (stepped) return [{ ...stepped, line }];
    const fact: CallFact = { ...this.callFact(callee, call), line };
    // `sleep(0.5)` with `sleep=time.sleep` the parameter's default (Z23).
    const byDefault = parameterDefault(this.file, callee, call);
    if (byDefault) return [fact, { text: callee.text, qualified: byDefault, line }];
    // A method of a value of unknown class (`moves.is_maintenance_active()` with `moves` from
    // `getattr(...)` or a bare parameter: hazard-review-5 J1, InvokeAI) may be any project
    // method of that name: read through them, and never proven. A method every dict, list or
    // str has (`data.get(k)`, `name.strip()`) is taken as theirs, as before.
    if (fact.namesakes && !fact.reaches) {
      if (isCollaboratorCall(fact) || !isJsonMethod(fact.method!)) fact.collaborator = true;
      else {
        delete fact.alternatives;
        delete fact.namesakes;
      }
    }
    if (fact.reaches || fact.qualified || fact.method || fact.alternatives) return [fact];
    const dispatch = getattrDispatch(this.file, callee, this.enclosingDef(call));
    if (dispatch === "unknown") return [{ ...fact, collaborator: true }];
    if (dispatch)
      return [
        {
          text: fact.text,
          alternatives: dispatch.map((d) => this.keyOf(d)),
          maybeWhy: "a method of the class that getattr() may pick by name",
          line,
        },
      ];
    const value = this.valueCall(callee, call);
    if (value === "known") return [fact];
    if (value === "unknown") return [{ ...fact, collaborator: true }];
    return value.map((def) => ({
      text: def.childForFieldName("name")!.text,
      reaches: this.keyOf(def),
      line,
    }));
  }

  /** What a call of `callee` runs when it is a value (dispatch.ts). */
  valueCall(callee: SyntaxNode, at: SyntaxNode): SyntaxNode[] | "unknown" | "known" {
    return valueCall(
      this.file,
      callee,
      at,
      (c, a) => this.resolve(c, a),
      (name) => defAt(this.file, name, at),
    );
  }

  /** The def of this file a key names (one `callFact` gave). */
  defOf(key: string): SyntaxNode | undefined {
    return this.defs.get(key);
  }

  /** The facts of `def` (a def of this file), and the key its calls reach it by. */
  factsOfDef(def: SyntaxNode): { key: string; facts: FunctionFacts } {
    const key = this.keyOf(def);
    return { key, facts: this.lookup(key)! };
  }

  keyOf(def: SyntaxNode): string {
    const key = `${this.file.path}:${def.startIndex}`;
    this.defs.set(key, def);
    return key;
  }

  /** The facts of a module's own top-level code (an Alembic `env.py`), under `name`. */
  moduleFacts(name: string): FunctionFacts {
    return { ...this.factsOf(this.file.root), name };
  }

  private factsOf(def: SyntaxNode): FunctionFacts {
    if (def.type === "class_definition") return constructorFacts(this, def, this.file.path);
    const calls: CallFact[] = [];
    const visit = (node: SyntaxNode): void => {
      // Nested definitions do not run when the function runs.
      const nested = ["function_definition", "class_definition"].includes(node.type);
      if (nested || (node.type === "lambda" && !isCalledLambda(this.file, node))) return;
      if (node.type === "call") {
        const callee = node.childForFieldName("function");
        if (callee) calls.push(...this.callFacts(callee, node));
      }
      const entered = enteredValueAt(node);
      if (entered)
        calls.push(...enteredFacts(this, entered, node, (v) => projectValueKey(this, v)));
      if (node.type === "attribute")
        calls.push(...propertyRead(this, node, (r) => this.madeBy(r, node)));
      calls.push(...implicitCalls(this, node));
      // `sorted(rows, key=store.rank)`: a function handed to a call, called by it (Y15c).
      if (node.type === "call") calls.push(...passedCallables(this, node));
      // `max(rows, key=lambda r: store.rank(r))`: the lambda runs in the call.
      if (node.type === "lambda" && isCalledLambda(this.file, node)) {
        const body = node.childForFieldName("body");
        if (body) visit(body);
        return;
      }
      for (const child of node.namedChildren) visit(child);
    };
    for (const statement of (def.childForFieldName("body") ?? def).namedChildren) visit(statement);
    calls.push(...decoratorLocks(def), ...decoratorCalls(this, def));
    const cls = classOfMethod(def);
    const name = def.childForFieldName("name")?.text ?? this.file.path;
    const qualname = cls ? `${cls.childForFieldName("name")!.text}.${name}` : name;
    const line = def.startPosition.row + 1;
    const async = isAsyncFunction(def) ? { async: true as const } : {};
    return { name: qualname, calls, path: this.file.path, line, ...async };
  }

  /** The function of this file `callee` stands for at `at`: a def by name, or `self.<method>`. */
  resolve(callee: SyntaxNode, at: SyntaxNode): SyntaxNode | undefined {
    if (callee.type === "identifier") return defAt(this.file, callee.text, at);
    const object = callee.childForFieldName("object");
    // `self.wait()` in a wrapper a method returns: that method's self (member-classes.ts).
    const method = object ? methodOfSelf(object.text, at) : undefined;
    const cls = method && classOfMethod(method);
    if (callee.type !== "attribute" || !cls || !isSelfOrCls(object, method!)) return undefined;
    return likelyLocalMethod(cls, callee.childForFieldName("attribute")!.text);
  }

  /** The enclosing class's name, for `self.<m>` (or `cls.<m>` in a classmethod) at `at`. */
  private selfClass(callee: SyntaxNode, at: SyntaxNode): string | undefined {
    const method = this.enclosingDef(at);
    const cls = method && classOfMethod(method);
    if (callee.type !== "attribute" || !cls) return undefined;
    return isSelfOrCls(callee.childForFieldName("object"), method!)
      ? cls.childForFieldName("name")?.text
      : undefined;
  }

  /** The def whose `self` a node reads (receivers.ts). */
  private enclosingDef(node: SyntaxNode): SyntaxNode | undefined {
    return selfScopeDef(node);
  }

  /** `logger = base_logger` at module level: the import the name aliases (`loguru.logger`). */
  moduleAlias(name: string): string | undefined {
    const bindings = this.file.bindingsNamed(this.file.root, name);
    const right =
      bindings.length === 1 ? bindings[0].node.parent?.childForFieldName("right") : null;
    const qualified = right?.type === "identifier" ? this.file.qualifiedName(right) : undefined;
    return qualified?.includes(".") ? qualified : undefined;
  }

  /** What made the module-level value `name` (`V = TypeAdapter(W)`), for another file's call. */
  moduleValueMaker(name: string): string | undefined {
    const bindings = this.file.bindingsNamed(this.file.root, name);
    return bindings.length > 0
      ? this.madeByAssignments(bindings.map((b) => b.node.parent))
      : undefined;
  }

  /** The qualified name of what made `receiver` (`x = threading.Event()`), when the file says. */
  madeBy(receiver: SyntaxNode, at: SyntaxNode): string | undefined {
    const made = this.madeByRaw(receiver, at);
    // `-> Any`, `x: object`: no class at all (hazard-review-8 Y18c, crewAI's feedback provider);
    // a typing.Protocol is met by any class with its methods (Y18d: crewAI's `_BuiltAction`).
    return made && (ANY_CLASS.has(made) || isProtocol(this.project, made)) ? undefined : made;
  }

  private madeByRaw(receiver: SyntaxNode, at: SyntaxNode): string | undefined {
    if (receiver.type === "subscript") {
      const value = receiver.childForFieldName("value");
      const key = receiver.childForFieldName("subscript");
      const field = value && typedDictField(this.file, this.madeBy(value, at), key);
      return (
        field ??
        elementOf(this.file, value, enclosingDef(at)) ??
        defaultdictElement(this.file, value) ??
        this.storedMadeBy(receiver)
      );
    }
    // `getattr(self, "_lock")`, `locks.setdefault(key, threading.Lock())` (hazard-review-7 Y15).
    if (getattrLiteral(receiver)) {
      const bindings = receiverBindings(this.file, receiver, at);
      return bindings?.length ? this.madeByAssignments(bindings) : undefined;
    }
    const stored = this.storedMadeBy(receiver);
    if (stored) return stored;
    // `get_cache().token`, `TemplateExpression(...).result()`: what the call makes.
    if (receiver.type === "call") {
      const made = this.madeByValue(receiver);
      // A class's instance only: a function's product is known by its maker elsewhere.
      return made && /^[A-Z]/.test(made.slice(made.lastIndexOf(".") + 1)) ? made : undefined;
    }
    if (receiver.type === "parenthesized_expression" && receiver.namedChildren.length === 1)
      return this.madeBy(receiver.namedChildren[0], at);
    // `(repo_root / path).resolve()` with `repo_root: Path`: a path (hazard-review-6 V8).
    if (
      receiver.type === "binary_operator" &&
      receiver.childForFieldName("operator")?.text === "/"
    ) {
      const left = this.madeBy(receiver.childForFieldName("left")!, at);
      return left && /^pathlib\.\w*Path$/.test(left) ? left : undefined;
    }
    const bindings = receiverBindings(this.file, receiver, at);
    if (bindings === undefined || bindings.length > 0)
      return bindings && this.madeByAssignments(bindings);
    // `self.client`, a property `-> Mem0ServiceClient` (hazard-review-6 V1): its annotation.
    const cls = classOfMethod(this.enclosingDef(at)!)!;
    const getter = likelyLocalMethod(cls, receiver.childForFieldName("attribute")!.text);
    const type =
      getter && isPropertyDef(getter)
        ? annotatedClass(getter.childForFieldName("return_type"))
        : undefined;
    return type ? (classNamed(this.file, type) ?? type.text) : undefined;
  }

  /** The one class the values a container call or subscript hands back are made by (storedValue). */
  private storedMadeBy(value: SyntaxNode): string | undefined {
    const stored = storedValue(this.file, value);
    const made = new Set(stored?.map((v) => this.madeByValue(v)));
    return made.size === 1 ? [...made][0] : undefined;
  }

  /**
   * The project classes one binding or another of `receiver` makes, when they do not agree
   * (`self.mem0 = client` of an `Any` parameter, or `Memory.from_config(...)`): the classes the
   * value may be of, whose methods the check reads as what may run (hazard-review-6 V1).
   */
  private candidateClasses(
    receiver: SyntaxNode,
    at: SyntaxNode,
  ): { classes: string[]; complete: boolean } {
    const index = this.project?.index;
    const bindings = index ? (receiverBindings(this.file, receiver, at) ?? []) : [];
    // `self.model = model or Claude(...)`: each side's class (hazard-review-7 Y6).
    const made = bindings.flatMap((b) => {
      const right = b?.type === "assignment" ? b.childForFieldName("right") : null;
      const sides = right && !b!.childForFieldName("type") ? valueSides(right) : undefined;
      return sides ? sides.map((side) => this.madeByValue(side)) : [this.madeByAssignments([b])];
    });
    const builtin = (m: string | undefined) => m !== undefined && BUILTIN_CLASSES.has(m);
    const classes = [...new Set(made)].filter(
      (m): m is string =>
        m !== undefined &&
        !isProtocol(this.project, m) &&
        /^[A-Z]/.test(m.slice(m.lastIndexOf(".") + 1)) &&
        (!m.includes(".") || projectTopModules(index!).has(m.split(".")[0])),
    );
    const complete = made.every((m) => builtin(m) || (m !== undefined && classes.includes(m)));
    return { classes, complete };
  }

  /**
   * The one class every binding makes (`threading.Event`), if they agree: a constructor call, a
   * constructor run in a thread (`await asyncio.to_thread(Chunker, 256)`), or a parameter's
   * annotation (`chunker: Chunker`, `Chunker | None`): hazard-review-3 H7, whose methods were
   * unwrapped unread.
   */
  private madeByAssignments(assignments: (SyntaxNode | null)[]): string | undefined {
    const made = new Set(assignments.map((binding) => this.madeByBinding(binding)));
    if (made.size === 1) return [...made][0];
    // `self.connection = redis.StrictRedis(...)` in one branch, `RedisCluster.from_url(...)` in
    // another: a library's object either way, not a project method's namesake.
    const index = this.project?.index;
    const libraries = [...made].every(
      (m) => m?.includes(".") && index && !projectTopModules(index).has(m.split(".")[0]),
    );
    return libraries ? [...made][0] : undefined;
  }

  /** The class one binding of a name makes (madeByAssignments), when the file says. */
  private madeByBinding(binding: SyntaxNode | null): string | undefined {
    const container = builtinContainer(this.file, binding);
    if (container) return container;
    if (binding?.type === "as_pattern_target" || binding?.type === "for_statement")
      return libraryMaker(this.file, binding, this.project, (r, at) => this.madeBy(r, at));
    if (binding?.type === "typed_parameter" || binding?.type === "typed_default_parameter") {
      const type = binding.childForFieldName("type");
      const named = annotatedClass(type);
      // `model: "LLM"`, imported under TYPE_CHECKING (xinference's ModelActor, V5).
      return named ? classNamed(this.file, named) : quotedClass(this.file, type);
    }
    const right = binding?.type === "assignment" ? binding.childForFieldName("right") : null;
    // `_runner: threading.Thread | None = None`: the annotation says what it holds later.
    const annotated = binding?.type === "assignment" ? binding.childForFieldName("type") : null;
    const factory = fieldFactory(this.file, right);
    // `PrivateAttr(default_factory=dict)`, `x: dict[int, Y] = Field(...)`: a builtin container,
    // whose `get` is no project method's namesake (hazard-review-8 V12, crewAI's backends).
    const made = factory ? (annotatedContainer(annotated) ?? builtinFactory(factory)) : undefined;
    if (made) return made;
    if (factory && factory !== "none") return classNamed(this.file, factory);
    if (annotated && ((right?.type !== "call" && right?.type !== "await") || factory)) {
      const named = annotatedClass(annotated);
      return named ? classNamed(this.file, named) : quotedClass(this.file, annotated);
    }
    return right ? this.madeByValue(right) : undefined;
  }

  /** The class an assigned value is of, when the file says (`Claude(...)`, a typed parameter). */
  private madeByValue(right: SyntaxNode): string | undefined {
    // `p if isinstance(p, LocalBrowserProfile) else None`: the class it tests (Y9b).
    const narrowed = narrowedClass(right);
    if (narrowed && right.namedChildren[2]?.type === "none") return classNamed(this.file, narrowed);
    // `model or Claude(id=...)`: one class whichever side it is (else candidateClasses).
    const sides = valueSides(right);
    if (sides) {
      const made = new Set(sides.map((side) => this.madeByValue(side)));
      return made.size === 1 ? [...made][0] : undefined;
    }
    if (right.type === "subscript")
      return elementOf(this.file, right.childForFieldName("value"), enclosingDef(right));
    // `executor = self._executor`: what made the instance's attribute (hazard-review-6 V6).
    if (right.type === "attribute" && right.childForFieldName("object")?.text === "self")
      return this.madeBy(right, right);
    // `self._engine = engine` in `__init__(self, engine: VersionedContentEngine)`: the
    // parameter's annotation says the class (SurfSense's knowledge store, hazard-review-4).
    const parameter =
      right.type === "identifier" ? annotatedParameter(this.file, right) : undefined;
    if (parameter) return this.madeByAssignments([parameter]);
    // `self._executor = replacement` with `replacement = self._create_executor()` (V6b).
    if (right.type === "identifier" && !this.following.has(right.id)) {
      this.following.add(right.id);
      const made = this.madeBy(right, right);
      this.following.delete(right.id);
      return made;
    }
    // Only a call makes the value (`lock = shared.generation_lock` says nothing of its class,
    // and a lock known by its name must stay judged by it).
    const fn =
      right.type === "await"
        ? threadRunConstructor(this.file, right)
        : right.type === "call"
          ? right.childForFieldName("function")
          : null;
    return fn && fn.type !== "call" ? callMaker(this, fn, right) : undefined;
  }
}
