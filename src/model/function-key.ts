/**
 * One function of the project, named the same way everywhere (plans, survey facts, the index's
 * functions, declared entry points): `billing.services:charge`, or `billing.services:Invoice.charge`
 * for a method. Plain text: it crosses threads and keys maps.
 */
export type FunctionKey = `${string}:${string}`;

/** The key of `name` in `module`, a method of `className` when one is given. */
export function functionKey(module: string, name: string, className?: string): FunctionKey {
  return `${module}:${className ? `${className}.` : ""}${name}`;
}

/** The function's own name in a key: `charge` for `billing.services:Invoice.charge`. */
export function nameOfKey(key: string): string {
  return key.slice(Math.max(key.lastIndexOf("."), key.indexOf(":")) + 1);
}

/**
 * A wrapper call site of a module that is no function of its own (`sync_to_async(helper)(...)`
 * inline): the module and the site's position among the module's such sites.
 */
export type SiteKey = `${string}#${number}`;

export function siteKey(module: string, n: number): SiteKey {
  return `${module}#${n}`;
}
