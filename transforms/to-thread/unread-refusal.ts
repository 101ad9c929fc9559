import type { FileScan } from "./proofs.js";
import { attributeChainOfClass } from "./alternatives.js";
import { HAZARD_DEPTH, PROJECT_KEY } from "./loop-hazards.js";
import { RETURNED } from "./returned-callables.js";
import { indexedByKey } from "./project-callees.js";
import { indexedName } from "../../src/project/index-lookup.js";

/*
 * Project code the loop-hazard check could not read refuses an unwrap, even with --unsafe-fixes.
 * A library the check cannot read is one the user knows and may vouch for (AS302, unsafe); the
 * project's own code is what the unwrap moves onto the loop unseen, and the project is where the
 * locks are: InvokeAI's `ApiDependencies.invoker.services.boards.get_dto` runs a SQLite
 * `threading.RLock` two calls down (hazard-review-5, the hard line, item 3).
 */

/** A project function a check reached and did not read; `deep`: below the depth it follows. */
export interface UnreadCall {
  call: string;
  deep: boolean;
  /** The project function whose product the call is, what it returns not read (`make_handler`). */
  returnedBy?: string;
}

/** `py:app.ops.make_handler()`: the project function whose product a key stands for. */
export function returnedBy(key: string): string | undefined {
  if (!key.startsWith(PROJECT_KEY) || !key.endsWith(RETURNED)) return undefined;
  return key.slice(0, -RETURNED.length).split(".").at(-1);
}

/** What an unread project function's refusal needs of the check. */
export interface UnreadProject {
  unread: UnreadCall[];
  /** The site's own callee, project code not found: its key. */
  projectUnread?: string;
  /** The project's methods of the site's method name, read, none a hazard. */
  namesakesRead?: string[];
}

/** What is not known of unread project code, and why the unwrap is refused for it. */
function notKnown(plural: boolean): string {
  const [it, s] = plural ? ["they", ""] : ["it", "s"];
  return (
    `so whether ${it} take${s} a lock, wait${s} on another thread or start${s} an event loop is ` +
    "not known; project code the check cannot read is refused even with --unsafe-fixes (only a " +
    "library's is taken on trust); it stays in its thread"
  );
}

/** AS307's message when the check could not read project code the callee runs, else undefined. */
export function unreadRefusal(
  scan: FileScan,
  fnText: string,
  check: UnreadProject,
): string | undefined {
  if (check.projectUnread)
    return `cannot unwrap: ${siteUnread(scan, fnText, check)}, ${notKnown(false)}`;
  if (check.unread.length === 0) return undefined;
  const deep = check.unread.filter((u) => u.deep).map((u) => u.call);
  const made = check.unread.filter((u) => !u.deep && u.returnedBy);
  const missing = check.unread.filter((u) => !u.deep && !u.returnedBy).map((u) => u.call);
  const parts = [
    ...made.map((u) => `${u.call} (${madeBy(u.returnedBy!)})`),
    ...(missing.length > 0
      ? [
          `${list(missing)} (${missing.length > 1 ? "their definitions were" : "its definition was"} not found: not a def or class the project's index lists under that name)`,
        ]
      : []),
    ...(deep.length > 0
      ? [
          `${list(deep)} (more than ${HAZARD_DEPTH} calls below ${fnText}, deeper than the check follows)`,
        ]
      : []),
  ];
  return `cannot unwrap: ${fnText} reaches this project's ${parts.join(" and ")}, which the check could not read, ${notKnown(check.unread.length > 1)}`;
}

/** Why the site's own callee, this project's code, could not be read. */
function siteUnread(scan: FileScan, fnText: string, check: UnreadProject): string {
  const product = returnedBy(check.projectUnread!);
  if (product) return `${fnText} is ${madeBy(product)}`;
  const chain = attributeChainOfClass(scan.ctx.project, check.projectUnread!);
  const holder = check.projectUnread!.split(".").at(-2) ?? "";
  // `action.fn` with `action: BoundRegistryAction`, whose field `fn: Callable` holds a function.
  if (!chain && /^[A-Z]\w*[a-z]/.test(holder))
    return `${fnText} is an attribute of the project class ${holder} and none of its methods (a function it holds at run time): which function runs could not be read`;
  if (!chain)
    return `${fnText} is this project's code, but where it is defined could not be found (not a def or class the project's index lists under that name)`;
  const method = fnText.slice(fnText.lastIndexOf(".") + 1);
  const key = check.projectUnread!;
  const owner = key.slice(0, key.lastIndexOf("."));
  const index = scan.ctx.project.index;
  const maker = index && indexedByKey(index, owner);
  // `self.embedding_model = EmbedderFactory.create(...)`: a factory's product (mem0).
  const what = maker
    ? `a method of what the project's ${indexedName(maker)}() returns, whose class no annotation names`
    : `this project's code reached through attributes of the class ${chain.className} (${chain.attributes}) whose classes are not written where they are set`;
  const namesakes = check.namesakesRead?.length
    ? `; the project's methods named ${method} (${check.namesakesRead.join(", ")}) show none the check can see, but the value may be of another class`
    : "";
  return `${fnText} is ${what}, so which ${method}() runs could not be read${namesakes}`;
}

/** A function a project function returns, when the check could not tell which (returned-callables.ts). */
function madeBy(maker: string): string {
  return `a function this project's ${maker}() returns, which the check could not read: not a def it returns by name`;
}

function list(calls: string[]): string {
  return calls.length > 3
    ? `${calls.slice(0, 3).join(", ")} and ${calls.length - 3} more`
    : calls.join(", ");
}
