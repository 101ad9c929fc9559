// The benchmark's corpora, each built into a folder of its own (a temp folder; never committed).
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";

/**
 * Real Django code, from PyPI wheels (pinned: the same code on every machine): Django itself,
 * wagtail (a large CMS) and django-allauth (accounts and social login). Their async code (Django's async ORM methods,
 * `sync_to_async`, async views and handlers) is what asyncshift reads.
 */
export const REAL_PACKAGES = {
  django: "django==5.2.19",
  wagtail: "wagtail==8.0.1",
  "django-allauth": "django-allauth==65.22.1",
};

/** Wheels are kept between runs here (outside the repository), downloaded once. */
const WHEELS = join(tmpdir(), "asyncshift-bench-wheels");

/** Every .py file under `dir`, skipping folders for which `skip(name)` holds. */
export function pyFiles(dir, skip = () => false, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip(entry.name)) pyFiles(path, skip, out);
    } else if (entry.isFile() && entry.name.endsWith(".py")) out.push(path);
  }
  return out;
}

function copyInto(files, from, to) {
  for (const file of files) {
    const target = join(to, relative(from, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
}

/** The machine's python3 standard library without site-packages, `copies` times. */
export function sparseCorpus(dir, copies) {
  const stdlib = execFileSync("python3", [
    "-c",
    'import sysconfig; print(sysconfig.get_paths()["stdlib"])',
  ])
    .toString()
    .trim();
  const files = pyFiles(stdlib, (name) => name === "site-packages" || name === "__pycache__");
  for (let k = 0; k < copies; k++) copyInto(files, stdlib, join(dir, `copy${k}`));
}

/** examples/ and the snapshot inputs, replicated to about `bytes` per copy. */
export function denseCorpus(root, bytes) {
  return (dir, copies) => {
    const sources = [
      ...pyFiles(join(root, "examples")),
      ...pyFiles(join(root, "snapshots")).filter((f) => f.endsWith(".input.py")),
    ];
    const size = sources.reduce((sum, f) => sum + statSync(f).size, 0);
    const replicas = Math.ceil((bytes * copies) / size);
    for (let r = 0; r < replicas; r++) copyInto(sources, root, join(dir, `r${r}`));
    // The examples' dependency file: the project is a Django project, as in real use.
    copyFileSync(join(root, "examples", "pyproject.toml"), join(dir, "pyproject.toml"));
  };
}

/**
 * A folder as it is (a Django application checked out by hand: its dependency files and
 * `manage.py` too), `copies` times; never committed, so any public project can be measured.
 */
export function folderCorpus(src) {
  return (dir, copies) => {
    for (let k = 0; k < copies; k++)
      cpSync(src, join(dir, `copy${k}`), {
        recursive: true,
        filter: (path) => !/[\\/](\.git|\.asyncshift_cache|__pycache__)$/.test(path),
      });
  };
}

/** The unpacked wheel of one pinned requirement (`pip download --no-deps`), once per machine. */
function unpackedWheel(requirement) {
  const folder = join(WHEELS, requirement.replace(/[^\w.-]/g, "_"));
  if (existsSync(join(folder, ".done"))) return folder;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const download = join(folder, "wheel");
  execFileSync(
    "python3",
    [
      "-m",
      "pip",
      "download",
      "--quiet",
      "--no-deps",
      "--only-binary=:all:",
      "-d",
      download,
      requirement,
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const wheel = readdirSync(download).find((f) => f.endsWith(".whl"));
  execFileSync("python3", ["-m", "zipfile", "-e", join(download, wheel), join(folder, "src")]);
  writeFileSync(join(folder, ".done"), "");
  return folder;
}

/** One real package's source, `copies` times (each copy a folder of its own). */
export function realCorpus(requirement) {
  return (dir, copies) => {
    const src = join(unpackedWheel(requirement), "src");
    const files = pyFiles(src, (name) => name === "__pycache__");
    for (let k = 0; k < copies; k++) copyInto(files, src, join(dir, `copy${k}`));
  };
}

/**
 * A project of at least `target` files from the real packages, copied over as many times as it
 * takes, with a pyproject.toml at its root: the one-file figure's project (pre-commit names one
 * staged file; the whole project is indexed).
 */
export function largeProject(dir, target) {
  const sources = Object.values(REAL_PACKAGES).map((r) => {
    const src = join(unpackedWheel(r), "src");
    return { src, files: pyFiles(src, (name) => name === "__pycache__") };
  });
  let count = 0;
  for (let k = 0; count < target; k++)
    for (const { src, files } of sources) {
      copyInto(files, src, join(dir, `copy${k}`));
      count += files.length;
    }
  writeFileSync(
    join(dir, "pyproject.toml"),
    '[project]\nname = "large"\ndependencies = ["Django>=5.2"]\n',
  );
  return count;
}

export function corpusStats(dir) {
  const files = pyFiles(dir);
  return { files: files.length, mb: files.reduce((s, f) => s + statSync(f).size, 0) / 2 ** 20 };
}
