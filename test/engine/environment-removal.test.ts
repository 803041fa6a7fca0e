// Removing an environment takes everything of it out of the section and the handoff: its subsection, pipeline stages,
// jobs and triggers, parity column, diagram node and runbook steps. What is left is the sentence that says it was
// removed and where pre-production testing happens instead.

import { cpSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTemps, tempDir } from "../helpers/project";
import { compose } from "../helpers/state";

afterAll(cleanupTemps);

const FIXTURES = path.resolve(__dirname, "../fixtures/projects");
const REMOVED = path.resolve(__dirname, "../fixtures/staging-removed");

function copy(src: string, name: string): string {
	const dir = path.join(tempDir(), name);
	cpSync(src, dir, { recursive: true });
	return dir;
}

const NO_STAGING = { environments: { value: "development,production", provenance: "flag" as const } };

/** A line that may name staging: the removal sentence, the inputs quoted with their source, or App Service's slot. */
function allowed(line: string, inInputs: boolean): boolean {
	if (
		/There is no staging environment: |This plan removes (\w+ and )?staging, which the inputs define/.test(
			line,
		)
	)
		return true;
	// The inputs quoted with their source: the inputs table, and decisions carried from earlier sections.
	if (inInputs || /\(handoff \d\d\)$/.test(line)) return true;
	// An App Service deployment slot is named `staging` by Azure's own convention; it is part of production's app
	// (deployed to, routed to with `traffic-routing --distribution staging=<percent>`, swapped).
	return /slot|az webapp traffic-routing/i.test(line);
}

/** Lines naming staging that are none of the allowed ones. */
function strayStaging(markdown: string): string[] {
	const out: string[] = [];
	let inInputs = false;
	for (const line of markdown.split("\n")) {
		if (/^## /.test(line)) inInputs = /^## Inputs this section relies on/.test(line);
		if (/staging/i.test(line) && !allowed(line, inInputs)) out.push(line);
	}
	return out;
}

describe("a project whose inputs define staging, with staging removed", () => {
	const out = compose(copy(REMOVED, "quillmark"), NO_STAGING);
	const md = out.markdown;

	it("leaves no staging anywhere but the sentence that says it was removed and where testing happens now", () => {
		expect(strayStaging(md)).toEqual([]);
		const sentence = md.split("\n").find((l) => /This plan removes staging, which the inputs define/.test(l));
		expect(sentence).toMatch(/handoff_03_technology_stack\.json key_outputs\.infrastructure\.environments/);
		expect(sentence).toMatch(/Changes are tried before merge on each pull request's preview/);
		expect(sentence).toMatch(
			/end-to-end and performance gates run against production right after each deploy/,
		);
		// The handoff: the same sentence, and nothing else.
		const strings = JSON.stringify(out.handoff, null, 1)
			.split("\n")
			.filter((l) => /staging/i.test(l));
		expect(strings.length).toBe(1);
		expect(strings[0]).toMatch(/Environment removed \(environments\): This plan removes staging/);
	});

	it("has no subsection, parity column, pipeline job, diagram node or runbook step for it", () => {
		expect(md).not.toMatch(/^### Staging environment/m);
		expect(md).toMatch(/^### Pre-production testing/m);
		expect(md).toMatch(/^\| Aspect \| Development \| Production \|$/m);
		expect(md).not.toMatch(/deploy-staging|check-staging|STAGING\[/);
		const yaml = /```yaml\n([\s\S]*?)```/.exec(md)![1]!;
		expect(yaml).not.toMatch(/staging/i);
		expect(out.handoff.pipeline_stages.map((s) => s.stage).join(" ")).not.toMatch(/staging/i);
	});

	it("runs the gates Section 8 placed on staging after the production deploy, under their tests' names", () => {
		expect(md).toMatch(
			/^\| Playwright checkout journeys \| all 6 journeys pass \| after the production deploy \| blocks \|$/m,
		);
		expect(md).toMatch(
			/^\| k6 load test \| p95 < 400 ms at 200 rps \| after the production deploy \| blocks \|$/m,
		);
		const post = out.model.stages.find((s) => s.id === "post-deploy")!;
		expect(post.gates.map((g) => g.name)).toEqual(["Playwright checkout journeys", "k6 load test"]);
	});

	it("keeps staging everywhere when it is not removed", () => {
		const kept = compose(copy(REMOVED, "quillmark-kept")).markdown;
		expect(kept).toMatch(/^### Staging environment/m);
		expect(kept).toMatch(/^\| Aspect \| Development \| Staging \| Production \|$/m);
		expect(kept).toContain("Playwright checkout journeys on staging");
		expect(kept).not.toMatch(/This plan removes staging/);
	});
});

describe("every fixture, with staging removed", () => {
	it.each(readdirSync(FIXTURES).sort())("%s", (name) => {
		const out = compose(copy(path.join(FIXTURES, name), name), NO_STAGING);
		expect(strayStaging(out.markdown)).toEqual([]);
		const handoff = JSON.stringify(out.handoff, null, 1)
			.split("\n")
			.filter((l) => /staging/i.test(l) && !/slot/.test(l));
		for (const l of handoff)
			expect(l).toMatch(/There is no staging environment: |This plan removes (\w+ and )?staging/);
		// The section says where pre-production testing happens instead.
		expect(out.markdown).toMatch(
			/^### Pre-production testing\n\n.*(There is no staging environment: |This plan removes (\w+ and )?staging)/m,
		);
	});
});
