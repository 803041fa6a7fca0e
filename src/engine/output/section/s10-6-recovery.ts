// 10.6 Disaster Recovery: backups, recovery procedures per scenario, RTO/RPO per tier with the arithmetic, failover and failback.

import { humanDuration } from "../../decisions/duration";
import { achievableRpoMinutes } from "../../knowledge/databases";
import { DR_PRINCIPLES, DR_TIERS } from "../../knowledge/dr";
import { bullets, inlineCode, join, numbered, table } from "./md";
import type { SectionModel } from "./model";

function targets(m: SectionModel): string {
	const { tier } = m;
	return join(
		"### RTO/RPO targets",
		`Targets are set per service tier, not globally. Tier 1 follows the decisions (RTO ${humanDuration(m.decisions.rtoMinutes)}, RPO ${humanDuration(m.decisions.rpoMinutes)}), which places it in the **${tier.name}** pattern (AWS: ${tier.aws}; Azure: ${tier.azure}; Google: ${tier.google}).${m.cite(tier.facts.flatMap((f) => f.sources))}`,
		table(
			["Tier", "Services", "RTO", "RPO", "Recovery mechanism"],
			m.serviceTiers.map((t) => [
				t.name,
				t.scope,
				humanDuration(t.rtoMinutes),
				humanDuration(t.rpoMinutes),
				t.mechanism,
			]),
		),
		table(
			["Pattern", "What runs in the recovery region", "Typical RTO", "Typical RPO", "Cost"],
			Object.values(DR_TIERS).map((t) => [
				`${t.name}${t.id === tier.id ? " (this plan)" : ""}`,
				t.whatRuns,
				`${humanDuration(Math.max(1, t.rtoMinutes[0]))} – ${humanDuration(t.rtoMinutes[1])}`,
				`${t.rpoMinutes[0] === 0 ? "near zero" : humanDuration(t.rpoMinutes[0])} – ${humanDuration(t.rpoMinutes[1])}`,
				t.cost,
			]),
		),
		bullets(DR_PRINCIPLES.slice(0, 2).map((f) => `${f.text}${m.cite(f.sources)}`)),
	);
}

function backups(m: SectionModel): string {
	const { db } = m;
	const retention = m.compliance.length
		? "35 days point-in-time, 12 monthly snapshots kept 1 year"
		: "14 days point-in-time, 6 monthly snapshots";
	return join(
		"### Backup strategy",
		table(
			["Property", "Setting"],
			[
				["Database", `${db.name}`],
				["Snapshots", `every ${humanDuration(m.decisions.backupMinutes)} (${db.snapshot.retention})`],
				[
					"Continuous protection",
					db.pitr
						? db.pitr.how
						: "none on this service: add WAL archiving (WAL-G or pgBackRest to object storage, archive_timeout 5 min) to go below the snapshot interval",
				],
				["Retention", retention],
				[
					"Off-site copy",
					`a nightly logical dump (\`pg_dump --format=custom\`) copied to object storage in a second region and a separate account`,
				],
				[
					"Immutability",
					"object lock (compliance mode) on the off-site bucket for the retention period, against ransomware and operator error",
				],
				[
					"Encryption",
					"at rest with provider-managed keys (KMS/Key Vault where available); dumps encrypted before upload",
				],
				[
					"Restore test",
					"quarterly, restoring the latest off-site dump and a point-in-time restore into a scratch instance; owner: the database owner; the date and duration are recorded in the database-restore runbook",
				],
				[
					"Other state",
					"object storage with versioning and cross-region replication; secrets and IaC state have their own versioned backups",
				],
			],
		),
		bullets(db.facts.map((f) => `${f.text}${m.cite(f.sources)}`)),
		db.caveats.length
			? `Limits of ${db.name} this plan respects:\n\n${bullets(db.caveats.map((c) => `${c.text}${m.cite(c.sources)}`))}`
			: undefined,
	);
}

function procedures(m: SectionModel): string {
	const { db, platform } = m;
	const a = achievableRpoMinutes(db);
	const rows = [
		[
			"Bad deploy",
			`rollback runbook: ${inlineCode(platform.rollback.command(m.ctx.serviceName))}`,
			platform.rollback.expectedTime,
			"none (data untouched)",
		],
		[
			"Logical corruption (bad migration, bad DELETE)",
			db.pitr
				? `point-in-time restore: ${db.restore.semantics}`
				: "restore the last snapshot or off-site dump",
			`about ${humanDuration(m.restore.minutes)}`,
			`up to ${humanDuration(a.logical)}`,
		],
		[
			"Instance or zone failure",
			db.ha,
			db.failoverSeconds
				? `${humanDuration(Math.ceil(db.failoverSeconds / 60))} for the database, automatic`
				: "as the restore",
			db.replication
				? `up to ${humanDuration(Math.max(a.instanceLoss, 1 / 60))}`
				: `up to ${humanDuration(a.logical)}`,
		],
		[
			"Region or provider outage",
			`${m.tier.name}: ${m.tier.whatRuns}`,
			`${humanDuration(m.decisions.rtoMinutes)} target`,
			`${humanDuration(m.decisions.rpoMinutes)} target`,
		],
	];
	return join(
		"### Recovery procedures",
		table(["Scenario", "Recovery", "Expected time", "Data loss"], rows),
		"Recovery order for any scenario: data first (database, then object storage), then the application tier, then background jobs and caches; the application is not reopened to users before the data is verified.",
	);
}

function achievability(m: SectionModel): string {
	const { db, decisions } = m;
	const a = achievableRpoMinutes(db);
	const rpoOk = a.logical <= decisions.rpoMinutes;
	const rtoOk =
		m.restore.minutes <= decisions.rtoMinutes ||
		(db.replication !== undefined && (db.failoverSeconds ?? 0) / 60 + 5 <= decisions.rtoMinutes);
	const lines = [
		`RPO: ${db.pitr ? `log archiving every ${humanDuration(db.pitr.logIntervalMinutes)}` : `snapshots every ${humanDuration(db.snapshot.everyHours * 60)}`} gives a worst case of ${humanDuration(a.logical)} for logical errors${db.replication ? ` and ${humanDuration(Math.max(a.instanceLoss, 1 / 60))} for instance loss (${db.replication.how})` : ""}, against a target of ${humanDuration(decisions.rpoMinutes)}: ${rpoOk ? "**met**" : "**not met** — see the warning below"}. Replication is not a backup: it copies a bad DELETE within seconds, so logical errors rely on point-in-time recovery.`,
		`RTO: a restore-based recovery takes about ${humanDuration(m.restore.minutes)} (${m.restore.parts.join(" + ")})${db.replication && db.failoverSeconds ? `; a failover to the standby about ${humanDuration(Math.ceil(db.failoverSeconds / 60) + 5)} including repointing` : ""}, against a target of ${humanDuration(decisions.rtoMinutes)}: ${rtoOk ? "**met**" : "**not met** — see the warning below"}.`,
		"DNS records that move in a failover use a TTL of 60 seconds so clients follow within the RTO.",
	];
	// Platform rules are reported in 10.1, next to the strategy they constrain.
	const warns = m.warnings
		.filter((w) => !w.rule)
		.map((w) => `**${w.level === "warning" ? "Warning" : "Note"}** (${w.decision}): ${w.message}`);
	return join("### Achievability check", bullets(lines), warns.length ? bullets(warns) : undefined);
}

function failover(m: SectionModel): string {
	const { db } = m;
	const regulatedDrill = m.compliance.map((c) => `${c.name}: ${c.drillCadence}`);
	return join(
		"### Failover procedures",
		"**Who declares a disaster.** The incident commander, with the engineering manager, when a region or provider outage is expected to exceed half the Tier 1 RTO, or when data loss is confirmed. A single failed instance is not a disaster; the platform's own failover handles it.",
		`**Failover (region loss).**\n\n${numbered([
			"Declare the disaster in the incident channel; freeze all deploys.",
			`Promote the data tier in the recovery region (${db.replication ? db.replication.how : "restore the latest off-site dump or snapshot copy"}).`,
			`Apply the IaC for the recovery region (\`envs/production-dr\`), pointing the application at the promoted database.`,
			"Deploy the last known-good artifact (the SHA in the deployment record).",
			"Run the smoke tests against the recovery endpoint.",
			"Move DNS (TTL 60 s) to the recovery region; watch error rate and latency.",
			"Post the status page update; record the actual RTO and RPO.",
		])}`,
		`**Failback** is a separate, planned operation once the primary region is healthy:\n\n${numbered([
			"Rebuild the primary region from IaC; do not reuse instances of unknown state.",
			"Replicate data back from the recovery region until lag is under one minute.",
			"Schedule a maintenance window; stop writes, let replication catch up, switch DNS back.",
			"Verify, then return the recovery region to its standby size.",
		])}`,
		`**Drills.** A tabletop exercise every quarter and a production failover drill at least once a year, measuring actual RTO and RPO against the targets${regulatedDrill.length ? ` (${regulatedDrill.join("; ")})` : ""}. The plan is reviewed every six months.${m.cite(DR_PRINCIPLES.slice(2, 3).flatMap((f) => f.sources))}`,
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
