// The built binary on fixture projects: files written, messages, exit codes.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import pkg from "../../package.json";
import { runCli } from "../helpers/cli";
import {
	bareProject,
	cleanupTemps,
	exampleProject,
	HANDOFF_03,
	HANDOFF_08,
	OUT_HANDOFF,
	OUT_SECTION,
	tempDir,
} from "../helpers/project";

afterEach(cleanupTemps);

function readJson(dir: string, rel: string) {
	return JSON.parse(readFileSync(path.join(dir, rel), "utf8"));
}

describe("genesis-tui (built binary)", () => {
	it("prints help and version without touching a project", () => {
		const help = runCli(["--help"]);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain("--backup-frequency D");
		// The exit-code table: one code per line, every meaning starting in the same column, within 80 columns.
		const table = help.stdout
			.slice(help.stdout.indexOf("Exit codes:\n"))
			.split("\n")
			.slice(1)
			.filter(Boolean);
		const rows = table.filter((l) => /^ {2}\d/.test(l));
		expect(rows.map((l) => l.trim().split(/\s+/)[0])).toEqual([
			"0",
			"1",
			"2",
			"65",
			"66",
			"69",
			"70",
			"73",
			"74",
			"75",
			"77",
			"129/130/143",
		]);
		const columns = new Set(
			rows.map((l) => l.search(/(?<=\d)\s+\S/) + (/(?<=\d)(\s+)/.exec(l)?.[1]?.length ?? 0)),
		);
		expect(columns.size).toBe(1);
		for (const l of table) expect(l.length).toBeLessThanOrEqual(80);
		const v = runCli(["-v"]);
		expect(v.stdout.trim()).toBe(pkg.version);
	});

	it("rejects an unknown flag with a one-line usage error and exit 2", () => {
		const r = runCli(["--bogus"]);
		expect(r.code).toBe(2);
		expect(r.stderr).toBe("genesis-tui: unknown option --bogus\nRun genesis-tui --help for usage.\n");
	});

	it("rejects a flag without its value", () => {
		const r = runCli(["--yes", "--rto"]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("option --rto needs a value");
	});

	it("says how to run without a terminal instead of failing obscurely", () => {
		const r = runCli([], { cwd: exampleProject() });
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("genesis-tui --yes");
	});

	it("--yes on the complete example writes a schema-exact handoff and a specific section", () => {
		const dir = exampleProject();
		const r = runCli(["--yes"], { cwd: dir });
		expect(r.stderr).toBe("");
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("Section 10: Deployment & Operations - COMPLETE");
		expect(r.stdout).toContain("- Environments: 3 (development, staging, production)");
		expect(r.stdout).toContain("3. Run: /genesis-section-11");
		const h = readJson(dir, OUT_HANDOFF);
		expect(h.section_number).toBe(10);
		expect(h.completed_at).toBe("2026-01-01T00:00:00Z");
		expect(h.key_outputs.ci_cd_tool).toBe("GitHub Actions");
		const md = readFileSync(path.join(dir, OUT_SECTION), "utf8");
		for (const name of ["Railway", "Vercel", "GitHub Actions", "PostgreSQL 16", "Sentry"])
			expect(md).toContain(name);
		for (const notes of [
			"10_deployment_strategies.md",
			"10_infrastructure_as_code.md",
			"10_ci_cd_pipelines.md",
		]) {
			expect(existsSync(path.join(dir, "genesis_output", "research", notes))).toBe(true);
		}
	});

	it("gives the same bytes on a second run with the same SOURCE_DATE_EPOCH", () => {
		const a = exampleProject();
		const b = exampleProject();
		runCli(["--yes"], { cwd: a });
		runCli(["--yes"], { cwd: b });
		expect(readFileSync(path.join(a, OUT_SECTION))).toEqual(readFileSync(path.join(b, OUT_SECTION)));
		expect(readFileSync(path.join(a, OUT_HANDOFF))).toEqual(readFileSync(path.join(b, OUT_HANDOFF)));
	});

	it("overrides decisions with flags and records the provenance", () => {
		const dir = exampleProject();
		const r = runCli([
			"--yes",
			"--iac",
			"opentofu",
			"--rto",
			"4h",
			"--environments",
			"development,preview,staging,production",
			"--cwd",
			dir,
		]);
		expect(r.code).toBe(0);
		const h = readJson(dir, OUT_HANDOFF);
		expect(h.key_outputs.iac_tool).toBe("OpenTofu");
		expect(h.key_outputs.environments).toEqual(["development", "preview", "staging", "production"]);
		expect(h.disaster_recovery.rto).toBe("4h");
		expect(h.decisions_made).toContain("Infrastructure as code: OpenTofu (set by flag)");
	});

	it("refuses a strategy the platform cannot do, naming the flag", () => {
		const r = runCli(["--yes", "--strategy", "canary"], { cwd: exampleProject() });
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("--strategy: Railway has no native canary deployment; it supports rolling");
	});

	it("refuses a bad duration, naming the flag", () => {
		const r = runCli(["--yes", "--rpo", "whenever"], { cwd: exampleProject() });
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/--rpo: "whenever" is not a duration/);
	});

	it("answers open questions from a file; unanswered ones stay open", () => {
		const dir = exampleProject();
		const answers = path.join(tempDir(), "answers.json");
		writeFileSync(
			answers,
			JSON.stringify({
				answers: {
					"feature-flags": "LaunchDarkly",
					"Should contract tests gate the Stripe webhook handler?": "Yes, Pact on the webhook",
				},
			}),
		);
		const r = runCli(["--yes", "--answers", answers], { cwd: dir });
		expect(r.code).toBe(0);
		const h = readJson(dir, OUT_HANDOFF);
		expect(h.decisions_made).toContain("Feature flags: LaunchDarkly");
		expect(h.decisions_made.join("\n")).toContain("Yes, Pact on the webhook");
		expect(h.open_questions).not.toContain("Should contract tests gate the Stripe webhook handler?");
		expect(h.open_questions).toContain("Who receives pages outside business hours during the first month?");
		expect(readFileSync(path.join(dir, OUT_SECTION), "utf8")).toContain("Tool: **LaunchDarkly**");
	});

	it("reports a malformed answers file with its position", () => {
		const answers = path.join(tempDir(), "answers.json");
		writeFileSync(answers, "{ nope");
		const r = runCli(["--yes", "--answers", answers], { cwd: exampleProject() });
		expect(r.code).toBe(65);
		expect(r.stderr).toMatch(/answers\.json is not valid JSON at line 1, column 3/);
	});

	it("partial project: only handoff 03 — writes with assumptions and warnings", () => {
		const dir = bareProject({
			[HANDOFF_03]: JSON.stringify({
				key_outputs: { infrastructure: { backend_hosting: "Render", ci_cd: "GitHub Actions" } },
			}),
		});
		const r = runCli(["--yes"], { cwd: dir });
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(
			/⚠ Testing strategy \(handoff 08\) — genesis_output\/handoffs\/handoff_08_testing_strategy.json: not found; assuming/,
		);
		expect(readJson(dir, OUT_HANDOFF).assumptions.length).toBeGreaterThan(0);
		expect(readFileSync(path.join(dir, OUT_SECTION), "utf8")).toContain("Render");
	});

	it("malformed JSON: treated as missing with a warning; --strict fails with exit 65", () => {
		const dir = exampleProject({ [HANDOFF_08]: '{"quality_gates": [' });
		const r = runCli(["--yes", "--dry-run"], { cwd: dir });
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(
			/✖ Testing strategy \(handoff 08\) — .*: not valid JSON at line 1, column 20: unexpected end of file/,
		);
		const strict = runCli(["--yes", "--strict"], { cwd: dir });
		expect(strict.code).toBe(65);
		expect(strict.stderr).toContain(
			"genesis_output/handoffs/handoff_08_testing_strategy.json is invalid (--strict)",
		);
		expect(existsSync(path.join(dir, OUT_SECTION))).toBe(false);
	});

	it("--strict with a missing handoff exits 66", () => {
		const r = runCli(["--yes", "--strict"], { cwd: bareProject() });
		expect(r.code).toBe(66);
		expect(r.stderr).toContain("missing (--strict)");
	});

	it("wrong types and placeholders left in: notes, and still a complete section", () => {
		const dir = exampleProject({
			[HANDOFF_03]: JSON.stringify({
				key_outputs: {
					infrastructure: { backend_hosting: "[tool]", frontend_hosting: "Vercel", ci_cd: 42 },
					database_stack: "PostgreSQL",
				},
			}),
		});
		const r = runCli(["--yes"], { cwd: dir });
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("key_outputs.infrastructure.backend_hosting is a placeholder ([tool])");
		expect(r.stdout).toContain("key_outputs.database_stack expected an object, found a string; ignored");
		expect(readFileSync(path.join(dir, OUT_SECTION), "utf8")).not.toContain("[tool]");
	});

	it("BOM and CRLF inputs are read", () => {
		const raw = readFileSync(path.join(exampleProject(), HANDOFF_03), "utf8");
		const dir = exampleProject({ [HANDOFF_03]: `\uFEFF${raw.replace(/\n/g, "\r\n")}` });
		const r = runCli(["--yes"], { cwd: dir });
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("✔ Technology stack (handoff 03)");
	});

	it("outputs already present: refused without --force (exit 73, nothing changed); --force keeps backups", () => {
		const dir = exampleProject({ [OUT_SECTION]: "# my edited section\n" });
		const r = runCli(["--yes"], { cwd: dir });
		expect(r.code).toBe(73);
		expect(r.stderr).toContain(
			"genesis_output/sections/10_deployment_operations.md already exists; run with --force",
		);
		expect(readFileSync(path.join(dir, OUT_SECTION), "utf8")).toBe("# my edited section\n");
		const f = runCli(["--yes", "--force"], { cwd: dir });
		expect(f.code).toBe(0);
		expect(f.stdout).toMatch(
			/previous version kept as genesis_output\/sections\/10_deployment_operations\.md\.\d{8}T\d{6}Z\.bak/,
		);
		expect(readFileSync(path.join(dir, OUT_SECTION), "utf8")).toContain("# Section 10");
	});

	it("a session folder that cannot be created (a file in the way): a warning, and the run still writes", () => {
		const dir = exampleProject();
		const blocker = path.join(dir, "not-a-folder");
		writeFileSync(blocker, "x");
		const r = runCli(["--yes"], { cwd: dir, env: { GENESIS_TUI_STATE_DIR: path.join(blocker, "state") } });
		expect(r.code).toBe(0);
		expect(r.stdout + r.stderr).toMatch(
			/Progress cannot be saved \(part of its path is a file, not a folder\); the wizard goes on without saving/,
		);
		expect(existsSync(path.join(dir, OUT_SECTION))).toBe(true);
	});

	it("--dry-run writes nothing and shows what would be written", () => {
		const dir = exampleProject();
		const r = runCli(["--yes", "--dry-run"], { cwd: dir });
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/genesis_output\/sections\/10_deployment_operations\.md \(\d+ bytes, new\)/);
		expect(r.stdout).toContain("10.6 Disaster Recovery");
		expect(existsSync(path.join(dir, OUT_SECTION))).toBe(false);
		expect(existsSync(path.join(dir, "genesis_output", "research"))).toBe(false);
	});

	it("guide under the command's spelling is found too", () => {
		const dir = exampleProject({
			"genesis_sources/section_guides/Genesis_Section_10_Deployment_&_Operations.md": null,
			"genesis_sources/section_guides/Genesis_Section_10_Deployment_Operations.md": "# guide\n",
		});
		const r = runCli(["--yes", "--dry-run"], { cwd: dir });
		expect(r.stdout).toContain(
			"✔ Section 10 guide — genesis_sources/section_guides/Genesis_Section_10_Deployment_Operations.md",
		);
	});

	it("--json prints a machine-readable summary on stdout", () => {
		const dir = exampleProject();
		const r = runCli(["--yes", "--json"], { cwd: dir });
		expect(r.code).toBe(0);
		const summary = JSON.parse(r.stdout);
		expect(summary.status).toBe("written");
		expect(summary.files).toEqual([OUT_HANDOFF, OUT_SECTION]);
		expect(summary.decisions.strategy).toEqual({ value: "rolling", provenance: "recommended" });
		expect(r.stderr).toContain("Genesis Section 10 — Harbor Bookings");
	});

	it("status: lists sections, handles 08 and 09, names the next step", () => {
		const dir = exampleProject();
		const r = runCli(["status"], { cwd: dir });
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("Project: Harbor Bookings");
		expect(r.stdout).toMatch(/\[08\] Testing Strategy \.+ ✓/);
		expect(r.stdout).toMatch(/\[09\] Monitoring & Observability \.+ ✓/);
		expect(r.stdout).toMatch(/\[01\] Introduction \.+ ○/);
		runCli(["--yes"], { cwd: dir });
		const after = JSON.parse(runCli(["status", "--json"], { cwd: dir }).stdout);
		expect(after.sections[10].status).toBe("complete");
	});

	it("hostile bytes in inputs never reach the terminal", () => {
		const dir = exampleProject({
			"genesis_output/handoffs/handoff_00_init.json": null,
			[HANDOFF_03]: JSON.stringify({
				project_name: "evil\u001b]0;PWNED\u0007\u001b[2J",
				key_outputs: {
					infrastructure: { backend_hosting: "Railway\u009b31m", ci_cd: "\u202eGitHub Actions" },
				},
			}),
		});
		const r = runCli(["--yes"], { cwd: dir });
		expect(r.code).toBe(0);
		expect(r.stdout + r.stderr).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
		expect(readFileSync(path.join(dir, OUT_SECTION), "utf8")).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
	});
});
