// Assembles Section 10 from its subsections, plus the decisions, assumptions, open questions and sources lists.

import { ruleKind } from "../../decisions/consistency";
import { humanDuration } from "../../decisions/duration";
import {
	DECISION_IDS,
	DECISION_LABELS,
	decisionValue,
	displayValue,
	type Provenance,
} from "../../decisions/spec";
import { SOURCE_LABELS } from "../../inputs/questions";
import { pagingStatus } from "../../knowledge/operations";
import { TASKS } from "../../research/types";
import { namesAlternative } from "./alternatives";
import { renderCompliance } from "./compliance";
import { renderInputsBlock } from "./inputs-block";
import { bullets, join, table } from "./md";
import { buildModel, type SectionInput, type SectionModel, sourceLine } from "./model";
import { renderDeploymentStrategy } from "./s10-1-deployment";
import { renderPipeline } from "./s10-2-pipeline";
import { renderInfrastructure } from "./s10-3-infrastructure";
import { renderEnvironments } from "./s10-4-environments";
import { renderRunbooks, runbooks } from "./s10-5-runbooks";
import { renderRecovery } from "./s10-6-recovery";

export { buildModel, type SectionInput, type SectionModel } from "./model";

function provenanceText(p: Provenance): string {
	if (p === "recommended") return "recommended";
	if (p === "flag") return "set by flag";
	if (p === "answers") return "answers file";
	if (p === "user") return "chosen in the wizard";
	return `recommended by ${p.slice("agent:".length)}`;
}

/** decisions_made for the handoff and the section: every decision with its value and provenance, then answered questions. */
export function decisionLines(m: SectionModel): string[] {
	const lines = DECISION_IDS.map(
		(id) =>
			`${DECISION_LABELS[id]}: ${displayValue(id, decisionValue(m.decisions, id))} (${provenanceText(m.decisions.provenance[id])})`,
	);
	for (const q of m.questions) {
		const a = m.answers[q.id];
		if (a && q.becomes === "decision")
			lines.push(`${q.topic}: ${a.text}${q.source === "section_10" ? "" : ` (answers "${q.text}")`}`);
	}
	return lines;
}

export function assumptionLines(m: SectionModel): string[] {
	const lines: string[] = [];
	const answered = (id: string) => m.answers[id] !== undefined;
	for (const q of m.questions) {
		if (q.source !== "section_10") continue;
		const a = m.answers[q.id];
		if (a && q.becomes === "assumption") lines.push(`${q.topic}: ${a.text}`);
		else if (!a && q.assumption) lines.push(`${q.topic} (unconfirmed): ${q.assumption}`);
	}
	for (const a of m.ctx.assumed) {
		// Assumptions covered by a question above are not repeated.
		if (/backend is hosted/.test(a) && m.questions.some((q) => q.id === "backend-host")) continue;
		if (/runs on .*managed option/.test(a) && m.questions.some((q) => q.id === "database-host")) continue;
		if (
			/Traffic is moderate/.test(a) &&
			(answered("peak-traffic") || m.questions.some((q) => q.id === "peak-traffic"))
		)
			continue;
		lines.push(a);
	}
	// Rules that changed or limited a decision, and risks a decision accepts, are recorded with the decision they touch.
	for (const w of m.warnings) {
		if (w.rule) lines.push(`${ruleKind(w)} (${w.decision}): ${w.message}`);
		else if (w.level === "warning" && !w.infeasible)
			lines.push(`Risk accepted (${w.decision}): ${w.message}`);
	}
	// An impossible target is kept as decided, but never as if it were achievable.
	for (const w of m.warnings.filter((x) => x.infeasible))
		lines.push(
			`Infeasible target, kept as decided and not achievable with the current mechanisms: ${w.message}`,
		);
	return lines;
}

export function openQuestionLines(m: SectionModel): string[] {
	const infeasible = m.warnings
		.filter((w) => w.infeasible)
		.map(
			(w) =>
				`The ${w.decision === "rpo" ? "recovery point" : "recovery time"} objective cannot be met as decided: raise it to what the mechanisms allow, or fund the mechanism that meets it?`,
		);
	const tool = m.ctx.model?.upstream.pagingTool;
	const paging = pagingStatus(tool?.value, tool?.label);
	return [
		...m.questions.filter((q) => !m.answers[q.id]).map((q) => q.text),
		...new Set(infeasible),
		...(paging
			? [
					`Which pager replaces ${paging.edition ? paging.name : tool!.value}, and by when (it is ${paging.status})?`,
				]
			: []),
	];
}

export function runbookIds(m: SectionModel): string[] {
	return runbooks(m).map((r) => r.id);
}

function header(m: SectionModel): string {
	const { ctx, decisions } = m;
	const date = m.generatedAt.slice(0, 10);
	const hosting = m.frontend
		? `${ctx.frontend!.label} (frontend) and ${ctx.backend.label} (backend)`
		: ctx.backend.label;
	return join(
		"# Section 10: Deployment & Operations",
		`> ${ctx.projectName} · generated ${date} from the technology stack, testing strategy and monitoring handoffs.`,
		"## Overview",
		`${ctx.projectName} ships from ${m.ci.name} to ${hosting}, with ${ctx.database.engine} ${m.db.id === "sqlite" ? "in a file on a volume" : `on ${m.db.name}`}${ctx.cache ? ` and ${ctx.cache}` : ""}. Production deploys use **${decisions.strategy}** (${m.platform.strategies[decisions.strategy]!.summary}); infrastructure is code in **${m.iac.name}**; releases move through ${decisions.environments.join(" → ")}. Disaster recovery follows the **${m.tier.name}** pattern with Tier 1 targets of RTO ${humanDuration(decisions.rtoMinutes)} and RPO ${humanDuration(decisions.rpoMinutes)}.`,
		table(
			["Decision", "Value", "Source"],
			DECISION_IDS.map((id) => [
				DECISION_LABELS[id],
				displayValue(id, decisionValue(decisions, id)),
				provenanceText(decisions.provenance[id]),
			]),
		),
	);
}

function research(m: SectionModel): string {
	const rows = (Object.keys(TASKS) as (keyof typeof TASKS)[]).map((id) => {
		const f = m.findings[id];
		const notes = m.researchNotes[id];
		const backend = f ? (f.backend === "builtin" ? "built-in knowledge base" : f.backend) : "not run";
		const result = f ? `${f.facts.length} findings${f.note ? ` (${f.note})` : ""}` : "—";
		return [TASKS[id].title, TASKS[id].agent, backend, result, notes ?? "—"];
	});
	return join("## Research", table(["Task", "Agent", "Backend", "Result", "Notes"], rows));
}

function lists(m: SectionModel): string {
	const inherited = m.ctx.inherited;
	const open = m.questions.filter((q) => !m.answers[q.id] && !namesAlternative(q.text, m.ctx.model));
	const carried = inherited.decisions.filter((d) => !namesAlternative(d.text, m.ctx.model));
	return join(
		"## Decisions",
		bullets(decisionLines(m)),
		carried.length
			? `Decisions carried from earlier sections that shape this one:\n\n${bullets(carried.slice(0, 10).map((d) => `${d.text} (${d.source.replace("_", " ")})`))}`
			: undefined,
		"## Assumptions",
		bullets(assumptionLines(m).length ? assumptionLines(m) : ["None beyond the inputs."]),
		"## Open questions",
		open.length
			? bullets(open.map((q) => `${q.text} (${SOURCE_LABELS[q.source]})`))
			: "None: every question was answered.",
	);
}

function sources(m: SectionModel): string {
	const ids = m.citedSources();
	// Each web source says who researched it and when it was checked, apart from the built-in ones above it.
	const agentUrls = Object.values(m.findings)
		.filter((f) => f && f.backend !== "builtin")
		.flatMap((f) =>
			f!.facts.flatMap((x) =>
				x.urls.map((u) => {
					const when = x.checked?.[u] ? `checked ${x.checked[u]}` : "no date checked given";
					// Angle brackets make it an autolink (the URL was checked for spaces, quotes and brackets).
					return `<${u}> (web research by ${f!.backend}, ${when})`;
				}),
			),
		);
	return join(
		"## Sources",
		ids.map((id, i) => `${i + 1}. ${sourceLine(id)}`).join("\n"),
		agentUrls.length
			? `Web research by the agents, not in the built-in knowledge base:\n\n${bullets([...new Set(agentUrls)].slice(0, 30))}`
			: undefined,
	);
}

/** The whole Section 10 as Markdown. Pure: the same input gives the same bytes. */
export function renderSection(input: SectionInput): { markdown: string; model: SectionModel } {
	const m = buildModel(input);
	// Subsections render first so citation numbers follow reading order; the header cites nothing.
	const body = [
		renderDeploymentStrategy(m),
		renderPipeline(m),
		renderInfrastructure(m),
		renderEnvironments(m),
		renderRunbooks(m),
		renderRecovery(m),
		renderCompliance(m),
	];
	const markdown = `${join(header(m), renderInputsBlock(m.ctx.model), ...body, research(m), lists(m), sources(m))}\n`;
	return { markdown, model: m };
}
