// The linear, screen-reader-friendly driver (--plain, INK_SCREEN_READER): the same steps as plain lines and typed answers.

import readline from "node:readline";
import { ruleKind } from "../../engine/decisions/consistency";
import {
	DECISION_IDS,
	DECISION_LABELS,
	DECISIONS,
	type DecisionId,
	decisionValue,
	displayValue,
	ENVIRONMENT_CHOICES,
	validateDecision,
} from "../../engine/decisions/spec";
import { SOURCE_LABELS } from "../../engine/inputs/questions";
import { nowIso } from "../../engine/io/clock";
import { rel } from "../../engine/io/project";
import { sanitizeForTerminal } from "../../engine/io/sanitize";
import { checkInputsOf, checkSection } from "../../engine/output/check";
import { completionMessage, type LoadedProject, outline } from "../../engine/output/compose";
import { TASK_IDS, TASKS } from "../../engine/research/types";
import type { SessionStore } from "../../engine/session/store";
import { WizardController } from "../../engine/wizard/controller";
import { askedDecisions, decisionFindings, type WizardState } from "../../engine/wizard/state";
import type { CliOptions } from "../args";
import { agentsFromOptions, agentTimeoutMs } from "../shared/agents";
import { onStopSignals } from "../shared/signals";
import { sessionPlan } from "../shared/wizard-setup";
import { preflightLines, presetsFromFlags } from "./headless";

class Cancelled extends Error {}

export async function runPlain(
	opts: CliOptions,
	project: LoadedProject,
	store: SessionStore,
	notices: string[],
): Promise<number> {
	const out = (text: string) => process.stdout.write(`${sanitizeForTerminal(text)}\n`);
	const rl = readline.createInterface({
		input: process.stdin,
		output: process.stdout,
		terminal: Boolean(process.stdin.isTTY),
	});
	let cancelled = false;
	const lines: string[] = [];
	const waiters: ((line: string | undefined) => void)[] = [];
	rl.on("line", (line) => {
		const w = waiters.shift();
		if (w) w(line);
		else lines.push(line);
	});
	const finish = () => {
		cancelled = true;
		for (const w of waiters.splice(0)) w(undefined);
	};
	rl.on("SIGINT", finish);
	rl.on("close", finish);
	const ask = async (prompt: string): Promise<string> => {
		process.stdout.write(prompt);
		const line = lines.length ? lines.shift() : await new Promise<string | undefined>((r) => waiters.push(r));
		if (line === undefined || cancelled) throw new Cancelled();
		if (line.trim().toLowerCase() === "q") throw new Cancelled();
		return line.trim();
	};

	const controller = new WizardController(project, {
		preset: presetsFromFlags(opts, project),
		strict: opts.strict,
		generatedAt: nowIso(),
		store,
		agents: agentsFromOptions(opts),
		agentTimeoutMs: agentTimeoutMs(opts),
	});
	const plan = sessionPlan(store, opts, project.report, notices);
	const signals = onStopSignals(() => {
		const saved = controller.saveNow() && !store.saveError;
		controller.dispose();
		rl.close();
		store.unlock();
		out(
			saved
				? "\nStopped. Progress saved; run genesis-tui again to resume."
				: "\nStopped; nothing was written.",
		);
	});
	try {
		out(`Genesis Section 10 — ${project.context.projectName} (plain mode)`);
		for (const n of notices) out(n);
		if (plan.saved && plan.offer) {
			let choice = plan.autoResume ? "r" : "";
			if (!choice) {
				out(`A session of this project was saved ${plan.offer.when}, at ${plan.offer.step}.`);
				for (const f of plan.offer.changed) out(`${f} changed since then; resuming runs the research again.`);
				choice = (await ask("Type r to resume, s to start over: ")).toLowerCase();
			}
			if (choice === "s") store.clear();
			else controller.restore(plan.saved, plan.offer.changed.length > 0);
		}
		if (controller.state.step === "preflight") {
			out("Step 1 of 6: pre-flight.");
			for (const l of preflightLines(project)) out(l);
			await ask("Press Enter to start research, or type q to quit: ");
		}

		out("Step 2 of 6: research. Three tasks run in parallel.");
		const announced = new Set<string>();
		const research = new Promise<void>((resolve) => {
			const check = () => {
				for (const t of TASK_IDS) {
					const s = controller.state.research[t];
					const key = `${t}:${s.status}`;
					if (announced.has(key)) continue;
					announced.add(key);
					if (s.status === "running")
						out(
							`${TASKS[t].title} research started (${TASKS[t].agent}, ${s.backend === "builtin" ? "built-in" : s.backend}).`,
						);
					if (s.status === "done")
						out(
							`${TASKS[t].title} research finished: ${s.findings?.facts.length ?? 0} findings${s.notesFile ? `; notes in ${s.notesFile}` : ""}.`,
						);
					if (["failed", "timed-out", "cancelled"].includes(s.status))
						out(`${TASKS[t].title} research ${s.status}: ${s.error ?? ""}`);
				}
				for (const t of TASK_IDS) {
					const st = controller.state.research[t].status;
					if (st === "failed" || st === "timed-out" || st === "cancelled") {
						out(`Using the built-in research for ${TASKS[t].title} instead.`);
						controller.fallback(t);
					}
				}
				if (TASK_IDS.every((t) => controller.state.research[t].status === "done")) resolve();
			};
			controller.subscribe(check);
			if (controller.state.step === "preflight") controller.continueFromPreflight();
			else controller.startPending();
			check();
		});
		await research;
		out("All research finished.");
		controller.finishResearch();

		let shownError: string | undefined;
		while (controller.state.step !== "done") {
			const state = controller.state;
			if (state.step === "decisions") {
				const asked = askedDecisions(state);
				const id = asked[state.decisionIndex]!;
				const rec = state.recommendations![id];
				out(`Step 3 of 6: decision ${state.decisionIndex + 1} of ${asked.length}: ${DECISION_LABELS[id]}.`);
				out(`Recommended: ${displayValue(id, rec.value)}. ${rec.rationale}`);
				if (state.error && state.error !== shownError) out(`Not accepted: ${state.error}`);
				shownError = state.error;
				const flags = (value: string) => findingLines(state, id, value);
				const answer = await askDecision(id, rec.value, rec.alternatives, ask, out, flags);
				if (answer === "back") controller.dispatch({ type: "BACK" });
				else {
					controller.decide(id, answer);
					// A typed value is flagged once it is known; listed choices were flagged before the prompt.
					if (!controller.state.error && DECISIONS[id].kind !== "choice")
						for (const l of flags(answer)) out(l);
				}
				if (controller.state.error) out(`Not accepted: ${controller.state.error}`);
				shownError = controller.state.error;
			} else if (state.step === "questions") {
				const q = state.questions[state.questionIndex]!;
				out(
					`Step 4 of 6: question ${state.questionIndex + 1} of ${state.questions.length}, ${SOURCE_LABELS[q.source]}.`,
				);
				out(q.text);
				if (q.assumption) out(`If skipped: ${q.assumption}`);
				const a = await ask("Answer (Enter skips, b goes back, q quits): ");
				if (a === "b") controller.dispatch({ type: "BACK" });
				else
					controller.dispatch(
						a ? { type: "ANSWER", id: q.id, text: a, provenance: "user" } : { type: "SKIP", id: q.id },
					);
			} else if (state.step === "review") {
				const composed = controller.compose();
				out("Step 5 of 6: review.");
				for (const id of DECISION_IDS)
					out(
						`${DECISION_LABELS[id]}: ${displayValue(id, decisionValue(composed.decisions, id))} (${composed.decisions.provenance[id]}).`,
					);
				for (const w of composed.model.warnings) out(`${ruleKind(w)}: ${w.message}`);
				out(`Open questions left: ${composed.handoff.open_questions.length}.`);
				const report = checkSection(composed.markdown, checkInputsOf(composed.model.ctx));
				out(
					`Check: rubric ${report.rubricScore} of 22; ${report.ok ? "all required checks pass" : `failing: ${report.requiredFailed.map((r) => `${r.id} ${r.label}`).join("; ")}`}.`,
				);
				const headings = outline(composed.markdown).filter((h) => h.level === 2);
				out(`Section outline: ${headings.map((h) => h.title).join("; ")}.`);
				for (const o of project.report.existingOutputs)
					out(`Replaces ${o.file}; the current file is kept as a backup.`);
				if (state.error) out(`Error: ${state.error}`);
				const a = (
					await ask("Type w to write, e to edit the decisions, b to go back, q to quit: ")
				).toLowerCase();
				if (a === "e") controller.dispatch({ type: "EDIT" });
				else if (a === "b") controller.dispatch({ type: "BACK" });
				else if (a === "w") {
					const written = controller.write(project.report.existingOutputs.length > 0);
					if (written) {
						out("Step 6 of 6: written.");
						for (const f of controller.state.written?.files ?? []) out(`Wrote ${rel(project.paths, f)}`);
						for (const b of controller.state.written?.backups ?? [])
							out(`Previous version kept as ${rel(project.paths, b)}`);
						out("");
						out(completionMessage(written.model));
						return 0;
					}
				}
			} else {
				break;
			}
		}
		return 0;
	} catch (error) {
		if (error instanceof Cancelled) {
			controller.saveNow();
			out(
				store.saveError
					? "Cancelled before writing; nothing was written."
					: "Stopped before writing. Progress saved; run genesis-tui again to resume.",
			);
			return 130;
		}
		throw error;
	} finally {
		signals.remove();
		controller.dispose();
		rl.close();
	}
}

async function askDecision(
	id: DecisionId,
	recommended: string,
	alternatives: { value: string; tradeoff: string }[],
	ask: (prompt: string) => Promise<string>,
	out: (text: string) => void,
	flags: (value: string) => string[],
): Promise<string> {
	const kind = DECISIONS[id].kind;
	if (kind === "checklist") {
		out(`Choose from: ${ENVIRONMENT_CHOICES.join(", ")} (comma-separated; production is required).`);
		const a = await ask(`Environments [${recommended}] (b goes back): `);
		return a === "b" ? "back" : a || recommended;
	}
	if (kind === "duration") {
		const a = await ask(
			`Duration such as ${DECISIONS[id].examples.join(", ")} [${recommended}] (b goes back): `,
		);
		return a === "b" ? "back" : a || recommended;
	}
	const options = [recommended, ...alternatives.map((a) => a.value)];
	options.forEach((v, i) => {
		out(
			`  ${i + 1}. ${displayValue(id, v)}${i === 0 ? " (recommended)" : ` — ${alternatives[i - 1]!.tradeoff}`}`,
		);
		for (const l of flags(v)) out(`     ${l}`);
	});
	const a = await ask(`Number [1] (b goes back): `);
	if (a === "b") return "back";
	if (!a) return recommended;
	const n = Number(a);
	return Number.isInteger(n) && n >= 1 && n <= options.length ? options[n - 1]! : a;
}

/** The findings one value of one decision brings, one line each, before it is confirmed; under --strict the ones
 * that keep it from being accepted say so. */
function findingLines(state: WizardState, id: DecisionId, raw: string): string[] {
	const valid = validateDecision(id, raw, state.context);
	if (!valid.ok) return [];
	const { findings, refused } = decisionFindings(state, id, valid.value);
	return findings.map(
		(w) =>
			`${ruleKind(w)}${state.strict && refused.includes(w) ? " (not accepted under --strict)" : ""}: ${w.message}`,
	);
}
