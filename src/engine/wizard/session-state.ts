// Between the wizard's state and a saved session: what is saved (what the user did, not what can be recomputed) and
// how a fresh state takes the saved progress back.

import { recommendAll } from "../decisions/recommend";
import { DECISIONS, type DecisionId, validateDecision } from "../decisions/spec";
import { sanitizeInline } from "../io/sanitize";
import { builtinFindings } from "../research/builtin";
import { checkAgentFindings } from "../research/findings";
import { TASK_IDS, TASKS, type TaskId } from "../research/types";
import { inputHashes, type SavedSession, SESSION_VERSION } from "../session/store";
import { askedDecisions, cleanAnswer, type WizardState } from "./state";

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

export type Vetted = { ok: true; session: SavedSession } | { ok: false; reason: string };

/** A name as a fresh run would make it: printable, one line, short. */
function plainName(value: string, max = 80): boolean {
	return value.length > 0 && sanitizeInline(value, max) === value && !/[<>`[\]]/.test(value);
}

const PROVENANCE = /^(recommended|flag|answers|user)$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** Saved findings, checked as fresh ones are: the built-in engine's are computed again, an agent's pass its caps. */
function vetFindings(
	task: TaskId,
	f: NonNullable<SavedSession["research"][TaskId]["findings"]>,
	fresh: WizardState,
) {
	if (f.task !== task) return `the ${TASKS[task].title} findings are filed under another task`;
	if (f.backend === "builtin") return builtinFindings(task, fresh.context);
	if (!plainName(f.backend)) return `the ${TASKS[task].title} backend name is not plain text`;
	const asAgent = {
		recommendation: f.recommendation,
		alternatives: f.alternatives,
		facts: f.facts.map((x) => ({
			text: x.text,
			sources: x.urls.map((url) => (x.checked?.[url] ? { url, checked: x.checked[url] } : url)),
		})),
	};
	const checked = checkAgentFindings(task, f.backend, asAgent);
	if (!checked.ok) return `the ${TASKS[task].title} findings fail the agents' checks (${checked.reason})`;
	return checked.findings;
}

/**
 * A saved session is untrusted input: every value is checked the way fresh input is (decisions against the
 * registry's validators and this project, answers and findings sanitised and capped, names printable). Values that
 * fresh input could never hold fail it, with a reason to show; the caller moves the file aside.
 */
export function vetSavedSession(saved: SavedSession, fresh: WizardState): Vetted {
	const fail = (reason: string): Vetted => ({ ok: false, reason });
	if (!ISO_TIME.test(saved.savedAt) || Number.isNaN(Date.parse(saved.savedAt)))
		return fail("its time stamp is not a time");
	const overrides: SavedSession["overrides"] = {};
	for (const [id, o] of Object.entries(saved.overrides) as [
		DecisionId,
		{ value: string; provenance: string },
	][]) {
		const label = DECISIONS[id].label;
		const provenanceOk =
			PROVENANCE.test(o.provenance) ||
			(o.provenance.startsWith("agent:") && plainName(o.provenance.slice(6)));
		if (!provenanceOk) return fail(`the origin saved for ${label} is not one the wizard records`);
		const check = validateDecision(id, o.value, fresh.context);
		if (!check.ok)
			return fail(`the saved ${label} "${sanitizeInline(o.value, 40)}" is not valid: ${check.error}`);
		overrides[id] = { value: check.value, provenance: o.provenance };
	}
	const answers: SavedSession["answers"] = {};
	for (const [id, a] of Object.entries(saved.answers)) {
		const text = cleanAnswer(a.text);
		if (text !== a.text || !text)
			return fail(
				"a saved answer holds text no typed answer can (control characters, line breaks or over the length cap)",
			);
		answers[id] = { text, provenance: a.provenance };
	}
	const research = { ...saved.research };
	for (const t of TASK_IDS) {
		const r = saved.research[t];
		if (!plainName(r.backend)) return fail(`the ${TASKS[t].title} backend name is not plain text`);
		if (
			r.notesFile !== undefined &&
			(!plainName(r.notesFile, 300) || !r.notesFile.endsWith(TASKS[t].notesFile))
		)
			return fail(`the ${TASKS[t].title} notes file is not one the wizard writes`);
		let findings = r.findings;
		if (findings) {
			const vetted = vetFindings(t, findings, fresh);
			if (typeof vetted === "string") return fail(vetted);
			findings = vetted;
		}
		research[t] = {
			...r,
			findings,
			error: r.error === undefined ? undefined : sanitizeInline(r.error, 300),
		};
	}
	const asked = askedDecisions(fresh).length;
	return {
		ok: true,
		session: {
			...saved,
			overrides,
			answers,
			research,
			decisionIndex: Math.min(saved.decisionIndex, Math.max(0, asked - 1)),
			questionIndex: Math.min(saved.questionIndex, Math.max(0, fresh.questions.length - 1)),
		},
	};
}
