// Second round of hostile inputs and faults (issue 17): each case failed once and is pinned here.

import { spawn, spawnSync } from "node:child_process";
import {
	closeSync,
	cpSync,
	existsSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadProject } from "../../src/engine/output/compose";
import { SessionStore } from "../../src/engine/session/store";
import { WizardController } from "../../src/engine/wizard/controller";
import { BIN, runCli } from "../helpers/cli";
import { cleanupTemps, exampleProject, OUT_HANDOFF, OUT_SECTION, tempDir } from "../helpers/project";
import { PKEY, startPty } from "../helpers/pty";

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

describe("round 2, items 6 and 9: durations and SOURCE_DATE_EPOCH are usage errors, found before any work", () => {
	const nothingWritten = (dir: string) => {
		expect(existsSync(path.join(dir, OUT_SECTION))).toBe(false);
		expect(existsSync(path.join(dir, "genesis_output", "research"))).toBe(false);
	};

	it.each([
		[["--rto", "0.4s"], /--rto: durations are counted in whole seconds/],
		[["--rpo", "2y"], /--rpo: unknown unit/],
		[["--backup-frequency", "10s"], /--backup-frequency: a duration must be at least 1m/],
		[["--agent-timeout", "30d"], /--agent-timeout: a duration must be at most 24d/],
		[["--agent-timeout", "0"], /--agent-timeout: .*not a duration/],
	])("%j: exit 2 naming the flag, nothing written", (flags, message) => {
		const dir = exampleProject();
		const r = runCli(["--yes", ...flags], { cwd: dir });
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(message);
		expect(r.stderr).not.toMatch(/internal error/);
		nothingWritten(dir);
	});

	it.each([
		["yesterday", /SOURCE_DATE_EPOCH="yesterday" is not a number of seconds/],
		["1e9", /not a number of seconds/],
		["-5", /not a number of seconds/],
		["99999999999999", /after the year 9999/],
	])("SOURCE_DATE_EPOCH=%s: exit 2 with a clear message before any work", (epoch, message) => {
		const dir = exampleProject();
		const r = runCli(["--yes"], { cwd: dir, env: { SOURCE_DATE_EPOCH: epoch } });
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(message);
		expect(r.stderr).not.toMatch(/internal error|ZodError|"code"/);
		nothingWritten(dir);
	});

	it("the largest accepted epoch and a zero RPO still write a section", () => {
		const dir = exampleProject();
		const r = runCli(["--yes", "--rpo", "0"], { cwd: dir, env: { SOURCE_DATE_EPOCH: "253402300799" } });
		expect(r.stderr).toBe("");
		expect(r.code).toBe(0);
		expect(readFileSync(path.join(dir, OUT_HANDOFF), "utf8")).toContain("9999-12-31T23:59:59Z");
	});
});

describe("round 2, item 7: a failing stdout or stderr never crashes the run or masks its result", () => {
	const env = { ...process.env, SOURCE_DATE_EPOCH: "1767225600" };
	const exited = (child: ReturnType<typeof spawn>) =>
		new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

	it("EPIPE (the reader is gone, as with | head): quiet, outputs written, exit 0", async () => {
		const dir = exampleProject();
		const child = spawn(process.execPath, [BIN, "--yes"], {
			cwd: dir,
			env,
			stdio: ["ignore", "pipe", "pipe"],
		});
		child.stdout!.destroy();
		let stderr = "";
		child.stderr!.on("data", (d) => {
			stderr += d;
		});
		expect(await exited(child)).toBe(0);
		expect(stderr).toBe("");
		expect(existsSync(path.join(dir, OUT_SECTION))).toBe(true);
		expect(existsSync(path.join(dir, OUT_HANDOFF))).toBe(true);
	});

	it("ENOSPC on stdout (>/dev/full): one line on stderr, outputs written, exit 0", async () => {
		const dir = exampleProject();
		const full = openSync("/dev/full", "w");
		const child = spawn(process.execPath, [BIN, "--yes"], { cwd: dir, env, stdio: ["ignore", full, "pipe"] });
		closeSync(full);
		let stderr = "";
		child.stderr!.on("data", (d) => {
			stderr += d;
		});
		expect(await exited(child)).toBe(0);
		expect(stderr).toBe("genesis-tui: standard output failed (ENOSPC); its further messages are dropped.\n");
		expect(existsSync(path.join(dir, OUT_SECTION))).toBe(true);
	});

	it("ENOSPC on both streams: the exit code is still the run's (0 written, 73 refused)", async () => {
		const dir = exampleProject();
		for (const expected of [0, 73]) {
			const full = openSync("/dev/full", "w");
			const child = spawn(process.execPath, [BIN, "--yes"], { cwd: dir, env, stdio: ["ignore", full, full] });
			closeSync(full);
			expect(await exited(child)).toBe(expected);
		}
		expect(existsSync(path.join(dir, OUT_SECTION))).toBe(true);
	});
});

describe("round 2, item 3: a saved session is untrusted", () => {
	/** A real session saved at the questions step (one answer given), then edited as an attacker would. */
	async function tamperedSession(
		dir: string,
		tamper: (session: Record<string, any>) => void,
	): Promise<string> {
		const store = new SessionStore(dir);
		const c = new WizardController(loadProject(dir), {
			generatedAt: "2026-01-01T00:00:00Z",
			store,
			flushMs: 5,
		});
		c.continueFromPreflight();
		await c.researchSettled();
		c.finishResearch();
		while (c.state.step === "decisions") {
			const id = (["strategy", "iac", "ci", "environments", "rto", "rpo", "backupFrequency"] as const)[
				c.state.decisionIndex
			]!;
			c.decide(id, c.state.recommendations![id].value);
		}
		c.dispatch({ type: "ANSWER", id: c.state.questions[0]!.id, text: "yes", provenance: "user" });
		c.dispose();
		store.unlock();
		const data = JSON.parse(readFileSync(store.file, "utf8"));
		tamper(data.session);
		writeFileSync(store.file, JSON.stringify(data));
		return store.file;
	}

	it.each([
		[
			"hostile answer (escapes, NUL, bidi, fence, 200,000 characters)",
			(s: Record<string, any>) => {
				const id = Object.keys(s.answers)[0]!;
				s.answers[id].text = `canary\u001b]0;PWN\u0007\u0000\u202e\n\`\`\`\n${"y".repeat(200_000)}`;
			},
		],
		[
			"strategy canary<ESC>",
			(s: Record<string, any>) => (s.overrides.strategy = { value: "canary\u001b[31m", provenance: "user" }),
		],
		[
			"strategy teleport",
			(s: Record<string, any>) => (s.overrides.strategy = { value: "teleport", provenance: "user" }),
		],
		[
			"RTO -5 parsecs",
			(s: Record<string, any>) => (s.overrides.rto = { value: "-5 parsecs", provenance: "user" }),
		],
		["RPO empty", (s: Record<string, any>) => (s.overrides.rpo = { value: "", provenance: "user" })],
		[
			"backup NaN",
			(s: Record<string, any>) => (s.overrides.backupFrequency = { value: "NaN", provenance: "user" }),
		],
	])(
		"--yes --resume with a %s: moved aside with a warning naming it, a clean section, and the next run is fine",
		async (_name, tamper) => {
			const dir = exampleProject();
			const file = await tamperedSession(dir, tamper);
			const r = runCli(["--yes", "--resume"], { cwd: dir });
			expect(r.code).toBe(0);
			expect(r.stdout).toContain(`moved to ${file}.corrupt-`);
			expect(r.stdout).toMatch(/Starting fresh/);
			expect(existsSync(file)).toBe(false);
			const section = readFileSync(path.join(dir, OUT_SECTION), "utf8");
			expect(section).not.toMatch(/[\u0000\u001b\u202e]|PWN|canary\^/);
			expect(Math.max(...section.split("\n").map((l) => l.length))).toBeLessThan(5000);
			expect(runCli(["check"], { cwd: dir }).code).toBe(0);
			// Nothing saved can make a later run fail.
			const again = runCli(["--yes", "--force"], { cwd: dir });
			expect(again.code).toBe(0);
			expect(again.stdout).not.toMatch(/saved session/);
		},
	);
});

describe("round 2, items 3 and 4: answers are cleaned and capped the same way everywhere, and the cap is said", () => {
	it("a 200,000-character answer with a fence and escapes from --answers: one capped line, and a warning", () => {
		const dir = exampleProject();
		const answers = path.join(tempDir(), "answers.json");
		const long = `Pact\n\`\`\`\n\u001b]0;PWN\u0007${"z".repeat(200_000)}`;
		writeFileSync(answers, JSON.stringify({ answers: { "feature-flags": long } }));
		const r = runCli(["--yes", "--answers", answers], { cwd: dir });
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/The answer to "feature-flags" is \d+ characters; only the first 2000 are kept/);
		const section = readFileSync(path.join(dir, OUT_SECTION), "utf8");
		expect(Math.max(...section.split("\n").map((l) => l.length))).toBeLessThan(5000);
		expect(section).not.toContain("\u001b");
		expect(runCli(["check"], { cwd: dir }).code).toBe(0);
	});
});

describe("round 2, item 2: one signal path for every driver", () => {
	const FAKE = path.resolve(__dirname, "../fixtures/fake-agent.mjs");
	const slowAgent = (marker: string) => [process.execPath, FAKE, "slow", marker].join(" ");
	const agents = (marker: string, except: number) =>
		spawnSync("pgrep", ["-f", `fake-agent.mjs slow ${marker}`], { encoding: "utf8" })
			.stdout.split("\n")
			.filter((p) => p && Number(p) !== except);
	const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

	async function stoppedCleanly(
		dir: string,
		marker: string,
		pid: number,
		exit: Promise<number | null>,
		code: number,
	) {
		expect(await exit).toBe(code);
		let left = agents(marker, pid);
		for (let i = 0; i < 40 && left.length; i++) {
			await new Promise((r) => setTimeout(r, 50));
			left = agents(marker, pid);
		}
		expect(left).toEqual([]);
		// The lock is released: the next run starts at once.
		expect(runCli(["--yes", "--dry-run"], { cwd: dir }).code).toBe(0);
	}

	const waitForAgent = async (marker: string, pid: number) => {
		const started = Date.now();
		while (agents(marker, pid).length === 0 && Date.now() - started < 20_000)
			await new Promise((r) => setTimeout(r, 50));
		expect(agents(marker, pid).length).toBeGreaterThan(0);
	};

	it.each(["SIGTERM", "SIGHUP", "SIGINT"] as const)(
		"--yes with a slow agent, %s: the agent is stopped, the lock released, exit 128+n",
		async (signal) => {
			const dir = exampleProject();
			const marker = `r2-yes-${signal}-${process.pid}-${Date.now()}`;
			const child = spawn(process.execPath, [BIN, "--yes", "--agent", slowAgent(marker)], {
				cwd: dir,
				env: { ...process.env, SOURCE_DATE_EPOCH: "1767225600", FAKE_AGENT_STEP_MS: "400" },
				stdio: ["ignore", "pipe", "pipe"],
			});
			let err = "";
			child.stderr!.on("data", (d) => {
				err += d;
			});
			child.stdout!.resume();
			await waitForAgent(marker, child.pid!);
			const exit = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
			child.kill(signal);
			await stoppedCleanly(dir, marker, child.pid!, exit, codes[signal]);
			expect(err).toMatch(/Stopped/);
		},
		40_000,
	);

	it.each(["SIGTERM", "SIGHUP"] as const)(
		"--plain in a terminal with a slow agent, %s: the agent is stopped, the terminal left usable, exit 128+n",
		async (signal) => {
			const dir = exampleProject();
			const marker = `r2-plain-${signal}-${process.pid}-${Date.now()}`;
			const s = startPty(["--plain", "--agent", slowAgent(marker)], {
				cwd: dir,
				cols: 100,
				rows: 30,
				env: { FAKE_AGENT_STEP_MS: "400" },
			});
			await s.waitFor("Press Enter to start research");
			s.type(PKEY.enter);
			await waitForAgent(marker, s.pid);
			s.kill(signal);
			await stoppedCleanly(
				dir,
				marker,
				s.pid,
				s.exit.then((e) => e.exitCode),
				codes[signal],
			);
			expect(s.cursorHidden()).toBe(false);
		},
		40_000,
	);
});

describe("round 2, item 10: accurate messages", () => {
	it("--answers /dev/stdin is a stream, not a missing file", () => {
		const r = runCli(["--yes", "--answers", "/dev/stdin"], {
			cwd: exampleProject(),
			input: '{"answers": {}}',
		});
		expect(r.code).toBe(65);
		expect(r.stderr).toMatch(/\/dev\/stdin cannot be read: it is a stream or a device/);
		expect(r.stderr).not.toMatch(/does not exist/);
	});

	it("a FIFO and a folder are named for what they are", () => {
		const dir = exampleProject();
		spawnSync("mkfifo", [path.join(dir, "answers.fifo")]);
		const fifo = runCli(["--yes", "--answers", "answers.fifo"], { cwd: dir });
		expect(fifo.stderr).toMatch(/answers.fifo cannot be read: it is a named pipe \(FIFO\)/);
		const folder = runCli(["--yes", "--answers", "genesis_output"], { cwd: dir });
		expect(folder.stderr).toMatch(/genesis_output cannot be read: it is a folder, not a file/);
	});

	it("genesis_output/sections as a file: the inputs say so, and the write is refused naming it (exit 73)", () => {
		const dir = exampleProject();
		rmSync(path.join(dir, "genesis_output", "sections"), { recursive: true });
		writeFileSync(path.join(dir, "genesis_output", "sections"), "x");
		const r = runCli(["--yes"], { cwd: dir });
		expect(r.stdout).toMatch(
			/03_technology_stack.md: cannot be read: genesis_output\/sections is a file, not a folder/,
		);
		expect(r.stderr).toMatch(/genesis_output\/sections is a file, not a folder; move it away/);
		expect(r.stderr).not.toMatch(/ENOTDIR/);
		expect(r.code).toBe(73);
	});
});

describe("round 2, item 5: input and output folders linking outside the project", () => {
	it.each(["handoffs", "sections"])(
		"genesis_output/%s as a link outside: refused up front (exit 73), nothing read or written",
		(name) => {
			const dir = exampleProject();
			const outside = tempDir();
			const folder = path.join(dir, "genesis_output", name);
			cpSync(folder, outside, { recursive: true });
			rmSync(folder, { recursive: true });
			symlinkSync(outside, folder);
			const before = readdirSync(outside).sort();
			const r = runCli(["--yes"], { cwd: dir });
			expect(r.code).toBe(73);
			expect(r.stderr).toMatch(
				new RegExp(`genesis_output/${name} leads outside the project through a symbolic link`),
			);
			expect(r.stdout).not.toMatch(/✔/);
			expect(existsSync(path.join(dir, "genesis_output", "research"))).toBe(false);
			expect(readdirSync(outside).sort()).toEqual(before);
		},
	);
});
