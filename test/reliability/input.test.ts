// RELIABILITY.md §6 A (project input) and B (output writing): the cases not already covered elsewhere.

import { spawnSync } from "node:child_process";
import {
	chmodSync,
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	symlinkSync,
	writeFileSync,
} from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { inputById, runPreflight } from "../../src/engine/inputs/preflight";
import { shapeNotes } from "../../src/engine/inputs/schemas";
import { summarizeInput } from "../../src/engine/inputs/summary";
import { GenesisError } from "../../src/engine/io/errors";
import { projectPaths } from "../../src/engine/io/project";
import { isTerminalSafe } from "../../src/engine/io/sanitize";
import { writeFileAtomic } from "../../src/engine/io/write";
import { BIN, runCli } from "../helpers/cli";
import {
	bareProject,
	cleanupTemps,
	exampleProject,
	HANDOFF_03,
	OUT_HANDOFF,
	OUT_SECTION,
	tempDir,
} from "../helpers/project";

afterEach(cleanupTemps);

const preflight = (dir: string) => runPreflight(projectPaths(dir), summarizeInput, shapeNotes);
const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync("sh", ["-c", "command -v setpriv"]).status === 0;

describe("A. project input", () => {
	it("case 4: a 200 MB handoff is refused by size before it is read", () => {
		const dir = bareProject();
		const fd = openSync(path.join(dir, HANDOFF_03), "w");
		// A sparse file: 200 MB long, almost no disk used.
		writeFileSync(fd, "{");
		closeSync(fd);
		spawnSync("truncate", ["-s", "200M", path.join(dir, HANDOFF_03)]);
		const t = Date.now();
		const h = inputById(preflight(dir), "handoff03");
		expect(Date.now() - t).toBeLessThan(1000);
		expect(h.summary).toBe("cannot be read: it is 200.0 MB; the limit is 5.0 MB");
		const r = runCli(["--yes", "--strict"], { cwd: dir });
		expect(r.code).toBe(65);
	});

	it("case 5: 100,000 levels of nesting give a clear message, not a stack overflow", () => {
		const dir = bareProject({ [HANDOFF_03]: `${"[".repeat(100_000)}${"]".repeat(100_000)}` });
		expect(inputById(preflight(dir), "handoff03").summary).toMatch(/nesting deeper than 64 levels/);
	});

	it("case 6: a UTF-16 file is refused as not UTF-8, with the byte", () => {
		const dir = bareProject();
		writeFileSync(
			path.join(dir, HANDOFF_03),
			Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":1}', "utf16le")]),
		);
		expect(inputById(preflight(dir), "handoff03").summary).toBe(
			"cannot be read: it is not valid UTF-8 (at byte 0); save it as UTF-8",
		);
	});

	it("case 7: __proto__ and constructor keys pollute nothing", () => {
		const dir = bareProject({
			[HANDOFF_03]:
				'{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "key_outputs": {"__proto__": {"x": 1}}}',
		});
		preflight(dir);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.prototype).not.toHaveProperty("polluted");
	});

	it("case 8: fuzzed handoffs never throw, never hang, and never yield an unsafe byte", () => {
		const dir = bareProject();
		const file = path.join(dir, HANDOFF_03);
		const content = fc.oneof(
			fc.json(),
			fc.jsonValue().map((v) => JSON.stringify(v)),
			fc.string({ unit: "binary", maxLength: 200 }),
			fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
			fc
				.jsonValue()
				.map((v) =>
					JSON.stringify({ key_outputs: { infrastructure: v }, quality_gates: v, alerts_defined: v }),
				),
		);
		fc.assert(
			fc.property(content, (c) => {
				writeFileSync(file, c);
				const t = Date.now();
				const report = preflight(dir);
				expect(Date.now() - t).toBeLessThan(200);
				for (const i of report.inputs) {
					expect(isTerminalSafe(i.summary)).toBe(true);
					for (const n of i.notes) expect(isTerminalSafe(n)).toBe(true);
				}
			}),
			{ numRuns: 2000 },
		);
	}, 120_000);

	it("case 9: a project folder that does not exist: a clear message and exit 66", () => {
		const r = runCli(["--yes", "--cwd", path.join(tempDir(), "no-such-project")]);
		expect(r.code).toBe(66);
		expect(r.stderr).toMatch(/no-such-project is not a folder; pass the Genesis project folder with --cwd\./);
	});

	it.skipIf(!isRoot || !hasSetpriv)(
		"case 10: an unreadable handoff (run as nobody): permission denied; --strict exits 77",
		() => {
			const dir = exampleProject();
			spawnSync("chmod", ["-R", "a+rwX", dir]);
			spawnSync("chmod", ["a+rx", path.dirname(dir)]);
			chmodSync(path.join(dir, HANDOFF_03), 0o000);
			const state = tempDir();
			spawnSync("chmod", ["a+rwx", state]);
			const run = (args: string[]) =>
				spawnSync(
					"setpriv",
					["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, BIN, ...args],
					{
						cwd: dir,
						encoding: "utf8",
						env: { ...process.env, GENESIS_TUI_STATE_DIR: state, HOME: state },
					},
				);
			const r = run(["--yes", "--dry-run"]);
			expect(r.stdout).toContain(
				"✖ Technology stack (handoff 03) — genesis_output/handoffs/handoff_03_technology_stack.json: cannot be read: permission denied",
			);
			const strict = run(["--yes", "--strict"]);
			expect(strict.status).toBe(77);
		},
	);

	it("case 11: a FIFO, a symlink to /dev/zero and a folder are refused at once", () => {
		const dir = bareProject();
		spawnSync("mkfifo", [path.join(dir, HANDOFF_03)]);
		symlinkSync("/dev/zero", path.join(dir, "genesis_output/handoffs/handoff_08_testing_strategy.json"));
		mkdirSync(path.join(dir, "genesis_output/handoffs/handoff_09_monitoring_observability.json"));
		const t = Date.now();
		const report = preflight(dir);
		expect(Date.now() - t).toBeLessThan(1000);
		expect(inputById(report, "handoff03").summary).toBe(
			"cannot be read: it is a named pipe (FIFO), not a regular file",
		);
		expect(inputById(report, "handoff08").summary).toMatch(/outside the project/);
		expect(inputById(report, "handoff09").summary).toBe("cannot be read: it is a folder, not a file");
	});
});

describe("B. output writing", () => {
	it("case 13: the section path is a symlink to a victim: refused, exit 73, victim unchanged", () => {
		const dir = exampleProject();
		const victim = path.join(tempDir(), "victim.md");
		writeFileSync(victim, "precious");
		mkdirSync(path.join(dir, "genesis_output", "sections"), { recursive: true });
		symlinkSync(victim, path.join(dir, OUT_SECTION));
		const r = runCli(["--yes", "--force"], { cwd: dir });
		expect(r.code).toBe(73);
		expect(r.stderr).toContain(
			"genesis_output/sections/10_deployment_operations.md is a symbolic link; refusing to write through it.",
		);
		expect(readFileSync(victim, "utf8")).toBe("precious");
	});

	it("case 14: a dangling symlink and a symlinked output folder are refused; nothing is created outside", () => {
		const dir = exampleProject();
		symlinkSync(path.join(tempDir(), "nowhere.json"), path.join(dir, OUT_HANDOFF));
		const r = runCli(["--yes", "--force"], { cwd: dir });
		expect(r.code).toBe(73);
		const dir2 = exampleProject({
			"genesis_output/sections/03_technology_stack.md": null,
			"genesis_output/sections/09_monitoring_observability.md": null,
		});
		const outside = tempDir();
		spawnSync("rm", ["-rf", path.join(dir2, "genesis_output", "sections")]);
		symlinkSync(outside, path.join(dir2, "genesis_output", "sections"));
		const r2 = runCli(["--yes"], { cwd: dir2 });
		expect(r2.code).toBe(73);
		expect(r2.stderr).toMatch(/leads outside the project through a symbolic link/);
		expect(readdirSync(outside)).toEqual([]);
	});

	it("case 19: spaces and Unicode in the project path work; a too-long name is a clear error", () => {
		const parent = tempDir();
		const dir = path.join(parent, "Projet e\u0301te\u0301 2026 — draft");
		spawnSync("cp", ["-r", exampleProject(), dir]);
		const r = runCli(["--yes"], { cwd: dir });
		expect(r.code).toBe(0);
		expect(existsSync(path.join(dir, OUT_SECTION))).toBe(true);
		try {
			writeFileAtomic(parent, path.join(parent, `${"x".repeat(300)}.md`), "x");
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(GenesisError);
			expect((error as GenesisError).exitCode).toBe(73);
			expect((error as Error).message).toMatch(/the file name is too long/);
		}
	});
});

describe("A. input, seen in a real terminal", () => {
	it("cases 1 and 3: malformed JSON is reported with its position; hostile strings change no title, write no clipboard", async () => {
		const { startPty } = await import("../helpers/pty");
		const dir = exampleProject({
			"genesis_output/handoffs/handoff_08_testing_strategy.json": '{"quality_gates": [',
			// The title takes the name from handoff 00 first; without it, from handoff 03.
			"genesis_output/handoffs/handoff_00_init.json": null,
			[HANDOFF_03]: JSON.stringify({
				project_name: "evil\u001b]0;PWNED\u0007\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u202eeman",
				key_outputs: {
					infrastructure: {
						backend_hosting: "Railway\r\u001b[1A\u001b[2Kfake ok",
						ci_cd: "\u009b31mGitHub Actions",
					},
				},
			}),
		});
		const s = startPty([], { cwd: dir, cols: 160, rows: 40 });
		const screen = await s.waitFor("Enter start research");
		expect(screen).toContain("not valid JSON at line 1, column 20");
		expect(screen).toContain("^[]0;PWNED^G");
		expect(s.titles).toEqual([]);
		expect(s.osc52).toEqual([]);
		expect(s.raw()).not.toContain("\u001b]0;PWNED");
		s.type("q");
		await s.exit;
	}, 30_000);
});
