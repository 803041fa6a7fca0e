// Every golden section passes markdownlint with the committed config, and every Mermaid block parses with Mermaid itself.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { checkMermaid, mermaidBlocks } from "../../src/engine/output/check";
import { markdownProblems } from "../helpers/markdownlint";

const GOLDEN = path.resolve(__dirname, "../golden");
const sections = readdirSync(GOLDEN).filter((f) => f.endsWith(".md"));

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
		expect(markdownProblems(text)).toEqual([]);
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
	const rules = markdownProblems("#No space\n\n\n* mixed\n- list\n").map(
		(p) => p.split(" ")[2]!.split("/")[0],
	);
	expect(rules).toEqual(expect.arrayContaining(["MD018", "MD012", "MD004"]));
});
