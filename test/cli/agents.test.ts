// Agent backends on the built binary, with small fake agents: streaming, floods, hangs, crashes, escapes, presets.

import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, runCli } from "../helpers/cli";
import { markdownProblems } from "../helpers/markdownlint";
import { cleanupTemps, exampleProject, OUT_HANDOFF, OUT_SECTION, tempDir } from "../helpers/project";

afterEach(cleanupTemps);

const FAKE = path.resolve(__dirname, "../fixtures/fake-agent.mjs");
const agent = (mode: string) => `${process.execPath} ${FAKE} ${mode}`;
const research = (dir: string, file: string) =>
	readFileSync(path.join(dir, "genesis_output", "research", file), "utf8");
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Peak RSS in MB of a command, from GNU time. */
function peakRss(args: string[], cwd: string): { mb: number; code: number; stdout: string } | undefined {
	if (!existsSync("/usr/bin/time")) return undefined;
	const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, BIN, ...args], {
		cwd,
		encoding: "utf8",
		env: process.env,
		maxBuffer: 64 * 1024 * 1024,
	});
	const kb = Number(r.stderr.trim().split("\n").at(-1));
	return { mb: kb / 1024, code: r.status ?? -1, stdout: r.stdout };
}

describe("agent backends (--agent)", () => {
	it("valid findings feed the decisions with provenance; the transcript is kept", () => {
		const dir = exampleProject();
		const r = runCli(["--yes", "--agent", agent("findings")], { cwd: dir });
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("Infrastructure as Code (genesis-perplexity, fake-agent.mjs): 1 finding");
		const h = JSON.parse(readFileSync(path.join(dir, OUT_HANDOFF), "utf8"));
		expect(h.key_outputs.iac_tool).toBe("Pulumi");
		expect(h.decisions_made).toContain("Infrastructure as code: Pulumi (recommended by fake-agent.mjs)");
		const md = readFileSync(path.join(dir, OUT_SECTION), "utf8");
		// Web sources are marked apart from the built-in ones: who researched them and the date each was checked.
		expect(md).toContain("Web research by the agents, not in the built-in knowledge base:");
		expect(md).toContain(
			"- <https://www.pulumi.com/docs/iac/concepts/state-and-backends/> (web research by fake-agent.mjs, checked 2026-11-30)",
		);
		expect(md).toContain(
			"- <https://docs.github.com/en/actions/using-jobs/using-concurrency> (web research by fake-agent.mjs, no date checked given)",
		);
		expect(md).not.toMatch(/^\d+\. .*web research/m);
		expect(markdownProblems(md)).toEqual([]);
		expect(research(dir, "10_infrastructure_as_code.md")).toContain(
			"https://www.pulumi.com/docs/iac/concepts/state-and-backends/, checked 2026-11-30",
		);
		expect(research(dir, "10_infrastructure_as_code.transcript.txt")).toContain(
			"Looked at the official documentation.",
		);
		expect(research(dir, "10_infrastructure_as_code.md")).toContain("**pulumi**");
	});

	it("streams slowly and still finishes", () => {
		const r = runCli(["--yes", "--agent-deploy", agent("slow")], {
			cwd: exampleProject(),
			env: { FAKE_AGENT_STEP_MS: "30" },
		});
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("Deployment Strategies (genesis-researcher, fake-agent.mjs)");
	});

	it("a crash falls back to the built-in research with a warning, keeps the partial transcript, and says so in the section", () => {
		const dir = exampleProject();
		const r = runCli(["--yes", "--agent-iac", agent("crash")], { cwd: dir });
		expect(r.code).toBe(0);
		expect(r.stdout).toContain(
			"⚠ Infrastructure as Code: fake-agent.mjs exited with code 1: Error: model quota exceeded; using the built-in research instead.",
		);
		expect(research(dir, "10_infrastructure_as_code.transcript.txt")).toContain(
			"partial output before the crash",
		);
		expect(readFileSync(path.join(dir, OUT_SECTION), "utf8")).toContain(
			"fake-agent.mjs: fake-agent.mjs exited with code 1",
		);
	});

	it("a hung agent that ignores SIGTERM and leaves a grandchild on its stdout is stopped, group and all", () => {
		const marker = `3${Math.floor(Math.random() * 1e6)}`;
		const script = path.join(tempDir(), "hang.sh");
		writeFileSync(
			script,
			`#!/bin/sh\ntrap '' TERM\nsleep ${marker} &\necho thinking\nwhile true; do sleep 1; done\n`,
		);
		chmodSync(script, 0o755);
		const start = Date.now();
		const r = runCli(["--yes", "--agent-iac", script, "--agent-timeout", "1s"], { cwd: exampleProject() });
		expect(r.code).toBe(0);
		expect(Date.now() - start).toBeLessThan(15_000);
		expect(r.stdout).toContain(
			"hang.sh gave no result within 1 s and was stopped; using the built-in research instead.",
		);
		expect(spawnSync("pgrep", ["-f", `sleep ${marker}`]).status).toBe(1);
	}, 30_000);

	it("a missing command and a file that is not executable get clear messages and the built-in research", () => {
		const missing = runCli(["--yes", "--agent-deploy", "definitely-not-an-agent-cli"], {
			cwd: exampleProject(),
		});
		expect(missing.code).toBe(0);
		expect(missing.stdout).toContain(
			'"definitely-not-an-agent-cli" was not found on PATH. Install it, or choose another agent with --agent.',
		);
		const file = path.join(tempDir(), "agent.sh");
		writeFileSync(file, "#!/bin/sh\necho hi\n");
		chmodSync(file, 0o644);
		const noexec = runCli(["--yes", "--agent-deploy", file], { cwd: exampleProject() });
		expect(noexec.stdout).toContain("is not executable. Fix its permissions (chmod +x)");
	});

	it("invalid findings are reported; the transcript stays; the built-in recommendations apply", () => {
		const dir = exampleProject();
		const r = runCli(["--yes", "--agent-iac", agent("invalid-findings")], { cwd: dir });
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("the findings block does not match the expected shape");
		expect(JSON.parse(readFileSync(path.join(dir, OUT_HANDOFF), "utf8")).key_outputs.iac_tool).toBe(
			"Terraform",
		);
	});

	it("escape sequences from an agent never reach the terminal or the files", () => {
		const dir = exampleProject();
		const r = runCli(["--yes", "--agent", agent("escapes")], { cwd: dir });
		expect(r.code).toBe(0);
		expect(r.stdout + r.stderr).not.toMatch(UNSAFE);
		const transcript = research(dir, "10_deployment_strategies.transcript.txt");
		expect(transcript).toContain("^[]0;PWNED-TITLE^G");
		expect(transcript).toContain("<U+202E>evil");
		expect(transcript).not.toMatch(UNSAFE);
		expect(readFileSync(path.join(dir, OUT_SECTION), "utf8")).not.toMatch(UNSAFE);
	});

	it("the prompt can go in place of a {prompt} argument instead of stdin", () => {
		const dir = exampleProject();
		const r = runCli(["--yes", "--agent-iac", `${agent("no-stdin")} {prompt}`], { cwd: dir });
		expect(r.code).toBe(0);
		expect(research(dir, "10_infrastructure_as_code.transcript.txt")).toMatch(
			/argument prompt of \d{3,} characters/,
		);
	});

	it("--dry-run prints the prompts and writes nothing", () => {
		const dir = exampleProject();
		const r = runCli(["--yes", "--dry-run", "--agent", agent("findings")], { cwd: dir });
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("--- Prompt for Deployment Strategies (fake-agent.mjs) ---");
		expect(r.stdout).toContain("You are genesis-perplexity");
		expect(r.stdout).toContain("- Backend hosting: Railway");
		expect(existsSync(path.join(dir, "genesis_output", "research"))).toBe(false);
	});

	it("includes the project's .claude/agents definition in the prompt", () => {
		const dir = exampleProject({
			".claude/agents/genesis-researcher.md": "# genesis-researcher\nAlways cite the vendor's own docs.\n",
		});
		const r = runCli(["--yes", "--dry-run", "--agent", agent("findings")], { cwd: dir });
		expect(r.stdout).toContain("Your agent definition (.claude/agents/genesis-researcher.md)");
		expect(r.stdout).toContain("Always cite the vendor's own docs.");
	});

	const INSTRUCTION = "Follow the research brief given on standard input.";
	const WEB_ONLY_OPENCODE = '{"*":"deny","edit":"deny","bash":"deny","webfetch":"allow","websearch":"allow"}';
	/** Every preset: its exact argv (pre-approved tools and bounds included) and the environment it adds. */
	const PRESET_CALLS: [string, string[], Record<string, string>][] = [
		[
			"claude",
			[
				"-p",
				INSTRUCTION,
				"--output-format",
				"text",
				"--tools",
				"WebSearch,WebFetch",
				"--allowedTools",
				"WebSearch,WebFetch",
				"--permission-mode",
				"dontAsk",
				"--max-turns",
				"25",
				"--max-budget-usd",
				"1.00",
			],
			{},
		],
		[
			"gemini",
			["-p", INSTRUCTION, "--approval-mode", "default", "--allowed-tools", "google_web_search,web_fetch"],
			{},
		],
		[
			"codex",
			[
				"-c",
				'web_search="live"',
				"exec",
				"--skip-git-repo-check",
				"--sandbox",
				"read-only",
				"--ephemeral",
				INSTRUCTION,
			],
			{},
		],
		[
			"copilot",
			[
				"-s",
				"--no-ask-user",
				"--available-tools=web_fetch,web_search",
				"--allow-tool=url",
				"--max-ai-credits=100",
			],
			{},
		],
		["opencode", ["run", INSTRUCTION], { OPENCODE_PERMISSION: WEB_ONLY_OPENCODE }],
		["ollama:llama3.2", ["run", "llama3.2"], {}],
	];
	/** Write access, shell access, or a blanket skip of a CLI's permission checks: no preset may pass any of these. */
	const FORBIDDEN: RegExp[] = [
		/^--dangerously/,
		/^(--yolo|-y)$/,
		/^--allow-all(-tools|-paths|-urls)?(=|$)/,
		/^(--auto|--full-auto|--skip-trust)$/,
		// A mode or sandbox that writes or skips checks, given as the next argument or after "=".
		/^(--[a-z-]+=)?(yolo|auto_edit|acceptEdits|auto|bypassPermissions|plan|danger-full-access|workspace-write)$/,
		/^--allow-tool=.*\b(shell|write|memory)\b/,
		/\b(Bash|Edit|Write|NotebookEdit|run_shell_command|write_file|replace)\b/,
		/"(bash|edit|\*)":"allow"/,
	];
	const forbiddenIn = (words: string[]) => words.filter((w) => FORBIDDEN.some((re) => re.test(w)));

	it("the table covers every preset, and the forbidden-flag check catches what it must", async () => {
		const { PRESETS } = await import("../../src/engine/research/agent-spec");
		expect(Object.keys(PRESETS).sort()).toEqual(PRESET_CALLS.map(([p]) => p.split(":")[0]).sort());
		expect(
			forbiddenIn([
				"--dangerously-skip-permissions",
				"--yolo",
				"--allow-all-tools",
				"--allow-all-urls",
				"--full-auto",
				"--skip-trust",
				"bypassPermissions",
				"auto_edit",
				"danger-full-access",
				"workspace-write",
				"--approval-mode=yolo",
				"--allow-tool=shell(git:*)",
				"--allow-tool=write",
				"Bash,Read",
				"run_shell_command",
				'{"*":"allow"}',
			]),
		).toHaveLength(16);
	});

	it.each(PRESET_CALLS)(
		"preset %s runs its documented one-shot command: prompt on stdin, read-only web tools pre-approved, bounded",
		(preset, argv, env) => {
			const bin = tempDir();
			const name = preset.split(":")[0]!;
			const log = path.join(bin, "calls.log");
			writeFileSync(path.join(bin, name), `#!/bin/sh\nexec "${process.execPath}" "${FAKE}" findings "$@"\n`);
			chmodSync(path.join(bin, name), 0o755);
			const dir = exampleProject();
			const r = runCli(["--yes", "--agent-cicd", preset], {
				cwd: dir,
				env: { PATH: `${bin}:${process.env.PATH}`, FAKE_AGENT_LOG: log },
			});
			expect(r.code).toBe(0);
			const call = JSON.parse(readFileSync(log, "utf8").trim().split("\n")[0]!);
			expect(call.argv).toEqual(["findings", ...argv]);
			expect(call.env).toEqual(env);
			expect(forbiddenIn([...argv, ...Object.values(env)])).toEqual([]);
			expect(call.promptBytes).toBeGreaterThan(500);
			expect(call.firstLine).toContain("You are genesis-documentation");
			// Its findings reach the handoff, and it exited 0.
			expect(r.stdout).toContain(`CI/CD Pipelines (genesis-documentation, ${preset}): 1 finding`);
		},
	);

	it("a preset that exits non-zero falls back to the built-in research with its message", () => {
		const bin = tempDir();
		writeFileSync(path.join(bin, "copilot"), `#!/bin/sh\nexec "${process.execPath}" "${FAKE}" crash "$@"\n`);
		chmodSync(path.join(bin, "copilot"), 0o755);
		const r = runCli(["--yes", "--agent-iac", "copilot"], {
			cwd: exampleProject(),
			env: { PATH: `${bin}:${process.env.PATH}` },
		});
		expect(r.code).toBe(0);
		expect(r.stdout).toContain(
			"⚠ Infrastructure as Code: copilot exited with code 1: Error: model quota exceeded; using the built-in research instead.",
		);
	});

	it("memory stays bounded: 1,000,000 lines, and one 50 MB line with no newline", () => {
		const flood = peakRss(["--yes", "--agent-deploy", agent("flood")], exampleProject());
		if (!flood) return void console.warn("skipped: /usr/bin/time is not installed");
		expect(flood.code).toBe(0);
		expect(flood.mb).toBeLessThan(200);
		const big = peakRss(["--yes", "--agent-deploy", agent("bigline")], exampleProject());
		expect(big!.code).toBe(0);
		expect(big!.mb).toBeLessThan(200);
		expect(big!.stdout).toContain("no ```json findings block");
	}, 120_000);

	it("an invalid agent command line is a usage error naming the flag", () => {
		const r = runCli(["--yes", "--agent", 'node "unclosed'], { cwd: exampleProject() });
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('--agent: unclosed " quote in the agent command');
	});
});

describe("agent-spec parsing", () => {
	it("splits like a shell for quotes and backslashes only", async () => {
		const { splitCommand } = await import("../../src/engine/research/agent-spec");
		expect(splitCommand(`node "my agent.js" --flag='a b' plain\\ word $(rm -rf ~) ;|&`)).toEqual([
			"node",
			"my agent.js",
			"--flag=a b",
			"plain word",
			"$(rm",
			"-rf",
			"~)",
			";|&",
		]);
	});
	it("copies no file: the fake agent fixture is executable", () => {
		copyFileSync(FAKE, path.join(tempDir(), "x.mjs"));
		expect(spawnSync(process.execPath, [FAKE, "findings"], { input: "" }).status).toBe(0);
	});
});
