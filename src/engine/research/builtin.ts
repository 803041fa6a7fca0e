// The built-in research backend: answers each of the seed's three briefs from the knowledge base, offline.

import { recommendCi, recommendIac, recommendStrategy } from "../decisions/recommend";
import { databaseOf, platformOf } from "../decisions/stack";
import type { ProjectContext } from "../inputs/context";
import { escapeMarkdown, fenceFor, safeUrl } from "../io/md-safe";
import { CI_TOOLS } from "../knowledge/cicd";
import { IAC_TOOLS, SECRET_PATTERNS } from "../knowledge/iac";
import { FLAG_FACTS, MIGRATION_FACTS } from "../knowledge/operations";
import { PLATFORMS } from "../knowledge/platforms";
import type { Fact } from "../knowledge/sources";
import type { FindingFact, ResearchEvent, TaskFindings, TaskId } from "./types";

function toFinding(f: Fact): FindingFact {
	return { text: f.text, sourceIds: f.sources, urls: [] };
}

function unique(facts: Fact[]): Fact[] {
	const seen = new Set<string>();
	return facts.filter((f) => {
		if (seen.has(f.text)) return false;
		seen.add(f.text);
		return true;
	});
}

function deployFindings(ctx: ProjectContext): { lines: string[]; findings: TaskFindings } {
	const p = platformOf(ctx);
	const rec = recommendStrategy(ctx);
	const facts = unique([
		...Object.values(p.strategies).flatMap((s) => s!.facts),
		...p.rollback.facts,
		p.health,
		...p.caveats,
		...(ctx.frontend ? PLATFORMS[ctx.frontend.platform].rollback.facts : []),
		...MIGRATION_FACTS,
		...FLAG_FACTS,
	]);
	const lines = [
		`Backend platform: ${p.name}${ctx.frontend ? `; frontend: ${PLATFORMS[ctx.frontend.platform].name}` : ""}`,
		`Strategies ${p.name} supports natively: ${Object.keys(p.strategies).join(", ")}`,
		`Rollback on ${p.name}: ${p.rollback.command(ctx.serviceName)} (${p.rollback.expectedTime})`,
		...facts.map((f) => `• ${f.text}`),
		`Recommendation: ${rec.value} — ${rec.rationale}`,
	];
	return {
		lines,
		findings: {
			task: "deploy",
			backend: "builtin",
			recommendation: { value: rec.value, rationale: rec.rationale },
			alternatives: rec.alternatives.map((a) => ({ value: a.value, tradeoff: a.tradeoff })),
			facts: facts.map(toFinding),
		},
	};
}

function iacFindings(ctx: ProjectContext): { lines: string[]; findings: TaskFindings } {
	const rec = recommendIac(ctx);
	const candidates = [rec.value, ...rec.alternatives.map((a) => a.value)].map(
		(id) => IAC_TOOLS[id as keyof typeof IAC_TOOLS],
	);
	const facts = unique([...candidates.flatMap((t) => t.facts), ...SECRET_PATTERNS]);
	const db = databaseOf(ctx);
	const lines = [
		`Cloud: ${ctx.cloud === "none" ? "none (PaaS)" : ctx.cloud.toUpperCase()}; platform: ${platformOf(ctx).name}; database: ${db.name}`,
		...candidates.map((t) => `${t.name}: ${t.summary}; state: ${t.state}; licence: ${t.licence}`),
		...facts.map((f) => `• ${f.text}`),
		`Recommendation: ${IAC_TOOLS[rec.value as keyof typeof IAC_TOOLS].name} — ${rec.rationale}`,
	];
	return {
		lines,
		findings: {
			task: "iac",
			backend: "builtin",
			recommendation: { value: rec.value, rationale: rec.rationale },
			alternatives: rec.alternatives.map((a) => ({ value: a.value, tradeoff: a.tradeoff })),
			facts: facts.map(toFinding),
		},
	};
}

function cicdFindings(ctx: ProjectContext): { lines: string[]; findings: TaskFindings } {
	const rec = recommendCi(ctx);
	const tool = CI_TOOLS[ctx.ci.tool];
	const lines = [
		`CI/CD tool in the stack: ${ctx.ci.label}${ctx.ci.assumed ? " (assumed)" : ""}`,
		`Serialise deploys: ${tool.serialize}`,
		`Protect production: ${tool.approval}`,
		`Scope secrets: ${tool.secrets}`,
		`Cloud identity: ${tool.oidc}`,
		`Caching: ${tool.caching}`,
		`Reuse: ${tool.reuse}; cancel superseded runs: ${tool.cancelSuperseded}`,
		...tool.facts.map((f) => `• ${f.text}`),
		`Quality gates from the testing handoff: ${ctx.testing.gates.length ? ctx.testing.gates.map((g) => `${g.name} ${g.threshold}`).join("; ") : "none given"}`,
		`Recommendation: ${tool.name} — ${rec.rationale}`,
	];
	return {
		lines,
		findings: {
			task: "cicd",
			backend: "builtin",
			recommendation: { value: rec.value, rationale: rec.rationale },
			alternatives: rec.alternatives.map((a) => ({ value: a.value, tradeoff: a.tradeoff })),
			facts: tool.facts.map(toFinding),
		},
	};
}

const BUILDERS: Record<TaskId, (ctx: ProjectContext) => { lines: string[]; findings: TaskFindings }> = {
	deploy: deployFindings,
	iac: iacFindings,
	cicd: cicdFindings,
};

/** The built-in findings of one task, computed again from the project (a saved copy is never trusted). */
export function builtinFindings(task: TaskId, ctx: ProjectContext): TaskFindings {
	return BUILDERS[task](ctx).findings;
}

/** The built-in task as a stream of events, same shape as an agent's. */
export function* runBuiltinTask(task: TaskId, ctx: ProjectContext): Generator<ResearchEvent> {
	const { lines, findings } = BUILDERS[task](ctx);
	for (const text of lines) yield { type: "line", text, stream: "stdout" };
	yield { type: "done", findings };
}

/** Research notes in Markdown for genesis_output/research/ (the writer passes them through mdSafe as well). */
export function notesMarkdown(
	title: string,
	agent: string,
	findings: TaskFindings,
	transcript: string[],
	sourceLine: (id: string) => string,
): string {
	const out = [
		`# Research: ${title}`,
		"",
		`Agent: ${agent} · backend: ${findings.backend === "builtin" ? "built-in knowledge base" : findings.backend}`,
		"",
	];
	if (findings.recommendation)
		out.push(
			"## Recommendation",
			"",
			`**${findings.recommendation.value}** — ${findings.recommendation.rationale}`,
			"",
		);
	if (findings.alternatives.length) {
		out.push("## Alternatives", "");
		for (const a of findings.alternatives) out.push(`- **${a.value}** — ${a.tradeoff}`);
		out.push("");
	}
	out.push("## Findings", "");
	for (const f of findings.facts) {
		const web = f.urls.map((u) => {
			// Encoded, so a URL cannot carry a link of its own; only http(s) is a link at all.
			const shown = safeUrl(u) ?? `${escapeMarkdown(u)} (not an http(s) link)`;
			return f.checked?.[u] ? `${shown}, checked ${f.checked[u]}` : shown;
		});
		const src = [...f.sourceIds.map(sourceLine), ...web].join("; ");
		out.push(`- ${f.text}${src ? ` (${src})` : ""}`);
	}
	// The transcript is the agent's raw output: a fence longer than any backtick run in it keeps it all code.
	const fence = fenceFor(transcript.join("\n"));
	out.push("", "## Transcript", "", `${fence}text`, ...transcript, fence, "");
	return out.join("\n");
}
