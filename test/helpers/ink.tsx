// Renders the real App over a real controller (built-in research) with ink-testing-library; keys with a yield between.

import { render } from "ink-testing-library";
import { loadProject } from "../../src/engine/output/compose";
import { WizardController } from "../../src/engine/wizard/controller";
import { App } from "../../src/ui/App";
import { screens } from "../../src/ui/screens";

export const KEY = {
	enter: "\r",
	escape: "\u001b",
	up: "\u001b[A",
	down: "\u001b[B",
	right: "\u001b[C",
	left: "\u001b[D",
	tab: "\t",
	space: " ",
	backspace: "\u007f",
	ctrlC: "\u0003",
	ctrlU: "\u0015",
} as const;

export const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function renderWizard(dir: string, options: { strict?: boolean } = {}) {
	const project = loadProject(dir);
	const quits: number[] = [];
	const controller = new WizardController(project, {
		strict: options.strict,
		generatedAt: "2026-01-01T00:00:00Z",
		flushMs: 5,
		quit: (code) => quits.push(code),
	});
	const actions = controller;
	const r = render(
		<App
			wizard={{ subscribe: controller.subscribe, getSnapshot: controller.getSnapshot, actions, screens }}
			preflight={project.report}
			early={actions}
			projectName={project.context.projectName}
			notGenesis={false}
		/>,
	);
	const press = async (...keys: string[]) => {
		for (const k of keys) {
			await delay(20);
			r.stdin.write(k);
			await delay(20);
		}
	};
	const waitFor = async (text: string | RegExp, timeout = 3000) => {
		const start = Date.now();
		while (Date.now() - start < timeout) {
			const f = r.lastFrame() ?? "";
			if (typeof text === "string" ? f.includes(text) : text.test(f)) return f;
			await delay(10);
		}
		throw new Error(`timed out waiting for ${String(text)}; last frame:\n${r.lastFrame()}`);
	};
	return { ...r, controller, quits, press, waitFor };
}

/** Past pre-flight and research, at the first decision. */
export async function toDecisions(w: ReturnType<typeof renderWizard>): Promise<void> {
	await w.waitFor("Enter start research");
	await w.press(KEY.enter);
	await w.waitFor("All three research tasks are done");
	await w.press(KEY.enter);
	await w.waitFor("Decision 1 of 7");
}
