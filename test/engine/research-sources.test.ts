// The research prompt asks for web sources with the date each was checked; the findings keep both.

import { afterEach, describe, expect, it } from "vitest";
import { loadProject } from "../../src/engine/output/compose";
import { parseAgentFindings } from "../../src/engine/research/findings";
import { buildPrompt } from "../../src/engine/research/prompt";
import { cleanupTemps, exampleProject } from "../helpers/project";

afterEach(cleanupTemps);

const block = (facts: unknown) =>
	`notes\n\`\`\`json\n${JSON.stringify({ recommendation: { value: "canary", rationale: "r" }, facts })}\n\`\`\`\n`;

describe("the research prompt", () => {
	it("asks for sources with URLs and the date checked, on the date given", () => {
		const project = loadProject(exampleProject());
		const prompt = buildPrompt("deploy", project.context, project.paths, "2026-12-02");
		expect(prompt).toContain("Today is 2026-12-02.");
		expect(prompt).toContain("the URL of each page you opened in this run and the date you checked it");
		expect(prompt).toContain(
			'"sources": [ { "url": "https://official.docs/page", "checked": "YYYY-MM-DD" } ]',
		);
		expect(prompt).toContain('leave "sources" empty rather than citing from memory');
	});

	it("takes today from the one clock, so SOURCE_DATE_EPOCH fixes it", () => {
		const project = loadProject(exampleProject());
		const before = process.env.SOURCE_DATE_EPOCH;
		process.env.SOURCE_DATE_EPOCH = "1767225600"; // 2026-01-01T00:00:00Z
		try {
			expect(buildPrompt("iac", project.context, project.paths)).toContain("Today is 2026-01-01.");
		} finally {
			if (before === undefined) delete process.env.SOURCE_DATE_EPOCH;
			else process.env.SOURCE_DATE_EPOCH = before;
		}
	});
});

describe("findings keep their sources", () => {
	it("keeps each URL and the date it was checked, and still accepts a bare URL", () => {
		const r = parseAgentFindings(
			"deploy",
			"claude",
			block([
				{
					text: "Cloud Run splits traffic by revision.",
					sources: [
						{
							url: "https://cloud.google.com/run/docs/rollouts-rollbacks-traffic-migration",
							checked: "2026-12-01",
						},
						"https://cloud.google.com/deploy/docs/deployment-strategies",
					],
				},
			]),
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.findings.facts[0]).toEqual({
			text: "Cloud Run splits traffic by revision.",
			sourceIds: [],
			urls: [
				"https://cloud.google.com/run/docs/rollouts-rollbacks-traffic-migration",
				"https://cloud.google.com/deploy/docs/deployment-strategies",
			],
			checked: { "https://cloud.google.com/run/docs/rollouts-rollbacks-traffic-migration": "2026-12-01" },
		});
	});

	it("drops a date that is not YYYY-MM-DD but keeps the source; a fact without dates has no checked map", () => {
		const r = parseAgentFindings(
			"deploy",
			"codex",
			block([
				{ text: "a", sources: [{ url: "https://example.com/a", checked: "yesterday" }] },
				{ text: "b", sources: [{ url: "https://example.com/b", checked: "2026-13-01" }] },
			]),
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.findings.facts.map((f) => f.urls)).toEqual([
			["https://example.com/a"],
			["https://example.com/b"],
		]);
		expect(r.findings.facts.every((f) => f.checked === undefined)).toBe(true);
	});

	it("still rejects a source that is not an http(s) URL", () => {
		const r = parseAgentFindings(
			"deploy",
			"claude",
			block([{ text: "a", sources: [{ url: "javascript:alert(1)", checked: "2026-12-01" }] }]),
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.reason).toContain("the findings block does not match the expected shape");
	});
});
