import type { CodeDoc } from "./types.js";

/** Diagnostics the runner itself emits (AS9xx), documented like the transforms' codes. */
export const RUNNER_CODES: Record<string, CodeDoc> = {
  AS900: {
    severity: "error",
    title: "syntax error in the input",
    explanation:
      "The file does not parse as Python, so no rewrite can be proven safe. It is left byte for " +
      "byte as it was. Fix the syntax error (the diagnostic names its line) and run again.",
  },
  AS901: {
    severity: "error",
    title: "rewritten file would not parse",
    explanation:
      "After all transforms, the new text had a parse error the input did not have. The file is " +
      "never written and the run exits 2. This is a bug in asyncshift: please report it with the " +
      "file (or a reduced copy).",
  },
  AS902: {
    severity: "warning",
    title: "file is not UTF-8",
    explanation:
      "The file's bytes are not valid UTF-8 (for example Latin-1 with a `# -*- coding: latin-1 -*-` " +
      "cookie). asyncshift does not guess encodings, so the file is skipped. Convert it to UTF-8 " +
      "(PEP 3120's default) to have it migrated.",
  },
  AS903: {
    severity: "warning",
    title: "binary file",
    explanation: "The file contains NUL bytes, so it is not Python source text. It is skipped.",
  },
  AS904: {
    severity: "error",
    title: "file cannot be read",
    explanation:
      "Reading the file failed (permissions, a file removed during the run, ...). The other files " +
      "are processed; the run exits 1.",
  },
  AS905: {
    severity: "error",
    title: "file not written",
    explanation:
      "The new text was not written: writing failed (disk full, permissions), the file is " +
      "read-only (asyncshift respects the read-only bit even where the folder would let it " +
      "replace the file), or the file changed on disk between reading and writing (then it is not " +
      "overwritten, so no edit of yours is lost). The file is left as it was. Make it writable, " +
      "or run again once nothing else is writing it.",
  },
  AS906: {
    severity: "error",
    title: "file with uncommitted changes not written",
    explanation:
      "In a git work tree, --write does not overwrite a file that has uncommitted changes " +
      "(modified, staged or untracked), as `cargo fix` does: the rewrite would mix with your own " +
      "edits and could not be undone with git alone. The file's diff is still shown. Commit or " +
      "stash your changes and run again, or pass --allow-dirty to write anyway.",
  },
  AS907: {
    severity: "warning",
    title: "lone carriage return line endings",
    explanation:
      "The file ends some lines with a carriage return alone (old Mac OS line endings). CPython " +
      "ends a line there, but the parser asyncshift uses does not, so the two would disagree on " +
      "where statements and comments end and no rewrite can be proven safe. The file is skipped. " +
      "Convert it to LF or CRLF line endings (both are kept as they are) to have it migrated.",
  },
  AS908: {
    severity: "warning",
    title: "symbolic link not followed",
    explanation:
      "A `.py` symbolic link inside the given folders points outside every given path, or nowhere " +
      "(a dangling link or a loop). asyncshift never follows a link out of the paths it was given, " +
      "so it never writes outside them; the link and its target are left alone. Pass the target's " +
      "own folder to migrate it. Links to files inside the given paths are processed once, through " +
      "their target, and stay links.",
  },
  AS909: {
    severity: "error",
    title: "code nested too deeply",
    explanation:
      "The file nests expressions or blocks so deeply (thousands of levels, usually generated " +
      "code) that it is not analysed: its syntax tree is more than 10,000 levels deep, or a " +
      "transform's walk of it ran out of stack. CPython refuses such files too. The file is left " +
      "unchanged; the other files are processed.",
  },
  AS910: {
    severity: "warning",
    title: "unused suppression comment",
    explanation:
      "With --report-unused-ignores: a `# asyncshift: ignore[CODE]` comment whose codes were not " +
      "reported on its line (or on the statement it opens), or a bare `# asyncshift: ignore` that " +
      "held back nothing, like ruff's RUF100. Codes of transforms that did not look at the file " +
      "(not selected, or skipped by their globs) are not reported. Remove the comment, or the codes " +
      "that no longer apply.",
  },
  AS920: {
    severity: "warning",
    title: "a test patches what the run rewrote",
    explanation:
      'A test patches a name the rewritten module no longer calls: `patch("billing.tasks.asyncio.run")` ' +
      'raises AttributeError once `asyncio` is no longer imported there, and `patch("asyncio.run")` ' +
      'or `patch.object(asyncio, "run")` no longer intercepts the call, so an ' +
      "`assert_not_called()` passes whatever happens. A patch that puts a MagicMock in the place " +
      "of a class the module awaits through (`await VectorStore.objects.acount()`) makes that " +
      "await raise TypeError: use an AsyncMock for the awaited method. What the module no longer " +
      "calls is read from its code, so the run after `--write` says it again. The test is found " +
      "through the project index, named on the command line or not. Patch the name the module " +
      "calls now (the message names it).",
    before: '@patch("billing.tasks.asyncio.run")\ndef test_sync_batch(run): ...',
    after: '@patch("billing.tasks.async_to_sync")\ndef test_sync_batch(async_to_sync): ...',
  },
  AS912: {
    severity: "warning",
    title: "formatter failed",
    explanation:
      "The project's formatter (`format` in [tool.asyncshift], `--format-with`) exited with an " +
      "error on the rewritten text, or could not be started. The change is shown and written as " +
      "the transforms made it, unformatted; the formatter's own message says why.",
  },
  AS913: {
    severity: "warning",
    title: "file too large",
    explanation:
      "The file is larger than `max-file-size` (in megabytes: `--max-file-size`, or " +
      "`max-file-size` in [tool.asyncshift]; 10 by default). It is neither read for the project " +
      "index nor rewritten, so a generated or vendored giant (a 50 MB data module) cannot make a " +
      "run take minutes and gigabytes. Raise the limit to have it migrated.",
  },
  AS930: {
    severity: "error",
    title: "change reverted: the project's tests failed with it",
    explanation:
      "With --verify, the project's own test command ran before any change (the baseline) and " +
      "after the changes were written. It failed where the baseline passed, and bisection over " +
      "the write groups (the files of one cross-file plan, or one file) found this group among the " +
      "culprits: its files were restored to their text before the run, and the command passed " +
      "without them. The message names the tests that failed. Review the change by hand (a dry " +
      "run shows it) or report it if asyncshift's rewrite was wrong.",
  },
  AS999: {
    severity: "error",
    title: "internal error in a transform",
    explanation:
      "A transform raised an exception on this file. The file is left unchanged, the other files " +
      "are processed, and the run exits 2. Run with --verbose for the stack trace and please " +
      "report it.",
  },
};
