// The part of the interactive driver that loads after the first frame: the session store and what to do with a saved
// session, the controller with its presets, agents and preferences, the screens' actions, and the lines printed once
// Ink is gone. No Ink here (the screens load beside it), so the --plain driver can use it too.

import type { ProjectFiles } from "../../engine/inputs/load";
import { nowIso } from "../../engine/io/clock";
import { rel } from "../../engine/io/project";
import { sanitizeForTerminal, sanitizeInline } from "../../engine/io/sanitize";
import { completionMessage, type LoadedProject, withContext } from "../../engine/output/compose";
import type { ProjectLock } from "../../engine/session/lock";
import { Preferences } from "../../engine/session/preferences";
import { changedInputs, type SavedSession, SessionStore } from "../../engine/session/store";
import type { WizardActions } from "../../engine/wizard/actions";
import { WizardController } from "../../engine/wizard/controller";
import type { ResumeOffer } from "../../ui/steps/Resume";
import type { CliOptions } from "../args";
import { presetsFromFlags } from "../drivers/headless";
import { agentsFromOptions, agentTimeoutMs } from "./agents";
import { describeWhen, STEP_NAMES } from "./session-prompts";

export interface StartedWizard {
	project: LoadedProject;
	store: SessionStore;
	controller: WizardController;
	actions: WizardActions;
}

/** Builds the controller for the project (flags and agents checked: a bad value throws a usage error). */
export function startWizard(
	opts: CliOptions,
	files: ProjectFiles,
	lock: ProjectLock,
	quit: (code: number) => void,
): StartedWizard {
	const project = withContext(files);
	const store = new SessionStore(files.paths.root, process.env, lock);
	const prefs = new Preferences();
	const controller = new WizardController(project, {
		preset: presetsFromFlags(opts, project),
		strict: opts.strict,
		generatedAt: nowIso(),
		store,
		agents: agentsFromOptions(opts, prefs),
		agentTimeoutMs: agentTimeoutMs(opts),
		quit,
		rememberAgent: (task, value) => void prefs.setAgent(task, value),
	});
	return { project, store, controller, actions: controller };
}

export interface SessionPlan {
	saved?: SavedSession;
	offer?: ResumeOffer;
	autoResume: boolean;
}

/** What to do with a saved session: the flags decide, or the user is asked (the offer). */
export function sessionPlan(
	store: SessionStore,
	opts: Pick<CliOptions, "resume" | "fresh">,
	report: Parameters<typeof changedInputs>[1],
	notices: string[],
): SessionPlan {
	const loaded = store.load();
	if (loaded.kind === "set-aside") {
		notices.push(
			`⚠ The saved session could not be read (${loaded.reason}); it was moved to ${sanitizeInline(loaded.movedTo)}. Starting fresh.`,
		);
		return { autoResume: false };
	}
	if (loaded.kind !== "found") return { autoResume: false };
	if (opts.fresh) {
		store.clear();
		return { autoResume: false };
	}
	const saved = loaded.session;
	const offer: ResumeOffer = {
		when: describeWhen(saved.savedAt),
		step: STEP_NAMES[saved.step] ?? saved.step,
		changed: changedInputs(saved, report),
	};
	return { saved, offer, autoResume: opts.resume };
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
