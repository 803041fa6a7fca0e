// Ceremony sized to the team and budget the inputs state: approvals, reviewers, paging and cost-bearing tools only
// where the project can staff and pay for them, and an explicit list of what is left out.

import type { ProjectContext } from "../inputs/context";

export type CeremonyLevel = "minimal" | "standard" | "regulated";

/** Who can answer an incident: one person, a small team without separate roles, or a rota with roles. */
export type Staffing = "solo" | "small" | "team";

/** How incidents are answered, sized to the people the inputs say there are. */
export interface IncidentPlan {
	staffing: Staffing;
	/** When pages are answered: a 24/7 rota, working hours, or best effort (no on-call). */
	coverage: "24/7" | "business-hours" | "best-effort";
	/** The person who answers an alert, as the runbooks name them ("the developer", "the on-call engineer"). */
	responder: string;
	/** How alerts reach the responder: the paging tool, or the notifications Section 9 defines. */
	paging: string;
	/** Where the incident is coordinated and written down. */
	channel: string;
	/** Who is called next, in order, with the minutes an unanswered page waits before each; empty when there is no one else. */
	escalation: { who: string; afterMinutes: number }[];
	/** Separate incident roles, when the team can staff them. */
	roles?: { commander: string; scribe: string; comms: string };
	/** Roles and tools a fuller process has that this team leaves out, said explicitly. */
	leftOut?: string;
	/** How users hear about an incident. */
	userComms: string;
	statusPage: boolean;
	/** The review after a major incident. */
	review: string;
}

export interface Ceremony {
	level: CeremonyLevel;
	incident: IncidentPlan;
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

export function incidentPlanFor(ctx: ProjectContext): IncidentPlan {
	const c = ctx.model.constraints;
	const up = ctx.model.upstream;
	const teamSize = c.teamSize?.value;
	const noOnCall = c.noOnCall?.value === true || up.onCall?.value === "none";
	const coverage: IncidentPlan["coverage"] = noOnCall
		? "best-effort"
		: up.onCall?.value === "business-hours"
			? "business-hours"
			: "24/7";
	const staffing: Staffing =
		teamSize === 1
			? "solo"
			: (teamSize !== undefined && teamSize <= SMALL_TEAM) || noOnCall
				? "small"
				: "team";
	const tool = up.pagingTool?.value;
	const notifications = "the alert notifications Section 9 defines";
	if (staffing === "solo")
		return {
			staffing,
			coverage,
			responder: "the developer",
			paging: tool ?? notifications,
			channel: "the incident note (a dated file in the repository)",
			escalation: [],
			leftOut: `With one person there is no one to staff separate incident roles (commander, scribe, communications), no ${coverage === "best-effort" ? "on-call rota" : "second responder"} and no one to escalate to: the developer does each step in turn, and the written runbooks let a stand-in press the rollback button.`,
			userComms: "a notice on the site (an e-mail to the users whose data was affected)",
			statusPage: false,
			review: "a few lines in the incident note: cause, fix, and the one change that stops a repeat",
		};
	if (staffing === "small") {
		const others = teamSize !== undefined ? teamSize - 1 : undefined;
		return {
			staffing,
			coverage,
			responder: coverage === "best-effort" ? "whoever sees the alert first" : "the engineer on call",
			paging: tool ?? notifications,
			channel: "the team chat (a thread per incident)",
			escalation: [
				{
					who:
						others !== undefined
							? `the other ${others === 1 ? "engineer" : `${others} engineers`}${coverage === "24/7" ? "" : " in working hours"}`
							: `the rest of the team${coverage === "24/7" ? "" : " in working hours"}`,
					afterMinutes: 30,
				},
			],
			leftOut: `${teamSize !== undefined ? `A team of ${teamSize}` : "A team without an on-call rota"} runs incidents with one incident lead who also communicates; separate commander, scribe and communications roles${tool ? "" : " and a paging tool"} are left out until the team grows.`,
			userComms: "a notice on the site or in the app (an e-mail to affected users for outages over an hour)",
			statusPage: false,
			review: "a short written review within a week, with follow-up actions as issues",
		};
	}
	const manager = teamSize === undefined || teamSize >= 8 ? "the engineering manager" : "the team lead";
	const given = up.escalation?.value;
	return {
		staffing,
		coverage,
		responder: "the on-call engineer",
		paging: tool ? `${tool}` : "the paging route Section 9 sets for critical alerts",
		channel: "the incident channel",
		escalation: given?.length
			? given.map((e, i) => ({ who: `the ${e.who}`, afterMinutes: e.afterMinutes ?? (i + 1) * 10 }))
			: [
					{
						who: `the secondary on-call${coverage === "business-hours" ? " (in working hours; outside them best effort)" : ""}`,
						afterMinutes: 10,
					},
					{ who: manager, afterMinutes: 20 },
				],
		roles: {
			commander: "an incident commander who coordinates and does not debug",
			scribe: "a scribe who keeps the timeline",
			comms: "a communications lead for users and stakeholders",
		},
		userComms: "the status page",
		statusPage: true,
		review: "a blameless postmortem",
	};
}

export function ceremonyFor(ctx: ProjectContext, regulated: boolean): Ceremony {
	const c = ctx.model.constraints;
	const teamSize = c.teamSize?.value;
	const budget = c.budgetMonthlyUsd?.value;
	const noOnCall = c.noOnCall?.value === true || ctx.model.upstream.onCall?.value === "none";
	const incident = incidentPlanFor(ctx);
	if (regulated)
		return {
			level: "regulated",
			incident,
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
			incident,
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
		incident,
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
