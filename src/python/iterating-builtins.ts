// Python's builtins that run through an iterable they are given, said once for every transform:
// to-thread judges a generator consumed by one as run there (hazard-review-9 Z19), native-orm
// treats a queryset handed to one as evaluated (orm-review-4 W2).

/** Builtins that run through the iterable they are given there and then, to the end. */
export const CONSUMING_BUILTINS: ReadonlySet<string> = new Set([
  "list",
  "tuple",
  "set",
  "frozenset",
  "dict",
  "sorted",
  "sum",
  "any",
  "all",
  "min",
  "max",
]);

/**
 * Builtins that iterate (evaluate) a positional argument, now or when their result is used: the
 * consumers, the lazy wrappers (`map`, `zip`, ...) and those that read a container's size, truth
 * or text (`len`, `bool`, `repr`).
 */
export const ITERATING_BUILTINS: ReadonlySet<string> = new Set([
  ...CONSUMING_BUILTINS,
  "len",
  "enumerate",
  "zip",
  "map",
  "filter",
  "reversed",
  "bool",
  "repr",
  "iter",
  "next",
]);
