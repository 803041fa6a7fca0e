// The decisions checked against each other and against what the platform and database can do.

import type { ProjectContext } from "../inputs/context";
import type { IacToolId } from "../knowledge/iac";
import type { SourceId } from "../knowledge/sources";
import type { DecisionId } from "../vocabulary";
import { humanDuration } from "./duration";
import { recommendIac } from "./recommend";
import { recoveryWarnings } from "./recovery";
import { platformRules, type RuleId } from "./rules";
import type { Decisions } from "./spec";

export interface ConsistencyWarning {
	level: "info" | "warning";
	decision: DecisionId;
	message: string;
	/** Set for platform rules: these are refused under --strict. */
	rule?: RuleId;
	sources?: SourceId[];
	/** A target no mechanism of the project can meet: shown before confirming, printed by --yes, refused by --strict, recorded in the handoff. */
	infeasible?: boolean;
}

/** Checks the decisions against each other and against what the platform and database can do. */
export function checkConsistency(d: Decisions, ctx: ProjectContext): ConsistencyWarning[] {
	const out: ConsistencyWarning[] = [];
	out.push(...recoveryWarnings(ctx, d));
	if (d.backupMinutes > 1440) {
		out.push({
			level: "warning",
			decision: "backupFrequency",
			message: `Backups every ${humanDuration(d.backupMinutes)} leave more than a day of exposure; daily is the usual floor for production data.`,
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
