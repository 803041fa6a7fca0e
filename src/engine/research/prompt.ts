// The prompt for an agent: the seed's brief for the task, the project's context, the project's agent definition,
// and the findings block the agent must end with.

import path from "node:path";
import type { ProjectContext } from "../inputs/context";
import { nowIso } from "../io/clock";
import { readProjectFile } from "../io/fsread";
import type { ProjectPaths } from "../io/project";
import { sanitizeForFile } from "../io/sanitize";
import { CI_TOOLS } from "../knowledge/cicd";
import { DATABASES } from "../knowledge/databases";
import { PLATFORMS } from "../knowledge/platforms";
import { TASKS, type TaskId } from "./types";

const DECISION_FOR: Record<TaskId, string> = {
	deploy: 'the deployment strategy: one of "rolling", "blue-green", "canary", "recreate"',
	iac: 'the IaC tool: one of "terraform", "opentofu", "pulumi", "aws-cdk", "cloudformation", "bicep", "crossplane", "sst", "sam"',
	cicd: 'the CI/CD tool: one of "github-actions", "gitlab-ci", "circleci", "azure-devops", "jenkins"',
};

export const FINDINGS_EXAMPLE = `{
  "recommendation": { "value": "canary", "rationale": "one or two sentences" },
  "alternatives": [ { "value": "blue-green", "tradeoff": "one sentence" } ],
  "facts": [
    {
      "text": "one checkable fact",
      "sources": [ { "url": "https://official.docs/page", "checked": "YYYY-MM-DD" } ]
    }
  ]
}`;

function contextLines(ctx: ProjectContext): string[] {
	const m = ctx.monitoring;
	return [
		`Project: ${ctx.projectName}`,
		`Backend hosting: ${ctx.backend.label} (${PLATFORMS[ctx.backend.platform].name})${ctx.backend.assumed ? " — assumed" : ""}`,
		ctx.frontend ? `Frontend hosting: ${ctx.frontend.label}` : "",
		`Cloud: ${ctx.cloud === "none" ? "none (PaaS only)" : ctx.cloud.toUpperCase()}`,
		`Runtime and framework: ${[ctx.stack.backendRuntime, ctx.stack.backendFramework].filter(Boolean).join(", ") || "not stated"}`,
		`Database: ${ctx.database.engine} on ${DATABASES[ctx.database.provider].name}${ctx.database.sizeGb ? ` (~${ctx.database.sizeGb} GB)` : ""}`,
		ctx.cache ? `Cache: ${ctx.cache}` : "",
		`CI/CD: ${CI_TOOLS[ctx.ci.tool].name}${ctx.ci.assumed ? " — assumed" : ""}`,
		`Scale: ${ctx.scale}${ctx.scaleAssumed ? " (assumed)" : ""}`,
		`Compliance: ${ctx.compliance.length ? ctx.compliance.join(", ") : "none named"}`,
		`Test quality gates: ${ctx.testing.gates.map((g) => `${g.name} ${g.threshold}`).join("; ") || "none given"}`,
		`Monitoring: ${[m.apm, m.metrics, m.logging, m.tracing].filter(Boolean).join(", ") || "none named"}`,
		`Alerts: ${m.alerts.map((a) => `${a.name} (${a.condition})`).join("; ") || "none given"}`,
		ctx.inherited.openQuestions.length
			? `Open questions from earlier sections: ${ctx.inherited.openQuestions.map((q) => q.text).join(" | ")}`
			: "",
	].filter(Boolean);
}

/** The agent definition from the project's .claude/agents/<agent>.md, when there is one (bounded). */
export function agentDefinition(paths: ProjectPaths, agent: string): string | undefined {
	const read = readProjectFile(paths.root, path.join(paths.agentsDir, `${agent}.md`), 64 * 1024);
	if (read.kind !== "ok") return undefined;
	return sanitizeForFile(read.text).slice(0, 20_000);
}

/** `today` (YYYY-MM-DD) is the date the agent checks its sources on; it follows SOURCE_DATE_EPOCH like every date. */
export function buildPrompt(
	task: TaskId,
	ctx: ProjectContext,
	paths: ProjectPaths,
	today: string = nowIso().slice(0, 10),
): string {
	const meta = TASKS[task];
	const cloud = ctx.cloud === "none" ? PLATFORMS[ctx.backend.platform].name : ctx.cloud.toUpperCase();
	const ci = CI_TOOLS[ctx.ci.tool].name;
	const topics = meta.topics.map((t) =>
		t.replace("the project's cloud", cloud).replace("the project's CI tool", ci),
	);
	const definition = agentDefinition(paths, meta.agent);
	return [
		`You are ${meta.agent}, researching "${meta.title}" for Section 10 (Deployment & Operations) of a technical specification.`,
		"",
		"## Research brief",
		...topics.map((t) => `- ${t}`),
		`Return: ${meta.returns}, specific to this project.`,
		"",
		"## Project context",
		...contextLines(ctx).map((l) => `- ${sanitizeForFile(l)}`),
		...(definition ? ["", `## Your agent definition (.claude/agents/${meta.agent}.md)`, definition] : []),
		"",
		"## Sources",
		`Today is ${today}. Research on the web: search, then open the vendors' official documentation and read it.`,
		'Every fact needs its sources: the URL of each page you opened in this run and the date you checked it ("checked", YYYY-MM-DD).',
		'Cite only pages you opened. If you cannot browse the web, say so and leave "sources" empty rather than citing from memory.',
		"",
		"## Output",
		"Write your research as plain text, naming the URL behind each claim.",
		`End with one fenced \`\`\`json block of findings in exactly this shape, where "value" is ${DECISION_FOR[task]}:`,
		"```json",
		FINDINGS_EXAMPLE,
		"```",
	].join("\n");
}
