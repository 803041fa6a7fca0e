// The wizard as one state machine (state + event → state); the Ink UI and the --yes runner both drive it.

import {
	type ConsistencyWarning,
	checkConsistency,
	findingsForValue,
	refusedUnderStrict,
	ruleKind,
} from "../decisions/consistency";
import { recommendAll } from "../decisions/recommend";
import {
	buildDecisions,
	DECISION_IDS,
	DECISIONS,
	type DecisionId,
	type Provenance,
	type Recommendation,
	validateDecision,
} from "../decisions/spec";
import type { ProjectContext } from "../inputs/context";
import type { PreflightReport } from "../inputs/preflight";
import { type Answer, applyAnswersToContext, gatherQuestions, type OpenQuestion } from "../inputs/questions";
import { sanitizeOneLine } from "../io/sanitize";
import { TASK_IDS, type TaskFindings, type TaskId } from "../research/types";
import type { Step } from "../vocabulary";

export { STEPS, type Step } from "../vocabulary";

export type TaskStatus = "pending" | "running" | "done" | "failed" | "timed-out" | "cancelled";

export interface TaskState {
	status: TaskStatus;
	backend: string;
	lines: number;
	startedAt?: number;
	endedAt?: number;
	findings?: TaskFindings;
	error?: string;
	/** Research notes file, relative to the project root. */
	notesFile?: string;
}

export interface Override {
	value: string;
	provenance: Provenance;
}

export interface WizardState {
	step: Step;
	preflight: PreflightReport;
	context: ProjectContext;
	research: Record<TaskId, TaskState>;
	recommendations?: Record<DecisionId, Recommendation>;
	decisionIndex: number;
	overrides: Partial<Record<DecisionId, Override>>;
	/** Values fixed before the wizard started (flags): they are not asked. */
	preset: Partial<Record<DecisionId, Override>>;
	questions: OpenQuestion[];
	questionIndex: number;
	answers: Record<string, Answer>;
	written?: { files: string[]; backups: string[] };
	error?: string;
	/** Editing one item from the review: its answer (or Esc) returns to the review. */
	editingFromReview?: boolean;
	/** --strict on a screen: a value that breaks a rule or sets an infeasible target is not accepted (the reason is
	 * the error), a flag that does is asked again, and the outputs are not written while such a finding stands.
	 * The --yes driver refuses at the end instead, with an exit code. */
	strict?: boolean;
}

/** One item to change from the review: a decision or an open question. */
export type EditTarget = { kind: "decision"; id: DecisionId } | { kind: "question"; id: string };

export type WizardEvent =
	| { type: "CONTINUE" }
	| { type: "TASK_STARTED"; task: TaskId; backend: string; at: number }
	| { type: "TASK_LINES"; task: TaskId; count: number }
	/** The task's backend was switched: it waits to run again on the new one. */
	| { type: "AGENT_CHANGED"; task: TaskId; backend: string }
	| { type: "TASK_DONE"; task: TaskId; findings: TaskFindings; at: number; notesFile?: string }
	| {
			type: "TASK_FAILED";
			task: TaskId;
			status: "failed" | "timed-out" | "cancelled";
			reason: string;
			at: number;
	  }
	| { type: "RESEARCH_COMPLETE" }
	| { type: "DECIDE"; id: DecisionId; value: string; provenance: Provenance }
	| { type: "BACK" }
	| { type: "ANSWER"; id: string; text: string; provenance: Answer["provenance"] }
	| { type: "SKIP"; id: string }
	| { type: "EDIT"; target?: EditTarget }
	| { type: "WRITE_STARTED" }
	| { type: "WRITTEN"; files: string[]; backups: string[] }
	| { type: "WRITE_FAILED"; error: string };

export function initialState(
	preflight: PreflightReport,
	context: ProjectContext,
	preset: Partial<Record<DecisionId, Override>> = {},
	backends: Partial<Record<TaskId, string>> = {},
	strict = false,
): WizardState {
	const research = {} as Record<TaskId, TaskState>;
	for (const t of TASK_IDS) research[t] = { status: "pending", backend: backends[t] ?? "builtin", lines: 0 };
	return {
		step: "preflight",
		preflight,
		context,
		research,
		decisionIndex: 0,
		overrides: {},
		preset,
		questions: gatherQuestions(context),
		questionIndex: 0,
		answers: {},
		...(strict ? { strict } : {}),
	};
}

/** The decisions the wizard asks, in order: those not fixed by a flag. */
/** Longest answer kept; a longer one is cut with an ellipsis (listed in the README's limits). */
export const MAX_ANSWER_CHARS = 2000;

/** Every answer, typed, read from a file or restored from a session, goes through this one cleaning. */
export function cleanAnswer(text: string): string {
	return sanitizeOneLine(text, MAX_ANSWER_CHARS);
}

export function askedDecisions(state: WizardState): DecisionId[] {
	return DECISION_IDS.filter((id) => state.preset[id] === undefined);
}

export function researchFinished(state: WizardState): boolean {
	return TASK_IDS.every((t) => state.research[t].status === "done");
}

export function findingsOf(state: WizardState): Partial<Record<TaskId, TaskFindings>> {
	const out: Partial<Record<TaskId, TaskFindings>> = {};
	for (const t of TASK_IDS) {
		const f = state.research[t].findings;
		if (f) out[t] = f;
	}
	return out;
}

/** The effective value of a decision now: the user's, a preset, or the recommendation. */
export function currentValue(state: WizardState, id: DecisionId): string | undefined {
	return state.overrides[id]?.value ?? state.preset[id]?.value ?? state.recommendations?.[id].value;
}

export function contextWithAnswers(state: WizardState): ProjectContext {
	return applyAnswersToContext(state.context, state.answers);
}

function nextAfterDecisions(state: WizardState): WizardState {
	return state.questions.length
		? { ...state, step: "questions", questionIndex: 0 }
		: { ...state, step: "review" };
}

export function reduce(state: WizardState, event: WizardEvent): WizardState {
	switch (event.type) {
		case "CONTINUE":
			return state.step === "preflight" ? { ...state, step: "research" } : state;
		case "TASK_STARTED":
			return {
				...state,
				research: {
					...state.research,
					[event.task]: { status: "running", backend: event.backend, lines: 0, startedAt: event.at },
				},
			};
		case "AGENT_CHANGED": {
			const t = state.research[event.task];
			return {
				...state,
				research: {
					...state.research,
					[event.task]: {
						...t,
						status: "pending",
						backend: event.backend,
						findings: undefined,
						error: undefined,
					},
				},
			};
		}
		case "TASK_LINES": {
			const t = state.research[event.task];
			return {
				...state,
				research: { ...state.research, [event.task]: { ...t, lines: t.lines + event.count } },
			};
		}
		case "TASK_DONE": {
			const t = state.research[event.task];
			return {
				...state,
				research: {
					...state.research,
					[event.task]: {
						...t,
						status: "done",
						findings: event.findings,
						endedAt: event.at,
						notesFile: event.notesFile,
						error: undefined,
					},
				},
			};
		}
		case "TASK_FAILED": {
			const t = state.research[event.task];
			return {
				...state,
				research: {
					...state.research,
					[event.task]: { ...t, status: event.status, error: event.reason, endedAt: event.at },
				},
			};
		}
		case "RESEARCH_COMPLETE": {
			if (state.step !== "research" || !researchFinished(state)) return state;
			const recommendations = recommendAll(state.context, findingsOf(state));
			const next = strictPresets({ ...state, recommendations, decisionIndex: 0 });
			return askedDecisions(next).length ? { ...next, step: "decisions" } : nextAfterDecisions(next);
		}
		case "DECIDE": {
			if (state.step !== "decisions" && state.step !== "review") return state;
			const check = validateDecision(event.id, event.value, state.context);
			if (!check.ok) return { ...state, error: check.error };
			const refusal = strictRefusal(state, event.id, check.value);
			if (refusal) return { ...state, error: refusal };
			const overrides = {
				...state.overrides,
				[event.id]: { value: check.value, provenance: event.provenance },
			};
			const asked = askedDecisions(state);
			const index = asked.indexOf(event.id);
			const next = { ...state, overrides, error: undefined };
			if (state.step === "decisions" && state.editingFromReview)
				return { ...next, step: "review", editingFromReview: undefined };
			if (state.step === "decisions" && index === state.decisionIndex) {
				return index + 1 < asked.length ? { ...next, decisionIndex: index + 1 } : nextAfterDecisions(next);
			}
			return next;
		}
		case "BACK": {
			if (state.editingFromReview && (state.step === "decisions" || state.step === "questions"))
				return { ...state, step: "review", editingFromReview: undefined, error: undefined };
			if (state.step === "decisions")
				return state.decisionIndex > 0
					? { ...state, decisionIndex: state.decisionIndex - 1, error: undefined }
					: state;
			if (state.step === "questions") {
				if (state.questionIndex > 0) return { ...state, questionIndex: state.questionIndex - 1 };
				return askedDecisions(state).length
					? { ...state, step: "decisions", decisionIndex: askedDecisions(state).length - 1 }
					: state;
			}
			if (state.step === "review") {
				if (state.questions.length)
					return { ...state, step: "questions", questionIndex: state.questions.length - 1 };
				return askedDecisions(state).length
					? { ...state, step: "decisions", decisionIndex: askedDecisions(state).length - 1 }
					: state;
			}
			return state;
		}
		case "ANSWER":
		case "SKIP": {
			if (state.step !== "questions") return state;
			const answers = { ...state.answers };
			const text = event.type === "ANSWER" ? cleanAnswer(event.text) : "";
			if (event.type === "ANSWER" && text) answers[event.id] = { text, provenance: event.provenance };
			else delete answers[event.id];
			const index = state.questions.findIndex((q) => q.id === event.id);
			const next = { ...state, answers };
			if (state.editingFromReview) return { ...next, step: "review", editingFromReview: undefined };
			if (index === state.questionIndex) {
				return index + 1 < state.questions.length
					? { ...next, questionIndex: index + 1 }
					: { ...next, step: "review" };
			}
			return next;
		}
		case "EDIT": {
			if (state.step !== "review") return state;
			const target = event.target;
			if (!target)
				return askedDecisions(state).length ? { ...state, step: "decisions", decisionIndex: 0 } : state;
			if (target.kind === "decision") {
				const index = askedDecisions(state).indexOf(target.id);
				return index === -1
					? state
					: { ...state, step: "decisions", decisionIndex: index, editingFromReview: true, error: undefined };
			}
			const index = state.questions.findIndex((q) => q.id === target.id);
			return index === -1
				? state
				: { ...state, step: "questions", questionIndex: index, editingFromReview: true, error: undefined };
		}
		case "WRITE_STARTED": {
			if (state.step !== "review") return state;
			const standing = strictStanding(state);
			if (standing) return { ...state, error: standing };
			return { ...state, step: "writing", error: undefined };
		}
		case "WRITTEN":
			return { ...state, step: "done", written: { files: event.files, backups: event.backups } };
		case "WRITE_FAILED":
			return { ...state, step: "review", error: event.error };
	}
}

function refusalText(refused: ConsistencyWarning[]): string {
	return refused.map((w) => `${ruleKind(w)}: ${w.message}`).join(" ");
}

/** What the screens show for one value of one decision before it is confirmed (see findingsForValue). */
export function decisionFindings(
	state: WizardState,
	id: DecisionId,
	value: string,
): { findings: ConsistencyWarning[]; refused: ConsistencyWarning[] } {
	if (!state.recommendations) return { findings: [], refused: [] };
	return findingsForValue(
		state.recommendations,
		{ ...state.preset, ...state.overrides },
		contextWithAnswers(state),
		id,
		value,
	);
}

/** Under --strict on a screen, why this value of this decision is not accepted (undefined: it is). */
export function strictRefusal(state: WizardState, id: DecisionId, value: string): string | undefined {
	if (!state.strict || !state.recommendations) return undefined;
	const { refused } = decisionFindings(state, id, value);
	return refused.length ? `${refusalText(refused)} (--strict: choose another value.)` : undefined;
}

/** Under --strict, a flag whose value breaks a rule is not taken: its decision is asked, with the reason shown. */
function strictPresets(state: WizardState): WizardState {
	if (!state.strict) return state;
	const preset = { ...state.preset };
	const reasons: string[] = [];
	for (const id of DECISION_IDS) {
		const p = preset[id];
		if (!p) continue;
		const refusal = strictRefusal({ ...state, preset }, id, p.value);
		if (!refusal) continue;
		delete preset[id];
		reasons.push(`${DECISIONS[id].flag} ${p.value} is not accepted. ${refusal}`);
	}
	return reasons.length ? { ...state, preset, error: reasons.join(" ") } : state;
}

/** Under --strict, what still stands against writing: findings no decision on the screens removed (inputs, a restored session). */
export function strictStanding(state: WizardState): string | undefined {
	if (!state.strict || !state.recommendations) return undefined;
	const d = buildDecisions(state.recommendations, { ...state.preset, ...state.overrides });
	const refused = checkConsistency(d, contextWithAnswers(state)).filter(refusedUnderStrict);
	return refused.length
		? `Not written (--strict): ${refusalText(refused)} Change the decision named, or fix the inputs.`
		: undefined;
}
