// Every golden section passes markdownlint with the committed config, and every Mermaid block parses with Mermaid itself.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { lint } from "markdownlint/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { checkMermaid, mermaidBlocks } from "../../src/engine/output/check";

const GOLDEN = path.resolve(__dirname, "../golden");
const sections = readdirSync(GOLDEN).filter((f) => f.endsWith(".md"));
const config = JSON.parse(
	readFileSync(path.resolve(__dirname, "../../.markdownlint.jsonc"), "utf8")
		.split("\n")
		.filter((l) => !l.trim().startsWith("//"))
		.join("\n"),
);

let mermaid: { parse: (text: string) => Promise<unknown> };

beforeAll(async () => {
	// Mermaid needs a DOM for its sanitiser even to parse.
	const dom = new JSDOM("<!doctype html><html><body></body></html>");
	Object.assign(globalThis, { window: dom.window, document: dom.window.document });
	mermaid = (await import("mermaid")).default;
}, 60_000);

describe.each(sections)("%s", (file) => {
	const text = readFileSync(path.join(GOLDEN, file), "utf8");

	it("passes markdownlint", () => {
		const result = lint({ strings: { [file]: text }, config });
		expect(
			result[file]?.map(
				(e) =>
					`line ${e.lineNumber}: ${e.ruleNames.join("/")} ${e.ruleDescription}${e.errorDetail ? ` (${e.errorDetail})` : ""}`,
			),
		).toEqual([]);
	});

	it("has Mermaid blocks that parse with Mermaid, and our checker agrees", async () => {
		const blocks = mermaidBlocks(text);
		expect(blocks.length).toBe(2);
		for (const b of blocks) {
			await expect(mermaid.parse(b.body)).resolves.toBeTruthy();
			expect(checkMermaid(b.body)).toBeUndefined();
		}
	});
});

describe("the Mermaid checker against Mermaid itself", () => {
	it.each([
		['flowchart LR\n  A["x"] -->|"oops| B', false],
		["flowchart LR\n  A[x --> B", false],
		["flowhcart LR\n  A --> B", false],
		['flowchart LR\n  A["a"] -->|"b"| B["c"]\n  C{{"d"}} -.-> B', true],
	])("%j valid=%s", async (body, valid) => {
		expect(checkMermaid(body) === undefined).toBe(valid);
		if (valid) await expect(mermaid.parse(body)).resolves.toBeTruthy();
		else await expect(mermaid.parse(body)).rejects.toThrow();
	});
});

it("markdownlint with this config does report problems (so the tests above can fail)", () => {
	const result = lint({ strings: { bad: "#No space\n\n\n* mixed\n- list\n" }, config });
	expect(result.bad?.map((e) => e.ruleNames[0])).toEqual(expect.arrayContaining(["MD018", "MD012", "MD004"]));
});
