// Recovery targets reconciled with what the data layer can do: the recommended RTO/RPO, the DR pattern the data
// store can support, and the targets that cannot be met (kept, explained and marked infeasible).

import type { ProjectContext } from "../inputs/context";
import { DR_TIERS, type DrTier, type DrTierId, tierFor } from "../knowledge/dr";
import {
	backupIntervalMinutes,
	monthlyBudgetMinutes,
	type RecoveryFacts,
	recoveryFacts,
} from "../knowledge/recovery";
import { humanDuration } from "./duration";
import { platformOf } from "./stack";

export interface RecoveryPlan {
	tier: DrTier;
	rtoMinutes: number;
	rpoMinutes: number;
	backupMinutes: number;
	/** A restore-based recovery of the primary database; undefined when the data size is unknown. */
	restoreEstimateMinutes?: number;
	explanation: string;
	rtoExplanation: string;
}

export interface RecoveryWarning {
	level: "info" | "warning";
	decision: "rto" | "rpo";
	message: string;
	/** The target cannot be met by any mechanism the project has. */
	infeasible?: boolean;
}

export function slaPercentOf(ctx: ProjectContext): number | undefined {
	return ctx.model?.constraints.slaPercent?.value;
}

export function recoveryOf(ctx: ProjectContext, backupMinutes = 1440): RecoveryFacts {
	return recoveryFacts(ctx, platformOf(ctx), backupMinutes);
}

function roundUp(minutes: number): number {
	const steps = [5, 10, 15, 30, 60, 120, 240, 480, 720, 1440, 2880];
	return steps.find((s) => s >= minutes) ?? Math.ceil(minutes / 1440) * 1440;
}

const mode = (f: RecoveryFacts, id: string) => f.modes.find((m) => m.mode === id)!;

/** The in-region floor: the worst of logical error, instance and zone loss, which every Tier 1 target must cover. */
export function inRegionFloor(f: RecoveryFacts): { rpo: number; rto?: number; rtoAtLeast: number } {
	const inRegion = f.modes.filter((m) => m.mode === "logical" || m.mode === "instance" || m.mode === "zone");
	const rpo = Math.max(...inRegion.map((m) => m.rpo.minutes ?? 0));
	const rtos = inRegion.map((m) => m.rto.minutes);
	const rtoAtLeast = Math.max(...inRegion.map((m) => m.rto.minutes ?? m.rto.atLeast ?? 0));
	return {
		rpo,
		rto: rtos.some((r) => r === undefined) ? undefined : Math.max(...(rtos as number[])),
		rtoAtLeast,
	};
}

/** The most capable pattern the data layer supports for region loss. */
export function capablePattern(f: RecoveryFacts): DrTierId {
	if (f.caps.multiWriter && f.caps.crossRegion) return "T0";
	if (f.caps.crossRegion) return "T2";
	return "T3";
}

/** The cheapest pattern that meets the targets, capped by what the data layer supports. */
export function patternFor(f: RecoveryFacts, rtoMinutes: number, rpoMinutes: number): DrTier {
	const wanted = tierFor(rtoMinutes, rpoMinutes).id;
	const capable = capablePattern(f);
	const order: DrTierId[] = ["T0", "T1", "T2", "T3"];
	return DR_TIERS[order[Math.max(order.indexOf(wanted), order.indexOf(capable))]!];
}

export function recommendRecovery(ctx: ProjectContext): RecoveryPlan {
	const f = recoveryOf(ctx, Math.min(1440, storeBackupMinutes(ctx)));
	const critical = ctx.compliance.some((c) => c === "pci-dss" || c === "hipaa") || ctx.scale === "large";
	const relaxed = ctx.scale === "small" && ctx.compliance.length === 0;
	const floor = inRegionFloor(f);
	let rto = critical ? 30 : relaxed ? 480 : 120;
	const rpoTarget = critical ? 5 : relaxed ? 60 : 15;
	// Never promise less data loss than the data store's own mechanism can deliver.
	const rpo = roundUp(Math.max(rpoTarget, floor.rpo));
	// Nor a faster recovery than the restore itself, when its size is known.
	if (floor.rto !== undefined) rto = Math.max(rto, roundUp(floor.rto));
	const logical = mode(f, "logical");
	return {
		tier: patternFor(f, rto, rpo),
		rtoMinutes: rto,
		rpoMinutes: rpo,
		backupMinutes: Math.min(1440, storeBackupMinutes(ctx)),
		restoreEstimateMinutes: logical.rto.minutes,
		explanation: `${f.db.name} loses up to ${humanDuration(Math.max(floor.rpo, 1 / 60))} to a logical error (${f.caps.pitr === "on" ? "point-in-time recovery" : "the latest backup"})`,
		rtoExplanation:
			floor.rto !== undefined
				? `an in-region restore takes about ${humanDuration(floor.rto)}`
				: "the restore time waits on the data size",
	};
}

/** The interval of the store's scheduled backups: the inputs' schedule first, the provider's default otherwise. */
function storeBackupMinutes(ctx: ProjectContext): number {
	const f = recoveryOf(ctx);
	return backupIntervalMinutes(f.store, f.db);
}

/** Targets checked against every in-region failure mode; a target no mechanism can meet is marked infeasible. */
export function recoveryWarnings(
	ctx: ProjectContext,
	d: { rtoMinutes: number; rpoMinutes: number; backupMinutes: number },
): RecoveryWarning[] {
	const f = recoveryOf(ctx, d.backupMinutes);
	const floor = inRegionFloor(f);
	const out: RecoveryWarning[] = [];
	const logical = mode(f, "logical");
	if (d.rpoMinutes < floor.rpo) {
		const zero = d.rpoMinutes === 0;
		out.push({
			level: "warning",
			decision: "rpo",
			infeasible: true,
			message: `RPO ${zero ? "0 (no data loss)" : humanDuration(d.rpoMinutes)} cannot be met on ${f.db.name}: ${zero ? "every recovery from a logical error restores to a point before it, and replication copies the error, so some writes are always lost. " : ""}The best recovery the inputs provide for a logical error (${logical.mechanism}) loses up to ${humanDuration(Math.max(floor.rpo, 1 / 60))} (${logical.rpo.arithmetic}).${logical.recommend ? ` To lower it: ${logical.recommend}.` : ""}`,
		});
	} else if (
		logical.rpo.minutes !== undefined &&
		/point-in-time/.test(logical.mechanism) &&
		d.rpoMinutes < d.backupMinutes
	) {
		out.push({
			level: "info",
			decision: "rpo",
			message: `RPO ${humanDuration(d.rpoMinutes)} is shorter than the backup interval (${humanDuration(d.backupMinutes)}): it is met only through point-in-time recovery on ${f.db.name}, which must stay enabled.`,
		});
	}
	if (floor.rto !== undefined && d.rtoMinutes < floor.rto) {
		out.push({
			level: "warning",
			decision: "rto",
			infeasible: true,
			message: `RTO ${d.rtoMinutes === 0 ? "0" : humanDuration(d.rtoMinutes)} cannot be met: recovering from a logical error on ${f.db.name} takes about ${humanDuration(floor.rto)} (${logical.rto.arithmetic}), and no standby shortens a restore.`,
		});
	} else if (floor.rto === undefined && d.rtoMinutes < floor.rtoAtLeast) {
		out.push({
			level: "warning",
			decision: "rto",
			infeasible: true,
			message: `RTO ${d.rtoMinutes === 0 ? "0" : humanDuration(d.rtoMinutes)} cannot be met: even before the restore itself, recovering from a logical error on ${f.db.name} takes ${humanDuration(floor.rtoAtLeast)} (${logical.rto.arithmetic}).`,
		});
	} else if (floor.rto === undefined && d.rtoMinutes < 60) {
		out.push({
			level: "warning",
			decision: "rto",
			message: `RTO ${humanDuration(d.rtoMinutes)} cannot be checked: the restore time depends on the data size, which the inputs do not give (${logical.rto.arithmetic}).`,
		});
	}
	const region = mode(f, "region");
	const wanted = tierFor(d.rtoMinutes, d.rpoMinutes);
	const capable = DR_TIERS[capablePattern(f)];
	if (wanted.id === "T0" && !f.caps.multiWriter) {
		out.push({
			level: "warning",
			decision: d.rpoMinutes < 1 ? "rpo" : "rto",
			infeasible: true,
			message: `The targets (RTO ${humanDuration(d.rtoMinutes)}, RPO ${d.rpoMinutes === 0 ? "0" : humanDuration(d.rpoMinutes)}) call for active-active, but ${f.db.name} accepts writes in one place only (a single writer): a region loss is recovered by ${capable.name}, losing ${region.rpo.minutes !== undefined ? `about ${humanDuration(Math.max(region.rpo.minutes, 1))}` : "an unknown amount"} (${region.rpo.arithmetic}) and taking ${region.rto.minutes !== undefined ? `about ${humanDuration(region.rto.minutes)}` : "a time unknown until the data size is known"}.`,
		});
	} else if (wanted.id < capable.id) {
		out.push({
			level: "info",
			decision: "rto",
			message: `The targets would call for ${wanted.name}, but ${f.db.name} ${f.caps.crossRegion ? "has a single write region" : "has no replica in another region in the inputs"}: a region loss is recovered by ${capable.name} (RPO ${region.rpo.arithmetic}; RTO ${region.rto.minutes !== undefined ? `about ${humanDuration(region.rto.minutes)}` : "unknown until the data size is known"}).`,
		});
	}
	const sla = slaPercentOf(ctx);
	if (sla !== undefined && region.rto.minutes !== undefined) {
		const budget = monthlyBudgetMinutes(sla);
		if (region.rto.minutes > budget)
			out.push({
				level: "info",
				decision: "rto",
				message: `A ${sla}% monthly SLA allows ${budget} minutes of downtime a month; one region loss recovered in about ${humanDuration(region.rto.minutes)} uses ${Math.round((region.rto.minutes / budget) * 100)}% of it, so that month breaches the SLA.`,
			});
	}
	return out;
}
