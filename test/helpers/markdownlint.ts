// markdownlint with the committed config, as the generated Section 10 must pass it.

import { readFileSync } from "node:fs";
import path from "node:path";
import { lint } from "markdownlint/sync";

const config = JSON.parse(
	readFileSync(path.resolve(__dirname, "../../.markdownlint.jsonc"), "utf8")
		.split("\n")
		.filter((l) => !l.trim().startsWith("//"))
		.join("\n"),
);

/** The violations in `text`, one readable line each; empty when it passes. */
export function markdownProblems(text: string): string[] {
	const result = lint({ strings: { doc: text }, config });
	return (result.doc ?? []).map(
		(e) =>
			`line ${e.lineNumber}: ${e.ruleNames.join("/")} ${e.ruleDescription}${e.errorDetail ? ` (${e.errorDetail})` : ""}`,
	);
}
