/*
 * What a module's functions do, by module (effects.ts's second half): CPU-bound work, whose right
 * place is a worker thread, or in-memory work touching no database, file or network.
 */

/** What calls of a module's functions do: CPU-bound work, in-memory work, or both. */
interface ModuleEffect {
  /** CPU-bound: a worker thread is the right place (to-thread leaves it there). */
  cpu?: true;
  /** Touches no database, file or network: a converted wrapper may keep it on the loop. */
  inMemory?: true;
}

const CPU: ModuleEffect = { cpu: true };
const IN_MEMORY: ModuleEffect = { inMemory: true };
const BOTH: ModuleEffect = { cpu: true, inMemory: true };

/**
 * Modules by what their functions do. Compression, parsing and imaging modules are CPU-bound but
 * also open files (`gzip.open`, `csv.reader(f)`, `PIL.Image.open`): not in-memory. pathlib builds
 * paths in memory; its values' methods touch the file system (native-orm reads that apart).
 */
const MODULE_EFFECTS: ReadonlyMap<string, ModuleEffect> = new Map([
  // django.utils.crypto: constant_time_compare, salted_hmac, and pbkdf2 (CPU-heavy).
  ...[
    "hashlib",
    "hmac",
    "base64",
    "json",
    "re",
    "orjson",
    "zlib",
    "bcrypt",
    "argon2",
    "django.utils.crypto",
  ].map((m): [string, ModuleEffect] => [m, BOTH]),
  ...[
    "pickle",
    "gzip",
    "bz2",
    "lzma",
    "csv",
    "xml",
    "lxml",
    "PIL",
    "numpy",
    "pandas",
    "markdown",
    "yaml",
    "cryptography",
  ].map((m): [string, ModuleEffect] => [m, CPU]),
  ...[
    "datetime",
    "decimal",
    "uuid",
    "logging",
    "math",
    "itertools",
    "collections",
    "functools",
    "operator",
    "string",
    "typing",
    "dataclasses",
    "enum",
    "copy",
    "random",
    "textwrap",
    "statistics",
    "traceback",
    "pathlib",
    "calendar",
    "fractions",
    "secrets",
    "binascii",
    "html",
    "urllib.parse",
    "http.cookies",
    "unicodedata",
    "bisect",
    "heapq",
    "ipaddress",
    "django.utils.timezone",
    "django.utils.dateparse",
    "django.utils.text",
    "django.utils.translation",
    "django.urls",
    "django.db.models",
  ].map((m): [string, ModuleEffect] => [m, IN_MEMORY]),
]);

/** The effect of the module a qualified name belongs to (its longest listed prefix). */
export function moduleEffect(qualified: string | undefined): ModuleEffect | undefined {
  if (!qualified) return undefined;
  const parts = qualified.split(".");
  for (let n = parts.length; n > 0; n--) {
    const effect = MODULE_EFFECTS.get(parts.slice(0, n).join("."));
    if (effect) return effect;
  }
  return undefined;
}
