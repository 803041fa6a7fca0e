// The first screen before the rest of the wizard has loaded: pre-flight from the report alone, keys to `early`, then
// the loaded wizard takes over in the same tree.

import { render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { readProject } from "../../src/engine/inputs/load";
import { withContext } from "../../src/engine/output/compose";
import { WizardController } from "../../src/engine/wizard/controller";
import { App, type LoadedWizard } from "../../src/ui/App";
import type { EarlyActions } from "../../src/ui/actions";
import { screens } from "../../src/ui/screens";
import { delay, KEY } from "../helpers/ink";
import { cleanupTemps, exampleProject, HANDOFF_03 } from "../helpers/project";

afterEach(cleanupTemps);

/** App over a project's files as the first screen reads them; `load` builds the wizard the way the driver does. */
function earlyApp(dir: string, early: EarlyActions) {
	const files = readProject(dir);
	const app = (wizard?: LoadedWizard) => (
		<App wizard={wizard} preflight={files.report} early={early} projectName={files.name} notGenesis={false} />
	);
	const r = render(app());
	const load = (quit: (code: number) => void) => {
		const controller = new WizardController(withContext(files), {
			generatedAt: "2026-01-01T00:00:00Z",
			flushMs: 5,
			quit,
		});
		const actions = controller;
		r.rerender(
			app({ subscribe: controller.subscribe, getSnapshot: controller.getSnapshot, actions, screens }),
		);
		return controller;
	};
	return { r, load };
}

describe("App before the wizard has loaded", () => {
	it("draws pre-flight from the report, sends its keys to `early`, then hands over to the loaded wizard", async () => {
		const calls: string[] = [];
		const { r, load } = earlyApp(exampleProject(), {
			continueFromPreflight: () => calls.push("continue"),
			quit: (code: number) => calls.push(`quit ${code}`),
		});
		const first = r.lastFrame() ?? "";
		expect(first).toContain("Section 10 · Harbor Bookings");
		expect(first).toContain("Technology stack (handoff 03)");
		expect(first).toContain("Enter start research");
		await delay(20);
		r.stdin.write(KEY.enter);
		await delay(20);
		r.stdin.write("q");
		await delay(20);
		expect(calls).toEqual(["continue", "quit 130"]);

		const controller = load((code) => calls.push(`wizard quit ${code}`));
		await delay(20);
		expect(r.lastFrame()).toContain("Enter start research");
		r.stdin.write(KEY.enter);
		const start = Date.now();
		while (!(r.lastFrame() ?? "").includes("All three research tasks are done") && Date.now() - start < 3000)
			await delay(10);
		expect(r.lastFrame()).toContain("All three research tasks are done");
		expect(calls).toEqual(["continue", "quit 130"]);
		controller.dispose();
		r.unmount();
	});

	it("notes on a handoff's shape, checked as the wizard loads, join the pre-flight screen then", async () => {
		const dir = exampleProject({
			[HANDOFF_03]: JSON.stringify({ key_outputs: { infrastructure: "Railway" } }),
		});
		const { r, load } = earlyApp(dir, { continueFromPreflight: () => {}, quit: () => {} });
		expect(r.lastFrame()).not.toContain("expected an object");
		const controller = load(() => {});
		await delay(20);
		expect(r.lastFrame()).toContain("key_outputs.infrastructure expected an object, found a string; ignored");
		controller.dispose();
		r.unmount();
	});

	it("a lone line feed counts as Enter (Ctrl+J, or Enter typed before raw mode)", async () => {
		const calls: string[] = [];
		const { r } = earlyApp(exampleProject(), {
			continueFromPreflight: () => calls.push("continue"),
			quit: () => calls.push("quit"),
		});
		await delay(20);
		r.stdin.write("\n");
		await delay(20);
		expect(calls).toEqual(["continue"]);
		r.unmount();
	});

	it("Ctrl+C before the wizard has loaded quits with 130", async () => {
		const files = readProject(exampleProject());
		const codes: number[] = [];
		const r = render(
			<App
				preflight={files.report}
				early={{ continueFromPreflight: () => {}, quit: (c) => codes.push(c) }}
				projectName={files.name}
				notGenesis={false}
			/>,
		);
		await delay(20);
		r.stdin.write(KEY.ctrlC);
		await delay(20);
		expect(codes).toEqual([130]);
		r.unmount();
	});
});
