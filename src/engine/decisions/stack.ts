// What the project's platform and database allow, as the decisions see them.

import type { ProjectContext } from "../inputs/context";
import { DATABASES, type DbFacts, withEngine } from "../knowledge/databases";
import { PLATFORMS, type PlatformFacts, STRATEGIES, type Strategy } from "../knowledge/platforms";
import { usesLocalFileDb } from "./rules";
import { vmPlatform } from "./vm-platform";

const METRIC_TOOLS =
	/datadog|new relic|prometheus|cloudwatch|grafana|honeycomb|azure monitor|cloud monitoring|opentelemetry/i;

/** The platform row, with the mechanisms of a service pinned to one instance by its volume where it has them. */
export function platformOf(ctx: ProjectContext): PlatformFacts {
	// Servers the project runs itself: the row is written for its config tool, containers and balancer.
	const p = ctx.backend.platform === "vm" ? vmPlatform(ctx) : PLATFORMS[ctx.backend.platform];
	const pinned = p.volumeStrategies?.mechanisms;
	if (!pinned || !usesLocalFileDb(ctx) || p.localFileDb.support !== "single-instance") return p;
	return { ...p, strategies: { ...p.strategies, ...pinned } };
}

export function databaseOf(ctx: ProjectContext): DbFacts {
	return withEngine(
		DATABASES[ctx.database.provider],
		ctx.model?.dataStores?.find((s) => s.role === "primary")?.engine ?? ctx.database.engine,
	);
}

export function hasMetricsTool(ctx: ProjectContext): boolean {
	const m = ctx.monitoring;
	return [m.apm, m.metrics, m.tracing].some((t) => t !== undefined && METRIC_TOOLS.test(t));
}

export function supportedStrategies(ctx: ProjectContext): Strategy[] {
	const p = platformOf(ctx);
	return STRATEGIES.filter((s) => p.strategies[s] !== undefined);
}
