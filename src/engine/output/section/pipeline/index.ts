// The pipeline definition for the chosen CI tool: one job plan (./plan.ts) written by that tool's renderer.

import type { SectionModel } from "../model";
import { azurePipelines } from "./azure-pipelines";
import { circleci } from "./circleci";
import { githubActions } from "./github-actions";
import { gitlab } from "./gitlab-ci";
import { jenkins } from "./jenkins";
import { buildPlan } from "./plan";
import type { PipelinePlan } from "./plan-parts";

export { buildPlan, hasCab, servicesOf } from "./plan";
export type { PipelinePlan } from "./plan-parts";

export function pipelineDefinition(
	m: SectionModel,
	plan: PipelinePlan = buildPlan(m),
): { file: string; lang: string; body: string } {
	switch (m.ci.id) {
		case "github-actions":
			return { file: m.ci.file, lang: "yaml", body: githubActions(m, plan) };
		case "gitlab-ci":
			return { file: m.ci.file, lang: "yaml", body: gitlab(plan) };
		case "circleci":
			return { file: m.ci.file, lang: "yaml", body: circleci(plan) };
		case "azure-devops":
			return { file: m.ci.file, lang: "yaml", body: azurePipelines(plan) };
		case "jenkins":
			return { file: m.ci.file, lang: "groovy", body: jenkins(m, plan) };
	}
}
