// The interactive driver: loads the project, builds the controller, renders the Ink app, prints the result after it exits.

import path from "node:path";
import type { CliOptions } from "./args";
import { nowIso } from "./engine/clock";
import { WizardController } from "./engine/controller";
import { rel } from "./engine/project";
import { completionMessage, loadProject } from "./engine/run";
import { sanitizeForTerminal } from "./engine/sanitize";
import { presetsFromFlags } from "./headless";
import type { WizardActions } from "./ui/actions";

export async function runInteractive(opts: CliOptions): Promise<number> {
	const project = loadProject(path.resolve(opts.cwd));
	if (opts.plain || /^(1|true)$/i.test(process.env.INK_SCREEN_READER ?? "")) {
		const { runPlain } = await import("./plain");
		return runPlain(opts, project);
	}
	const controller = new WizardController(project, {
		preset: presetsFromFlags(opts, project),
		generatedAt: nowIso(),
	});
	const [{ render }, { App }] = await Promise.all([import("ink"), import("./ui/App")]);
	let exitCode = 130;
	let finished = false;
	const instance = render(<Placeholder />, { exitOnCtrlC: false, patchConsole: false });
	const quit = (code: number) => {
		if (finished) return;
		finished = true;
		exitCode = code;
		// Let React commit the last state (the short "done" frame) before unmounting.
		setTimeout(() => instance.unmount(), 0);
	};
	const actions = createActions(controller, quit);

	instance.rerender(
		<App
			subscribe={controller.subscribe}
			getSnapshot={controller.getSnapshot}
			actions={actions}
			projectName={project.context.projectName}
			notGenesis={!project.paths.isGenesisProject}
		/>,
	);
	await instance.waitUntilExit();
	controller.dispose();
	const state = controller.state;
	if (exitCode === 0 && state.step === "done") {
		const composed = controller.compose();
		const lines = [completionMessage(composed.model), ""];
		for (const f of state.written?.files ?? []) lines.push(`Wrote ${rel(project.paths, f)}`);
		for (const b of state.written?.backups ?? [])
			lines.push(`Previous version kept as ${rel(project.paths, b)}`);
		process.stdout.write(`${sanitizeForTerminal(lines.join("\n"))}\n`);
	} else {
		process.stdout.write("Cancelled before writing; nothing was written.\n");
	}
	return exitCode;
}

function Placeholder() {
	return null;
}

/** The screens' actions, bound to a controller; a successful write ends the app with 0. */
export function createActions(controller: WizardController, quit: (code: number) => void): WizardActions {
	return {
		dispatch: controller.dispatch,
		continueFromPreflight: () => controller.continueFromPreflight(),
		finishResearch: () => controller.finishResearch(),
		retry: (t) => controller.retry(t),
		decide: (id, value) => controller.decide(id, value),
		compose: () => controller.compose(),
		write: (replace) => {
			const out = controller.write(replace);
			if (out) quit(0);
			return out;
		},
		quit,
		panels: controller.panels,
	};
}
