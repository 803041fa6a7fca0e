// The non-interactive driver (--yes): the same wizard machine, decisions from recommendations, flags and an answers file.

import path from "node:path";
import type { CliOptions } from "./args";
import { nowIso } from "./engine/clock";
import {
	DECISION_IDS,
	DECISION_LABELS,
	type DecisionId,
	decisionValue,
	displayValue,
	validateDecision,
} from "./engine/decide";
import { ExitCode, GenesisError } from "./engine/errors";
import { rel } from "./engine/project";
import { matchAnswers, readAnswersFile } from "./engine/questions";
import { TASK_IDS, TASKS } from "./engine/research/types";
import {
	builtinRunner,
	completionMessage,
	composeOutputs,
	type LoadedProject,
	loadProject,
	outline,
	writeComposed,
	writeNotes,
} from "./engine/run";
import { sanitizeForTerminal, sanitizeInline } from "./engine/sanitize";
import { initialState, type Override, reduce, type WizardState } from "./engine/wizard";
import { inspectTarget } from "./engine/write";

export interface Io {
	out: (text: string) => void;
	err: (text: string) => void;
}

const FLAG_FOR: Record<DecisionId, keyof CliOptions> = {
	strategy: "strategy",
	iac: "iac",
	ci: "ci",
	environments: "environments",
	rto: "rto",
	rpo: "rpo",
	backupFrequency: "backupFrequency",
};

const FLAG_NAME: Record<DecisionId, string> = {
	strategy: "--strategy",
	iac: "--iac",
	ci: "--ci",
	environments: "--environments",
	rto: "--rto",
	rpo: "--rpo",
	backupFrequency: "--backup-frequency",
};

/** Flags validated against the project's context; a bad one is a usage error naming the flag. */
export function presetsFromFlags(
	opts: CliOptions,
	project: LoadedProject,
): Partial<Record<DecisionId, Override>> {
	const preset: Partial<Record<DecisionId, Override>> = {};
	for (const id of DECISION_IDS) {
		const raw = opts[FLAG_FOR[id]];
		if (typeof raw !== "string") continue;
		const check = validateDecision(id, raw, project.context);
		if (!check.ok) throw new GenesisError(`${FLAG_NAME[id]}: ${check.error}`, ExitCode.usage);
		preset[id] = { value: check.value, provenance: "flag" };
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

	const preset = presetsFromFlags(opts, project);
	let answers: Record<string, string> = {};
	if (opts.answers) {
		const abs = path.resolve(cwd, opts.answers);
		const read = readAnswersFile(paths.root, abs, sanitizeInline(opts.answers));
		if (!read.ok) throw new GenesisError(read.error, ExitCode.badInput);
		answers = read.answers;
	}

	let state: WizardState = initialState(report, project.context, preset);
	state = reduce(state, { type: "CONTINUE" });

	const controller = new AbortController();
	await Promise.all(
		TASK_IDS.map(async (task) => {
			state = reduce(state, { type: "TASK_STARTED", task, backend: "builtin", at: Date.now() });
			const transcript: string[] = [];
			for await (const event of builtinRunner(task, state.context, controller.signal)) {
				if (event.type === "line") transcript.push(event.text);
				else if (event.type === "done") {
					const notesFile = opts.dryRun ? undefined : writeNotes(paths, task, event, transcript);
					state = reduce(state, { type: "TASK_LINES", task, count: transcript.length });
					state = reduce(state, {
						type: "TASK_DONE",
						task,
						findings: event.findings,
						at: Date.now(),
						notesFile,
					});
					say(
						`✔ ${TASKS[task].title} (${TASKS[task].agent}, built-in): ${event.findings.facts.length} findings${notesFile ? ` → ${notesFile}` : ""}`,
					);
				} else {
					state = reduce(state, {
						type: "TASK_FAILED",
						task,
						status: "failed",
						reason: event.reason,
						at: Date.now(),
					});
					say(`✖ ${TASKS[task].title}: ${event.reason}`);
				}
			}
		}),
	);
	state = reduce(state, { type: "RESEARCH_COMPLETE" });
	if (state.step === "research")
		throw new GenesisError("Research did not complete; see the messages above.", ExitCode.internal);

	// Every asked decision takes its recommendation.
	while (state.step === "decisions") {
		const id = DECISION_IDS.filter((d) => state.preset[d] === undefined)[state.decisionIndex]!;
		state = reduce(state, {
			type: "DECIDE",
			id,
			value: state.recommendations![id].value,
			provenance:
				state.recommendations![id].by === "built-in knowledge base"
					? "recommended"
					: `agent:${state.recommendations![id].by}`,
		});
		if (state.error) throw new GenesisError(state.error, ExitCode.internal);
	}
	const { matched, unknown } = matchAnswers(state.questions, answers);
	for (const key of unknown) say(`⚠ The answers file has no question "${sanitizeInline(key, 80)}"; ignored.`);
	while (state.step === "questions") {
		const q = state.questions[state.questionIndex]!;
		const a = matched[q.id];
		state = a
			? reduce(state, { type: "ANSWER", id: q.id, text: a.text, provenance: "answers" })
			: reduce(state, { type: "SKIP", id: q.id });
	}

	const generatedAt = nowIso();
	const composed = composeOutputs(state, paths, generatedAt);
	for (const id of DECISION_IDS) {
		const p = composed.decisions.provenance[id];
		say(`• ${DECISION_LABELS[id]}: ${displayValue(id, decisionValue(composed.decisions, id))} (${p})`);
	}
	for (const w of composed.model.warnings) say(`${w.level === "warning" ? "⚠" : "ℹ"} ${w.message}`);
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
		written = writeComposed(paths, composed, { force: opts.force, stamp: generatedAt });
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
