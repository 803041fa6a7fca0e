// Markdown safety as a property of the whole generated section and the research notes: whatever the inputs, answers
// and agents say, and whatever the renderers compose, no HTML tag is live and no link leads anywhere but http(s).

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { codeSpans, liveMarkdownProblems, mdSafe, safeLine, safeUrl } from "../../src/engine/io/md-safe";
import { builtinRunner, loadProject, type TaskRunner } from "../../src/engine/output/compose";
import { code, link, quote } from "../../src/engine/output/section/md";
import { checkAgentFindings } from "../../src/engine/research/findings";
import type { ResearchEvent, TaskId } from "../../src/engine/research/types";
import { WizardController } from "../../src/engine/wizard/controller";
import { askedDecisions } from "../../src/engine/wizard/state";
import { cleanupTemps, exampleProject } from "../helpers/project";

afterEach(cleanupTemps);

const PAYLOADS = [
	"<details>",
	"<summary>x</summary>",
	"<script>alert(1)</script>",
	"<img src=x onerror=alert(1)>",
	"</table>",
	"<!-- hidden",
	"<?php",
	"[evil](javascript:alert(1))",
	"[evil]( javascript:alert(1))",
	"[evil](data:text/html,<b>x</b>)",
	"[evil](JaVaScRiPt&#58;alert(1))",
	"https://example.com/a)[evil](javascript:alert(1)",
	"<javascript:alert(1)>",
	"[ref]: javascript:alert(1)",
	"\n[ref]: javascript:alert(1)",
	"```",
	"\n```\n<details>\n",
	"~~~",
	"`",
	"\\`<script>`",
	"|",
	"**",
	"\n# heading\n",
	"\n    <div>indented</div>\n",
];

const hostile = fc
	.array(fc.oneof(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 4 })
	.map((parts) => parts.join(""));

/** Every string in the JSON replaced by `pick(i)`, so hostile text sits in every field a handoff has. */
function poison(value: unknown, pick: () => string): unknown {
	if (typeof value === "string") return `${value} ${pick()}`;
	if (Array.isArray(value)) return value.map((v) => poison(v, pick));
	if (value && typeof value === "object")
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, pick)]));
	return value;
}

/** An agent for every task: its findings (hostile text and URLs) pass the agents' own checks first. */
function hostileAgents(texts: string[]): TaskRunner {
	let n = 0;
	const next = () => texts[n++ % texts.length]!;
	return (task: TaskId, ctx, signal) =>
		(async function* () {
			yield { type: "line", text: next(), stream: "stdout" } as ResearchEvent;
			for await (const e of builtinRunner(task, ctx, signal)) {
				if (e.type !== "done") continue;
				const parsed = checkAgentFindings(task, "agent", {
					recommendation: { value: e.findings.recommendation!.value, rationale: next() },
					alternatives: [{ value: next().slice(0, 60) || "x", tradeoff: next() }],
					facts: [
						{ text: next() || "x", sources: ["https://example.com/a)[evil](javascript:alert(1)"] },
						{
							text: next() || "x",
							sources: [{ url: "https://example.com/x?a=[b](javascript:c)", checked: "2026-01-01" }],
						},
					],
				});
				if (!parsed.ok) throw new Error(parsed.reason);
				yield { type: "done", findings: parsed.findings } as ResearchEvent;
			}
		})();
}

async function composeHostile(texts: string[]) {
	let n = 0;
	const pick = () => texts[n++ % texts.length]!;
	const dir = exampleProject();
	const handoffs = path.join(dir, "genesis_output", "handoffs");
	for (const f of readdirSync(handoffs)) {
		const file = path.join(handoffs, f);
		writeFileSync(file, JSON.stringify(poison(JSON.parse(readFileSync(file, "utf8")), pick)));
	}
	const c = new WizardController(loadProject(dir), {
		generatedAt: "2026-01-01T00:00:00Z",
		runner: hostileAgents(texts),
		flushMs: 5,
	});
	c.continueFromPreflight();
	await c.researchSettled();
	c.finishResearch();
	while (c.state.step === "decisions") {
		const id = askedDecisions(c.state)[c.state.decisionIndex]!;
		c.decide(id, c.state.recommendations![id].value);
	}
	while (c.state.step === "questions") {
		const q = c.state.questions[c.state.questionIndex]!;
		c.dispatch({ type: "ANSWER", id: q.id, text: pick(), provenance: "user" });
	}
	const markdown = c.compose().markdown;
	const notesDir = path.join(dir, "genesis_output", "research");
	const notes = readdirSync(notesDir)
		.filter((f) => f.endsWith(".md"))
		.map((f) => readFileSync(path.join(notesDir, f), "utf8"));
	c.dispose();
	return { markdown, notes };
}

describe("Markdown safety of everything written", () => {
	it("the whole section and the research notes have no live tag and no non-http link, whatever the text", async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(hostile, { minLength: 3, maxLength: 12 }), async (texts) => {
				const { markdown, notes } = await composeHostile(texts);
				expect(liveMarkdownProblems(markdown)).toEqual([]);
				for (const n of notes) expect(liveMarkdownProblems(n)).toEqual([]);
				// The section still reads as one: every fence it opens it closes.
				expect((markdown.match(/^ {0,3}(`{3,}|~{3,})/gm) ?? []).length % 2).toBe(0);
			}),
			{ numRuns: 12 },
		);
	}, 120_000);

	it("the issue's cases, one by one", async () => {
		const { markdown, notes } = await composeHostile([
			"<details>",
			"<script>alert(1)</script>",
			"<img src=x onerror=alert(1)>",
			"[evil](javascript:alert(1))",
		]);
		for (const doc of [markdown, ...notes]) {
			expect(liveMarkdownProblems(doc)).toEqual([]);
		}
		// The payloads are there, shown as text.
		expect(markdown).toContain("&lt;details>");
		expect(markdown).toContain("&lt;img src=x onerror=alert(1)>");
		expect(notes.join("\n")).toContain("&lt;script>");
	}, 60_000);
});

describe("the shared helpers", () => {
	it("link() keeps only http(s) and encodes what could end the target", () => {
		expect(link("a", "javascript:alert(1)")).toBe("a");
		expect(link("a", "data:text/html,x")).toBe("a");
		expect(link("a", "https://example.com/a)[evil](javascript:alert(1)")).toBe(
			"[a](https://example.com/a%29%5Bevil%5D%28javascript:alert%281%29)",
		);
		expect(safeUrl("HTTPS://Example.com/x y")).toBe("https://example.com/x%20y");
	});

	it("quote() shows Markdown and HTML as typed", () => {
		expect(quote("<b>*x*</b> [a](b)")).toBe("&lt;b&gt;\\*x\\*&lt;/b&gt; \\[a\\](b)");
		expect(liveMarkdownProblems(quote("<script>[a](javascript:x)"))).toEqual([]);
	});

	it("code() picks a fence no line of the body can close", () => {
		const block = code("text", "a\n````\n<details>");
		expect(block.startsWith("`````text")).toBe(true);
		expect(liveMarkdownProblems(block)).toEqual([]);
	});

	it("mdSafe() leaves code and http(s) links alone, and is idempotent", () => {
		const doc = [
			"Run `kubectl get <pod>` then [docs](https://example.com/x).",
			"```yaml",
			"<details>",
			"```",
			"See <https://example.com/y> and <details>.",
		].join("\n");
		const safe = mdSafe(doc);
		expect(safe).toContain("`kubectl get <pod>`");
		expect(safe).toContain("[docs](https://example.com/x)");
		expect(safe).toContain("```yaml\n<details>\n```");
		expect(safe).toContain("<https://example.com/y> and &lt;details>.");
		expect(mdSafe(safe)).toBe(safe);
		expect(liveMarkdownProblems(safe)).toEqual([]);
	});
});

describe("safeLine's shortcuts", () => {
	/** CommonMark's reading of code spans, one character at a time (the slicing in codeSpans must agree). */
	function referenceSpans(line: string): string[] {
		const out: string[] = [];
		let prose = "";
		let i = 0;
		while (i < line.length) {
			if (line[i] === "\\" && i + 1 < line.length) {
				prose += line.slice(i, i + 2);
				i += 2;
			} else if (line[i] !== "`") prose += line[i++];
			else {
				let n = 1;
				while (line[i + n] === "`") n++;
				let close = -1;
				for (let j = i + n; j < line.length; ) {
					let m = 0;
					while (line[j + m] === "`") m++;
					if (m === n) {
						close = j;
						break;
					}
					j += Math.max(1, m);
				}
				if (close === -1) {
					prose += "`".repeat(n);
					i += n;
				} else {
					if (prose) out.push(prose);
					prose = "";
					out.push(line.slice(i, close + n));
					i = close + n;
				}
			}
		}
		if (prose) out.push(prose);
		return out;
	}

	it("reads code spans as CommonMark does, and leaves a line with no < and no ] as it is", () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[a-c `\\<\][():/]{0,40}$/), (line) => {
				if (!line.includes("|")) expect(codeSpans(line).map((p) => p.text)).toEqual(referenceSpans(line));
				if (!line.includes("<") && !line.includes("]")) expect(safeLine(line)).toBe(line);
				expect(liveMarkdownProblems(safeLine(line))).toEqual([]);
			}),
			// Nested link openers the generator found: each breaks the other's target.
			{ numRuns: 2000, examples: [["](](\\"], ["](]("]] },
		);
	});
});
