// Runs the engine to the review step without a UI, for tests of decisions, the section and the handoff.

import path from "node:path";
import type { DecisionId } from "../../src/engine/decisions/spec";
import { builtinRunner, composeOutputs, loadProject } from "../../src/engine/output/compose";
import { TASK_IDS } from "../../src/engine/research/types";
import { initialState, type Override, reduce, type WizardState } from "../../src/engine/wizard/state";

export function researched(
	dir: string,
	preset: Partial<Record<DecisionId, Override>> = {},
	strict = false,
): { state: WizardState; project: ReturnType<typeof loadProject> } {
	const project = loadProject(dir);
	let state = reduce(initialState(project.report, project.context, preset, {}, strict), { type: "CONTINUE" });
	for (const task of TASK_IDS) {
		state = reduce(state, { type: "TASK_STARTED", task, backend: "builtin", at: 0 });
		for (const e of builtinRunner(task, state.context, new AbortController().signal) as Iterable<
			import("../../src/engine/research/types").ResearchEvent
		>) {
			if (e.type === "done") state = reduce(state, { type: "TASK_DONE", task, findings: e.findings, at: 1 });
		}
	}
	return { state: reduce(state, { type: "RESEARCH_COMPLETE" }), project };
}

/** Accepts every recommendation and skips every question. */
export function toReview(state: WizardState): WizardState {
	let s = state;
	while (s.step === "decisions") {
		const ids = (Object.keys(s.recommendations!) as DecisionId[]).filter((id) => s.preset[id] === undefined);
		const id = ids[s.decisionIndex]!;
		s = reduce(s, { type: "DECIDE", id, value: s.recommendations![id].value, provenance: "recommended" });
	}
	while (s.step === "questions") s = reduce(s, { type: "SKIP", id: s.questions[s.questionIndex]!.id });
	return s;
}

export function compose(dir: string, preset: Partial<Record<DecisionId, Override>> = {}) {
	const { state, project } = researched(dir, preset);
	const review = toReview(state);
	return {
		...composeOutputs(review, project.paths, "2026-01-01T00:00:00Z"),
		state: review,
		root: path.resolve(dir),
	};
}
