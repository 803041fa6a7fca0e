// Test projects: copies of the bundled example in a temp folder, mutated per test.

import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const EXAMPLE = path.resolve(__dirname, "../../examples/harbor-bookings");
export const HANDOFF_03 = "genesis_output/handoffs/handoff_03_technology_stack.json";
export const HANDOFF_08 = "genesis_output/handoffs/handoff_08_testing_strategy.json";
export const HANDOFF_09 = "genesis_output/handoffs/handoff_09_monitoring_observability.json";
export const OUT_SECTION = "genesis_output/sections/10_deployment_operations.md";
export const OUT_HANDOFF = "genesis_output/handoffs/handoff_10_deployment_operations.json";

const made: string[] = [];

export function tempDir(prefix = "genesis-test-"): string {
	const dir = mkdtempSync(path.join(tmpdir(), prefix));
	made.push(dir);
	return dir;
}

/** A copy of the example project; `files` overwrite or add files (null deletes). */
export function exampleProject(files: Record<string, string | null> = {}): string {
	const dir = tempDir();
	cpSync(EXAMPLE, dir, { recursive: true });
	applyFiles(dir, files);
	return dir;
}

/** A project with only the given files (plus the genesis_output folder). */
export function bareProject(files: Record<string, string | null> = {}): string {
	const dir = tempDir();
	mkdirSync(path.join(dir, "genesis_output", "handoffs"), { recursive: true });
	applyFiles(dir, files);
	return dir;
}

export function applyFiles(dir: string, files: Record<string, string | null>): void {
	for (const [rel, content] of Object.entries(files)) {
		const abs = path.join(dir, rel);
		if (content === null) {
			rmSync(abs, { force: true });
			continue;
		}
		mkdirSync(path.dirname(abs), { recursive: true });
		writeFileSync(abs, content);
	}
}

export function cleanupTemps(): void {
	for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A Rails app with its SQLite file on a Fly.io volume: the project the volume rules are shown on. */
export function flySqliteProject(): string {
	return bareProject({
		[HANDOFF_03]: JSON.stringify({
			project_name: "Kettle",
			key_outputs: {
				infrastructure: { backend_hosting: "Fly.io Machines" },
				database_stack: { primary: "SQLite on a Fly volume" },
				backend_stack: { framework: "Rails 8" },
			},
		}),
	});
}
