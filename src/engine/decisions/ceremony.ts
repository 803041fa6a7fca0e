// Ceremony sized to the team and budget the inputs state: approvals, reviewers, paging and cost-bearing tools only
// where the project can staff and pay for them, and an explicit list of what is left out.

import type { ProjectContext } from "../inputs/context";

export type CeremonyLevel = "minimal" | "standard" | "regulated";

export interface Ceremony {
	level: CeremonyLevel;
	/** Who approves a production deploy. */
	approver: string;
	/** The release step that names the approval. */
	approvalStep: (ci: string) => string;
	/** What a fuller process would have and this project leaves out, each with the reason. */
	leftOut: string[];
	teamSize?: number;
	budgetMonthlyUsd?: number;
}

/** A team this small cannot staff a separate approver or a paging rotation. */
const SMALL_TEAM = 3;
/** Below this monthly budget, paid add-on tools are not recommended by default. */
const SMALL_BUDGET_USD = 500;

export function ceremonyFor(ctx: ProjectContext, regulated: boolean): Ceremony {
	const c = ctx.model.constraints;
	const teamSize = c.teamSize?.value;
	const budget = c.budgetMonthlyUsd?.value;
	const noOnCall = c.noOnCall?.value === true;
	if (regulated)
		return {
			level: "regulated",
			approver: "a release approver who is not the author (self-review prevented)",
			approvalStep: (ci) =>
				`A release approver who is not the author approves the production environment in ${ci}; the approval is kept as audit evidence.`,
			leftOut: [],
			teamSize,
			budgetMonthlyUsd: budget,
		};
	const small = (teamSize !== undefined && teamSize <= SMALL_TEAM) || noOnCall;
	const cheap = budget !== undefined && budget < SMALL_BUDGET_USD;
	if (!small && !cheap)
		return {
			level: "standard",
			approver: "one required reviewer from the on-call rotation",
			approvalStep: (ci) => `A release approver approves the production environment in ${ci}.`,
			leftOut: [],
			teamSize,
			budgetMonthlyUsd: budget,
		};
	const who = teamSize !== undefined ? `a team of ${teamSize}` : "a team without an on-call rota";
	const leftOut = [
		...(small
			? [
					`a separate production approver: ${who} cannot staff one, so the pull-request review is the approval and a merge to main deploys`,
					"a paging rotation and incident roles beyond one incident lead: alerts go to the team channel and e-mail, answered in working hours",
				]
			: []),
		...(cheap
			? [
					`paid add-on tools (hosted feature flags, incident management, extra monitoring): at about $${budget} a month the section uses what the stack already has`,
				]
			: []),
	];
	return {
		level: "minimal",
		approver: small ? "the pull-request reviewer (no separate production approval)" : "one required reviewer",
		approvalStep: (ci) =>
			small
				? `The pull-request review is the release approval: a merge to \`main\` deploys to production through ${ci}, with no separate approval step.`
				: `One reviewer approves the production environment in ${ci}.`,
		leftOut,
		teamSize,
		budgetMonthlyUsd: budget,
	};
}
