import type { ClassFacts } from "../django/models.js";
import type { ModelFacts, PlainClassFacts } from "../model/types.js";

// orm-review-4 P20: the project's classes built in memory. `class Message(BaseModel)` with
// pydantic's BaseModel, `class AnsibleEventMessage(Message)`, `class QuotaError(Exception)`:
// every base up the chain is a class of the project of that kind or a library base whose
// constructor stores what it is given. Which methods of the chain run when an instance is built
// (`__init__`, a validator) is the index's to say, where the transform asks (its bodies may query).

/**
 * Library bases (by the last name the pre-pass keeps, and only when it found them outside the ORM:
 * imported from pydantic, ninja, enum, typing, abc, ... or a builtin) whose construction stores
 * its arguments. Not a form or a serializer: `ModelForm(instance=...)` reads the instance's
 * relations when built.
 */
const STORING_BASES =
  /^(object|BaseModel|BaseSettings|Schema|Struct|Enum|IntEnum|StrEnum|Flag|IntFlag|TypedDict|NamedTuple|ABC|Generic|Protocol|BaseException|Exception|[A-Z]\w*(Error|Exception|Warning))$/;

/** Library bases whose instances hold their fields as plain values: pydantic models. */
const RECORD_BASES = /^(BaseModel|BaseSettings)$/;

/**
 * Each class of the project built in memory, with the project classes of its chain (itself
 * first) and whether it is a record (a pydantic model). A name two files define differently is
 * left out: which one a file imports is not known here.
 */
export function plainClassesFrom(
  classSets: Iterable<Record<string, ClassFacts>>,
  models: Record<string, ModelFacts>,
): Record<string, PlainClassFacts> {
  const all = new Map<string, ClassFacts>();
  const clashing = new Set<string>();
  for (const set of classSets)
    for (const [name, cls] of Object.entries(set)) {
      const seen = all.get(name);
      if (seen && seen.bases.join() !== cls.bases.join()) clashing.add(name);
      all.set(name, cls);
    }
  const found = new Map<string, PlainClassFacts | null>();
  const judge = (name: string): PlainClassFacts | null => {
    if (found.has(name)) return found.get(name)!;
    found.set(name, null); // a cycle of bases proves nothing
    const cls = all.get(name);
    let result: PlainClassFacts | null = null;
    if (cls && !models[name] && !clashing.has(name)) {
      const chain = [name];
      let record = false;
      let plain = true;
      for (const base of cls.bases) {
        if (cls.outsideOrm?.includes(base)) {
          plain &&= STORING_BASES.test(base);
          record ||= RECORD_BASES.test(base);
          continue;
        }
        const inner = base === name ? null : judge(base);
        if (!inner) plain = false;
        else {
          chain.push(...inner.chain.filter((c) => !chain.includes(c)));
          record ||= !!inner.record;
        }
      }
      if (plain) result = { chain, ...(record ? { record: true as const } : {}) };
    }
    found.set(name, result);
    return result;
  };
  const plain: Record<string, PlainClassFacts> = {};
  for (const name of all.keys()) {
    const facts = judge(name);
    if (facts) plain[name] = facts;
  }
  return plain;
}
