// Operations knowledge: feature flags, incident severity and roles, DORA benchmarks; compliance lives in compliance.ts.

import { type Fact, fact, type SourceId } from "./sources";

export interface FlagTool {
	id: string;
	name: string;
	detect: RegExp;
	kind: string;
	rollout: string;
	sources: SourceId[];
}

export const FLAG_TOOLS: FlagTool[] = [
	{
		id: "launchdarkly",
		name: "LaunchDarkly",
		detect: /\blaunch ?darkly\b/i,
		kind: "managed",
		rollout: "percentage and progressive rollouts; guarded rollouts watch metrics and roll back",
		sources: ["launchdarkly-guarded"],
	},
	{
		id: "unleash",
		name: "Unleash",
		detect: /\bunleash\b/i,
		kind: "open source",
		rollout:
			"`flexibleRollout` with a percentage and stickiness on userId so raising the percentage keeps existing users in",
		sources: ["unleash-rollout"],
	},
	{
		id: "flagsmith",
		name: "Flagsmith",
		detect: /\bflagsmith\b/i,
		kind: "open source (BSD-3-Clause), hosted or self-hosted",
		rollout: "segments and percentage splits",
		sources: ["flagsmith"],
	},
	{
		id: "growthbook",
		name: "GrowthBook",
		detect: /\bgrowthbook\b/i,
		kind: "open source with experimentation",
		rollout: "percentage rollouts and experiments",
		sources: ["growthbook"],
	},
	{
		id: "configcat",
		name: "ConfigCat",
		detect: /\bconfigcat\b/i,
		kind: "managed",
		rollout: "percentage and targeting rules",
		sources: ["openfeature"],
	},
	{
		id: "posthog",
		name: "PostHog feature flags",
		detect: /\bposthog\b/i,
		kind: "managed or self-hosted",
		rollout: "percentage rollouts with person properties",
		sources: ["openfeature"],
	},
];

export const FLAG_FACTS: Fact[] = [
	fact(
		"Feature flags decouple deploy from release and give kill switches that degrade gracefully during incidents.",
		["openfeature"],
	),
	fact(
		"Toggle categories differ in lifetime: release, experiment, ops (including kill switches) and permissioning; keep the number of live toggles small.",
		["feature-toggles"],
		"S",
	),
	fact(
		"OpenFeature is a vendor-neutral CNCF specification with providers for most flag services, so the SDK call sites do not change with the vendor.",
		["openfeature"],
	),
];

/**
 * Impact tiers, most urgent first. A project's own severity levels map onto them in order (two levels: the first and
 * the third tier; three: the first three …), so the table has exactly the project's rows.
 */
export const IMPACT_TIERS: string[] = [
	"production down, data loss or security breach; more than 25% of users affected",
	"a core journey broken or degraded for more than 5% of users, or an SLO burning at more than 10× its budget rate",
	"partial degradation with a workaround; deploy-related issues are rolled back first",
	"minor issue, no user impact",
	"cosmetic or informational; tracked as a ticket",
];

/** Lower numbers are more urgent, major incidents get the full process, and an unsure responder picks the higher one. */
export const SEVERITY_MODEL: Fact = fact(
	"Numbered severity levels run from the most urgent down; the top levels are major incidents run with the full process; when unsure, pick the higher severity.",
	["pd-severity"],
);

export const INCIDENT_ROLES_FACT: Fact = fact(
	"Incident roles: Incident Commander, Deputy, Scribe, Subject Matter Experts, Customer Liaison and Internal Liaison.",
	["pd-roles"],
);

export const INCIDENT_PRACTICE_FACT: Fact = fact(
	"Declare early, separate roles, keep a live incident document and hand off explicitly.",
	["sre-incidents"],
);

export const POSTMORTEM_FACT: Fact = fact(
	"Every major incident gets a blameless postmortem; PagerDuty's process reviews it within 3 calendar days for the most urgent level and 5 business days for the next.",
	["pd-postmortem", "sre-postmortem"],
);

export const DORA_FACTS: Fact[] = [
	fact(
		"DORA 2024 elite performers: change lead time under one day, on-demand deployments, 5% change failure rate and failed-deployment recovery under one hour.",
		["dora-2024"],
		"S",
	),
	fact(
		"DORA measures change lead time, deployment frequency, change fail rate, failed deployment recovery time and, since 2024, deployment rework rate.",
		["dora-guide"],
		"S",
	),
];

export {
	COMPLIANCE,
	COMPLIANCE_IDS,
	type ComplianceId,
	type ComplianceRegime,
	detectCompliance,
} from "./compliance";

export const RUNBOOK_FACTS: Fact[] = [
	fact(
		"A runbook documents steps to a specific outcome with the tools, permissions, error handling and escalations it needs; keep runbooks version-controlled and automate the frequent ones first.",
		["aws-ops07"],
	),
];

export const MIGRATION_FACTS: Fact[] = [
	fact(
		"Rolling back application code does not roll back the database schema; migrations must stay backward compatible.",
		["render-rollback-article"],
	),
	fact(
		"Expand/contract (parallel change): add the new shape, migrate readers and writers, remove the old shape in a later release.",
		["parallel-change"],
		"S",
	),
];

/** A paging tool that is discontinued or only maintained: the dates, the vendor's path, and the source. */
export interface PagingStatus {
	name: string;
	/** Matches the inputs' paging tool (canonical name and wording). */
	detect: RegExp;
	/** True when the wording says which edition: only that edition is affected. */
	certain: (label: string) => boolean;
	status: string;
	migrate: string;
	sources: SourceId[];
}

export const PAGING_STATUS: PagingStatus[] = [
	{
		name: "Grafana OnCall OSS",
		detect: /\bgrafana on-?call\b/i,
		certain: (label) => /\boss\b|self-hosted|open[- ]source/i.test(label),
		status:
			"in maintenance mode from 2025-03-11 and archived on 2026-03-24: the repository is read-only, with no further fixes, security patches included",
		migrate:
			"move paging to Grafana Cloud IRM (the maintained successor) or another supported pager before the next on-call rota change, and test SMS and phone delivery",
		sources: ["ops-grafana-oncall-archived"],
	},
	{
		name: "Opsgenie",
		detect: /\bopsgenie\b/i,
		certain: () => true,
		status: "no longer sold since 2025-06-04; Atlassian ends its support on 2027-04-05",
		migrate:
			"migrate alerts, schedules and escalation policies to Jira Service Management (or Compass), the path Atlassian provides, or to another pager, and finish before 2027-04-05",
		sources: ["ops-opsgenie-eos"],
	},
];

/** The status of the inputs' paging tool when it is discontinued or in maintenance; undefined when it is supported. */
export function pagingStatus(
	value: string | undefined,
	label?: string,
): (PagingStatus & { edition: boolean }) | undefined {
	if (!value) return undefined;
	const text = `${value} ${label ?? ""}`;
	const hit = PAGING_STATUS.find((p) => p.detect.test(text));
	if (!hit) return undefined;
	// Grafana Cloud IRM is the maintained product; only the self-hosted OSS edition is archived.
	if (hit.name === "Grafana OnCall OSS" && /\bcloud irm\b/i.test(text) && !hit.certain(text))
		return undefined;
	return { ...hit, edition: hit.certain(text) };
}
