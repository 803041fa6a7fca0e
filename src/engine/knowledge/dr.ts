// Disaster-recovery tiers (AWS, Azure and Google names side by side) with typical RTO/RPO ranges.

import { type Fact, fact } from "./sources";

export type DrTierId = "T0" | "T1" | "T2" | "T3";

export interface DrTier {
	id: DrTierId;
	name: string;
	aws: string;
	azure: string;
	google: string;
	/** Typical recovery time range in minutes [fastest, slowest]. */
	rtoMinutes: [number, number];
	/** Typical data-loss range in minutes. */
	rpoMinutes: [number, number];
	cost: string;
	whatRuns: string;
	facts: Fact[];
}

export const DR_TIERS: Record<DrTierId, DrTier> = {
	T0: {
		id: "T0",
		name: "active-active",
		aws: "multi-site active/active",
		azure: "active-active",
		google: "hot",
		rtoMinutes: [0, 5],
		rpoMinutes: [0, 1],
		cost: "very high",
		whatRuns:
			"full production serving in two or more regions; the data layer accepts writes in more than one place",
		facts: [
			fact(
				"Multi-site active/active gives near-zero RPO/RTO at the highest cost and needs a multi-writer data design.",
				["aws-dr-blog"],
			),
		],
	},
	T1: {
		id: "T1",
		name: "warm standby",
		aws: "warm standby",
		azure: "warm spare",
		google: "warm",
		rtoMinutes: [5, 60],
		rpoMinutes: [0, 15],
		cost: "high",
		whatRuns:
			"a scaled-down but complete copy in the recovery region that can serve at once and then scales up",
		facts: [
			fact(
				"Warm standby keeps a scaled-down, fully functional copy that can take traffic immediately at reduced capacity.",
				["aws-dr-blog", "azure-waf-ha"],
			),
		],
	},
	T2: {
		id: "T2",
		name: "pilot light",
		aws: "pilot light",
		azure: "cold spare",
		google: "warm/cold",
		rtoMinutes: [30, 240],
		rpoMinutes: [1, 15],
		cost: "medium",
		whatRuns: "the data tier replicates continuously; compute is defined in IaC and started only on failover",
		facts: [
			fact(
				"Pilot light keeps the data tier live and replicating while compute is off until recovery; recovery in tens of minutes.",
				["aws-dr-blog"],
			),
		],
	},
	T3: {
		id: "T3",
		name: "backup and restore",
		aws: "backup & restore",
		azure: "redeploy on disaster",
		google: "cold",
		rtoMinutes: [240, 1440],
		rpoMinutes: [60, 1440],
		cost: "low",
		whatRuns: "nothing but backups and the IaC; everything is re-created at recovery time",
		facts: [
			fact(
				"Backup and restore is the cheapest pattern with RPO/RTO measured in hours; infrastructure is re-created from IaC.",
				["aws-dr-blog"],
			),
		],
	},
};

export const DR_PRINCIPLES: Fact[] = [
	fact("DR design starts from RTO and RPO per workload and picks the cheapest pattern that meets them.", [
		"aws-rel13",
		"azure-waf-dr",
		"gcp-dr-plan",
	]),
	fact(
		"High availability inside a region is not disaster recovery: DR also covers region loss, data corruption, ransomware and bad deploys.",
		["aws-dr-blog", "azure-waf-dr"],
	),
	fact(
		"A DR plan names who declares a disaster, recovers components in a prescribed order (data before app), keeps a separate failback plan and is drilled in production at least once a year.",
		["azure-waf-dr"],
	),
	fact(
		"Replication copies logical corruption; recovery from a bad migration or DELETE needs point-in-time recovery or backups.",
		["neon-rollback", "supabase-backups"],
		"S",
	),
];

/** The cheapest tier whose typical recovery fits the targets. */
export function tierFor(rtoMinutes: number, rpoMinutes: number): DrTier {
	if (rtoMinutes < 5 || rpoMinutes < 1) return DR_TIERS.T0;
	if (rtoMinutes < 30 || rpoMinutes <= 1) return DR_TIERS.T1;
	// Continuous cross-region replication is only worth it when the RPO is under an hour.
	if (rpoMinutes < 60 && rtoMinutes < 240) return DR_TIERS.T2;
	return DR_TIERS.T3;
}
