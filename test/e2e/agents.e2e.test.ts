// Agent CLIs streaming into the three live panels of the real binary; hostile output never reaches the terminal.

import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cleanupTemps, exampleProject } from "../helpers/project";
import { PKEY, startPty, typeKeys } from "../helpers/pty";

afterEach(cleanupTemps);

const FAKE = path.resolve(__dirname, "../fixtures/fake-agent.mjs");
const agent = (mode: string) => `${process.execPath} ${FAKE} ${mode}`;

describe("agents in the live panels", () => {
	it("three agents stream into three panels live, then the decisions use their findings", async () => {
		const s = startPty(["--agent", agent("slow")], {
			cwd: exampleProject(),
			cols: 160,
			rows: 40,
			env: { FAKE_AGENT_STEP_MS: "120" },
		});
		await s.waitFor("Enter start research");
		s.type(PKEY.enter);
		const live = await s.waitFor(/step [3-9] of 15/);
		expect(live).toContain("fake-agent.mjs · running");
		const row = s.screen().find((l) => l.includes("step "));
		expect(row?.match(/step \d+ of 15/g)?.length).toBe(3);
		await s.waitFor("All three research tasks are done", 20_000);
		s.type(PKEY.enter);
		await s.waitFor("Decision 1 of 7");
		s.type(PKEY.enter);
		const iac = await s.waitFor("Decision 2 of 7");
		expect(iac).toContain("❯ Pulumi (recommended)");
		expect(iac.replace(/\s+/g, " ")).toContain("recommended by fake-agent.mjs");
		s.type("q");
		await s.exit;
	}, 60_000);

	it("title changes, clipboard writes, screen clears and the alternate screen never reach the terminal", async () => {
		const s = startPty(["--agent", agent("escapes")], { cwd: exampleProject(), cols: 160, rows: 40 });
		await s.waitFor("Enter start research");
		s.type(PKEY.enter);
		const screen = await s.waitFor("All three research tasks are done", 20_000);
		expect(screen).toContain("^[]0;PWNED-TITLE^G");
		expect(s.titles).toEqual([]);
		expect(s.osc52).toEqual([]);
		expect(s.raw()).not.toContain("\u001b]0;");
		expect(s.raw()).not.toContain("\u001b]52;");
		expect(s.raw()).not.toContain("\u001b[?1049h");
		s.type("q");
		await s.exit;
		expect(s.cursorHidden()).toBe(false);
	}, 30_000);

	it("a failed agent is shown failed; b lets the built-in research answer instead", async () => {
		const s = startPty(["--agent-iac", agent("crash")], { cwd: exampleProject(), cols: 160, rows: 40 });
		await s.waitFor("Enter start research");
		s.type(PKEY.enter);
		const failed = await s.waitFor("did not finish");
		expect(failed).toContain("exited with code 1");
		await typeKeys(s, [PKEY.tab, "b"]);
		await s.waitFor("All three research tasks are done");
		expect(s.text()).toMatch(/genesis-perplexity · built-in · done/);
		s.type("q");
		await s.exit;
	}, 30_000);

	it("c cancels a running agent; the panel says cancelled", async () => {
		const s = startPty(["--agent-deploy", agent("slow")], {
			cwd: exampleProject(),
			cols: 160,
			rows: 40,
			env: { FAKE_AGENT_STEP_MS: "500" },
		});
		await s.waitFor("Enter start research");
		s.type(PKEY.enter);
		await s.waitFor("step 1 of 15");
		s.type("c");
		await s.waitFor("cancelled");
		s.type("q");
		expect((await s.exit).exitCode).toBe(130);
	}, 30_000);

	it("SIGKILL during research: the next start resumes and runs the unfinished research again", async () => {
		const dir = exampleProject();
		const first = startPty(["--agent-deploy", agent("slow")], {
			cwd: dir,
			cols: 160,
			rows: 40,
			env: { FAKE_AGENT_STEP_MS: "300" },
		});
		await first.waitFor("Enter start research");
		first.type(PKEY.enter);
		await first.waitFor("step 2 of 15");
		first.kill("SIGKILL");
		await first.exit;
		const second = startPty(["--agent-deploy", agent("slow")], {
			cwd: dir,
			cols: 160,
			rows: 40,
			env: { FAKE_AGENT_STEP_MS: "20" },
		});
		const offer = await second.waitFor("A session of this project was saved");
		expect(offer).toContain("at research");
		second.type(PKEY.enter);
		await second.waitFor("All three research tasks are done", 20_000);
		expect(second.text()).toContain("restored from the saved session");
		second.type("q");
		await second.exit;
	}, 60_000);
});
