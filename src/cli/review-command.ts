import { resolve } from "node:path";
import pc from "picocolors";
import type { Options } from "../config/options.js";
import type { RunResult } from "../model/results.js";
import { displayPath } from "../project/paths.js";
import { projectRootOf } from "../project/project-index.js";
import { uncommittedFiles } from "../runner/git.js";
import { exitCodeOf, run } from "../runner/run.js";
import { startWrites, type WriteSession } from "../runner/write-phase.js";
import { formatDiagnostic } from "../report/text.js";
import { SETUP } from "../api.js";
import { reviewSites } from "./interactive.js";
import { write } from "./streams.js";
import { verifiedWrite } from "./verify.js";

/**
 * The run's writes, or with --verify: the suite's baseline, the writes, and what fails reverted,
 * the project locked throughout (`lockHeld`: by the caller already).
 */
export function withVerification(
  options: Options,
  write: () => Promise<RunResult>,
  lockHeld = false,
): Promise<RunResult> {
  const verify = options.verify;
  if (verify === undefined) return write();
  return verifiedWrite({ ...options, verify }, write, {
    say: (line) => process.stderr.write(line + "\n"),
    registry: SETUP.registry,
    lockHeld,
  });
}

/** --interactive: a dry run keeping each file's text, then a question per site. */
export async function interactiveCommand(options: Options): Promise<number> {
  // It writes: one writing run at a time, and an interrupted one's groups rolled back first.
  const session = await startWrites(projectRootOf(resolve(options.paths[0] ?? ".")), {
    onWait: (message) => process.stderr.write(`asyncshift: ${message}\n`),
  });
  try {
    return await reviewAndWrite(options, session);
  } finally {
    session.release?.();
  }
}

async function reviewAndWrite(options: Options, session: WriteSession): Promise<number> {
  let reviewed: Awaited<ReturnType<typeof reviewSites>> = [];
  let changed = 0;
  // The review writes what is accepted: with --verify, after the baseline run of the suite.
  const review = async (): Promise<RunResult> => {
    const result = await run({ ...options, mode: "dry-run" }, SETUP, {
      keepText: true,
      formatForWrite: true,
    });
    const files = result.files.filter((f) => f.status === "changed");
    changed = files.length;
    const uncommitted = options.allowDirty
      ? new Set<string>()
      : uncommittedFiles(files.map((f) => resolve(f.path)));
    const own = session.journal?.ownWrites(uncommitted) ?? new Set<string>();
    const dirty = new Set([...uncommitted].filter((f) => !own.has(f)).map((f) => displayPath(f)));
    reviewed = await reviewSites(result.files, {
      input: process.stdin,
      output: process.stdout,
      color: options.color,
      cwd: process.cwd(),
      dirty,
      groups: result.writeGroups,
      ...(session.journal ? { journal: session.journal } : {}),
    });
    const written = new Set(reviewed.filter((f) => f.written).map((f) => f.path));
    return {
      ...result,
      mode: "write",
      files: result.files.map((f) =>
        f.status === "changed" ? { ...f, written: written.has(f.path) } : f,
      ),
    };
  };
  // The review's session holds the lock for the suites too.
  const result = await withVerification(options, review, true);
  const lines: string[] = session.notices.map((n) => n.message);
  for (const file of result.files)
    for (const d of file.diagnostics)
      lines.push(formatDiagnostic(file.path, d, pc.createColors(options.color)));
  for (const file of reviewed) {
    if (file.refused) lines.push(`${file.path}: not written: ${file.refused}`);
    else if (file.written && file.accepted < file.sites)
      lines.push(`${file.path}: ${file.accepted} of ${file.sites} sites applied`);
  }
  for (const notice of result.notices)
    if (notice.message.startsWith("verify: ")) lines.push(notice.message);
  const written = result.files.filter((f) => f.status === "changed" && f.written).length;
  lines.push(
    `${changed} file${changed === 1 ? "" : "s"} with changes; ${written} written; ` +
      `${reviewed.reduce((n, f) => n + f.accepted, 0)} of ${reviewed.reduce((n, f) => n + f.sites, 0)} sites accepted`,
  );
  await write(process.stdout, lines.join("\n") + "\n");
  const refused = reviewed.some((f) => f.refused);
  // What was accepted is written: the exit code is --write's.
  return refused ? 1 : exitCodeOf("write", result.files);
}
