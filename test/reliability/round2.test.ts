// Second round of hostile inputs and faults (issue 17): each case failed once and is pinned here.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";
import { cleanupTemps, exampleProject, OUT_HANDOFF, OUT_SECTION } from "../helpers/project";

afterEach(cleanupTemps);

describe("round 2, item 1: backups never collide", () => {
	it("edit, --force, edit, --force with the same SOURCE_DATE_EPOCH keeps every hand edit", () => {
		const dir = exampleProject();
		const section = path.join(dir, OUT_SECTION);
		expect(runCli(["--yes"], { cwd: dir }).code).toBe(0);
		writeFileSync(section, "# first hand edit\n");
		expect(runCli(["--yes", "--force"], { cwd: dir }).code).toBe(0);
		writeFileSync(section, "# second hand edit\n");
		const second = runCli(["--yes", "--force"], { cwd: dir });
		expect(second.code).toBe(0);
		const folder = path.dirname(section);
		const backups = readdirSync(folder).filter(
			(n) => n.startsWith(path.basename(section)) && n.endsWith(".bak"),
		);
		const contents = backups.map((b) => readFileSync(path.join(folder, b), "utf8"));
		expect(contents).toContain("# first hand edit\n");
		expect(contents).toContain("# second hand edit\n");
		expect(backups).toHaveLength(2);
		// The message names the backup actually made.
		const named = backups.find((b) => readFileSync(path.join(folder, b), "utf8") === "# second hand edit\n")!;
		expect(second.stdout + second.stderr).toContain(named);
		// The handoff's backups are kept apart the same way.
		const hfolder = path.dirname(path.join(dir, OUT_HANDOFF));
		expect(
			readdirSync(hfolder).filter((n) => n.startsWith(path.basename(OUT_HANDOFF)) && n.endsWith(".bak")),
		).toHaveLength(2);
	});
});
