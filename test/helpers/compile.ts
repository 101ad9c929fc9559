import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The newest CPython 3 on this machine: snapshots hold Python 3.12-3.13 syntax (PEP 695 generics,
 * PEP 696 defaults, PEP 701 f-strings) that an older `python3` rejects. ASYNCSHIFT_TEST_PYTHON
 * names one; otherwise pyenv's installed versions are looked at, then `python3`.
 */
function newestPython(): { command: string; minor: number } {
  const candidates = [process.env.ASYNCSHIFT_TEST_PYTHON, ...pyenvPythons(), "python3"];
  let best = { command: "python3", minor: -1 };
  for (const command of candidates) {
    if (!command) continue;
    const probe = spawnSync(command, ["-c", "import sys; print(sys.version_info[1])"], {
      encoding: "utf8",
    });
    const minor = Number(probe.stdout?.trim());
    if (probe.status === 0 && minor > best.minor) best = { command, minor };
    if (command === process.env.ASYNCSHIFT_TEST_PYTHON && probe.status === 0) return best;
  }
  return best;
}

function pyenvPythons(): string[] {
  const versions = join(process.env.PYENV_ROOT ?? join(homedir(), ".pyenv"), "versions");
  if (!existsSync(versions)) return [];
  return readdirSync(versions)
    .filter((v) => /^3\.\d+\.\d+$/.test(v))
    .map((v) => join(versions, v, "bin", "python3"))
    .filter((path) => existsSync(path));
}

/** The interpreter that compiles the sources, and its minor version (3.x). */
export const PYTHON = newestPython();

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
    const out = execFileSync(PYTHON.command, ["-c", COMPILE_ALL, list], {
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
