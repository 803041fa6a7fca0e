// `check` on known-bad sections: each failure is detected and located; and on the command line.

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkSection } from "../../src/engine/output/check";
import { runCli } from "../helpers/cli";
import { cleanupTemps, tempDir } from "../helpers/project";

afterEach(cleanupTemps);

const GOOD = readFileSync(path.resolve(__dirname, "../golden/harbor-bookings.md"), "utf8");
const failing = (md: string) => checkSection(md).results.filter((r) => !r.passed);

describe("checkSection", () => {
	it("passes the golden section", () => {
		expect(failing(GOOD)).toEqual([]);
	});

	it.each([
		[
			"a TODO",
			GOOD.replace(
				"## 10.3 Infrastructure Configuration",
				"## 10.3 Infrastructure Configuration\n\nTODO: fill in",
			),
			"V2",
			/line \d+: TODO: fill in/,
		],
		["a placeholder", GOOD.replace("**rolling**", "**[strategy]**"), "V2", /\[strategy\]/],
		[
			"vague words",
			GOOD.replace("Releases ship from `main` only", "Various releases ship, etc."),
			"V3",
			/Various releases ship, etc\./,
		],
		["a broken diagram", GOOD.replace('PR["Pull request"]', 'PR["Pull request'), "V4", /diagram at line \d+/],
		[
			"a missing subsection",
			GOOD.replace("### Environment parity", "### Sameness"),
			"V1",
			/missing: Environment parity/,
		],
		["an unclosed fence", `${GOOD}\n\`\`\`yaml\nkey: value\n`, "V5", /never closed/],
		[
			"a rollback without a command",
			GOOD.replace(/(### Rollback runbook[\s\S]*?)```bash\n[\s\S]*?\n```\n/, "$1"),
			"R2",
			/exact command/,
		],
		[
			"no expand/contract",
			GOOD.replace(/Expand:[^\n]*\n/, "")
				.replace(/Contract:[^\n]*\n/, "")
				.replace(/[Ee]xpand\/contract/g, "compatible"),
			"R3",
			/expand\/contract/,
		],
		[
			"an RPO that is not met",
			GOOD.replace(/(- RPO: [^\n]*)\*\*met\*\*/, "$1**not met**"),
			"R15",
			/not shown to be achievable/,
		],
		[
			"a runbook without escalation",
			GOOD.replace(/(### Scaling runbook[\s\S]*?)\*\*Escalation\.\*\*/, "$1Escalation:"),
			"R19",
			/Scaling runbook lacks Escalation/,
		],
	])("finds %s", (_name, md, id, detail) => {
		const bad = failing(md).find((r) => r.id === id);
		expect(bad, `${id} should fail`).toBeDefined();
		expect(bad!.detail).toMatch(detail);
	});

	it("scores a generic section low and fails it", () => {
		const generic =
			"# Section 10\n\n## 10.1 Deployment Strategy\n\nWe use blue-green deployments and various tools.\n";
		const r = checkSection(generic);
		expect(r.rubricScore).toBeLessThanOrEqual(4);
		expect(r.ok).toBe(false);
	});
});

describe("genesis-tui check (built binary)", () => {
	it("exit 0 and a report for a good file; exit 1 and the failures for a bad one; --json for tools", () => {
		const dir = tempDir();
		writeFileSync(path.join(dir, "good.md"), GOOD);
		writeFileSync(
			path.join(dir, "bad.md"),
			GOOD.replace("## 10.3 Infrastructure Configuration", "## 10.3 Infrastructure Configuration\n\nTBD"),
		);
		const good = runCli(["check", "good.md"], { cwd: dir });
		expect(good.code).toBe(0);
		expect(good.stdout).toContain("Rubric: 22/22. All required checks pass.");
		const bad = runCli(["check", "bad.md"], { cwd: dir });
		expect(bad.code).toBe(1);
		expect(bad.stdout).toMatch(/✖ V2 +No placeholders, TODO or TBD\n +line \d+: TBD/);
		const json = JSON.parse(runCli(["check", "bad.md", "--json"], { cwd: dir }).stdout);
		expect(json.ok).toBe(false);
		expect(json.requiredFailed[0].id).toBe("V2");
	});

	it("a missing file exits 66 with a clear message", () => {
		const r = runCli(["check", "nope.md"], { cwd: tempDir() });
		expect(r.code).toBe(66);
		expect(r.stderr).toContain("nope.md does not exist");
	});
});
