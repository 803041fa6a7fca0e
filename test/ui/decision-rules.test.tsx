// The decision screen flags a value that breaks a rule before it is confirmed, with the reason; under --strict the
// value is not accepted, the reason stays on screen and another value is taken.

import { cpSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KEY, renderWizard, toDecisions } from "../helpers/ink";
import { bareProject, cleanupTemps, flySqliteProject } from "../helpers/project";

afterEach(cleanupTemps);

const flySqlite = flySqliteProject;

/** Moves the cursor to the choice labelled `label` (at most 6 rows down). */
async function focus(w: ReturnType<typeof renderWizard>, label: string) {
	for (let i = 0; i < 6; i++) {
		if ((w.lastFrame() ?? "").includes(`❯ ${label}`)) return;
		await w.press(KEY.down);
	}
	await w.waitFor(`❯ ${label}`);
}

describe("decision screen: platform rules", () => {
	it("--strict: blue-green on Fly.io with a volume is flagged before Enter, refused on Enter, and rolling is taken", async () => {
		const w = renderWizard(flySqlite(), { strict: true });
		await toDecisions(w);
		await focus(w, "blue-green");
		const flagged = await w.waitFor(/not accepted under --strict/);
		expect(flagged).toMatch(
			/⚠ Platform rule \(not accepted under --strict\): Fly\.io cannot run a blue-green/,
		);
		await w.press(KEY.enter);
		const refused = await w.waitFor(/--strict:\s+choose\s+another\s+value/);
		expect(refused).toContain("Decision 1 of 7");
		expect(w.controller.state.overrides.strategy).toBeUndefined();
		await focus(w, "rolling");
		await w.press(KEY.enter);
		await w.waitFor("Decision 2 of 7");
		expect(w.controller.state.overrides.strategy?.value).toBe("rolling");
		expect(w.controller.state.error).toBeUndefined();
		w.unmount();
	});

	it("without --strict: the same value is flagged with its reason, and Enter takes it", async () => {
		const w = renderWizard(flySqlite());
		await toDecisions(w);
		await focus(w, "blue-green");
		const flagged = await w.waitFor("Platform rule: Fly.io cannot run a blue-green");
		expect(flagged).not.toContain("Not accepted under --strict");
		await w.press(KEY.enter);
		await w.waitFor("Decision 2 of 7");
		expect(w.controller.state.overrides.strategy?.value).toBe("blue-green");
		w.unmount();
	});

	it("--strict: unchecking staging the inputs define is flagged and refused; the checklist stays", async () => {
		const dir = bareProject();
		cpSync(path.resolve(__dirname, "../fixtures/staging-removed"), dir, { recursive: true });
		const w = renderWizard(dir, { strict: true });
		await toDecisions(w);
		await w.press(KEY.enter, KEY.enter, KEY.enter);
		await w.waitFor("Decision 4 of 7 · Environments");
		// development, preview, staging: the cursor on staging, then Space unchecks it.
		await w.press(KEY.down, KEY.down, KEY.space);
		await w.waitFor(/Environment removed \(not accepted under --strict\): This plan removes staging/);
		await w.press(KEY.enter);
		await w.waitFor(/--strict:\s+choose\s+another\s+value/);
		expect(w.controller.state.step).toBe("decisions");
		await w.press(KEY.space, KEY.enter);
		await w.waitFor("Decision 5 of 7");
		expect(w.controller.state.overrides.environments?.value).toBe("development,staging,production");
		w.unmount();
	});
});
