import type { SyntaxNode } from "../../src/model/types.js";
import { awaitedEdits, rewrittenText } from "./rewrite.js";
import type { Conversion, OrmFile } from "./types.js";

// Issue 23, P1 (the lead's policy): outside test code, dropping database_sync_to_async is an
// unsafe fix (AS206). Its message names the one behaviour change and the exact rewrite
// --unsafe-fixes makes, so that a human can accept it site by site (redbox #947 did, for a
// consumer that closes itself after each message; fighthealthinsurance PR #899 did the opposite
// after a connection-starvation incident).

const CHANGE =
  "database_sync_to_async runs Django's close_old_connections() before and after each call, which native async code does not: that is the one behaviour change";

/** One line of code, shortened: `Chat.objects.get(id=session_id)`. */
function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}

/** `x` -> `await y`, for the first few conversions. */
function conversionsSaid(f: OrmFile, conversions: readonly Conversion[]): string {
  const said = conversions
    .slice(0, 3)
    .map(
      (c) =>
        `\`${oneLine(c.node.text)}\` -> \`${oneLine(rewrittenText(f.source, c.node, awaitedEdits(c)))}\``,
    );
  return `${said.join(", ")}${conversions.length > 3 ? `, and ${conversions.length - 3} more` : ""}`;
}

/** AS206 on a decorated def: the change, and what --unsafe-fixes writes instead. */
export function decoratedConnectionNote(
  f: OrmFile,
  def: SyntaxNode,
  conversions: readonly Conversion[],
): string {
  const name = def.childForFieldName("name")?.text ?? "";
  const awaited = conversions.length > 0 ? `, with ${conversionsSaid(f, conversions)}` : "";
  return `${CHANGE}. --unsafe-fixes drops the decorator and makes it \`async def ${name}(...)\`${awaited}`;
}

/** AS206 on `await database_sync_to_async(x)(...)`: the change, and the call written instead. */
export function wrappedConnectionNote(rewritten: string | undefined): string {
  return rewritten ? `${CHANGE}. --unsafe-fixes writes \`${oneLine(rewritten)}\` instead` : CHANGE;
}
