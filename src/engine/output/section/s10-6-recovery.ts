// 10.6 Disaster Recovery: backups, recovery per failure mode from the mechanisms the data store has (with the
// arithmetic), targets per tier against the SLA's budget, and failover/failback for the stack's real mechanisms.

import { humanDuration } from "../../decisions/duration";
import { capablePattern, inRegionFloor, slaPercentOf } from "../../decisions/recovery";
import { DR_PRINCIPLES, DR_TIERS } from "../../knowledge/dr";
import { STATUS_PAGE_STEP } from "../../knowledge/failover";
import {
	type Estimate,
	FAILURE_LABELS,
	immutability,
	type ModeRecovery,
	monthlyBudgetMinutes,
	offsiteCopy,
	retentionText,
} from "../../knowledge/recovery";
import { unprovided } from "../../knowledge/stores";
import { iacDbRetention, rowContext } from "./iac-snippet";
import { bullets, code, inlineCode, join, numbered, table } from "./md";
import type { SectionModel } from "./model";

const dur = (e: Estimate) =>
	e.minutes === undefined ? "unknown" : e.minutes === 0 ? "0" : `about ${humanDuration(e.minutes)}`;

function pitrRow(m: SectionModel): string {
	const { db, caps, pitrDays } = m.recovery;
	const tool = m.recovery.store.backups?.tool;
	const logMin = m.recovery.store.pitr?.logIntervalMinutes;
	if (caps.pitr === "on" && tool && db.id === "self-managed")
		return `${tool}: base backups plus continuous WAL archiving${logMin !== undefined ? ` (a WAL segment at least every ${humanDuration(logMin)}, as the inputs set \`archive_timeout\`)` : ""}; window ${pitrDays !== undefined ? `${humanDuration(pitrDays * 1440)} (the WAL kept with the retained backups)` : "as long as the retained backups"}`;
	if (caps.pitr === "on")
		return `${db.pitr?.how ?? "point-in-time recovery"}; window ${pitrDays !== undefined ? humanDuration(pitrDays * 1440) : (db.pitr?.retention ?? "per plan")}`;
	if (caps.pitr === "off")
		return `${caps.pitrOffBecause === "add-on" ? "a paid add-on the inputs do not mention" : "not enabled in the inputs"}: recovery falls back to the latest backup${db.pitr ? `; enabling it (${db.pitr.retention}) brings the logical-error RPO to about ${humanDuration(db.pitr.logIntervalMinutes)}` : ""}`;
	return `none on this service or plan: add ${db.id === "self-managed" ? "WAL archiving" : "log archiving"} to go below the backup interval`;
}

/**
 * The nightly off-site copy as a script, for engines whose copy is a logical dump (PostgreSQL, MySQL, Heroku Postgres):
 * dump, encrypt, upload to S3-compatible storage in the other account. Undefined for every other kind of copy.
 */
function offsiteScript(m: SectionModel): string | undefined {
	const { db, engine } = m.recovery;
	const app = m.ctx.serviceName;
	const dump =
		db.id === "heroku-postgres"
			? [`curl -fsS -o "$file" "$(heroku pg:backups:url --app ${app})"`]
			: engine === "postgres" && db.id !== "self-managed"
				? ['pg_dump --format=custom --no-owner --file "$file" "$BACKUP_DATABASE_URL"']
				: engine === "mysql"
					? ['mysqldump --single-transaction --routines --triggers "$BACKUP_DATABASE_URL" | gzip > "$file"']
					: undefined;
	// Azure storage has no S3-compatible endpoint; a pgBackRest or WAL-G setup copies off-site with its own tool.
	if (!dump || m.recovery.store.backups?.tool || m.ctx.cloud === "azure") return undefined;
	return [
		"#!/usr/bin/env bash",
		"# scripts/offsite-backup.sh: tonight's dump, encrypted, into the off-site bucket (one object per night).",
		"set -euo pipefail",
		'stamp="$(date -u +%Y%m%dT%H%M%SZ)"',
		`file="${app}-$stamp.${engine === "mysql" ? "sql.gz" : "dump"}"`,
		...dump,
		'gpg --batch --yes --pinentry-mode loopback --passphrase "$OFFSITE_PASSPHRASE" --symmetric --cipher-algo AES256 --output "$file.gpg" "$file"',
		// S3's API, signed by curl itself: the same line for S3, R2, B2 or Cloud Storage's interoperability endpoint.
		// A bucket with a default retention lock takes an upload only with its MD5.
		'md5="$(openssl dgst -md5 -binary "$file.gpg" | base64)"',
		`curl -fsS --aws-sigv4 "aws:amz:$OFFSITE_REGION:s3" --user "$OFFSITE_ACCESS_KEY_ID:$OFFSITE_SECRET_ACCESS_KEY" -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -H "Content-MD5: $md5" --upload-file "$file.gpg" "$OFFSITE_ENDPOINT/$OFFSITE_BUCKET/${app}/$file.gpg"`,
		'rm -f "$file" "$file.gpg"',
	].join("\n");
}

function backups(m: SectionModel): string {
	const { db, engine, store } = m.recovery;
	const off = offsiteCopy(engine, db, { store, place: m.recovery.offsite, app: m.ctx.serviceName });
	const retention = retentionText(store, db, iacDbRetention(m));
	const schedule = store.backups?.schedule;
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
						: schedule
							? `${store.backups?.tool ? `${store.backups.tool}: ` : ""}${schedule} (the inputs' schedule${m.decisions.backupMinutes !== store.backups?.intervalMinutes ? `; this plan decides every ${humanDuration(m.decisions.backupMinutes)}` : ""})`
							: (db.snapshot.notByDefault ??
								`every ${humanDuration(m.decisions.backupMinutes)} (the provider's default schedule; the inputs do not give one)`),
				],
				["Point-in-time recovery", pitrRow(m)],
				[
					"Retention",
					db.continuousOnly && m.recovery.pitrDays !== undefined
						? `continuous backup: a restore window of ${humanDuration(m.recovery.pitrDays * 1440)}${store.pitr?.windowDays !== undefined ? ", as the inputs set it" : ""}`
						: `backups: ${retention.text}${m.recovery.caps.pitr === "on" && m.recovery.pitrDays !== undefined ? `; point-in-time window ${humanDuration(m.recovery.pitrDays * 1440)}` : ""}${m.cite(retention.sources ?? [])}`,
				],
				[
					"Off-site copy",
					`${off.how}${offsiteScript(m) ? "; made by `scripts/offsite-backup.sh` below, which the pipeline of 10.2 does not run yet: add it as a nightly scheduled job with the production environment's secrets" : ""}${m.cite(off.sources)}`,
				],
				["Immutability", `${lock.how}, against ransomware and operator error${m.cite(lock.sources)}`],
				["Encryption", "at rest with the provider's keys; off-site copies encrypted before upload"],
				[
					"Restore test",
					"quarterly, a restore into a scratch instance with row counts checked; owner: the database owner; the date and duration go into the database restore runbook",
				],
			],
		),
		offsiteScript(m)
			? `The off-site copy job. It reads ${m.recovery.db.id === "heroku-postgres" ? "`HEROKU_API_KEY`" : "`BACKUP_DATABASE_URL` (a read-only role)"}, \`OFFSITE_PASSPHRASE\`, \`OFFSITE_ENDPOINT\`, \`OFFSITE_REGION\` and \`OFFSITE_BUCKET\` (S3-compatible storage in the other account) and that account's write-only keys (\`OFFSITE_ACCESS_KEY_ID\`, \`OFFSITE_SECRET_ACCESS_KEY\`); it needs ${m.recovery.db.id === "heroku-postgres" ? "the Heroku CLI" : "the engine's client of the server's major version"}, \`gpg\`, \`openssl\` and curl 7.86 or later. The passphrase is kept outside both accounts (the restore needs it):\n\n${code("bash", offsiteScript(m)!)}`
			: undefined,
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
			? `${r.mechanism}: ${inlineCode(m.platform.rollback.command(m.ctx.serviceName, rowContext(m)))}`
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
			? `Error budget: a ${sla}% monthly SLA allows ${budgetText(sla!)}${m.cite(["sre-error-budget"])}. ${region.rto.minutes !== undefined ? `One region loss recovered in ${dur(region.rto)} uses ${Math.round((region.rto.minutes / budget) * 100)}% of a month's budget${region.rto.minutes > budget ? ", so that month breaches the SLA and the service credits the SLA promises fall due" : ", leaving the rest for deploys, maintenance and incidents"}.` : "The time to recover a region loss is unknown until the data size is known."} A Tier 1 RTO of ${humanDuration(m.decisions.rtoMinutes)} is ${m.decisions.rtoMinutes > budget ? "longer than the whole monthly budget: one such recovery breaches the SLA on its own" : `${Math.round((m.decisions.rtoMinutes / budget) * 100)}% of it`}.`
			: "No SLA is given in the inputs, so the RTO is not weighed against an error budget; state the SLA to do so.",
		costText(m),
		bullets(DR_PRINCIPLES.slice(0, 2).map((f) => `${f.text}${m.cite(f.sources)}`)),
	);
}

/** "219.2 minutes (3 h 39 min) in an average month; 3 h 36 min in a 30-day window". */
function budgetText(sla: number): string {
	const hm = (min: number) => {
		const h = Math.floor(min / 60);
		const rest = Math.round(min - h * 60);
		return h ? `${h} h${rest ? ` ${rest} min` : ""}` : `${+min.toFixed(1)} min`;
	};
	const month = monthlyBudgetMinutes(sla);
	const window30 = ((100 - sla) / 100) * 30 * 1440;
	return `${hm(month)} of downtime in an average month of 30.44 days (${hm(window30)} in a 30-day window)`;
}

/** The recommended pattern's cost against the budget the inputs give. */
function costText(m: SectionModel): string | undefined {
	const budget = m.ctx.model?.constraints.budgetMonthlyUsd?.value;
	const currency = m.ctx.model?.constraints.budgetMonthlyUsd?.currency ?? "USD";
	const { tier } = m;
	const adds = m.recovery.modes.filter((r) => r.recommend).length;
	const what =
		tier.id === "T3"
			? "costs the backup storage and the off-site copies only; the recovery environment is built at recovery time"
			: tier.id === "T2"
				? "keeps the data tier running in the recovery region (about the cost of the primary database again, already paid where the replica exists) and starts compute only on failover"
				: tier.id === "T1"
					? "keeps a scaled-down copy of the whole stack running in the recovery region: roughly the data tier again plus a fraction of the compute"
					: "runs full production in two regions: about twice the hosting cost";
	if (budget === undefined)
		return `Cost: ${tier.name} ${what}. The inputs give no budget to weigh it against.`;
	return `Cost: ${tier.name} ${what}. The inputs set a budget of ${currency} ${budget.toLocaleString("en-US")} a month; ${adds ? "the additions recommended above are priced by the provider and must fit in it before they are approved" : "this plan adds no running resources to it"}. A region loss itself costs the recovery environment's hours while it runs, and the SLA credits when the recovery exceeds the error budget.`;
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
	// Platform rules are reported in 10.1, next to the strategy they constrain; environments in 10.4.
	const warns = m.warnings
		.filter((w) => !w.rule && w.decision !== "environments")
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
	const plan = m.recovery.region;
	const inc = m.ceremony.incident;
	// The knowledge's steps name a status page and an incident channel; a team without them gets its own.
	const forTeam = (step: string) =>
		(inc.statusPage ? step : step.replace(STATUS_PAGE_STEP, `Tell users through ${inc.userComms}`)).replace(
			"the incident channel",
			inc.channel,
		);
	const over = plan.failover.map(forTeam);
	const back = plan.failback.map(forTeam);
	const declarer = inc.roles
		? `The incident commander, with ${inc.escalation.at(-1)?.who ?? "the engineering manager"},`
		: `${inc.responder.charAt(0).toUpperCase()}${inc.responder.slice(1)}${inc.escalation.length ? `, with ${inc.escalation.at(-1)!.who},` : ""}`;
	const drills = m.compliance.map(
		(c) => `${c.name}: ${c.drillCadence.text}${m.cite(c.drillCadence.sources)}`,
	);
	return join(
		"### Failover procedures",
		`**Who declares a disaster.** ${declarer} when a region or provider outage is expected to exceed half the Tier 1 RTO, or when data loss is confirmed.`,
		`**Failover (region loss).**${m.cite(plan.sources)}\n\n${numbered(over)}`,
		plan.limits.length ? `Limits of this mechanism:\n\n${bullets(plan.limits)}` : undefined,
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
