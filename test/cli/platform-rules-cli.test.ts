// Platform rules through the built binary: a warning and the replacement by default, a refusal under --strict.

import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";
import {
	bareProject,
	cleanupTemps,
	HANDOFF_03,
	HANDOFF_08,
	HANDOFF_09,
	OUT_HANDOFF,
	OUT_SECTION,
} from "../helpers/project";

afterEach(cleanupTemps);

/** Handoffs 08 and 09 present, so --strict has nothing to say about missing inputs. */
const REST = {
	[HANDOFF_08]: JSON.stringify({
		quality_gates: [{ gate: "Unit coverage", threshold: "≥ 80%", blocking: true }],
	}),
	[HANDOFF_09]: JSON.stringify({
		alerts_defined: [{ name: "Down", condition: "health check failing", severity: "critical" }],
	}),
};

function flySqlite(): string {
	return bareProject({
		...REST,
		[HANDOFF_03]: JSON.stringify({
			project_name: "Kettle",
			key_outputs: {
				infrastructure: { backend_hosting: "Fly.io Machines" },
				database_stack: { primary: "SQLite on a Fly volume" },
			},
		}),
	});
}

describe("platform rules (built binary)", () => {
	it("--strategy blue-green on Fly.io with a volume: warned, recorded, written as rolling", () => {
		const dir = flySqlite();
		const r = runCli(["--yes", "--strategy", "blue-green"], { cwd: dir });
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(
			/⚠ Platform rule: Fly\.io cannot run a blue-green deployment on a service with a volume/,
		);
		const section = readFileSync(path.join(dir, OUT_SECTION), "utf8");
		expect(section).toContain('strategy = "rolling"');
		const handoff = JSON.parse(readFileSync(path.join(dir, OUT_HANDOFF), "utf8"));
		expect(handoff.key_outputs.deployment_strategy).toBe("rolling");
		expect(handoff.assumptions.join("\n")).toMatch(/Platform rule \(strategy\)/);
	});

	it("--strict refuses it with exit 65 and writes nothing", () => {
		const dir = flySqlite();
		const r = runCli(["--yes", "--strict", "--strategy", "blue-green"], { cwd: dir });
		expect(r.code).toBe(65);
		expect(r.stderr).toMatch(
			/A choice breaks a rule \(--strict\): Platform rule: Fly\.io cannot run a blue-green/,
		);
		expect(existsSync(path.join(dir, OUT_SECTION))).toBe(false);
	});

	it("--iac bicep on an AWS project is refused under --strict", () => {
		const dir = bareProject({
			...REST,
			[HANDOFF_03]: JSON.stringify({
				key_outputs: {
					infrastructure: { backend_hosting: "AWS ECS Fargate" },
					database_stack: { primary: "PostgreSQL", hosting: "Amazon RDS" },
				},
			}),
		});
		const r = runCli(["--yes", "--strict", "--iac", "bicep"], { cwd: dir });
		expect(r.code).toBe(65);
		expect(r.stderr).toMatch(/Azure Bicep provisions Azure resources only/);
	});

	it("an answers file's decisions are checked as flags are: removing staging is warned and recorded, refused under --strict", () => {
		const src = path.resolve(__dirname, "../fixtures/staging-removed");
		const dir = bareProject();
		cpSync(src, dir, { recursive: true });
		const r = runCli(["--yes", "--answers", "answers.json"], { cwd: dir });
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/• Environments: development, production \(answers\)/);
		expect(r.stdout).toMatch(/⚠ Environment removed: This plan removes staging, which the inputs define/);
		const handoff = JSON.parse(readFileSync(path.join(dir, OUT_HANDOFF), "utf8"));
		expect(handoff.assumptions.join("\n")).toMatch(/Environment removed \(environments\)/);

		const strict = runCli(["--yes", "--strict", "--force", "--answers", "answers.json"], { cwd: dir });
		expect(strict.code).toBe(65);
		expect(strict.stderr).toMatch(/Environment removed: This plan removes staging/);
		// A flag wins over the answers file.
		const flag = runCli(
			[
				"--yes",
				"--strict",
				"--force",
				"--answers",
				"answers.json",
				"--environments",
				"development,staging,production",
			],
			{ cwd: dir },
		);
		expect(flag.code).toBe(0);
	});

	it("an answers file with a decision that is not one, or a bad value, is an invalid answers file", () => {
		const dir = flySqlite();
		writeFileSync(path.join(dir, "a.json"), JSON.stringify({ decisions: { colour: "blue" } }));
		const r = runCli(["--yes", "--answers", "a.json"], { cwd: dir });
		expect(r.code).toBe(65);
		expect(r.stderr).toMatch(/"colour" is not a decision/);
		writeFileSync(path.join(dir, "b.json"), JSON.stringify({ decisions: { "backup-frequency": "soon" } }));
		const b = runCli(["--yes", "--answers", "b.json"], { cwd: dir });
		expect(b.code).toBe(65);
		expect(b.stderr).toMatch(/decisions\.backupFrequency: /);
	});

	it("an infeasible target is printed by --yes and refused by --strict", () => {
		const dir = flySqlite();
		const r = runCli(["--yes", "--dry-run", "--rpo", "1m"], { cwd: dir });
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/Infeasible: RPO 1 minute/);
		const s = runCli(["--yes", "--dry-run", "--strict", "--rpo", "1m"], { cwd: dir });
		expect(s.code).toBe(2);
		expect(s.stderr).toMatch(/--rpo: RPO 1 minute/);
	});
});
