// The Kubernetes operating mode of a project: GitOps controller, progressive-delivery controller, push or pull, and
// the canary thresholds, from the project model and the chosen strategy.

import type { ProjectContext } from "../inputs/context";
import {
	type CanaryThresholds,
	type K8sMode,
	type MetricsSource,
	PARTNER,
	type ProgressiveId,
} from "../knowledge/kubernetes";
import type { Strategy } from "../knowledge/platforms";

function metricsSource(ctx: ProjectContext): MetricsSource {
	const t = [ctx.monitoring.metrics, ctx.monitoring.apm, ctx.monitoring.tracing].filter(Boolean).join(" ");
	if (/datadog/i.test(t)) return "datadog";
	if (/new relic/i.test(t)) return "newrelic";
	if (/prometheus|grafana|mimir|thanos|victoria/i.test(t)) return "prometheus";
	if (/cloudwatch/i.test(t) && ctx.cloud === "aws") return "cloudwatch";
	return "prometheus";
}

const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));

/** Canary thresholds from a canary-analysis gate of the inputs, else their latency and error alerts, else defaults. */
export function canaryThresholds(ctx: ProjectContext): CanaryThresholds {
	const gate = ctx.model.gates.find((g) => /canary|flagger|rollouts? analysis|progressive/i.test(g.name));
	const texts = gate
		? [gate.threshold]
		: ctx.model.alerts
				.filter((a) => /error|5xx|latency|p9[59]/i.test(`${a.name} ${a.condition}`))
				.map((a) => a.condition);
	const joined = texts.join("; ");
	const err = /(?:error(?: rate)?|5xx)[^;\d]{0,20}?[<>≤≥]=?\s*([\d.]+)\s*%/i.exec(joined);
	const ok = /success(?: rate)?[^;\d]{0,20}?[>≥]=?\s*([\d.]+)\s*%/i.exec(joined);
	const lat = /p(95|99)[^;\d]{0,20}?[<>≤≥]=?\s*([\d.]+)\s*(ms|s)\b/i.exec(joined);
	const fails = /(\d+)\s*failed checks?/i.exec(joined);
	const every = /(\d+)[- ]?min(?:ute)?s?\b[^;]{0,10}interval|interval[^;\d]{0,10}(\d+)\s*m/i.exec(joined);
	const successMin = ok ? num(ok[1])! : err ? Math.round((100 - num(err[1])!) * 100) / 100 : 99;
	const latencyMaxMs = lat ? num(lat[2])! * (lat[3]!.toLowerCase() === "s" ? 1000 : 1) : 500;
	return {
		successMin,
		latencyMaxMs,
		latencyPercentile: lat?.[1] === "95" ? 95 : 99,
		failures: fails ? num(fails[1])! : 5,
		intervalMinutes: every ? num(every[1] ?? every[2])! : 1,
		from: !(ok || err || lat) ? "default" : gate ? "gate" : "alerts",
	};
}

export function k8sMode(ctx: ProjectContext, strategy: Strategy): K8sMode {
	const m = ctx.model;
	const gitops = m.gitops?.value;
	const p = m.progressive?.value;
	const named: ProgressiveId | undefined = p === "flagger" || p === "argo-rollouts" ? p : undefined;
	const shifting = strategy === "canary" || strategy === "blue-green";
	const progressive = shifting ? (named ?? (gitops ? PARTNER[gitops] : "argo-rollouts")) : undefined;
	return {
		cloud: ctx.cloud,
		gitops,
		named,
		progressive,
		progressiveAssumed: progressive !== undefined && named === undefined,
		strategy,
		ciDeploysProduction: !gitops && m.kubernetes?.pushDeploys?.value === true,
		helm: m.kubernetes?.helm?.value === true,
		router: m.kubernetes?.router?.value,
		metrics: metricsSource(ctx),
		thresholds: canaryThresholds(ctx),
	};
}
