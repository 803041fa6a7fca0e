// 10.6 Disaster Recovery: backups, recovery per failure mode from the mechanisms the data store has (with the
// arithmetic), targets per tier against the SLA's budget, and failover/failback for the stack's real mechanisms.

import { humanDuration } from "../../decisions/duration";
import { capablePattern, inRegionFloor, slaPercentOf } from "../../decisions/recovery";
import { DR_PRINCIPLES, DR_TIERS } from "../../knowledge/dr";
import {
	type Estimate,
	FAILURE_LABELS,
	immutability,
	type ModeRecovery,
	monthlyBudgetMinutes,
	offsiteCopy,
} from "../../knowledge/recovery";
import { unprovided } from "../../knowledge/stores";
import { bullets, inlineCode, join, numbered, table } from "./md";
import type { SectionModel } from "./model";

const dur = (e: Estimate) =>
	e.minutes === undefined ? "unknown" : e.minutes === 0 ? "0" : `about ${humanDuration(e.minutes)}`;

function pitrRow(m: SectionModel): string {
	const { db, caps, pitrDays } = m.recovery;
	if (caps.pitr === "on")
		return `${db.pitr?.how ?? "point-in-time recovery"}; window ${pitrDays !== undefined ? humanDuration(pitrDays * 1440) : (db.pitr?.retention ?? "per plan")}`;
	if (caps.pitr === "off")
		return `${caps.pitrOffBecause === "add-on" ? "a paid add-on the inputs do not mention" : "not enabled in the inputs"}: recovery falls back to the latest backup${db.pitr ? `; enabling it (${db.pitr.retention}) brings the logical-error RPO to about ${humanDuration(db.pitr.logIntervalMinutes)}` : ""}`;
	return `none on this service or plan: add ${db.id === "self-managed" ? "WAL archiving" : "log archiving"} to go below the backup interval`;
}

function backups(m: SectionModel): string {
	const { db, engine } = m.recovery;
	const off = offsiteCopy(engine, db);
	const lock = immutability(m.ctx.cloud);
	const plan = m.recovery.store.plan ? ` (${m.recovery.store.plan})` : "";
	return join(
		"### Backup strategy",
		table(
			["Property", "Setting"],
			[
				["Database", `${db.name}${plan}`],
				[
					"Snapshots",
					db.continuousOnly
						? "none: continuous backup replaces scheduled snapshots on this service"
						: `every ${humanDuration(m.decisions.backupMinutes)} (${db.snapshot.retention})`,
				],
				["Point-in-time recovery", pitrRow(m)],
				[
					"Retention",
					m.recovery.pitrDays !== undefined
						? `${humanDuration(m.recovery.pitrDays * 1440)} point-in-time; snapshots as above`
						: `as the provider keeps them: ${db.snapshot.retention}`,
				],
				["Off-site copy", `${off.how}${m.cite(off.sources)}`],
				["Immutability", `${lock.how}, against ransomware and operator error${m.cite(lock.sources)}`],
				["Encryption", "at rest with the provider's keys; off-site copies encrypted before upload"],
				[
					"Restore test",
					"quarterly, a restore into a scratch instance with row counts checked; owner: the database owner; the date and duration go into the database restore runbook",
				],
			],
		),
		bullets(
			db.facts.map((f) =>
				unprovided(f.text, m.recovery.caps).length
					? `Not provided by the inputs, an option of ${db.name}: ${f.text}${m.cite(f.sources)}`
					: `${f.text}${m.cite(f.sources)}`,
			),
		),
		db.caveats.length
			? `Limits of ${db.name} this plan respects:\n\n${bullets(db.caveats.map((c) => `${c.text}${m.cite(c.sources)}`))}`
			: undefined,
	);
}

function procedures(m: SectionModel): string {
	const rows = m.recovery.modes.map((r: ModeRecovery) => [
		FAILURE_LABELS[r.mode],
		r.mode === "bad-deploy"
			? `${r.mechanism}: ${inlineCode(m.platform.rollback.command(m.ctx.serviceName))}`
			: r.mechanism,
		`${dur(r.rpo)} (${r.rpo.arithmetic})`,
		r.mode === "bad-deploy" ? r.rto.arithmetic : `${dur(r.rto)} (${r.rto.arithmetic})`,
		r.runbook,
	]);
	const byAdvice = new Map<string, string[]>();
	for (const r of m.recovery.modes)
		if (r.recommend)
			byAdvice.set(r.recommend, [...(byAdvice.get(r.recommend) ?? []), FAILURE_LABELS[r.mode]]);
	const adds = [...byAdvice].map(([advice, modes]) => `${modes.join(", ")}: ${advice}.`);
	return join(
		"### Recovery procedures",
		`Each failure mode is recovered with a mechanism the inputs provide for ${m.recovery.db.name}; where none exists, the row says what recovers it today and the list below what to add.`,
		table(["Failure mode", "Mechanism", "Data loss (RPO)", "Recovery time (RTO)", "Runbook"], rows),
		adds.length ? `To add, with its cost:\n\n${bullets(adds)}` : undefined,
		"Recovery order for any scenario: data first (database, then object storage), then the application tier, then background jobs and caches; the application is not reopened to users before the data is verified.",
	);
}

function targets(m: SectionModel): string {
	const { tier } = m;
	const capable = DR_TIERS[capablePattern(m.recovery)];
	const sla = slaPercentOf(m.ctx);
	const region = m.recovery.modes.find((r) => r.mode === "region")!;
	const budget = sla !== undefined ? monthlyBudgetMinutes(sla) : undefined;
	return join(
		"### RTO/RPO targets",
		`Targets are set per service tier. Tier 1 follows the decisions (RTO ${humanDuration(m.decisions.rtoMinutes)}, RPO ${m.decisions.rpoMinutes === 0 ? "0" : humanDuration(m.decisions.rpoMinutes)}) for failures inside the region. For a region loss the data layer supports **${capable.name}**${m.recovery.caps.crossRegion ? "" : " (no replica in another region in the inputs)"}, so this plan is **${tier.name}** (AWS: ${tier.aws}; Azure: ${tier.azure}; Google: ${tier.google}).${m.cite(tier.facts.flatMap((f) => f.sources))}`,
		table(
			["Tier", "Services", "RTO", "RPO", "Recovery mechanism"],
			m.serviceTiers.map((t) => [
				t.name,
				t.scope,
				humanDuration(t.rtoMinutes),
				t.rpoMinutes === 0 ? "0" : humanDuration(t.rpoMinutes),
				t.mechanism,
			]),
		),
		budget !== undefined
			? `Error budget: a ${sla}% monthly SLA allows ${budget} minutes of downtime a month. ${region.rto.minutes !== undefined ? `One region loss recovered in ${dur(region.rto)} uses ${Math.round((region.rto.minutes / budget) * 100)}% of a month's budget${region.rto.minutes > budget ? ", so that month breaches the SLA and the credits it promises fall due" : ""}.` : "The time to recover a region loss is unknown until the data size is known."} A Tier 1 RTO of ${humanDuration(m.decisions.rtoMinutes)} is ${m.decisions.rtoMinutes > budget ? "longer than the whole monthly budget" : `${Math.round((m.decisions.rtoMinutes / budget) * 100)}% of it`}.`
			: "No SLA is given in the inputs, so the RTO is not weighed against an error budget; state the SLA to do so.",
		bullets(DR_PRINCIPLES.slice(0, 2).map((f) => `${f.text}${m.cite(f.sources)}`)),
	);
}

function achievability(m: SectionModel): string {
	const { decisions } = m;
	const floor = inRegionFloor(m.recovery);
	const logical = m.recovery.modes.find((r) => r.mode === "logical")!;
	const rpoOk = decisions.rpoMinutes >= floor.rpo;
	const rpoText = `RPO: ${logical.mechanism} loses up to ${humanDuration(Math.max(floor.rpo, 1 / 60))} (${logical.rpo.arithmetic}), the worst case inside the region, against a target of ${decisions.rpoMinutes === 0 ? "0" : humanDuration(decisions.rpoMinutes)}: ${rpoOk ? "**met**" : "**not met** (infeasible: see the warning below)"}. Replication is not a backup: it copies a bad DELETE within seconds.`;
	let rtoText: string;
	if (floor.rto !== undefined) {
		const ok = decisions.rtoMinutes >= floor.rto;
		rtoText = `RTO: the slowest recovery inside the region takes about ${humanDuration(floor.rto)} (${logical.rto.arithmetic}), against a target of ${humanDuration(decisions.rtoMinutes)}: ${ok ? "**met**" : "**not met** (infeasible: see the warning below)"}.`;
	} else {
		const fixed = 15 + 10 + m.platform.rollback.expectedMinutes + 10;
		const maxGb = Math.max(0, decisions.rtoMinutes - fixed);
		rtoText = `RTO: the restore time depends on the data size, which the inputs do not give (${logical.rto.arithmetic}). The target of ${humanDuration(decisions.rtoMinutes)} is **met** while the database is no larger than about ${maxGb} GB, at the planning rate of 1 GB/min; the first restore drill measures the real rate, and the database size is an open question.`;
	}
	// Platform rules are reported in 10.1, next to the strategy they constrain.
	const warns = m.warnings
		.filter((w) => !w.rule)
		.map(
			(w) =>
				`**${w.infeasible ? "Infeasible" : w.level === "warning" ? "Warning" : "Note"}** (${w.decision}): ${w.message}`,
		);
	return join(
		"### Achievability check",
		bullets([
			rpoText,
			rtoText,
			"DNS records that move in a failover use a TTL of 60 seconds so clients follow within the RTO.",
		]),
		warns.length ? bullets(warns) : undefined,
	);
}

function failover(m: SectionModel): string {
	const { db, caps, store } = m.recovery;
	const cross = store.replicas.find((r) => r.kind !== "standby");
	const over =
		caps.crossRegion && cross
			? [
					"Declare the disaster in the incident channel; freeze all deploys.",
					cross.kind === "geo"
						? `Confirm that service-managed failover moved the write region of ${db.name} to ${cross.region ?? "the secondary region"}, or change the failover priority by hand.`
						: `Promote the ${cross.kind === "global-table" ? "global table replica" : "replica"} in ${cross.region ?? "the secondary region"} to primary.`,
					"Apply the IaC for the recovery region, pointing the application at the promoted database.",
					"Deploy the last known-good artifact (the SHA in the deployment record).",
					"Run the smoke tests against the recovery endpoint.",
					"Move DNS (TTL 60 s) to the recovery region; watch error rate and latency.",
					"Post the status page update; record the actual RTO and RPO.",
				]
			: [
					"Declare the disaster in the incident channel; freeze all deploys.",
					`Create a new ${db.name} instance in the recovery region from the newest off-site copy (there is no replica to promote).`,
					"Apply the IaC for the recovery region, pointing the application at the restored database.",
					"Deploy the last known-good artifact (the SHA in the deployment record).",
					"Run the smoke tests and check row counts of the key tables against the copy's manifest.",
					"Move DNS (TTL 60 s) to the recovery region; watch error rate and latency.",
					"Post the status page update with the data window lost; record the actual RTO and RPO.",
				];
	const back = caps.crossRegion
		? [
				"Rebuild the primary region from IaC; do not reuse instances of unknown state.",
				"Create a replica of the now-primary database in the original region and wait until it has caught up.",
				"In a maintenance window stop writes, promote it back, and switch DNS.",
				"Verify, then re-create the replica in the recovery region.",
			]
		: [
				"Keep serving from the recovery region until the original region is healthy.",
				"In a maintenance window stop writes, take a backup of the recovery database and restore it into the original region.",
				"Point the application back, switch DNS, verify, then remove the recovery environment.",
			];
	const drills = m.compliance.map(
		(c) => `${c.name}: ${c.drillCadence.text}${m.cite(c.drillCadence.sources)}`,
	);
	return join(
		"### Failover procedures",
		"**Who declares a disaster.** The incident commander, with the engineering manager, when a region or provider outage is expected to exceed half the Tier 1 RTO, or when data loss is confirmed.",
		`**Failover (region loss).**\n\n${numbered(over)}`,
		`**Failback** is a separate, planned operation once the original region is healthy:\n\n${numbered(back)}`,
		`**Drills.** A tabletop exercise every quarter and a restore or failover drill at least once a year (common practice), measuring actual RTO and RPO against the targets${drills.length ? ` (${drills.join("; ")})` : ""}.${m.cite(DR_PRINCIPLES.slice(2, 3).flatMap((f) => f.sources))}`,
		bullets(DR_PRINCIPLES.slice(3).map((f) => `${f.text}${m.cite(f.sources)}`)),
	);
}

export function renderRecovery(m: SectionModel): string {
	return join(
		"## 10.6 Disaster Recovery",
		backups(m),
		procedures(m),
		targets(m),
		achievability(m),
		failover(m),
	);
}
