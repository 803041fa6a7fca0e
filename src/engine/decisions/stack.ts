// What the project's platform and database allow, as the decisions see them.

import type { ProjectContext } from "../inputs/context";
import { DATABASES, type DbFacts, withEngine } from "../knowledge/databases";
import { kubernetesRow } from "../knowledge/kubernetes";
import { PLATFORMS, type PlatformFacts, STRATEGIES, type Strategy } from "../knowledge/platforms";
import { k8sMode } from "./kubernetes";
import { usesLocalFileDb } from "./rules";
import { vmPlatform } from "./vm-platform";

const METRIC_TOOLS =
	/datadog|new relic|prometheus|cloudwatch|grafana|honeycomb|azure monitor|cloud monitoring|opentelemetry/i;

/**
 * The platform row for this project. Kubernetes is written for its operating mode (GitOps controller, progressive
 * controller, push or pull); `strategy` is the chosen one, else the one the inputs' progressive controller implies.
 * Servers the project runs itself get the row written for their config tool, containers and balancer; a service
 * pinned to one instance by its volume gets the mechanisms the platform has for that.
 */
export function platformOf(ctx: ProjectContext, strategy?: Strategy): PlatformFacts {
	const p = ctx.backend.platform === "vm" ? vmPlatform(ctx) : PLATFORMS[ctx.backend.platform];
	if (p.id === "kubernetes" && ctx.model) {
		const named = ctx.model.progressive?.value;
		const implied: Strategy = named === "flagger" || named === "argo-rollouts" ? "canary" : p.defaultStrategy;
		return kubernetesRow(p, k8sMode(ctx, strategy ?? implied));
	}
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
