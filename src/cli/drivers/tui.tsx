// The interactive driver: draws the first screen (pre-flight) as soon as Ink and the project's files are read, loads
// the rest of the wizard behind it, saves and restores the terminal on every exit path (keys, SIGINT, SIGTERM, SIGHUP),
// and prints the result after Ink is gone.

import path from "node:path";
import { type ProjectFiles, readProject } from "../../engine/inputs/load";
import type { ProjectLock } from "../../engine/session/lock";
import { DECISION_IDS } from "../../engine/vocabulary";
import type { LoadedWizard } from "../../ui/App";
import type { EarlyActions } from "../../ui/actions";
import type { ResumeChoice } from "../../ui/steps/Resume";
import { type CliOptions, wantsPlain } from "../args";
import { openLock } from "../shared/session-prompts";
import { onStopSignals } from "../shared/signals";
import type { SessionPlan, StartedWizard } from "../shared/wizard-setup";

type UiModules = Promise<[typeof import("ink"), typeof import("../../ui/App")]>;

const PASTE_ON = "\u001b[?2004h";
const PASTE_OFF = "\u001b[?2004l";

/** Flags whose values are checked when the wizard loads (each decision's flag is named after it, plus the agents'). */
const CHECKED_FLAGS: readonly (keyof CliOptions)[] = [
	...DECISION_IDS,
	"agent",
	"agentDeploy",
	"agentIac",
	"agentCicd",
	"agentTimeout",
];

/** A terminal that cannot move its cursor (TERM=dumb, or none named) gets the linear driver: Ink needs cursor moves. */
export function cannotMoveCursor(env: NodeJS.ProcessEnv = process.env): boolean {
	return env.TERM === "dumb" || env.TERM === "";
}

export async function runInteractive(opts: CliOptions): Promise<number> {
	// Start loading Ink and the first screen while the project files are read (the plain driver uses neither).
	const ui: UiModules | undefined =
		wantsPlain(opts) || cannotMoveCursor() ? undefined : Promise.all([import("ink"), import("../../ui/App")]);
	const files = readProject(path.resolve(opts.cwd));
	const notices: string[] = [];
	const lock = openLock(files.paths.root, (t) => notices.push(t));
	try {
		if (!ui) {
			const [{ runPlain }, { withContext }, { SessionStore }] = await Promise.all([
				import("./plain"),
				import("../../engine/output/compose"),
				import("../../engine/session/store"),
			]);
			const store = new SessionStore(files.paths.root, process.env, lock);
			return await runPlain(opts, withContext(files), store, notices);
		}
		return await runInk(opts, files, lock, notices, ui);
	} finally {
		lock.unlock();
	}
}

async function runInk(
	opts: CliOptions,
	files: ProjectFiles,
	lock: ProjectLock,
	notices: string[],
	ui: UiModules,
): Promise<number> {
	let plan: SessionPlan = { autoResume: false };
	let exitCode = 130;
	let finished = false;
	// Assigned by the one render below (a first empty render would take Ink's leading frame and hold the real first
	// frame back by a whole throttle interval, about 33 ms).
	let instance: import("ink").Instance | undefined;
	let wizard: (StartedWizard & { ui: LoadedWizard }) | undefined;
	const quit = (code: number) => {
		if (finished) return;
		finished = true;
		exitCode = code;
		if (code !== 0) wizard?.controller.saveNow();
		// Let React commit the last state before unmounting.
		setTimeout(() => instance?.unmount(), 0);
	};
	// Imported only once it is needed: loading it alongside Ink would delay the first frame by its own load.
	let wizardModules:
		| Promise<[typeof import("../shared/wizard-setup"), typeof import("../../ui/screens")]>
		| undefined;
	const load = async () => {
		wizardModules ??= Promise.all([import("../shared/wizard-setup"), import("../../ui/screens")]);
		const [{ startWizard }, { screens }] = await wizardModules;
		const started = startWizard(opts, files, lock, quit);
		const { controller, actions } = started;
		return {
			...started,
			ui: { subscribe: controller.subscribe, getSnapshot: controller.getSnapshot, actions, screens },
		};
	};
	// The first frame waits for the rest of the wizard only when it must: a saved session to offer or resume (its screens
	// and restore need the controller) or flags whose values are checked as the controller is built.
	if (lock.hasSavedSession() || CHECKED_FLAGS.some((f) => opts[f] !== undefined)) {
		wizard = await load();
		const [{ sessionPlan }] = await wizardModules!;
		plan = sessionPlan(wizard.store, opts, files.report, notices);
		if (plan.saved && plan.autoResume) wizard.controller.restore(plan.saved, plan.offer!.changed.length > 0);
	}
	const saveError = () => wizard?.store.saveError ?? lock.error;
	const [{ render }, { App }] = await ui;
	// Pre-flight keys pressed before the wizard has loaded.
	let continueWhenLoaded = false;
	const early: EarlyActions = {
		continueFromPreflight: () => {
			if (wizard) wizard.controller.continueFromPreflight();
			else continueWhenLoaded = true;
		},
		quit,
	};
	// Signals: save synchronously, stop research, restore the terminal, exit with 128 + signal number.
	// (Ink re-raises these itself and code after waitUntilExit would never run.)
	const signals = onStopSignals(() => {
		if (finished) return;
		finished = true;
		const saved = wizard?.controller.saveNow() ?? false;
		const atStart = (wizard?.controller.state.step ?? "preflight") === "preflight";
		wizard?.controller.dispose();
		try {
			instance?.unmount();
		} catch {
			// the terminal may be gone
		}
		try {
			process.stdout.write(`\u001b[?25h${PASTE_OFF}`);
			if (saved) process.stdout.write("\nProgress saved; run genesis-tui again to resume.\n");
			else if (atStart) process.stdout.write("\nCancelled before writing; nothing was written.\n");
		} catch {
			// EIO/EPIPE after a hang-up
		}
		lock.unlock();
	});
	const onStdoutError = () => signals.trigger("SIGHUP");
	process.stdout.on("error", onStdoutError);
	// Ctrl+Z (and SIGTSTP from elsewhere): erase the frame, give the terminal back in its normal mode, stop. On SIGCONT
	// take raw mode again and draw the whole frame afresh. Agents run in their own process group and keep running;
	// their output waits in the pipes until the wizard reads again.
	let resumed = 0;
	const stdin = process.stdin;
	const onStop = () => {
		if (finished) return;
		try {
			instance?.clear();
			process.stdout.write(`\u001b[?25h${PASTE_OFF}`);
			if (stdin.isTTY) stdin.setRawMode(false);
		} catch {
			// the terminal may be gone
		}
		// SIGSTOP, not SIGTSTP: a process group without a job-control shell ignores SIGTSTP, and this listener
		// replaced its default action anyway.
		process.kill(process.pid, "SIGSTOP");
	};
	const onContinue = () => {
		if (finished) return;
		try {
			if (stdin.isTTY) stdin.setRawMode(true);
			process.stdout.write(`\u001b[?25l\u001b[2J\u001b[H${PASTE_ON}`);
		} catch {
			// the terminal may be gone
		}
		resumed++;
		instance?.rerender(app());
	};
	process.on("SIGTSTP", onStop);
	process.on("SIGCONT", onContinue);
	const onResume = (choice: ResumeChoice) => {
		if (choice === "fresh") wizard?.store.clear();
		else if (plan.saved) wizard?.controller.restore(plan.saved, choice === "rerun");
	};
	const app = () => (
		<App
			wizard={wizard?.ui}
			preflight={files.report}
			early={early}
			projectName={files.name}
			notGenesis={!files.paths.isGenesisProject}
			resumeOffer={plan.saved && !plan.autoResume ? plan.offer : undefined}
			onResume={onResume}
			notice={notices.join(" ") || (saveError() ? `⚠ Progress cannot be saved (${saveError()}).` : undefined)}
			noColor={process.env.FORCE_COLOR === "0"}
			onSuspend={() => process.kill(process.pid, "SIGTSTP")}
			resumed={resumed}
		/>
	);
	instance = render(app(), { exitOnCtrlC: false, patchConsole: false });
	// Bracketed paste: a pasted line break is text, not Enter (the key dispatcher reads the brackets).
	process.stdout.write(PASTE_ON);
	// Asked for at once: Ink creates this promise on the first call, and one created after an unmount never settles.
	const exited = instance.waitUntilExit();
	let loadError: unknown;
	if (!wizard) {
		try {
			wizard = await load();
			if (!finished) {
				instance.rerender(app());
				if (continueWhenLoaded) wizard.controller.continueFromPreflight();
				else {
					const loaded = wizard;
					setImmediate(() => loaded.controller.prepareAgents());
				}
			}
		} catch (error) {
			// A saved agent preference that no longer resolves, say: leave Ink, then report it as before any screen.
			loadError = error;
			finished = true;
			instance.unmount();
		}
	}
	await exited;
	process.stdout.write(PASTE_OFF);
	signals.remove();
	process.off("SIGTSTP", onStop);
	process.off("SIGCONT", onContinue);
	process.stdout.off("error", onStdoutError);
	if (loadError !== undefined) throw loadError;
	wizard?.controller.dispose();
	const step = wizard?.controller.state.step ?? "preflight";
	if (wizard && exitCode === 0 && step === "done") {
		process.stdout.write((await import("../shared/wizard-setup")).resultText(wizard));
	} else if (saveError() === undefined && step !== "preflight") {
		process.stdout.write("Stopped before writing. Progress saved; run genesis-tui again to resume.\n");
	} else {
		process.stdout.write("Cancelled before writing; nothing was written.\n");
	}
	return exitCode;
}
