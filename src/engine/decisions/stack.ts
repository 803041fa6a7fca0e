// What the project's platform and database allow, as the decisions see them.

import type { ProjectContext } from "../inputs/context";
import { DATABASES, type DbFacts } from "../knowledge/databases";
import { PLATFORMS, type PlatformFacts, STRATEGIES, type Strategy } from "../knowledge/platforms";

const METRIC_TOOLS =
	/datadog|new relic|prometheus|cloudwatch|grafana|honeycomb|azure monitor|cloud monitoring|opentelemetry/i;

export function platformOf(ctx: ProjectContext): PlatformFacts {
	return PLATFORMS[ctx.backend.platform];
}

export function databaseOf(ctx: ProjectContext): DbFacts {
	return DATABASES[ctx.database.provider];
}

export function hasMetricsTool(ctx: ProjectContext): boolean {
	const m = ctx.monitoring;
	return [m.apm, m.metrics, m.tracing].some((t) => t !== undefined && METRIC_TOOLS.test(t));
}

export function supportedStrategies(ctx: ProjectContext): Strategy[] {
	const p = platformOf(ctx);
	return STRATEGIES.filter((s) => p.strategies[s] !== undefined);
}
