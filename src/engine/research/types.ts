// The three research tasks of the seed, their events and their findings, shared by every backend.

import type { SourceId } from "../knowledge/sources";

export type TaskId = "deploy" | "iac" | "cicd";

export const TASK_IDS: TaskId[] = ["deploy", "iac", "cicd"];

export interface TaskMeta {
	id: TaskId;
	title: string;
	agent: string;
	topics: string[];
	returns: string;
	notesFile: string;
}

export const TASKS: Record<TaskId, TaskMeta> = {
	deploy: {
		id: "deploy",
		title: "Deployment Strategies",
		agent: "genesis-researcher",
		topics: [
			"blue-green deployment patterns",
			"canary release strategies",
			"feature flag implementation",
			"rollback procedures",
		],
		returns: "deployment patterns and rollback strategies",
		notesFile: "10_deployment_strategies.md",
	},
	iac: {
		id: "iac",
		title: "Infrastructure as Code",
		agent: "genesis-perplexity",
		topics: [
			"IaC tools for the project's cloud",
			"Terraform vs Pulumi (and OpenTofu)",
			"environment management",
			"secret injection patterns",
		],
		returns: "IaC recommendations and environment patterns",
		notesFile: "10_infrastructure_as_code.md",
	},
	cicd: {
		id: "cicd",
		title: "CI/CD Pipelines",
		agent: "genesis-documentation",
		topics: [
			"best practices for the project's CI tool",
			"pipeline optimisation",
			"caching strategies",
			"parallel job execution",
		],
		returns: "CI/CD patterns and optimisation techniques",
		notesFile: "10_ci_cd_pipelines.md",
	},
};

export interface FindingFact {
	text: string;
	/** Knowledge-base sources, when the fact came from the built-in engine. */
	sourceIds: SourceId[];
	/** URLs an agent cited. */
	urls: string[];
	/** The date (YYYY-MM-DD) the agent says it checked each cited URL, by URL; absent when it gave none. */
	checked?: Record<string, string>;
}

export interface TaskFindings {
	task: TaskId;
	/** "builtin" or the agent's name. */
	backend: string;
	recommendation?: { value: string; rationale: string };
	alternatives: { value: string; tradeoff: string }[];
	facts: FindingFact[];
	/** Why the findings are partial or came from a fallback ("claude exited with code 1; built-in research used"). */
	note?: string;
}

export type ResearchEvent =
	| { type: "line"; text: string; stream: "stdout" | "stderr" }
	/** Raw output from an agent in pieces, not yet split into lines or sanitised. */
	| { type: "output"; chunks: string[]; stream: "stdout" | "stderr" }
	/** Output that is plain printable ASCII (tab, newline, 0x20–0x7e): safe as it is; each piece with its newlines. */
	| { type: "plain-output"; bytes: Buffer[]; lines: number[]; stream: "stdout" | "stderr" }
	| { type: "done"; findings: TaskFindings }
	| { type: "failed"; reason: string; status?: "failed" | "timed-out" | "cancelled" };
