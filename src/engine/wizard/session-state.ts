// Between the wizard's state and a saved session: what is saved (what the user did, not what can be recomputed) and
// how a fresh state takes the saved progress back.

import { recommendAll } from "../decisions/recommend";
import { TASK_IDS, type TaskId } from "../research/types";
import { inputHashes, type SavedSession, SESSION_VERSION } from "../session/store";
import type { WizardState } from "./state";

/** The state to save: what the user did, not what can be recomputed from the project files. */
export function toSession(
	state: WizardState,
	transcripts: Record<TaskId, string[]>,
	savedAt: string,
): SavedSession {
	const research = {} as SavedSession["research"];
	for (const t of TASK_IDS) {
		const r = state.research[t];
		research[t] = {
			status: r.status,
			backend: r.backend,
			lines: r.lines,
			findings: r.findings,
			notesFile: r.notesFile,
			error: r.error,
			transcript: r.status === "done" ? transcripts[t].slice(-400) : [],
		};
	}
	return {
		version: SESSION_VERSION,
		projectRoot: state.preflight.root,
		savedAt,
		step: state.step,
		inputs: inputHashes(state.preflight),
		research,
		decisionIndex: state.decisionIndex,
		overrides: state.overrides,
		questionIndex: state.questionIndex,
		answers: state.answers,
	};
}

/**
 * A fresh state (from the project files as they are now) with the saved progress on top.
 * Finished research is kept unless `rerunResearch`; unfinished research starts again.
 */
export function restoreState(fresh: WizardState, saved: SavedSession, rerunResearch: boolean): WizardState {
	const research = { ...fresh.research };
	for (const t of TASK_IDS) {
		const s = saved.research[t];
		if (!rerunResearch && s.status === "done" && s.findings) {
			research[t] = {
				status: "done",
				backend: s.backend,
				lines: s.lines,
				findings: s.findings as WizardState["research"][TaskId]["findings"],
				notesFile: s.notesFile,
			};
		}
	}
	const allDone = TASK_IDS.every((t) => research[t].status === "done");
	const findings = Object.fromEntries(
		TASK_IDS.filter((t) => research[t].findings).map((t) => [t, research[t].findings]),
	);
	let step = saved.step;
	if (step === "writing" || step === "done") step = "review";
	if (!allDone && step !== "preflight") step = "research";
	const questions = fresh.questions;
	const answers = Object.fromEntries(
		Object.entries(saved.answers).filter(([id]) => questions.some((q) => q.id === id)),
	);
	return {
		...fresh,
		step,
		research,
		recommendations: allDone ? recommendAll(fresh.context, findings) : undefined,
		decisionIndex: step === "decisions" ? saved.decisionIndex : 0,
		overrides: saved.overrides as WizardState["overrides"],
		questionIndex: Math.min(saved.questionIndex, Math.max(0, questions.length - 1)),
		answers,
	};
}
