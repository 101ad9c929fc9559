import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Compiles every source in one python3 process and prints, per file, the error or nothing.
const COMPILE_ALL = `
import json, sys
results = {}
for path in json.load(open(sys.argv[1])):
    try:
        with open(path, "rb") as f:
            compile(f.read(), path, "exec", dont_inherit=True)
        results[path] = None
    except SyntaxError as e:
        results[path] = f"{e.msg} (line {e.lineno})"
print(json.dumps(results))
`;

/** CPython's verdict on each source: undefined when it compiles, else the error. One process for all. */
export function compileWithCPython(sources: Map<string, string>): Map<string, string | undefined> {
  const dir = mkdtempSync(join(tmpdir(), "asyncshift-compile-"));
  try {
    const files = new Map<string, string>();
    let i = 0;
    for (const [name, source] of sources) {
      const file = join(dir, `${i++}.py`);
      writeFileSync(file, source);
      files.set(file, name);
    }
    const list = join(dir, "files.json");
    writeFileSync(list, JSON.stringify([...files.keys()]));
    const out = execFileSync("python3", ["-c", COMPILE_ALL, list], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    const verdicts = JSON.parse(out) as Record<string, string | null>;
    const result = new Map<string, string | undefined>();
    for (const [file, name] of files) result.set(name, verdicts[file] ?? undefined);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
