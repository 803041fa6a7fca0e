// Golden sections for contrasting fixture projects: any change to the text is reviewed as a diff.
// UPDATE_GOLDEN=1 npx vitest run test/quality/golden.test.ts rewrites them.

import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkInputsOf, checkSection } from "../../src/engine/output/check";
import { cleanupTemps, EXAMPLE, tempDir } from "../helpers/project";
import { compose } from "../helpers/state";

afterAll(cleanupTemps);

const FIXTURES = path.resolve(__dirname, "../fixtures/projects");
const GOLDEN = path.resolve(__dirname, "../golden");
const PROJECTS: [string, string][] = [
	...readdirSync(FIXTURES)
		.sort()
		.map((n): [string, string] => [n, path.join(FIXTURES, n)]),
	["harbor-bookings", EXAMPLE],
];

/** A copy under a folder named like the fixture, so the project name is stable. */
function fixtureCopy(name: string, src: string): string {
	const dir = path.join(tempDir(), name);
	cpSync(src, dir, { recursive: true });
	return dir;
}

describe.each(PROJECTS)("%s", (name, src) => {
	const out = compose(fixtureCopy(name, src));

	it("matches its golden section and handoff", () => {
		const files: [string, string][] = [
			[`${name}.md`, out.markdown],
			[`${name}.handoff.json`, out.handoffText],
		];
		for (const [file, content] of files) {
			const golden = path.join(GOLDEN, file);
			if (process.env.UPDATE_GOLDEN === "1") writeFileSync(golden, content);
			expect(existsSync(golden), `${file} has no golden file; run with UPDATE_GOLDEN=1 and review it`).toBe(
				true,
			);
			expect(content, `${file} differs from test/golden; review the diff, then UPDATE_GOLDEN=1`).toBe(
				readFileSync(golden, "utf8"),
			);
		}
	});

	it("names its pipeline stages so Section 11 finds build, test and deploy among them, as the seed's handoff does", () => {
		const words = new Set(
			out.handoff.pipeline_stages.flatMap((s) => s.stage.toLowerCase().match(/[a-z]+/g) ?? []),
		);
		for (const w of ["build", "test", "deploy"])
			expect(words.has(w), `${w} in ${[...words].join(" ")}`).toBe(true);
	});

	it("passes check, read against its own inputs, with every required item and at least 19 of 22 rubric checks", () => {
		const report = checkSection(out.markdown, checkInputsOf(out.state.context));
		expect(report.requiredFailed.map((r) => `${r.id}: ${r.detail}`)).toEqual([]);
		expect(report.rubricScore).toBeGreaterThanOrEqual(19);
	});
});

describe("a SQLite file on a volume", () => {
	it("is never written about as another database: no PostgreSQL, WAL-G, pg_dump or read replica", () => {
		for (const name of ["django-sqlite-fly-volume", "fly-sqlite"]) {
			const src = PROJECTS.find(([n]) => n === name)?.[1];
			expect(src, name).toBeDefined();
			const out = compose(fixtureCopy(name, src!));
			expect(out.markdown).toMatch(/SQLite/);
			// Strategies a volume rules out are not offered as alternatives.
			expect(out.markdown, name).not.toMatch(/^- \*\*(blue-green|canary)\*\* —/m);
			for (const wrong of [/PostgreSQL/, /WAL-G/, /pg_dump/, /read replica/i])
				expect(out.markdown, `${name}: ${wrong}`).not.toMatch(wrong);
		}
	});
});
