// The decisions checked against each other and against what the platform and database can do.

import type { ProjectContext } from "../inputs/context";
import { achievableRpoMinutes } from "../knowledge/databases";
import { tierFor } from "../knowledge/dr";
import type { IacToolId } from "../knowledge/iac";
import type { SourceId } from "../knowledge/sources";
import type { DecisionId } from "../vocabulary";
import { humanDuration } from "./duration";
import { recommendIac, restoreEstimate } from "./recommend";
import { platformRules, type RuleId } from "./rules";
import type { Decisions } from "./spec";
import { databaseOf } from "./stack";

export interface ConsistencyWarning {
	level: "info" | "warning";
	decision: DecisionId;
	message: string;
	/** Set for platform rules: these are refused under --strict. */
	rule?: RuleId;
	sources?: SourceId[];
}

/** Checks the decisions against each other and against what the platform and database can do. */
export function checkConsistency(d: Decisions, ctx: ProjectContext): ConsistencyWarning[] {
	const out: ConsistencyWarning[] = [];
	const db = databaseOf(ctx);
	const achievable = achievableRpoMinutes(db);
	if (d.rpoMinutes < d.backupMinutes) {
		if (db.pitr && db.pitr.logIntervalMinutes <= d.rpoMinutes) {
			out.push({
				level: "info",
				decision: "rpo",
				message: `RPO ${humanDuration(d.rpoMinutes)} is shorter than the backup interval (${humanDuration(d.backupMinutes)}): it is met only through point-in-time recovery on ${db.name} (logs every ${humanDuration(db.pitr.logIntervalMinutes)}), which must stay enabled.`,
			});
		} else if (db.replication && d.rpoMinutes >= db.replication.lagSeconds / 60) {
			out.push({
				level: "warning",
				decision: "rpo",
				message: `RPO ${humanDuration(d.rpoMinutes)} is met for instance or region loss by ${db.replication.how}, but not for logical corruption: replication copies a bad DELETE. Point-in-time recovery at ${humanDuration(achievable.logical)} is the floor for that case.`,
			});
		} else {
			out.push({
				level: "warning",
				decision: "rpo",
				message: `RPO ${humanDuration(d.rpoMinutes)} is not achievable on ${db.name}: backups every ${humanDuration(d.backupMinutes)} lose up to that much data, and ${db.pitr ? `its point-in-time logs are archived only every ${humanDuration(db.pitr.logIntervalMinutes)}` : "it has no point-in-time recovery"}. Add point-in-time recovery or replication, or raise the RPO to ${humanDuration(Math.max(achievable.logical, d.backupMinutes))}.`,
			});
		}
	}
	if (d.backupMinutes > 1440) {
		out.push({
			level: "warning",
			decision: "backupFrequency",
			message: `Backups every ${humanDuration(d.backupMinutes)} leave more than a day of exposure; daily is the usual floor for production data.`,
		});
	}
	const tier = tierFor(d.rtoMinutes, d.rpoMinutes);
	const est = restoreEstimate(ctx);
	if (
		d.rtoMinutes < est.minutes &&
		!(db.replication && d.rtoMinutes * 60 >= (db.failoverSeconds ?? 0) + 300)
	) {
		out.push({
			level: "warning",
			decision: "rto",
			message: `RTO ${humanDuration(d.rtoMinutes)} is below a restore-based recovery (~${humanDuration(est.minutes)}: ${est.parts.join(", ")}). It needs ${tier.name} (${tier.aws}) with a standby that can be promoted.`,
		});
	}
	if (!d.environments.includes("staging") && !d.environments.includes("uat")) {
		out.push({
			level: "warning",
			decision: "environments",
			message:
				"Without staging, production is the first production-like test; the pipeline's E2E and performance gates then run against previews only.",
		});
	}
	for (const f of platformRules(d, ctx, recommendIac(ctx).value as IacToolId))
		out.push({ level: f.level, decision: f.decision, message: f.message, rule: f.rule, sources: f.sources });
	if (
		ctx.compliance.some((c) => c === "pci-dss" || c === "soc2" || c === "hipaa") &&
		d.strategy === "recreate"
	) {
		out.push({
			level: "warning",
			decision: "strategy",
			message:
				"Recreate deploys take production down on every release, which conflicts with the availability commitments of the compliance regimes in scope.",
		});
	}
	return out;
}
