// The incident severity scale: the project's own levels when the inputs give them, otherwise a scale sized to the
// team; each row's response and paging from who can answer (the incident plan). The runbooks' "SEV-1/SEV-2" wording
// and the table come from the same rows.

import type { ProjectContext } from "../inputs/context";
import { IMPACT_TIERS } from "../knowledge/operations";
import type { IncidentPlan } from "./ceremony";

export interface SeverityRow {
	level: string;
	criteria: string;
	response: string;
	page: string;
	/** A major incident: run with the full process, rolled back first, reviewed afterwards. */
	major: boolean;
}

export interface SeverityScale {
	rows: SeverityRow[];
	/** The major levels joined for prose: "SEV-1/SEV-2", "P1", "Sev0/Sev1". */
	majors: string;
	/** "SEV-1 to SEV-4". */
	range: string;
	/** True when the levels are the project's own (handoff 09), false when sized here. */
	fromInputs: boolean;
}

/** The project's spelling made canonical: `sev1` and `Sev-1` → `SEV-1`, `p2` → `P2`, words capitalised. */
export function severityLabel(raw: string): string {
	const t = raw.trim();
	const sev = /^sev(?:erity)?[\s-]?(\d)$/i.exec(t);
	if (sev) return `SEV-${sev[1]}`;
	const p = /^p[\s-]?(\d)$/i.exec(t);
	if (p) return `P${p[1]}`;
	return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Which impact tier each of `n` levels describes, most urgent first. */
function tiersFor(n: number): number[] {
	if (n <= 1) return [0];
	if (n === 2) return [0, 2];
	return Array.from({ length: n }, (_, i) => Math.min(i, IMPACT_TIERS.length - 1));
}

function response(tier: number, plan: IncidentPlan, ack: string | undefined): string {
	const a = ack?.replace(/^within\s+/i, "");
	const when = a ? (/^\d/.test(a) ? `acknowledged within ${a}` : a) : undefined;
	if (plan.staffing === "solo")
		return (
			[
				"as soon as the developer sees it (best effort, no on-call)",
				"the developer's next working session",
				"when the developer next works on the project",
			][Math.min(tier, 2)] ?? "backlog"
		);
	if (plan.staffing === "small") {
		const hours = plan.coverage === "24/7" ? "" : " in working hours; best effort outside them";
		return [
			`${when ?? "acknowledged within 15 min"}${hours}; one incident lead`,
			`${when ?? "the same working day"}; one incident lead`,
			when ?? "the next working day",
			when ?? "backlog",
			when ?? "backlog",
		][tier]!;
	}
	const hours = plan.coverage === "business-hours" ? " (working hours; best effort outside them)" : "";
	return [
		`${when ?? "acknowledged within 5 min"}${hours}; incident commander named; status page within 15 min`,
		`${when ?? "acknowledged within 15 min"}${hours}; incident commander named; status page within 30 min`,
		when ?? "owner within 1 hour in working hours",
		when ?? "next business day",
		when ?? "backlog",
	][tier]!;
}

function page(tier: number, plan: IncidentPlan, major: boolean): string {
	const noTool = plan.paging.startsWith("the ");
	const alert = !noTool
		? `${plan.paging} page`
		: plan.staffing === "team"
			? "page through Section 9's critical-alert route"
			: "alert notification (Section 9)";
	if (plan.staffing === "solo") return major ? `${alert} to the developer` : "an issue in the tracker";
	if (plan.staffing === "small")
		return major ? `${alert} to the team` : tier <= 2 ? "team chat" : "an issue in the tracker";
	const next = plan.escalation[0];
	if (tier === 0)
		return `${alert}, high urgency${next ? `; escalates to ${next.who} after ${next.afterMinutes} min` : ""}`;
	if (major) return `${alert}, high urgency`;
	return tier === 2 ? "low-urgency notification" : "ticket";
}

export function severityScale(ctx: ProjectContext, plan: IncidentPlan): SeverityScale {
	const given = ctx.model.upstream.severity?.value;
	const levels = given?.levels.length
		? given.levels
		: plan.staffing === "team"
			? ["SEV-1", "SEV-2", "SEV-3", "SEV-4"]
			: ["SEV-1", "SEV-2", "SEV-3"];
	const tiers = tiersFor(levels.length);
	const rows = levels.map((raw, i): SeverityRow => {
		const tier = tiers[i] ?? IMPACT_TIERS.length - 1;
		// Major: the two most urgent tiers, and never every level of a scale.
		const major = tier <= 1 && (i === 0 || i < levels.length - 1);
		return {
			level: severityLabel(raw),
			criteria: IMPACT_TIERS[tier]!,
			response: response(tier, plan, given?.ack[raw]),
			page: page(tier, plan, major),
			major,
		};
	});
	const labels = rows.map((r) => r.level);
	return {
		rows,
		majors: rows
			.filter((r) => r.major)
			.map((r) => r.level)
			.join("/"),
		range: labels.length > 1 ? `${labels[0]} to ${labels[labels.length - 1]}` : labels[0]!,
		fromInputs: Boolean(given?.levels.length),
	};
}
