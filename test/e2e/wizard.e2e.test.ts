// The real built binary in a real pseudo-terminal: walk the whole wizard, at 160x48 and 80x24; Ctrl+C mid-way.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cleanupTemps, exampleProject, OUT_HANDOFF, OUT_SECTION } from "../helpers/project";
import { PKEY, startPty, startResearch, typeKeys, walkToReview } from "../helpers/pty";

afterEach(cleanupTemps);

/** The binary on a fresh example project, past pre-flight, with research finished. */
async function startAtResearch(cols: number, rows: number) {
	const dir = exampleProject();
	const s = await startResearch([], { cwd: dir, cols, rows, until: "All three research tasks are done" });
	return { dir, s };
}

describe("interactive wizard in a pseudo-terminal", () => {
	it("160x48: three panels on one row; keys change a decision; the handoff and completion message follow", async () => {
		const { dir, s } = await startAtResearch(160, 48);
		const row = s.screen().find((l) => l.includes("Deployment Strategies"));
		expect(row).toContain("Infrastructure as Code");
		expect(row).toContain("CI/CD Pipelines");
		s.type(PKEY.enter);
		await s.waitFor("Decision 1 of 7");
		await typeKeys(s, [PKEY.enter]);
		await s.waitFor("Decision 2 of 7 · Infrastructure as code");
		await typeKeys(s, [PKEY.down]);
		await s.waitFor("❯ OpenTofu");
		await typeKeys(s, [PKEY.enter, PKEY.enter, PKEY.enter]);
		await s.waitFor("Decision 5 of 7");
		await typeKeys(s, ["4", "h", PKEY.enter, PKEY.enter, PKEY.enter]);
		await s.waitFor("Question 1 of");
		for (let i = 0; i < 12; i++) {
			if (s.text().includes("w write")) break;
			await typeKeys(s, [PKEY.tab], 80);
		}
		await s.waitFor("w write");
		s.type("w");
		await s.waitFor("Section 10: Deployment & Operations - COMPLETE");
		const { exitCode } = await s.exit;
		expect(exitCode).toBe(0);
		expect(s.text()).toContain("3. Run: /genesis-section-11");
		const h = JSON.parse(readFileSync(path.join(dir, OUT_HANDOFF), "utf8"));
		expect(h.key_outputs.iac_tool).toBe("OpenTofu");
		expect(h.disaster_recovery.rto).toBe("4h");
		expect(h.decisions_made).toContain("Infrastructure as code: OpenTofu (chosen in the wizard)");
		expect(s.cursorHidden()).toBe(false);
	}, 60_000);

	it("80x24: panels stack and the frame stays shorter than the terminal; Enter walks to a written section", async () => {
		const { dir, s } = await startAtResearch(80, 24);
		const screen = s.screen();
		const titles = ["Deployment Strategies", "Infrastructure as Code", "CI/CD Pipelines"].map((t) =>
			screen.findIndex((l) => l.includes(t)),
		);
		expect(new Set(titles).size).toBe(3);
		expect(titles.every((i) => i >= 0)).toBe(true);
		// Ink clears the whole screen when the frame is as tall as the terminal; it must not.
		expect(s.raw()).not.toContain("\u001b[3J");
		await walkToReview(s);
		s.type("w");
		const { exitCode } = await s.exit;
		expect(exitCode).toBe(0);
		expect(existsSync(path.join(dir, OUT_SECTION))).toBe(true);
	}, 60_000);

	it("Ctrl+C at the decisions step: exit 130, cursor visible, nothing written", async () => {
		const { dir, s } = await startAtResearch(100, 30);
		s.type(PKEY.enter);
		await s.waitFor("Decision 1 of 7");
		s.type(PKEY.ctrlC);
		const { exitCode } = await s.exit;
		expect(exitCode).toBe(130);
		expect(s.cursorHidden()).toBe(false);
		expect(s.text()).toContain("Progress saved; run genesis-tui again to resume.");
		expect(existsSync(path.join(dir, OUT_SECTION))).toBe(false);
	}, 30_000);
});

describe("keys typed the moment the first screen appears", () => {
	// The first frame is drawn before Ink reads stdin; the terminal is in raw mode from the start, so such a key waits
	// for Ink unchanged (in line mode Enter would arrive as a line feed, which Ink does not take for Enter).
	it.each([
		["the first screen drawn before the rest loads", []],
		["flags checked before the first screen", ["--agent", "builtin"]],
	])("Enter at once is not lost (%s)", async (_name, args) => {
		for (let i = 0; i < 4; i++) {
			const s = startPty(args, { cwd: exampleProject(), cols: 120, rows: 40 });
			const start = Date.now();
			while (!s.raw().includes("start research") && Date.now() - start < 10_000)
				await new Promise((r) => setImmediate(r));
			s.type(PKEY.enter);
			await s.waitFor("All three research tasks are done", 10_000);
			s.kill("SIGKILL");
			await s.exit;
		}
	});

	it("Ctrl+C at once, while the rest of the wizard is still loading: exit 130 and the closing message", async () => {
		for (let i = 0; i < 4; i++) {
			const s = startPty([], { cwd: exampleProject(), cols: 120, rows: 40 });
			const start = Date.now();
			while (!s.raw().includes("start research") && Date.now() - start < 10_000)
				await new Promise((r) => setImmediate(r));
			s.type(PKEY.ctrlC);
			expect((await s.exit).exitCode).toBe(130);
			expect(s.raw()).toContain("Cancelled before writing; nothing was written.");
		}
	});
});

describe("plain mode and colour", () => {
	it("--plain: the same steps as lines, research announced, answers typed", async () => {
		const dir = exampleProject();
		const s = startPty(["--plain"], { cwd: dir, cols: 120, rows: 60 });
		await s.waitFor("Press Enter to start research");
		s.type(PKEY.enter);
		await s.waitFor("All research finished.");
		expect(s.raw()).toMatch(/Infrastructure as Code research finished: \d+ findings/);
		await s.waitFor("decision 1 of 7");
		for (let i = 0; i < 30; i++) {
			const t = s.raw();
			if (t.includes("Type w to write")) break;
			await typeKeys(s, [PKEY.enter], 60);
		}
		await s.waitFor("Type w to write");
		await typeKeys(s, ["w", PKEY.enter]);
		const { exitCode } = await s.exit;
		expect(exitCode).toBe(0);
		expect(s.raw()).toContain("Section 10: Deployment & Operations - COMPLETE");
		expect(existsSync(path.join(dir, OUT_HANDOFF))).toBe(true);
		// Plain mode draws no boxes and moves no cursor up.
		expect(s.raw()).not.toContain("╭");
		expect(s.raw()).not.toMatch(/\u001b\[\d*A/);
	}, 60_000);

	// TERM=dumb gets the linear driver (wizard-frames.e2e.test.ts), with no colour either.
	it.each([{ NO_COLOR: "1" }, { FORCE_COLOR: "0" }])(
		"%j: no SGR colour bytes at all",
		async (env) => {
			const s = startPty([], { cwd: exampleProject(), cols: 120, rows: 30, env });
			await s.waitFor("Enter start research");
			s.type(PKEY.enter);
			await s.waitFor("All three research tasks are done");
			s.type("q");
			await s.exit;
			expect(s.raw()).not.toMatch(/\u001b\[[0-9;]*m/);
		},
		30_000,
	);

	it("with colour allowed, the UI does use colour (so the test above can fail)", async () => {
		const s = startPty([], { cwd: exampleProject(), cols: 120, rows: 30, env: { FORCE_COLOR: "1" } });
		await s.waitFor("Enter start research");
		s.type("q");
		await s.exit;
		expect(s.raw()).toMatch(/\u001b\[3\dm/);
	}, 30_000);
});

describe("review screen", () => {
	it("shows the check report and previews both diagrams as text", async () => {
		const { s } = await startAtResearch(120, 60);
		const review = await walkToReview(s);
		expect(review).toContain("✔ Check: rubric 22/22; all required checks pass");
		s.type("d");
		const first = await s.waitFor("Environment progression");
		expect(first).toMatch(/[┌╭]/);
		// A chain too wide for the box is drawn top to bottom: it reaches production; the rest is below, and says so.
		expect(first).toContain("production: serves users");
		expect(first).toMatch(/Cut: ↓ \d+ more lines/);
		await typeKeys(s, ["\u001b[6~"]);
		const second = await s.waitFor(/Cut: ↑ \d+ lines above/);
		expect(second).not.toContain("Development: local");
		expect(second).toMatch(/[┌╭]/);
		expect(second.split("\n")[0]).toContain("Section 10");
		s.type("q");
		await s.exit;
	}, 60_000);
});

describe("small terminals", () => {
	it.each([
		[60, 20],
		[100, 16],
		[40, 15],
	])(
		"%ix%i: every screen fits, so Ink never clears the whole screen",
		async (cols, rows) => {
			const s = startPty([], { cwd: exampleProject(), cols, rows });
			await s.waitFor("Enter start research");
			await walkToReview(s);
			expect(s.raw().split("\u001b[3J").length - 1).toBe(0);
			s.type("q");
			await s.exit;
		},
		60_000,
	);
});
