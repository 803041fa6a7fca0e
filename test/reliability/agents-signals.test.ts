// RELIABILITY.md §6 D (agent processes) and E (signals, terminal, environment): the cases not covered elsewhere.

import { spawnSync } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";
import { cleanupTemps, exampleProject, HANDOFF_03, tempDir } from "../helpers/project";
import { PKEY, startPty, startResearch, typeKeys } from "../helpers/pty";

afterEach(cleanupTemps);

const FAKE = path.resolve(__dirname, "../fixtures/fake-agent.mjs");
const agent = (mode: string, ...extra: string[]) => [process.execPath, FAKE, mode, ...extra].join(" ");
const research = (dir: string, file: string) =>
	readFileSync(path.join(dir, "genesis_output", "research", file), "utf8");
/** Agent processes carrying the marker (the genesis-tui process has it in its own --agent argument: not counted). */
const alive = (marker: string, except?: number) =>
	spawnSync("pgrep", ["-f", `fake-agent.mjs slow ${marker}`], { encoding: "utf8" })
		.stdout.split("\n")
		.filter((p) => p && Number(p) !== except).length > 0;
const waitGone = async (marker: string, except?: number) => {
	for (let i = 0; i < 40 && alive(marker, except); i++) await new Promise((r) => setTimeout(r, 50));
	return !alive(marker, except);
};

describe("D. agent processes", () => {
	it("case 24: a missing agent with --strict exits 69 instead of falling back", () => {
		const r = runCli(["--yes", "--strict", "--agent-iac", "no-such-agent-cli"], { cwd: exampleProject() });
		expect(r.code).toBe(69);
		expect(r.stderr).toContain('"no-such-agent-cli" was not found on PATH');
	});

	it("case 25: a wrapper that exits 127 is reported as a command that could not start", () => {
		const script = path.join(tempDir(), "wrapper.sh");
		writeFileSync(script, "#!/bin/sh\necho 'sh: 1: real-agent: not found' >&2\nexit 127\n");
		chmodSync(script, 0o755);
		const r = runCli(["--yes", "--agent-iac", script], { cwd: exampleProject() });
		expect(r.stdout).toContain("wrapper.sh could not start its command (exit 127: not found)");
	});

	it("case 26: an agent that aborts is reported as crashed (Aborted), partial output kept", () => {
		const dir = exampleProject();
		const r = runCli(["--yes", "--agent-iac", agent("abort")], { cwd: dir });
		expect(r.stdout).toContain("fake-agent.mjs crashed (Aborted)");
		expect(research(dir, "10_infrastructure_as_code.transcript.txt")).toContain("about to abort");
	});

	it("case 28: an agent that reads stdin to the end (cat) finishes: stdin is closed after the prompt", () => {
		const dir = exampleProject();
		const t = Date.now();
		const r = runCli(["--yes", "--agent-cicd", "cat"], { cwd: dir });
		expect(r.code).toBe(0);
		expect(Date.now() - t).toBeLessThan(10_000);
		expect(research(dir, "10_ci_cd_pipelines.transcript.txt")).toContain("You are genesis-documentation");
	});

	it("case 29: a flood is capped in the transcript at 20 MB with a marker", () => {
		const dir = exampleProject();
		const r = runCli(["--yes", "--agent-deploy", agent("flood")], { cwd: dir });
		expect(r.code).toBe(0);
		const t = research(dir, "10_deployment_strategies.transcript.txt");
		expect(t.length).toBeLessThan(21 * 1024 * 1024);
		expect(t).toContain("[output truncated after 20 MB]");
	}, 60_000);

	it("case 32: a hostile prompt in place of {prompt} arrives as one literal argument; no shell runs", () => {
		const marker = path.join(tempDir(), "pwned");
		const dir = exampleProject({
			"genesis_output/handoffs/handoff_00_init.json": null,
			[HANDOFF_03]: JSON.stringify({
				project_name: `--help $(touch ${marker}); rm -rf ~ | & "quoted" \n second line`,
				key_outputs: { infrastructure: { backend_hosting: "Railway" } },
			}),
		});
		const r = runCli(["--yes", "--agent-deploy", `${agent("argv")} {prompt}`], { cwd: dir });
		expect(r.code).toBe(0);
		const argvLine = research(dir, "10_deployment_strategies.transcript.txt")
			.split("\n")
			.find((l) => l.startsWith("ARGV "))!;
		const argv = JSON.parse(argvLine.slice(5));
		expect(argv).toHaveLength(1);
		expect(argv[0]).toContain(`$(touch ${marker}); rm -rf ~ | &`);
		expect(spawnSync("test", ["-e", marker]).status).toBe(1);
	});
});

describe("E. signals, terminal, environment", () => {
	it("case 31: an agent writing to /dev/tty cannot reach the terminal", async () => {
		const dir = exampleProject();
		const s = await startResearch(["--agent-iac", agent("devtty")], {
			cwd: dir,
			until: "All three research tasks are done",
		});
		expect(s.titles).toEqual([]);
		s.type("q");
		await s.exit;
		expect(research(dir, "10_infrastructure_as_code.transcript.txt")).toContain(
			"no controlling terminal: ENXIO",
		);
	}, 30_000);

	it("case 33: Ctrl+C during research stops the agents first (output kept); a second Ctrl+C quits with 130", async () => {
		const marker = `case33-${process.pid}-${Date.now()}`;
		const s = await startResearch(["--agent", agent("slow", marker)], {
			cwd: exampleProject(),
			until: "step 2 of 15",
			env: { FAKE_AGENT_STEP_MS: "400" },
		});
		s.type(PKEY.ctrlC);
		await s.waitFor("press Ctrl+C again to quit");
		expect(await waitGone(marker, s.pid)).toBe(true);
		expect(s.text()).toContain("cancelled");
		await typeKeys(s, [PKEY.ctrlC]);
		expect((await s.exit).exitCode).toBe(130);
		expect(s.cursorHidden()).toBe(false);
	}, 30_000);

	it.each(["SIGTERM", "SIGHUP"])(
		"case 34: %s during agent research leaves no agent process behind",
		async (signal) => {
			const marker = `case34-${signal}-${process.pid}-${Date.now()}`;
			const s = await startResearch(["--agent", agent("slow", marker)], {
				cwd: exampleProject(),
				until: "step 2 of 15",
				env: { FAKE_AGENT_STEP_MS: "400" },
			});
			expect(alive(marker)).toBe(true);
			s.kill(signal);
			expect((await s.exit).exitCode).toBe(signal === "SIGTERM" ? 143 : 129);
			expect(await waitGone(marker)).toBe(true);
		},
		30_000,
	);

	it("case 35: after SIGKILL, the next start stops the agents the killed run left behind and says so", async () => {
		const marker = `case35-${process.pid}-${Date.now()}`;
		const dir = exampleProject();
		const first = await startResearch(["--agent", agent("slow", marker)], {
			cwd: dir,
			until: "step 1 of 15",
			env: { FAKE_AGENT_STEP_MS: "1000" },
		});
		first.kill("SIGKILL");
		await first.exit;
		expect(alive(marker)).toBe(true);
		const second = startPty([], { cwd: dir, cols: 160, rows: 40 });
		const screen = await second.waitFor("left running by an earlier run that was killed");
		expect(screen).toContain("Stopped fake-agent.mjs");
		expect(await waitGone(marker)).toBe(true);
		second.type("q");
		await second.exit;
	}, 30_000);

	it("case 37: a terminal below 40×12 gets a clear message, and resizing while agents stream does not break", async () => {
		const tiny = startPty([], { cwd: exampleProject(), cols: 30, rows: 10 });
		await tiny.waitFor("Terminal too small");
		tiny.type(PKEY.ctrlC);
		await tiny.exit;
		const s = await startResearch(["--agent", agent("slow")], {
			cwd: exampleProject(),
			cols: 120,
			until: "step 2 of 15",
			env: { FAKE_AGENT_STEP_MS: "100" },
		});
		for (const [c, r] of [
			[60, 20],
			[40, 15],
			[120, 40],
		] as const) {
			s.resize(c, r);
			await new Promise((res) => setTimeout(res, 300));
		}
		await s.waitFor("All three research tasks are done", 20_000);
		s.type("q");
		expect((await s.exit).exitCode).toBe(130);
	}, 40_000);

	it("case 39: CI=true in a real terminal: the wizard says to use --yes, exit 2", async () => {
		const s = startPty([], { cwd: exampleProject(), cols: 100, rows: 20, env: { CI: "true" } });
		expect((await s.exit).exitCode).toBe(2);
		expect(s.text()).toContain("CI is set, so the interactive wizard is off.");
	}, 20_000);
});
