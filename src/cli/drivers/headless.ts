// The non-interactive driver (--yes): the same wizard machine, decisions from recommendations, flags and an answers file.

import path from "node:path";
import { ruleKind } from "../../engine/decisions/consistency";
import {
	DECISION_IDS,
	DECISION_LABELS,
	DECISIONS,
	type DecisionId,
	decisionValue,
	displayValue,
	validateDecision,
} from "../../engine/decisions/spec";
import { matchAnswers, readAnswersFile } from "../../engine/inputs/questions";
import { understoodLines, understoodText } from "../../engine/inputs/understood";
import { nowIso } from "../../engine/io/clock";
import { ExitCode, GenesisError } from "../../engine/io/errors";
import { rel } from "../../engine/io/project";
import { sanitizeForTerminal, sanitizeInline } from "../../engine/io/sanitize";
import { inspectTarget } from "../../engine/io/write";
import { completionMessage, type LoadedProject, loadProject, outline } from "../../engine/output/compose";
import { TASK_IDS, TASKS } from "../../engine/research/types";
import { changedInputs, SessionStore } from "../../engine/session/store";
import { backendName, WizardController } from "../../engine/wizard/controller";
import { askedDecisions, currentValue, MAX_ANSWER_CHARS, type Override } from "../../engine/wizard/state";
import type { CliOptions } from "../args";
import { agentsFromOptions, agentTimeoutMs } from "../shared/agents";
import { openLock, resumeDecision } from "../shared/session-prompts";
import { onStopSignals } from "../shared/signals";

function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export interface Io {
	out: (text: string) => void;
	err: (text: string) => void;
}

/** Flags validated against the project's context; a bad one is a usage error naming the flag. */
export function presetsFromFlags(
	opts: CliOptions,
	project: LoadedProject,
): Partial<Record<DecisionId, Override>> {
	const preset: Partial<Record<DecisionId, Override>> = {};
	for (const id of DECISION_IDS) {
		const raw = opts[id];
		if (typeof raw !== "string") continue;
		const check = validateDecision(id, raw, project.context);
		if (!check.ok) throw new GenesisError(`${DECISIONS[id].flag}: ${check.error}`, ExitCode.usage);
		preset[id] = { value: check.value, provenance: "flag" };
	}
	return preset;
}

/** An answers file's decisions, by id ("backupFrequency") or flag name ("backup-frequency"); a bad one is an invalid
 * answers file naming the decision. */
export function presetsFromAnswers(
	decisions: Record<string, string>,
	project: LoadedProject,
	file: string,
): Partial<Record<DecisionId, Override>> {
	const preset: Partial<Record<DecisionId, Override>> = {};
	for (const [key, raw] of Object.entries(decisions)) {
		const id = DECISION_IDS.find((d) => d === key || DECISIONS[d].flag === `--${key}`);
		if (!id)
			throw new GenesisError(
				`${file}: "${sanitizeInline(key, 40)}" is not a decision; use one of ${DECISION_IDS.join(", ")}`,
				ExitCode.badInput,
			);
		const check = validateDecision(id, raw, project.context);
		if (!check.ok) throw new GenesisError(`${file}: decisions.${id}: ${check.error}`, ExitCode.badInput);
		preset[id] = { value: check.value, provenance: "answers" };
	}
	return preset;
}

const MARK = { found: "✔", missing: "⚠", invalid: "✖" } as const;

export function preflightLines(project: LoadedProject): string[] {
	const lines: string[] = [];
	if (!project.paths.isGenesisProject) {
		lines.push(
			`⚠ No genesis_output/ or genesis_sources/ folder found; treating ${sanitizeInline(project.paths.root)} as the project.`,
		);
	}
	for (const input of project.report.inputs) {
		lines.push(`${MARK[input.state]} ${input.label} — ${input.file}: ${input.summary}`);
		for (const note of input.notes) lines.push(`    · ${note}`);
	}
	for (const o of project.report.existingOutputs) lines.push(`⚠ ${o.file} exists and would be replaced.`);
	lines.push("What the inputs say (and where):");
	for (const l of understoodLines(project.context.model)) {
		const mark = l.flag === "conflict" || l.flag === "dropped" || l.flag === "assumed" ? "⚠" : "·";
		lines.push(`  ${mark} ${understoodText(l)}`);
	}
	return lines;
}

export async function runHeadless(opts: CliOptions, io: Io): Promise<number> {
	const log = opts.json ? io.err : io.out;
	const say = (text: string) => log(`${sanitizeForTerminal(text)}\n`);
	const cwd = path.resolve(opts.cwd);
	const project = loadProject(cwd);
	const { paths, report } = project;

	say(`Genesis Section 10 — ${project.context.projectName}`);
	for (const l of preflightLines(project)) say(l);

	const missing = report.inputs.filter((i) => i.state === "missing" && i.id.startsWith("handoff"));
	const invalid = report.inputs.filter((i) => i.state === "invalid");
	const denied = invalid.filter((i) => /permission denied/.test(i.summary));
	if (opts.strict && denied.length) {
		throw new GenesisError(
			`${denied.map((i) => i.file).join(", ")}: permission denied (--strict); make ${denied.length === 1 ? "it" : "them"} readable and run again.`,
			ExitCode.permission,
		);
	}
	if (opts.strict && invalid.length) {
		throw new GenesisError(
			`${invalid.map((i) => i.file).join(", ")} ${invalid.length === 1 ? "is" : "are"} invalid (--strict); fix ${invalid.length === 1 ? "it" : "them"} and run again.`,
			ExitCode.badInput,
		);
	}
	if (opts.strict && missing.length) {
		throw new GenesisError(
			`${missing.map((i) => i.file).join(", ")} ${missing.length === 1 ? "is" : "are"} missing (--strict); run the earlier Genesis sections first.`,
			ExitCode.missingInput,
		);
	}
	// A symbolic link or a folder at an output path is refused before any work.
	if (!opts.dryRun) for (const f of [paths.outputSection, paths.outputHandoff]) inspectTarget(paths.root, f);
	if (!opts.dryRun && !opts.force) {
		const existing = [paths.outputSection, paths.outputHandoff].filter(
			(f) => inspectTarget(paths.root, f) === "file",
		);
		if (existing.length) {
			throw new GenesisError(
				`${existing.map((f) => rel(paths, f)).join(" and ")} already exist${existing.length === 1 ? "s" : ""}; run with --force to replace (a backup is kept), or --dry-run to preview.`,
				ExitCode.cannotWrite,
			);
		}
	}

	let preset = presetsFromFlags(opts, project);
	let answers: Record<string, string> = {};
	if (opts.answers) {
		const abs = path.resolve(cwd, opts.answers);
		const shown = sanitizeInline(opts.answers);
		const read = readAnswersFile(paths.root, abs, shown);
		if (!read.ok) throw new GenesisError(read.error, ExitCode.badInput);
		answers = read.answers;
		// Decisions in the answers file are checked as flags are; a flag given as well wins.
		preset = { ...presetsFromAnswers(read.decisions, project, shown), ...preset };
	}

	const generatedAt = nowIso();
	const store = opts.dryRun
		? undefined
		: new SessionStore(paths.root, process.env, openLock(paths.root, say));
	const agents = agentsFromOptions(opts);
	const controller = new WizardController(project, {
		preset,
		generatedAt,
		store,
		autosave: Object.values(agents).some((a) => a !== "builtin") ? "research" : "never",
		writeNotes: !opts.dryRun,
		agents,
		agentTimeoutMs: agentTimeoutMs(opts),
	});
	const signals = onStopSignals(() => {
		const saved = store ? controller.saveNow() : false;
		controller.dispose();
		store?.unlock();
		io.err(
			saved
				? "\nStopped; progress saved, run genesis-tui again to resume.\n"
				: "\nStopped; nothing was written.\n",
		);
	});
	try {
		const saved = store ? resumeDecision(store, opts, say) : undefined;
		if (saved) {
			const changed = changedInputs(saved, report);
			if (changed.length)
				say(`⚠ ${changed.join(", ")} changed since the session was saved; the research runs again.`);
			controller.restore(saved, changed.length > 0);
		}
		if (opts.dryRun && Object.values(agents).some((a) => a !== "builtin")) {
			for (const task of TASK_IDS) {
				if (controller.agentFor(task) === "builtin") continue;
				say(`--- Prompt for ${TASKS[task].title} (${backendName(controller.agentFor(task))}) ---`);
				say(controller.promptFor(task));
			}
		}
		for (const task of TASK_IDS) {
			const spec = controller.agentFor(task);
			if (spec !== "builtin")
				say(
					`${TASKS[task].title}: running ${spec.name} (${[spec.command, ...spec.args.map((x) => (x.length > 40 ? `${x.slice(0, 37)}…` : x))].join(" ")})`,
				);
		}
		if (controller.state.step === "preflight") controller.continueFromPreflight();
		else controller.startPending();
		await controller.researchSettled();
		// An agent that failed, timed out or was cancelled: the built-in engine answers its brief instead.
		const failed = TASK_IDS.filter((t) => controller.state.research[t].status !== "done");
		if (failed.length && opts.strict) {
			throw new GenesisError(
				`${failed.map((t) => `${TASKS[t].title}: ${controller.state.research[t].error ?? controller.state.research[t].status}`).join("; ")} (--strict: no fallback to the built-in research).`,
				ExitCode.agentUnavailable,
			);
		}
		for (const task of failed) {
			say(
				`⚠ ${TASKS[task].title}: ${controller.state.research[task].error ?? controller.state.research[task].status}; using the built-in research instead.`,
			);
			controller.fallback(task);
		}
		if (failed.length) await controller.researchSettled();
		for (const task of TASK_IDS) {
			const r = controller.state.research[task];
			const f = r.findings;
			if (r.status === "done") {
				say(
					`✔ ${TASKS[task].title} (${TASKS[task].agent}, ${r.backend === "builtin" ? "built-in" : r.backend}): ${plural(f?.facts.length ?? 0, "finding")}${r.notesFile ? ` → ${r.notesFile}` : ""}`,
				);
				if (f?.note && f.backend !== "builtin") say(`  ⚠ ${f.note}`);
			} else say(`✖ ${TASKS[task].title}: ${r.error ?? r.status}`);
		}
		controller.finishResearch();
		if (controller.state.step === "research")
			throw new GenesisError("Research did not complete; see the messages above.", ExitCode.internal);

		// Every decision not yet made takes its recommendation.
		while (controller.state.step === "decisions") {
			const state = controller.state;
			const id = askedDecisions(state)[state.decisionIndex]!;
			controller.decide(id, currentValue(state, id)!);
			if (controller.state.error) throw new GenesisError(controller.state.error, ExitCode.internal);
		}
		const { matched, unknown } = matchAnswers(controller.state.questions, answers);
		for (const key of unknown)
			say(`⚠ The answers file has no question "${sanitizeInline(key, 80)}"; ignored.`);
		for (const [id, a] of Object.entries(matched))
			if (a.text.length > MAX_ANSWER_CHARS)
				say(
					`⚠ The answer to "${sanitizeInline(id, 80)}" is ${a.text.length} characters; only the first ${MAX_ANSWER_CHARS} are kept.`,
				);
		while (controller.state.step === "questions") {
			const state = controller.state;
			const q = state.questions[state.questionIndex]!;
			const a = matched[q.id] ?? state.answers[q.id];
			controller.dispatch(
				a ? { type: "ANSWER", id: q.id, text: a.text, provenance: a.provenance } : { type: "SKIP", id: q.id },
			);
		}
		return finish(controller, opts, io, say, project);
	} finally {
		signals.remove();
		controller.dispose();
		store?.unlock();
	}
}

function finish(
	controller: WizardController,
	opts: CliOptions,
	io: Io,
	say: (t: string) => void,
	project: LoadedProject,
): number {
	const { paths, report } = project;
	const state = controller.state;
	const composed = controller.compose();
	for (const id of DECISION_IDS) {
		const p = composed.decisions.provenance[id];
		say(`• ${DECISION_LABELS[id]}: ${displayValue(id, decisionValue(composed.decisions, id))} (${p})`);
	}
	for (const w of composed.model.warnings)
		say(`${w.level === "warning" ? "⚠" : "ℹ"} ${ruleKind(w)}: ${w.message}`);
	const infeasible = composed.model.warnings.filter((w) => w.infeasible);
	if (opts.strict && infeasible.length) {
		throw new GenesisError(
			`${infeasible.map((w) => `--${w.decision}: ${w.message}`).join(" ")} (--strict refuses a target that cannot be met; choose a feasible value or add the mechanism.)`,
			ExitCode.usage,
		);
	}
	const refused = composed.model.warnings.filter((w) => w.rule && w.level === "warning");
	if (opts.strict && refused.length)
		throw new GenesisError(
			`${refused.length === 1 ? "A choice breaks a rule" : `${refused.length} choices break rules`} (--strict): ${refused.map((w) => `${ruleKind(w)}: ${w.message}`).join(" ")}`,
			ExitCode.badInput,
			"Change the flag or answer named above, or run without --strict to write the section with the replacement.",
		);
	const answered = Object.keys(state.answers).length;
	say(`Open questions: ${answered} answered, ${state.questions.length - answered} left open.`);

	let written: { written: string[]; backups: string[] } = { written: [], backups: [] };
	if (opts.dryRun) {
		say("Dry run: nothing was written. Would write:");
		for (const f of composed.files) {
			const exists = inspectTarget(paths.root, f.abs) === "file";
			say(
				`  ${rel(paths, f.abs)} (${Buffer.byteLength(f.content)} bytes, ${exists ? "replaces the existing file" : "new"})`,
			);
		}
		for (const t of TASK_IDS)
			say(`  ${rel(paths, path.join(paths.researchDir, TASKS[t].notesFile))} (research notes)`);
		say("Section outline:");
		for (const h of outline(composed.markdown))
			say(`  ${"  ".repeat(h.level - 1)}${h.title} (${h.lines} lines)`);
	} else {
		if (!controller.write(opts.force))
			throw controller.lastWriteError ?? new GenesisError("Cannot write the outputs.", ExitCode.ioError);
		written = { written: controller.state.written!.files, backups: controller.state.written!.backups };
		for (const f of written.written) say(`✔ wrote ${rel(paths, f)}`);
		for (const b of written.backups) say(`  previous version kept as ${rel(paths, b)}`);
	}

	if (opts.json) {
		const summary = {
			status: opts.dryRun ? "dry-run" : "written",
			project: project.context.projectName,
			root: paths.root,
			files: (opts.dryRun ? composed.files.map((f) => f.abs) : written.written).map((f) => rel(paths, f)),
			backups: written.backups.map((f) => rel(paths, f)),
			inputs: report.inputs.map((i) => ({
				id: i.id,
				file: i.file,
				state: i.state,
				summary: i.summary,
				notes: i.notes,
			})),
			// The resolved model: every fact with its provenance (file, JSON path or line, confidence).
			model: project.context.model,
			decisions: Object.fromEntries(
				DECISION_IDS.map((id) => [
					id,
					{ value: decisionValue(composed.decisions, id), provenance: composed.decisions.provenance[id] },
				]),
			),
			warnings: composed.model.warnings.map((w) => ({
				level: w.level,
				decision: w.decision,
				message: w.message,
				...(w.infeasible ? { infeasible: true } : {}),
			})),
			open_questions: composed.handoff.open_questions,
			handoff: composed.handoff,
		};
		io.out(`${JSON.stringify(summary, null, 2)}\n`);
	} else {
		io.out(`\n${completionMessage(composed.model)}\n`);
	}
	return ExitCode.ok;
}
