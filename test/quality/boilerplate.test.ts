// Boilerplate, measured as the expert profiles' checker does: the share of content lines (citations folded, table
// rules and code fences dropped) that are identical in at least two thirds of the golden sections. Stacks differ, so
// the text must too; shared advice (expand/contract, the severity model) stays, pasted templates do not.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const GOLDEN = path.resolve(__dirname, "../golden");

function contentLines(markdown: string): string[] {
	return markdown
		.replace(/\[\d+(, \d+)*\]/g, "[N]")
		.split("\n")
		.map((l) => l.trim())
		.filter((l) => l && !/^[|\- :]+$/.test(l) && !l.startsWith("```"));
}

/** Share of all content lines that occur in at least `k` of the documents (k = two thirds, at least 2). */
function boilerplateShare(docs: string[][]): { share: number; k: number; total: number } {
	const k = Math.max(2, Math.floor((docs.length * 2 + 2) / 3));
	const count = new Map<string, number>();
	for (const d of docs) for (const l of new Set(d)) count.set(l, (count.get(l) ?? 0) + 1);
	const total = docs.reduce((a, d) => a + d.length, 0);
	const shared = docs.reduce((a, d) => a + d.filter((l) => (count.get(l) ?? 0) >= k).length, 0);
	return { share: total ? shared / total : 0, k, total };
}

it("one golden per stack: variants of the same CI tool and platform count once", () => {
	const a = "GitHub Actions runs the pipeline (`x.yml`): 3 jobs for Go 1.23 on Render.";
	expect(onePerStack([a, `${a}\nmore`, a.replace("Render", "Fly.io")])).toHaveLength(2);
});

it("the measure counts lines shared by most documents and ignores lines shared by few", () => {
	const same = ["a", "b"];
	expect(boilerplateShare([same, same, same]).share).toBe(1);
	expect(boilerplateShare([["a"], ["b"], ["c"]]).share).toBe(0);
	expect(
		boilerplateShare([
			["a", "x"],
			["a", "y"],
			["b", "z"],
		]).share,
	).toBe(0.5 * (2 / 3));
});

/** Content lines of one subsection (`## 10.2 …` up to the next `## `) of a section. */
function part(markdown: string, heading: string): string {
	const start = markdown.indexOf(`## ${heading}`);
	if (start < 0) return "";
	const next = markdown.indexOf("\n## ", start + 3);
	return markdown.slice(start, next < 0 ? undefined : next);
}

/**
 * One golden per stack: several fixtures are variants of one project (the example with a flag or a file changed),
 * and their shared lines are the same stack's, not boilerplate. A stack is its CI tool and platform, as 10.2 names them.
 */
function onePerStack(docs: string[]): string[] {
	const seen = new Map<string, string>();
	for (const d of docs) {
		const key = /^(.+?) runs the pipeline \(`[^`]+`\): .* on (.+)\.$/m.exec(d)?.slice(1).join(" on ") ?? d;
		if (!seen.has(key)) seen.set(key, d);
	}
	return [...seen.values()];
}

const texts = onePerStack(
	readdirSync(GOLDEN)
		.filter((f) => f.endsWith(".md"))
		.sort()
		.map((f) => readFileSync(path.join(GOLDEN, f), "utf8")),
);

/** The share of one subsection's content lines identical across most stacks, printed for the record. */
function subsectionShare(heading: string): { share: number; total: number } {
	const { share, k, total } = boilerplateShare(texts.map((t) => contentLines(part(t, heading))));
	console.info(
		`${heading} boilerplate: ${(share * 100).toFixed(1)}% of ${total} lines identical in >= ${k} of ${texts.length}`,
	);
	return { share, total };
}

it("the CI/CD pipeline subsection (10.2) shares at most a quarter of its lines across most stacks", () => {
	const { share, total } = subsectionShare("10.2");
	expect(total).toBeGreaterThan(1000);
	expect(share).toBeLessThanOrEqual(0.25);
});

// The runbooks of 10.5 are written from the project model (who answers, its environments, its severity levels, the
// platform's commands); what stays shared is the runbook skeleton and advice that is the same everywhere.
it("the operational runbooks (10.5) share at most 62% of their lines across most stacks", () => {
	const { share, total } = subsectionShare("10.5");
	expect(total).toBeGreaterThan(1000);
	expect(share).toBeLessThanOrEqual(0.62);
});

// The whole section's target is about a third (34–35% today over one golden per stack); this bound stops it from
// growing back.
it("the whole section does not grow more alike across stacks than it is today", () => {
	const sections = texts.map(contentLines);
	const { share, k, total } = boilerplateShare(sections);
	console.info(
		`boilerplate: ${(share * 100).toFixed(1)}% of ${total} content lines identical in >= ${k} of ${sections.length} sections`,
	);
	expect(sections.length).toBeGreaterThanOrEqual(6);
	expect(share).toBeLessThanOrEqual(0.37);
});
