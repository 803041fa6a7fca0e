// The part of the interactive driver that loads after the first frame: the controller with its presets, agents and
// preferences, the screens' actions, the screens after pre-flight, and the lines printed once Ink is gone.

import { agentsFromOptions, agentTimeoutMs } from "./agents-cli";
import type { CliOptions } from "./args";
import { nowIso } from "./engine/clock";
import { WizardController } from "./engine/controller";
import type { ProjectFiles } from "./engine/load";
import { Preferences } from "./engine/preferences";
import { rel } from "./engine/project";
import { resolveAgent } from "./engine/research/agent-spec";
import { completionMessage, type LoadedProject, withContext } from "./engine/run";
import { sanitizeForTerminal } from "./engine/sanitize";
import type { SessionStore } from "./engine/session";
import { presetsFromFlags } from "./headless";
import type { LoadedWizard } from "./ui/App";
import type { WizardActions } from "./ui/actions";
import { screens } from "./ui/screens";

export interface StartedWizard {
	project: LoadedProject;
	controller: WizardController;
	/** What App needs to run every screen. */
	ui: LoadedWizard;
}

/** Builds the controller for the project (flags and agents checked: a bad value throws a usage error). */
export function startWizard(
	opts: CliOptions,
	files: ProjectFiles,
	store: SessionStore,
	quit: (code: number) => void,
): StartedWizard {
	const project = withContext(files);
	const prefs = new Preferences();
	const controller = new WizardController(project, {
		preset: presetsFromFlags(opts, project),
		generatedAt: nowIso(),
		store,
		agents: agentsFromOptions(opts, prefs),
		agentTimeoutMs: agentTimeoutMs(opts),
	});
	const actions = createActions(controller, quit, prefs);
	return {
		project,
		controller,
		ui: { subscribe: controller.subscribe, getSnapshot: controller.getSnapshot, actions, screens },
	};
}

/** The completion message and the files written, for normal stdout after Ink has exited. */
export function resultText(wizard: StartedWizard): string {
	const { controller, project } = wizard;
	const composed = controller.compose();
	const lines = [completionMessage(composed.model), ""];
	for (const f of controller.state.written?.files ?? []) lines.push(`Wrote ${rel(project.paths, f)}`);
	for (const b of controller.state.written?.backups ?? [])
		lines.push(`Previous version kept as ${rel(project.paths, b)}`);
	return `${sanitizeForTerminal(lines.join("\n"))}\n`;
}

/** The screens' actions, bound to a controller; a successful write ends the app with 0. */
export function createActions(
	controller: WizardController,
	quit: (code: number) => void,
	prefs?: Preferences,
): WizardActions {
	return {
		dispatch: controller.dispatch,
		continueFromPreflight: () => controller.continueFromPreflight(),
		finishResearch: () => controller.finishResearch(),
		retry: (t) => controller.retry(t),
		cancel: (t) => controller.cancel(t),
		fallback: (t) => controller.fallback(t),
		setAgent: (t, value) => {
			const spec = resolveAgent(value);
			controller.setAgent(t, spec);
			void prefs?.setAgent(t, value);
		},
		promptFor: (t) => controller.promptFor(t),
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
