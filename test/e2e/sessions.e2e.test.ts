// Interrupt the real binary at every step, start it again, resume, and finish: the same screen comes back,
// finished research is not run again, and the outputs are byte-identical to an uninterrupted run.

import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { BIN } from "../helpers/cli";
import { cleanupTemps, exampleProject, OUT_HANDOFF, OUT_SECTION } from "../helpers/project";
import { PKEY, type PtySession, startPty, typeKeys } from "../helpers/pty";

afterEach(cleanupTemps);

interface Step {
	name: string;
	wait: string;
	keys: string[];
}

const SCRIPT: Step[] = [
	{ name: "pre-flight", wait: "Enter start research", keys: [PKEY.enter] },
	{ name: "research done", wait: "All three research tasks are done", keys: [PKEY.enter] },
	{ name: "decision 1", wait: "Decision 1 of 7", keys: [PKEY.enter] },
	{ name: "decision 2", wait: "Decision 2 of 7", keys: [PKEY.down, PKEY.enter] },
	{ name: "decision 3", wait: "Decision 3 of 7", keys: [PKEY.enter] },
	{ name: "decision 4", wait: "Decision 4 of 7", keys: [PKEY.enter] },
	{ name: "decision 5", wait: "Decision 5 of 7", keys: ["4", "h", PKEY.enter] },
	{ name: "decision 6", wait: "Decision 6 of 7", keys: [PKEY.enter] },
	{ name: "decision 7", wait: "Decision 7 of 7", keys: [PKEY.enter] },
	{ name: "question 1", wait: "Question 1 of 8", keys: [..."No ledger before launch".split(""), PKEY.enter] },
	{ name: "question 2", wait: "Question 2 of 8", keys: Array(7).fill(PKEY.tab) },
	{ name: "review", wait: "w write", keys: ["w"] },
];

async function play(s: PtySession, from: number, to: number): Promise<void> {
	for (let i = from; i < to; i++) {
		await s.waitFor(SCRIPT[i]!.wait);
		await typeKeys(s, SCRIPT[i]!.keys, 40);
	}
}

/** A project whose run was stopped with Ctrl+C at SCRIPT[index] (so a session is saved there). */
async function savedAt(index: number): Promise<string> {
	const dir = exampleProject();
	const s = startPty([], { cwd: dir, cols: 120, rows: 40 });
	await play(s, 0, index);
	await s.waitFor(SCRIPT[index]!.wait);
	s.type(PKEY.ctrlC);
	await s.exit;
	return dir;
}

/** The built binary without a terminal. */
function cli(dir: string, ...args: string[]) {
	return spawnSync(process.execPath, [BIN, ...args], {
		cwd: dir,
		encoding: "utf8",
		env: { ...process.env, SOURCE_DATE_EPOCH: "1767225600" },
	});
}

const SIGNALS = ["ctrl-c", "SIGTERM", "SIGHUP"] as const;
const EXPECTED_CODE = { "ctrl-c": 130, SIGTERM: 143, SIGHUP: 129 } as const;

let baseline: { section: Buffer; handoff: Buffer };

beforeAll(async () => {
	const dir = exampleProject();
	const s = startPty([], { cwd: dir, cols: 120, rows: 40 });
	await play(s, 0, SCRIPT.length);
	expect((await s.exit).exitCode).toBe(0);
	baseline = {
		section: readFileSync(path.join(dir, OUT_SECTION)),
		handoff: readFileSync(path.join(dir, OUT_HANDOFF)),
	};
}, 60_000);

describe("interrupt anywhere, resume exactly where you stopped", () => {
	it.each(SCRIPT.map((step, i) => [step.name, i, SIGNALS[i % 3]!] as const))(
		"at %s (%i), stopped by %s",
		async (_name, index, signal) => {
			const dir = exampleProject();
			const first = startPty([], { cwd: dir, cols: 120, rows: 40 });
			await play(first, 0, index);
			await first.waitFor(SCRIPT[index]!.wait);
			const notes = path.join(dir, "genesis_output", "research", "10_deployment_strategies.md");
			const notesBefore = index >= 1 ? statSync(notes).mtimeMs : undefined;
			if (signal === "ctrl-c") first.type(PKEY.ctrlC);
			else first.kill(signal);
			const stopped = await first.exit;
			expect(stopped.exitCode).toBe(EXPECTED_CODE[signal]);
			expect(first.cursorHidden()).toBe(false);
			// What it says is true: nothing is saved at pre-flight (there is nothing to resume there).
			expect(first.raw()).toContain(
				index > 0
					? "Progress saved; run genesis-tui again to resume."
					: "Cancelled before writing; nothing was written.",
			);

			const second = startPty([], { cwd: dir, cols: 120, rows: 40 });
			if (index > 0) {
				const offer = await second.waitFor("A session of this project was saved");
				expect(offer).toContain(
					`at ${index === 1 ? "research" : index < 9 ? "decisions" : index < 11 ? "open questions" : "review"}`,
				);
				second.type(PKEY.enter);
			}
			await second.waitFor(SCRIPT[index]!.wait);
			if (index === 1) expect(second.text()).toContain("restored from the saved session");
			await play(second, index, SCRIPT.length);
			expect((await second.exit).exitCode).toBe(0);
			if (notesBefore !== undefined) expect(statSync(notes).mtimeMs).toBe(notesBefore);
			expect(readFileSync(path.join(dir, OUT_SECTION)).equals(baseline.section)).toBe(true);
			expect(readFileSync(path.join(dir, OUT_HANDOFF)).equals(baseline.handoff)).toBe(true);
		},
		60_000,
	);

	it("--fresh starts over; --resume resumes without asking", async () => {
		const dir = await savedAt(4);
		const resumed = startPty(["--resume"], { cwd: dir, cols: 120, rows: 40 });
		await resumed.waitFor("Decision 3 of 7");
		resumed.type(PKEY.ctrlC);
		await resumed.exit;
		const fresh = startPty(["--fresh"], { cwd: dir, cols: 120, rows: 40 });
		await fresh.waitFor("Enter start research");
		fresh.type("q");
		await fresh.exit;
	}, 60_000);

	it("a second run in the same project is refused clearly while the first is active", async () => {
		const dir = exampleProject();
		const first = startPty([], { cwd: dir, cols: 120, rows: 40 });
		await first.waitFor("Enter start research");
		const second = cli(dir, "--yes");
		expect(second.status).toBe(75);
		expect(second.stderr).toMatch(
			new RegExp(`genesis-tui \\(pid ${first.pid}, started [^)]+\\) is already using this project`),
		);
		first.type("q");
		await first.exit;
	}, 30_000);

	it("SIGKILL leaves a stale lock and a saved session; the next start clears the lock and resumes", async () => {
		const dir = exampleProject();
		const first = startPty([], { cwd: dir, cols: 120, rows: 40 });
		await play(first, 0, 3);
		await first.waitFor("Decision 2 of 7");
		first.kill("SIGKILL");
		await first.exit;
		const second = startPty([], { cwd: dir, cols: 120, rows: 40 });
		await second.waitFor("A session of this project was saved");
		second.type(PKEY.enter);
		await second.waitFor("Decision 2 of 7");
		second.type(PKEY.ctrlC);
		expect((await second.exit).exitCode).toBe(130);
	}, 30_000);
});

describe("sessions with --yes and the sessions command", () => {
	it("--yes resumes a saved session (decisions kept), then clears it; `sessions` lists and clears", async () => {
		const dir = await savedAt(4);

		const list = cli(dir, "sessions");
		expect(list.stdout).toContain("(this project)");
		expect(list.stdout).toContain("at decisions, saved just now");

		const r = cli(dir, "--yes");
		expect(r.status).toBe(0);
		expect(r.stdout).toContain("Resuming the session saved just now at decisions");
		const h = JSON.parse(readFileSync(path.join(dir, OUT_HANDOFF), "utf8"));
		expect(h.key_outputs.iac_tool).toBe("OpenTofu");
		expect(h.decisions_made).toContain("Infrastructure as code: OpenTofu (chosen in the wizard)");
		const after = cli(dir, "sessions", "--json");
		expect(JSON.parse(after.stdout).some((s: { projectRoot: string }) => s.projectRoot === dir)).toBe(false);
	}, 60_000);

	it("sessions --clear removes this project's session; --fresh with --yes ignores it", async () => {
		const dir = await savedAt(3);
		const cleared = cli(dir, "sessions", "--clear");
		expect(cleared.stdout).toContain("Removed the saved session of");
		const again = cli(dir, "sessions", "--clear");
		expect(again.stdout).toContain("No saved session for");
		// With a session saved again, --yes --fresh starts over instead of resuming it.
		const dir2 = await savedAt(3);
		const fresh = cli(dir2, "--yes", "--fresh");
		expect(fresh.status).toBe(0);
		expect(fresh.stdout).toContain("Starting over: the saved session was removed.");
		expect(fresh.stdout).not.toContain("Resuming");
		expect(JSON.parse(readFileSync(path.join(dir2, OUT_HANDOFF), "utf8")).key_outputs.iac_tool).toBe(
			"Terraform",
		);
	}, 60_000);

	it("a corrupt saved session is moved aside with a warning naming where it went", async () => {
		const dir = await savedAt(3);
		const list = JSON.parse(cli(dir, "sessions", "--json").stdout);
		const file = list.find((s: { projectRoot: string }) => s.projectRoot === dir).file;
		const { writeFileSync } = await import("node:fs");
		writeFileSync(file, '{"session": {"version": 1, "st');
		const r = cli(dir, "--yes", "--dry-run");
		expect(r.status).toBe(0);
		const s = startPty([], { cwd: dir, cols: 160, rows: 40 });
		const screen = await s.waitFor("could not be read");
		expect(screen).toMatch(/moved to .*session-[0-9a-f]{16}\.json\.corrupt-/);
		s.type("q");
		await s.exit;
	}, 60_000);
});
