// The decisions checked against each other and against what the platform and database can do.

import type { ProjectContext } from "../inputs/context";
import { describeProvenance } from "../inputs/model";
import type { IacToolId } from "../knowledge/iac";
import type { SourceId } from "../knowledge/sources";
import type { DecisionId } from "../vocabulary";
import { humanDuration } from "./duration";
import {
	hasPreProduction,
	inputEnvironments,
	noStagingSentence,
	preProductionTesting,
	removedEnvironments,
} from "./environments";
import { recommendIac } from "./recommend";
import { recoveryWarnings } from "./recovery";
import { platformRules, type RuleId } from "./rules";
import { buildDecisions, type Decisions, type Provenance, type Recommendation } from "./spec";
import { platformOf } from "./stack";

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
	out.push(...environmentWarnings(d, ctx));
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

/** An environment the inputs define and the decision removes (a rule: refused under --strict), or no staging at all. */
function environmentWarnings(d: Decisions, ctx: ProjectContext): ConsistencyWarning[] {
	const removed = removedEnvironments(d.environments, ctx);
	const named = inputEnvironments(ctx);
	const p = platformOf(ctx);
	const noStaging = !hasPreProduction(d.environments);
	if (removed.length && named)
		return [
			{
				level: "warning",
				decision: "environments",
				rule: "environment-removed",
				message: `This plan removes ${removed.join(" and ")}, which the inputs define (${describeProvenance(named.from)}); ${removed.length === 1 ? "its" : "their"} subsections, pipeline stages, parity column and runbook steps are left out of the section.${noStaging ? ` ${preProductionTesting(p)}` : ""}`,
				sources: ["twelve-factor-parity"],
			},
		];
	if (noStaging)
		return [
			{
				level: "warning",
				decision: "environments",
				message: `${noStagingSentence(d.environments, ctx, p)} Production is the first production-like test of a release.`,
				sources: ["twelve-factor-parity"],
			},
		];
	return [];
}

/** Whether --strict refuses a finding: a rule at warning level, or a target no mechanism of the project can meet. */
export function refusedUnderStrict(w: ConsistencyWarning): boolean {
	return (w.rule !== undefined && w.level === "warning") || w.infeasible === true;
}

/** What one value of one decision brings, with the other decisions as they stand: every finding about that decision
 * (shown before the value is confirmed), and those of them the recommended value does not bring — a value --strict
 * refuses for its own sake, never for something in the inputs no value of this decision changes. */
export function findingsForValue(
	recs: Record<DecisionId, Recommendation>,
	fixed: Partial<Record<DecisionId, { value: string; provenance: Provenance }>>,
	ctx: ProjectContext,
	id: DecisionId,
	value: string,
): { findings: ConsistencyWarning[]; refused: ConsistencyWarning[] } {
	const check = (v: string) =>
		checkConsistency(buildDecisions(recs, { ...fixed, [id]: { value: v, provenance: "user" } }), ctx).filter(
			(w) => w.decision === id,
		);
	const findings = check(value);
	const key = (w: ConsistencyWarning) => w.rule ?? (w.infeasible ? "infeasible" : w.message);
	const baseline = new Set(check(recs[id].value).filter(refusedUnderStrict).map(key));
	const refused = findings.filter((w) => refusedUnderStrict(w) && !baseline.has(key(w)));
	return { findings, refused };
}

/** How a refused finding is named to people: which kind of rule it breaks. */
export function ruleKind(w: ConsistencyWarning): string {
	if (w.infeasible) return "Infeasible";
	if (w.rule === "environment-removed") return "Environment removed";
	if (w.rule) return "Platform rule";
	return w.level === "warning" ? "Risk" : "Note";
}
