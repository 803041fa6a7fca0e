// Orchestration shared by both drivers: load the project, run research, compose and write the outputs, the completion message.

import path from "node:path";
import { buildDecisions, DECISION_IDS, type DecisionId, type Decisions } from "../decisions/spec";
import { buildContext, type ProjectContext } from "../inputs/context";
import { type ProjectFiles, readProject } from "../inputs/load";
import { type PreflightReport, withShapeNotes } from "../inputs/preflight";
import { shapeNotes } from "../inputs/schemas";
import { mdSafe } from "../io/md-safe";
import { type ProjectPaths, rel } from "../io/project";
import { sanitizeForFile } from "../io/sanitize";
import { type OutputFile, writeFileAtomic, writeOutputs } from "../io/write";
import { SOURCES, type SourceId } from "../knowledge/sources";
import { notesMarkdown, runBuiltinTask } from "../research/builtin";
import { type ResearchEvent, TASKS, type TaskId } from "../research/types";
import { contextWithAnswers, findingsOf, type WizardState } from "../wizard/state";
import type { Handoff10 } from "./handoff";
import { buildHandoff, serializeHandoff } from "./handoff";
import { renderSection, runbookIds, type SectionModel } from "./section/index";

export interface LoadedProject {
	paths: ProjectPaths;
	report: PreflightReport;
	context: ProjectContext;
}

export function loadProject(cwd: string): LoadedProject {
	return withContext(readProject(cwd, shapeNotes));
}

/**
 * The project as the wizard uses it: the handoffs' shapes checked (if the files were read without) and the context
 * (what the inputs say, with the knowledge base's defaults).
 */
export function withContext(files: ProjectFiles): LoadedProject {
	const report = withShapeNotes(files.report, shapeNotes);
	return { paths: files.paths, report, context: buildContext(report, path.basename(files.paths.root)) };
}

export type TaskRunner = (
	task: TaskId,
	ctx: ProjectContext,
	signal: AbortSignal,
) => AsyncIterable<ResearchEvent> | Iterable<ResearchEvent>;

export const builtinRunner: TaskRunner = (task, ctx) => runBuiltinTask(task, ctx);

function sourceLine(id: string): string {
	const s = SOURCES[id as SourceId];
	return s ? `[${s.title}](${s.url})` : id;
}

/** Writes one task's research notes; returns the path relative to the project root. */
export function writeNotes(
	paths: ProjectPaths,
	task: TaskId,
	event: Extract<ResearchEvent, { type: "done" }>,
	transcript: string[],
): string {
	const meta = TASKS[task];
	const abs = path.join(paths.researchDir, meta.notesFile);
	writeFileAtomic(
		paths.root,
		abs,
		mdSafe(sanitizeForFile(notesMarkdown(meta.title, meta.agent, event.findings, transcript, sourceLine))),
	);
	return rel(paths, abs);
}

export interface ComposedOutputs {
	model: SectionModel;
	markdown: string;
	handoff: Handoff10;
	handoffText: string;
	files: OutputFile[];
	decisions: Decisions;
}

export function decisionsOf(state: WizardState): Decisions {
	if (!state.recommendations) throw new Error("recommendations are computed when research completes");
	const overrides: Parameters<typeof buildDecisions>[1] = {};
	for (const id of DECISION_IDS) {
		const o = state.overrides[id] ?? state.preset[id];
		if (o) overrides[id as DecisionId] = o;
	}
	return buildDecisions(state.recommendations, overrides);
}

export function composeOutputs(
	state: WizardState,
	paths: ProjectPaths,
	generatedAt: string,
): ComposedOutputs {
	const decisions = decisionsOf(state);
	const researchNotes: Partial<Record<TaskId, string>> = {};
	for (const t of Object.keys(state.research) as TaskId[]) {
		const f = state.research[t].notesFile;
		if (f) researchNotes[t] = f;
	}
	const rendered = renderSection({
		ctx: contextWithAnswers(state),
		decisions,
		recommendations: state.recommendations!,
		questions: state.questions,
		answers: state.answers,
		findings: findingsOf(state),
		generatedAt,
		researchNotes,
	});
	const { model } = rendered;
	// Whatever the renderers composed, text from inputs, answers and agents ends up inert: no live tag, no odd link.
	const markdown = mdSafe(rendered.markdown);
	const handoff = buildHandoff(model);
	const handoffText = serializeHandoff(handoff);
	return {
		model,
		markdown,
		handoff,
		handoffText,
		decisions,
		files: [
			{ abs: paths.outputHandoff, content: handoffText },
			{ abs: paths.outputSection, content: markdown },
		],
	};
}

export function writeComposed(
	paths: ProjectPaths,
	composed: ComposedOutputs,
	options: { force: boolean; stamp: string },
) {
	return writeOutputs(paths.root, composed.files, options);
}

/** The seed's completion message, filled in. */
export function completionMessage(model: SectionModel): string {
	const d = model.decisions;
	return [
		"Section 10: Deployment & Operations - COMPLETE",
		"",
		"Summary:",
		`- Deployment Strategy: ${d.strategy}`,
		`- CI/CD Tool: ${model.ci.name}`,
		`- Environments: ${d.environments.length} (${d.environments.join(", ")})`,
		`- Runbooks: ${runbookIds(model).length}`,
		"",
		"Next steps:",
		"1. Review the deployment strategy",
		"2. Start a NEW session",
		"3. Run: /genesis-section-11",
	].join("\n");
}

/** Headings of the section with their sizes, for the review step and --dry-run. */
export function outline(markdown: string): { level: number; title: string; lines: number }[] {
	const lines = markdown.split("\n");
	const out: { level: number; title: string; lines: number; start: number }[] = [];
	let inFence = false;
	lines.forEach((l, i) => {
		if (/^(```|~~~~)/.test(l)) inFence = !inFence;
		if (inFence) return;
		const m = /^(#{1,3}) (.+)$/.exec(l);
		if (m) out.push({ level: m[1]!.length, title: m[2]!, lines: 0, start: i });
	});
	// A heading's size runs to the next heading of the same or a higher level.
	return out.map((h, i) => {
		const next = out.slice(i + 1).find((o) => o.level <= h.level);
		return { level: h.level, title: h.title, lines: (next?.start ?? lines.length) - h.start };
	});
}
