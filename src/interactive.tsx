// The interactive driver: loads the project and its saved session, renders the Ink app, saves and restores the
// terminal on every exit path (keys, SIGINT, SIGTERM, SIGHUP), prints the result after Ink is gone.

import path from "node:path";
import { agentsFromOptions, agentTimeoutMs } from "./agents-cli";
import type { CliOptions } from "./args";
import { nowIso } from "./engine/clock";
import { WizardController } from "./engine/controller";
import { Preferences } from "./engine/preferences";
import { rel } from "./engine/project";
import { resolveAgent } from "./engine/research/agent-spec";
import { completionMessage, loadProject } from "./engine/run";
import { sanitizeForTerminal, sanitizeInline } from "./engine/sanitize";
import { changedInputs, type SavedSession, type SessionStore } from "./engine/session";
import { presetsFromFlags } from "./headless";
import { describeWhen, openSession, STEP_NAMES } from "./session-cli";
import type { WizardActions } from "./ui/actions";
import type { ResumeChoice, ResumeOffer } from "./ui/steps/Resume";

let uiModules: Promise<[typeof import("ink"), typeof import("./ui/App")]> | undefined;

const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

export async function runInteractive(opts: CliOptions): Promise<number> {
	// Start loading the UI while the project files are read.
	uiModules ??= Promise.all([import("ink"), import("./ui/App")]);
	const project = loadProject(path.resolve(opts.cwd));
	const notices: string[] = [];
	const store = openSession(project.paths.root, (t) => notices.push(t));
	try {
		if (opts.plain || /^(1|true)$/i.test(process.env.INK_SCREEN_READER ?? "")) {
			const { runPlain } = await import("./plain");
			return await runPlain(opts, project, store, notices);
		}
		return await runInk(opts, project, store, notices);
	} finally {
		store.unlock();
	}
}

/** What to do with a saved session: the flags decide, or the user is asked (the offer). */
export function sessionPlan(
	store: SessionStore,
	opts: Pick<CliOptions, "resume" | "fresh">,
	report: Parameters<typeof changedInputs>[1],
	notices: string[],
): { saved?: SavedSession; offer?: ResumeOffer; autoResume: boolean } {
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

async function runInk(
	opts: CliOptions,
	project: ReturnType<typeof loadProject>,
	store: SessionStore,
	notices: string[],
): Promise<number> {
	const prefs = new Preferences();
	const controller = new WizardController(project, {
		preset: presetsFromFlags(opts, project),
		generatedAt: nowIso(),
		store,
		agents: agentsFromOptions(opts, prefs),
		agentTimeoutMs: agentTimeoutMs(opts),
	});
	const plan = sessionPlan(store, opts, project.report, notices);
	if (plan.saved && plan.autoResume) controller.restore(plan.saved, plan.offer!.changed.length > 0);
	uiModules ??= Promise.all([import("ink"), import("./ui/App")]);
	const [{ render }, { App }] = await uiModules;
	let exitCode = 130;
	let finished = false;
	const instance = render(<Placeholder />, { exitOnCtrlC: false, patchConsole: false });
	const quit = (code: number) => {
		if (finished) return;
		finished = true;
		exitCode = code;
		if (code !== 0) controller.saveNow();
		// Let React commit the last state before unmounting.
		setTimeout(() => instance.unmount(), 0);
	};
	// Signals: save synchronously, stop research, restore the terminal, exit with 128 + signal number.
	// (Ink re-raises these itself and code after waitUntilExit would never run.)
	const onSignal = (signal: keyof typeof SIGNAL_CODES) => {
		if (finished) process.exit(SIGNAL_CODES[signal]);
		finished = true;
		controller.saveNow();
		controller.dispose();
		try {
			instance.unmount();
		} catch {
			// the terminal may be gone
		}
		try {
			process.stdout.write("\u001b[?25h");
			if (store.saveError === undefined)
				process.stdout.write("\nProgress saved; run genesis-tui again to resume.\n");
		} catch {
			// EIO/EPIPE after a hang-up
		}
		store.unlock();
		process.exit(SIGNAL_CODES[signal]);
	};
	const handlers = (Object.keys(SIGNAL_CODES) as (keyof typeof SIGNAL_CODES)[]).map((s) => {
		const h = () => onSignal(s);
		process.on(s, h);
		return [s, h] as const;
	});
	const onStdoutError = () => onSignal("SIGHUP");
	process.stdout.on("error", onStdoutError);
	const actions = createActions(controller, quit, prefs);
	const onResume = (choice: ResumeChoice) => {
		if (choice === "fresh") store.clear();
		else if (plan.saved) controller.restore(plan.saved, choice === "rerun");
	};
	instance.rerender(
		<App
			subscribe={controller.subscribe}
			getSnapshot={controller.getSnapshot}
			actions={actions}
			projectName={project.context.projectName}
			notGenesis={!project.paths.isGenesisProject}
			resumeOffer={plan.saved && !plan.autoResume ? plan.offer : undefined}
			onResume={onResume}
			notice={
				notices.join(" ") ||
				(store.saveError ? `⚠ Progress cannot be saved (${store.saveError}).` : undefined)
			}
		/>,
	);
	await instance.waitUntilExit();
	for (const [s, h] of handlers) process.off(s, h);
	process.stdout.off("error", onStdoutError);
	controller.dispose();
	const state = controller.state;
	if (exitCode === 0 && state.step === "done") {
		const composed = controller.compose();
		const lines = [completionMessage(composed.model), ""];
		for (const f of state.written?.files ?? []) lines.push(`Wrote ${rel(project.paths, f)}`);
		for (const b of state.written?.backups ?? [])
			lines.push(`Previous version kept as ${rel(project.paths, b)}`);
		process.stdout.write(`${sanitizeForTerminal(lines.join("\n"))}\n`);
	} else if (store.saveError === undefined && state.step !== "preflight") {
		process.stdout.write("Stopped before writing. Progress saved; run genesis-tui again to resume.\n");
	} else {
		process.stdout.write("Cancelled before writing; nothing was written.\n");
	}
	return exitCode;
}

function Placeholder() {
	return null;
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
