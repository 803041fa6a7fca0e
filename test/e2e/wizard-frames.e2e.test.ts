// The built binary in a pseudo-terminal at 80x24 and 40x12: at every step, with every overlay open, the frame stays
// shorter than the terminal (the header never scrolls away, Ink never clears the screen); NO_COLOR keeps its cues as
// glyphs and borders; TERM=dumb gets the linear driver.

import { afterEach, describe, expect, it } from "vitest";
import { cleanupTemps, exampleProject } from "../helpers/project";
import { PKEY, type PtySession, startPty, typeKeys } from "../helpers/pty";

afterEach(cleanupTemps);

const F1 = "\u001bOP";

/** The frame fits: the header is on the first row and Ink never had to clear the whole screen. */
function expectFits(s: PtySession, where: string): void {
	expect(s.screen()[0], `header at ${where}`).toContain("Section 10");
	const at = s.raw().indexOf("\u001b[3J");
	expect(at === -1 ? "" : s.raw().slice(Math.max(0, at - 2000), at), `full clear at ${where}`).toBe("");
}

/** Opens an overlay with `open`, waits for `shows`, checks the frame, closes it with `close`, waits for `back`. */
async function overlay(s: PtySession, where: string, open: string, shows: string | RegExp, close: string) {
	const before = s.text();
	s.type(open);
	await s.waitFor(shows);
	expectFits(s, `${where} (${String(shows)})`);
	s.type(close);
	for (let i = 0; i < 40 && s.text() !== before && typeof shows === "string" && s.text().includes(shows); i++)
		await new Promise((r) => setTimeout(r, 25));
	expectFits(s, where);
}

describe.each([
	[80, 24],
	[40, 12],
])("%ix%i: every step and overlay fits", (cols, rows) => {
	it("pre-flight, research, decisions, questions and review, with help, chooser, prompt, diagrams, picker, confirm", async () => {
		const s = startPty([], { cwd: exampleProject(), cols, rows });
		await s.waitFor("Section 10");
		await s.waitFor(/start research|more keys/);
		await overlay(s, "pre-flight", "?", "Esc closes", "?");
		s.type(PKEY.enter);
		await s.waitFor("All three research tasks are done", 20_000);
		await overlay(s, "research", "?", "Esc closes", PKEY.escape);
		await overlay(s, "research", "a", "Backend for", PKEY.escape);
		await overlay(s, "research", "p", "Prompt for", "p");
		await overlay(s, "research", "f", /\(done\)/, "f");
		s.type(PKEY.enter);
		await s.waitFor("Decision 1 of 7");
		for (let d = 1; d <= 7; d++) {
			await s.waitFor(`Decision ${d} of 7`);
			await overlay(s, `decision ${d}`, d >= 5 ? F1 : "?", "Esc closes", PKEY.escape);
			expectFits(s, `decision ${d}`);
			s.type(PKEY.enter);
			await new Promise((r) => setTimeout(r, 100));
		}
		await s.waitFor("Question 1 of");
		await overlay(s, "question 1", F1, "Esc closes", PKEY.escape);
		for (let i = 0; i < 12 && !s.text().includes("Check: rubric"); i++) {
			expectFits(s, "questions");
			await typeKeys(s, [PKEY.tab], 100);
		}
		await s.waitFor("Check: rubric");
		expectFits(s, "review");
		await overlay(s, "review", "?", "Esc closes", PKEY.escape);
		await overlay(s, "review", "e", "Edit which item?", PKEY.escape);
		await overlay(s, "review", "d", /Cut:|whole of both/, "d");
		await overlay(s, "review", PKEY.enter, "Write 2 files? (Y/n)", "n");
		s.type(PKEY.ctrlC);
		await s.exit;
		// The closing message follows the last frame (which may scroll the header away), with no full clear.
		expect(s.raw()).not.toContain("\u001b[3J");
	}, 120_000);
});

describe("without colour", () => {
	it("NO_COLOR: the current step, focus, the text cursor and placeholders keep a cue that is not colour", async () => {
		const s = startPty([], { cwd: exampleProject(), cols: 120, rows: 40, env: { NO_COLOR: "1" } });
		const first = await s.waitFor("Enter start research");
		expect(first.split("\n")[0]).toContain("[Pre-flight]");
		s.type(PKEY.enter);
		const research = await s.waitFor("All three research tasks are done", 20_000);
		// The focused panel has a double border; the others a single one.
		expect(research).toContain("╔");
		expect(research.match(/╔/g)).toHaveLength(1);
		expect(research.split("\n")[0]).toContain("[Research]");
		s.type(PKEY.enter);
		const decision = await s.waitFor("Decision 1 of 7");
		expect(decision).toMatch(/❯ \S+ \[recommended\]/);
		await typeKeys(s, [PKEY.enter, PKEY.enter, PKEY.enter, PKEY.enter]);
		// The suggestion is in ‹ › with a bar cursor before it; typed text has the bar where the cursor is.
		expect(await s.waitFor("Decision 5 of 7")).toMatch(/> ▏‹2h›/);
		await typeKeys(s, ["4h", "\u001b[D"]);
		expect(await s.waitFor(/> 4▏h/)).not.toContain("‹");
		await typeKeys(s, ["\u001b[C", PKEY.enter, PKEY.enter, PKEY.enter]);
		expect(await s.waitFor("Question 1 of")).toMatch(/> ▏‹type an answer/);
		s.type(PKEY.ctrlC);
		await s.exit;
		expect(s.raw()).not.toMatch(/\u001b\[[0-9;]*m/);
	}, 60_000);
});

describe("with colour forced on", () => {
	it("FORCE_COLOR=3: the screens colour their cues, and the same words are on screen as without colour", async () => {
		const s = startPty([], { cwd: exampleProject(), cols: 120, rows: 40, env: { FORCE_COLOR: "3" } });
		const first = await s.waitFor("Enter start research");
		s.type(PKEY.enter);
		await s.waitFor("All three research tasks are done", 20_000);
		s.type(PKEY.enter);
		const decision = await s.waitFor("Decision 1 of 7");
		expect(decision).toContain("recommended");
		s.type(PKEY.ctrlC);
		await s.exit;
		// Truecolor or 256-colour foreground sequences, and the terminal is reset at the end.
		expect(s.raw()).toMatch(/\u001b\[(?:38;[25];[0-9;]+|3[0-7]|9[0-7])m/);
		expect(first).toContain("Pre-flight");
		expect(s.cursorHidden()).toBe(false);
	}, 60_000);
});

describe("a terminal that cannot move its cursor", () => {
	it("TERM=dumb runs the linear driver: no cursor movement, no erased lines", async () => {
		const s = startPty([], { cwd: exampleProject(), cols: 80, rows: 24, env: { TERM: "dumb" } });
		await s.waitFor("Press Enter to start research");
		s.type(PKEY.enter);
		await s.waitFor("All research finished.");
		s.type(PKEY.ctrlC);
		await s.exit;
		expect(s.raw()).not.toMatch(/\u001b\[\d*[ABJK]/);
		expect(s.raw()).not.toContain("\u001b[2K");
		expect(s.raw()).not.toContain("╭");
		expect(s.raw()).not.toMatch(/\u001b\[[0-9;]*m/);
	}, 60_000);
});
