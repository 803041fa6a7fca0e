// Agent CLIs streaming into the three live panels of the real binary; hostile output never reaches the terminal.

import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cleanupTemps, exampleProject } from "../helpers/project";
import { PKEY, startPty, startResearch, typeKeys } from "../helpers/pty";

afterEach(cleanupTemps);

const FAKE = path.resolve(__dirname, "../fixtures/fake-agent.mjs");
const agent = (mode: string) => `${process.execPath} ${FAKE} ${mode}`;

describe("agents in the live panels", () => {
	it("three agents stream into three panels live, then the decisions use their findings", async () => {
		const s = await startResearch(["--agent", agent("slow")], {
			cwd: exampleProject(),
			until: /step [3-9] of 15/,
			env: { FAKE_AGENT_STEP_MS: "120" },
		});
		const live = s.text();
		// Status, time and lines first (they change), then the backend.
		expect(live).toMatch(/running · \d+s · \d+ lines · fake-agent\.mjs/);
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
		const s = await startResearch(["--agent", agent("escapes")], {
			cwd: exampleProject(),
			until: "All three research tasks are done",
		});
		const screen = s.text();
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
		const s = await startResearch(["--agent-iac", agent("crash")], {
			cwd: exampleProject(),
			until: "did not finish",
		});
		const failed = s.text();
		expect(failed).toContain("exited with code 1");
		await typeKeys(s, [PKEY.tab, "b"]);
		await s.waitFor("All three research tasks are done");
		expect(s.text()).toMatch(/done · \d+s · \d+ lines · built-in · genesis-pe/);
		s.type("q");
		await s.exit;
	}, 30_000);

	it("c cancels a running agent; the panel says cancelled", async () => {
		const s = await startResearch(["--agent-deploy", agent("slow")], {
			cwd: exampleProject(),
			until: "step 1 of 15",
			env: { FAKE_AGENT_STEP_MS: "500" },
		});
		s.type("c");
		await s.waitFor("cancelled");
		s.type("q");
		expect((await s.exit).exitCode).toBe(130);
	}, 30_000);

	it("SIGKILL during research: the next start resumes and runs the unfinished research again", async () => {
		const dir = exampleProject();
		const first = await startResearch(["--agent-deploy", agent("slow")], {
			cwd: dir,
			until: "step 2 of 15",
			env: { FAKE_AGENT_STEP_MS: "300" },
		});
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
