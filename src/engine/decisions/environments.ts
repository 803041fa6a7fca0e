// The environments the inputs define, the ones a decision removes, and where pre-production testing happens without
// a staging environment: one place for the words the warnings, 10.4 and the handoff all use.

import type { ProjectContext } from "../inputs/context";
import { describeProvenance, type Provenance } from "../inputs/model";
import type { PlatformFacts } from "../knowledge/platforms";
import { ENVIRONMENT_CHOICES } from "./spec";

/** Names the inputs use, mapped to this wizard's names; test-only ones (ci, local) map to none. */
const ENVIRONMENT_NAMES: [RegExp, string][] = [
	[/^(dev|develop|development)$/, "development"],
	[/^(preview|previews|review|review-apps?)$/, "preview"],
	[/^(staging|stage|pre-?prod|preproduction)$/, "staging"],
	[/^(uat|acceptance)$/, "uat"],
	[/^(prod|production|live)$/, "production"],
];

/** The wizard's name for one environment name of the inputs, if it is a deploy environment. */
export function canonicalEnvironment(name: string): string | undefined {
	const n = name.trim().toLowerCase();
	if (n === "local") return "development";
	return ENVIRONMENT_NAMES.find(([re]) => re.test(n))?.[1];
}

/** Long-lived environments between development and production: what "staging" means in this plan. */
export const PRE_PRODUCTION = ["staging", "uat"];

export function hasPreProduction(envs: string[]): boolean {
	return envs.some((e) => PRE_PRODUCTION.includes(e));
}

/** The environments the inputs define (handoff 03's deploy environments, else Section 8's test environments), in
 * the wizard's order, with where they were read; none when the inputs name none. */
export function inputEnvironments(ctx: ProjectContext): { names: string[]; from: Provenance } | undefined {
	const fromStack = ctx.model.environments;
	const upstream = ctx.model.upstream.environments;
	const src = fromStack ?? upstream;
	if (!src) return undefined;
	const names = new Set(src.value.map(canonicalEnvironment).filter((x): x is string => x !== undefined));
	if (upstream?.noStaging) for (const e of PRE_PRODUCTION) names.delete(e);
	return { names: ENVIRONMENT_CHOICES.filter((e) => names.has(e)), from: src.from };
}

/** Environments the inputs define that the decision leaves out. */
export function removedEnvironments(envs: string[], ctx: ProjectContext): string[] {
	const named = inputEnvironments(ctx);
	return named ? named.names.filter((e) => !envs.includes(e)) : [];
}

/** The platform gives each pull request its own short-lived copy (from its preview text). */
export function hasPreviews(p: PlatformFacts): boolean {
	return !/^none\b/i.test(p.preview);
}

/** Where pre-production testing happens when there is no staging: sentences for 10.1, 10.4, the warnings and the handoff. */
export function preProductionTesting(p: PlatformFacts): string {
	const before = hasPreviews(p)
		? `Changes are tried before merge on each pull request's preview: ${p.preview.replace(/\.$/, "")}.`
		: `No preview deployment is set up on ${p.name}, so changes are tried before merge only by the pipeline's own suites, and the first deployed test is production.`;
	return `${before} The end-to-end and performance gates run against production right after each deploy, inside the post-deploy validation window, where a failure rolls the release back.`;
}

/** A small team or budget: one more long-lived environment is a cost it cannot carry. */
export function smallProject(ctx: ProjectContext): string | undefined {
	const c = ctx.model.constraints;
	const budget = c.budgetMonthlyUsd?.value;
	const team = c.teamSize?.value;
	if (budget !== undefined && budget <= 100) return `a budget of $${budget} a month`;
	if (team !== undefined && team <= 2) return `a team of ${team}`;
	return undefined;
}

/** Why a plan without staging has none: removed against the inputs, ruled out by them, or chosen. */
export function noStagingReason(envs: string[], ctx: ProjectContext): string {
	const named = inputEnvironments(ctx);
	const removed = removedEnvironments(envs, ctx).filter((e) => PRE_PRODUCTION.includes(e));
	if (removed.length && named)
		return `the inputs define ${removed.join(" and ")} (${describeProvenance(named.from)}), and this plan removes ${removed.length === 1 ? "it" : "them"}`;
	if (ctx.model.upstream.environments?.noStaging)
		return `the testing strategy rules one out (${describeProvenance(ctx.model.upstream.environments.from)})`;
	const small = smallProject(ctx);
	if (small) return `with ${small}, a long-lived one is a cost the project cannot carry`;
	return "the environments decided for this plan leave it out";
}

/** The sentences that say staging is gone, why, and where its testing now happens. */
export function noStagingSentence(envs: string[], ctx: ProjectContext, p: PlatformFacts): string {
	return `There is no staging environment: ${noStagingReason(envs, ctx)}. ${preProductionTesting(p)}`;
}
