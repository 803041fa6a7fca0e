// Kubernetes delivery by operating mode: which controller applies releases (Argo CD, Flux, or CI itself), which one
// shifts traffic (Argo Rollouts, Flagger, or none), and what that means for the strategy, migrations, rollback and
// scaling. The platform row in platforms.ts is the mode-free base; kubernetesRow() writes it for one mode.

import type { Cloud, PlatformFacts, Strategy, StrategyMechanism } from "./platforms";
import { type Fact, fact } from "./sources";

export type GitopsId = "argo-cd" | "flux";
export type ProgressiveId = "argo-rollouts" | "flagger";
/** Where canary metrics come from: the progressive controller queries it. */
export type MetricsSource = "prometheus" | "datadog" | "newrelic" | "cloudwatch";
/** What splits traffic between stable and canary. */
export type Router = "gatewayapi" | "alb" | "nginx" | "istio" | "linkerd";

export interface CanaryThresholds {
	/** Minimum share of non-5xx responses, percent. */
	successMin: number;
	/** Maximum latency in milliseconds, and the percentile it is measured at. */
	latencyMaxMs: number;
	latencyPercentile: 95 | 99;
	/** Failed checks before rollback. */
	failures: number;
	/** Minutes between checks. */
	intervalMinutes: number;
	/** Where the numbers came from: a canary gate of the inputs, their alerts, or the controller's documented example. */
	from: "gate" | "alerts" | "default";
}

export interface K8sMode {
	cloud: Cloud;
	/** The GitOps controller the inputs name. */
	gitops?: GitopsId;
	/** The progressive-delivery controller the inputs name. */
	named?: ProgressiveId;
	/** The controller that runs the chosen strategy; undefined for rolling and recreate. */
	progressive?: ProgressiveId;
	/** The progressive controller is this section's recommendation, not in the inputs. */
	progressiveAssumed: boolean;
	strategy: Strategy;
	/** No GitOps controller and the inputs say CI deploys to production itself (push model). */
	ciDeploysProduction: boolean;
	/** The environment repository holds a HelmRelease per service (Flux) or Helm values, else kustomize overlays. */
	helm: boolean;
	router?: Router;
	metrics: MetricsSource;
	thresholds: CanaryThresholds;
}

/** How an environment receives a release: a change to the environment repository, or CI applying it directly. */
export function releasesThroughRepo(mode: K8sMode, prod: boolean): boolean {
	if (mode.gitops) return true;
	return prod && !mode.ciDeploysProduction;
}

export const GITOPS_NAME: Record<GitopsId, string> = { "argo-cd": "Argo CD", flux: "Flux" };
export const PROGRESSIVE_NAME: Record<ProgressiveId, string> = {
	"argo-rollouts": "Argo Rollouts",
	flagger: "Flagger",
};
/** The progressive controller that pairs with a GitOps controller (same project family). */
export const PARTNER: Record<GitopsId, ProgressiveId> = { "argo-cd": "argo-rollouts", flux: "flagger" };

/** The controller that applies releases, as prose. */
export function applierName(mode: K8sMode): string {
	return mode.gitops ? GITOPS_NAME[mode.gitops] : "a GitOps controller";
}

/** Reconcile now instead of waiting for the controller's interval. */
export function syncCommand(mode: K8sMode, app: string, env: string): string {
	if (mode.gitops === "flux") return "flux reconcile kustomization apps --with-source";
	if (mode.gitops === "argo-cd") return `argocd app sync ${app}-${env}`;
	return "";
}

const REVERT = 'git revert --no-edit "$PROMOTION_COMMIT" && git push';

export const K8S_FACTS = {
	flaggerTiming: fact(
		"Flagger promotes a canary after at least interval × (maxWeight / stepWeight) and rolls it back after interval × threshold of failed checks.",
		["flagger-strategies"],
	),
	flaggerRollback: fact(
		"When failed checks reach the threshold, Flagger routes all traffic back to the primary, scales the canary to zero and marks the rollout failed.",
		["flagger-strategies"],
	),
	flaggerL7: fact(
		"Flagger canaries need a Layer 7 traffic provider (service mesh, ingress controller or Gateway API); blue/green needs none.",
		["flagger-strategies", "flagger-gatewayapi"],
	),
	flaggerMetrics: fact(
		"Flagger's built-in request-success-rate and request-duration checks are Prometheus queries; other providers (Datadog, New Relic, CloudWatch) are queried through a MetricTemplate.",
		["flagger-metrics"],
	),
	argoAbort: fact(
		"`kubectl argo rollouts abort` returns traffic to the stable ReplicaSet, but the Rollout's spec still names the new version until its template is changed back.",
		["argo-rollouts-abort"],
	),
	argoAnalysis: fact("An AnalysisRun that fails aborts the Rollout; an inconclusive one pauses it.", [
		"argo-analysis",
	]),
	fluxReconcile: fact(
		"`flux reconcile kustomization <name> --with-source` fetches the source and applies it at once instead of at the next interval.",
		["flux-reconcile-ks"],
	),
	fluxSuspend: fact(
		"`flux suspend kustomization <name>` stops reconciliation until `flux resume`; use it to freeze changes during an incident.",
		["flux-suspend-ks"],
	),
	argocdHook: fact(
		"A resource annotated `argocd.argoproj.io/hook: PreSync` is applied before the application's manifests in each sync.",
		["argocd-hooks"],
	),
	gitopsRevert: fact(
		"In GitOps the environment repository is the desired state: a manual `kubectl` change is reverted at the next sync, so a rollback is a revert commit.",
		["pipe-argocd-practices", "pipe-flux-repos"],
		"S",
	),
} satisfies Record<string, Fact>;

function deliveredBy(mode: K8sMode): string {
	if (mode.gitops) return `, applied by ${GITOPS_NAME[mode.gitops]} from the environment repository`;
	return mode.ciDeploysProduction ? ", applied by the pipeline with `kubectl`" : "";
}

function strategies(base: PlatformFacts, mode: K8sMode): Partial<Record<Strategy, StrategyMechanism>> {
	const by = deliveredBy(mode);
	const rolling = base.strategies.rolling!;
	const recreate = base.strategies.recreate!;
	const flagger = mode.progressive === "flagger" || (!mode.progressive && mode.gitops === "flux");
	const t = mode.thresholds;
	const canary: StrategyMechanism = flagger
		? {
				summary: `Flagger \`Canary\` per HTTP service: traffic moves to the canary 10% at a time up to 50% while the analysis checks success rate ≥ ${t.successMin}% and p${t.latencyPercentile} latency ≤ ${t.latencyMaxMs} ms every ${t.intervalMinutes} min; ${t.failures} failed checks roll it back${by}`,
				steps: [
					`the new version starts as the canary Deployment; Flagger sends it 10% of the traffic`,
					`every ${t.intervalMinutes} min the analysis runs; while it passes, the weight grows by 10% up to 50%`,
					"Flagger copies the canary's spec to the primary, routes all traffic back to the primary and scales the canary to zero",
					`${t.failures} failed checks instead route all traffic to the primary and mark the release failed`,
				],
				facts: [K8S_FACTS.flaggerTiming, K8S_FACTS.flaggerRollback, K8S_FACTS.flaggerMetrics],
			}
		: {
				summary: `Argo Rollouts \`Rollout\` per HTTP service with canary steps 10% → 25% → 50% → 100% and an \`AnalysisTemplate\` on success rate (≥ ${t.successMin}%) and p${t.latencyPercentile} latency (≤ ${t.latencyMaxMs} ms)${by}`,
				steps: [
					"`setWeight: 10`, then a pause while the analysis runs",
					"`setWeight: 25` and `setWeight: 50` with analysis between the steps",
					"promotion to 100%; a failed analysis aborts and routes all traffic back to the stable ReplicaSet",
				],
				facts: [...base.strategies.canary!.facts.slice(0, 1), K8S_FACTS.argoAnalysis],
			};
	const blueGreen: StrategyMechanism = flagger
		? {
				summary: `Flagger blue/green: \`analysis.iterations\` instead of weights; the new version is tested with no user traffic, then all traffic switches at once${by}`,
				steps: [
					"the canary (green) scales up beside the primary (blue)",
					`the analysis runs ${t.failures * 2} iterations of ${t.intervalMinutes} min against the green pods`,
					"all traffic switches to green; the primary is updated and traffic returns to it",
				],
				facts: [K8S_FACTS.flaggerTiming],
			}
		: { ...base.strategies["blue-green"]!, summary: `${base.strategies["blue-green"]!.summary}${by}` };
	// `kubectl rollout undo` is no rollback where a controller re-applies the repository's state.
	const own = (x: StrategyMechanism) =>
		releasesThroughRepo(mode, true) ? x.facts.filter((f) => !/rollout undo/.test(f.text)) : x.facts;
	return {
		rolling: { ...rolling, summary: `${rolling.summary}${by}`, facts: own(rolling) },
		canary,
		"blue-green": blueGreen,
		recreate: { ...recreate, summary: `${recreate.summary}${by}`, facts: own(recreate) },
	};
}

function migrateJob(svc: string, env: string, migrate: string, annotations: string[], helm = false): string {
	return [
		"apiVersion: batch/v1",
		"kind: Job",
		"metadata:",
		`  name: ${svc}-migrate`,
		`  namespace: ${env}`,
		...(annotations.length ? ["  annotations:", ...annotations.map((a) => `    ${a}`)] : []),
		"spec:",
		"  backoffLimit: 0",
		"  template:",
		"    spec:",
		"      restartPolicy: Never",
		"      containers:",
		"        - name: migrate",
		helm
			? '          image: "{{ .Values.image.repository }}@{{ .Values.image.digest }}"   # the release\'s digest'
			: `          image: ${svc}   # kustomize's images entry sets the release's digest, as for the Deployment`,
		`          command: ["/bin/sh", "-c", "${migrate}"]`,
	].join("\n");
}

function migrateFor(mode: K8sMode): PlatformFacts["migrate"] {
	if (mode.gitops === "argo-cd")
		return {
			how: "a Kubernetes Job annotated as an Argo CD `PreSync` hook: Argo CD runs it to completion before it applies the new Deployment or Rollout, and a failed Job fails the sync",
			lang: "yaml",
			command: (svc, env, c) =>
				migrateJob(svc, env, c?.migrate ?? "./scripts/migrate.sh", [
					"argocd.argoproj.io/hook: PreSync",
					"argocd.argoproj.io/hook-delete-policy: BeforeHookCreation",
				]),
			facts: [K8S_FACTS.argocdHook],
		};
	if (mode.helm)
		return {
			how: "a Job in the chart annotated as a Helm `pre-upgrade` hook: the helm-controller runs it before the release's Deployments change, and a failed hook fails the upgrade",
			lang: "yaml",
			command: (svc, env, c) =>
				migrateJob(
					svc,
					env,
					c?.migrate ?? "./scripts/migrate.sh",
					['"helm.sh/hook": pre-install,pre-upgrade', '"helm.sh/hook-delete-policy": before-hook-creation'],
					true,
				),
			facts: [
				fact("Helm runs pre-upgrade hooks before it upgrades the release's resources.", ["helm-hooks"]),
			],
		};
	if (mode.gitops === "flux")
		return {
			how: "a Job in its own Flux `Kustomization`; the application's Kustomization `dependsOn` it, `wait: true` holds the apps until the Job completes and `force: true` recreates the immutable Job each release",
			lang: "yaml",
			command: (_svc, env) =>
				[
					"apiVersion: kustomize.toolkit.fluxcd.io/v1",
					"kind: Kustomization",
					"metadata:",
					"  name: migrations",
					"  namespace: flux-system",
					"spec:",
					"  interval: 10m",
					`  path: ./envs/${env}/migrations`,
					"  prune: true",
					"  wait: true",
					"  force: true",
					"  timeout: 15m",
					"  sourceRef:",
					"    kind: GitRepository",
					"    name: flux-system",
					"---",
					"# the apps Kustomization waits for it:",
					"apiVersion: kustomize.toolkit.fluxcd.io/v1",
					"kind: Kustomization",
					"metadata:",
					"  name: apps",
					"  namespace: flux-system",
					"spec:",
					"  dependsOn:",
					"    - name: migrations",
					"  interval: 10m",
					`  path: ./envs/${env}/apps`,
					"  prune: true",
					"  sourceRef:",
					"    kind: GitRepository",
					"    name: flux-system",
				].join("\n"),
			facts: [
				fact(
					"A Flux Kustomization's dependsOn waits for the named Kustomizations to be ready; wait checks the health of what it applied; force recreates resources with immutable fields.",
					["flux-kustomization"],
				),
			],
		};
	return {
		how: "a Kubernetes Job with the release image, applied by the deploy job and waited for before the Deployments change",
		command: (svc, env) =>
			`kubectl --namespace ${env} apply -f k8s/${svc}-migrate-job.yaml && kubectl --namespace ${env} wait --for=condition=complete job/${svc}-migrate --timeout=15m`,
		facts: [],
	};
}

function rollbackFor(base: PlatformFacts, mode: K8sMode): PlatformFacts["rollback"] {
	const viaRepo = releasesThroughRepo(mode, true);
	if (!viaRepo) {
		const argo = mode.progressive === "argo-rollouts";
		return {
			command: (svc) =>
				argo
					? `kubectl argo rollouts abort ${svc} --namespace production && kubectl argo rollouts undo ${svc} --namespace production`
					: `kubectl --namespace production rollout undo deployment/${svc}`,
			console: argo
				? "the Argo Rollouts dashboard (`kubectl argo rollouts dashboard`): Abort, then roll back to the previous revision"
				: "the cloud console's workload view: roll back to the previous revision of the Deployment",
			expectedTime: "2–5 minutes (the previous ReplicaSet scales up behind its readiness probes)",
			expectedMinutes: 5,
			facts: argo
				? [K8S_FACTS.argoAbort, ...base.rollback.facts.slice(0, 2)]
				: base.rollback.facts.slice(0, 2),
		};
	}
	const sync = (svc: string) => syncCommand(mode, svc, "production");
	const during =
		mode.progressive === "flagger"
			? `during the analysis Flagger rolls back on its own after ${mode.thresholds.failures} failed checks (traffic to the primary, canary scaled to zero)`
			: mode.progressive === "argo-rollouts"
				? "during the canary: `kubectl argo rollouts abort <rollout> --namespace production` returns traffic to the stable version at once; then revert the commit, because the Rollout still names the new version"
				: undefined;
	return {
		command: (svc) => {
			const s = sync(svc);
			return `${REVERT}${s ? ` && ${s}` : ""}   # in the environment repository`;
		},
		console: [
			during,
			`after promotion the revert commit is the rollback: ${applierName(mode)} re-applies the repository's state, so a change made to the cluster by hand lasts only until the next sync`,
			mode.gitops === "flux"
				? "to freeze all changes during an incident, `flux suspend kustomization apps` and later `flux resume kustomization apps`"
				: undefined,
		]
			.filter(Boolean)
			.join("; "),
		expectedTime: mode.gitops
			? `2–5 minutes (${mode.gitops === "flux" ? "`flux reconcile kustomization apps --with-source`" : "`argocd app sync`"} applies the revert at once instead of at the next interval)`
			: "2–5 minutes after the revert merges (the controller's sync interval)",
		expectedMinutes: 5,
		facts: [
			K8S_FACTS.gitopsRevert,
			...(mode.gitops === "flux" ? [K8S_FACTS.fluxReconcile, K8S_FACTS.fluxSuspend] : []),
			...(mode.progressive === "flagger" ? [K8S_FACTS.flaggerRollback] : []),
			...(mode.progressive === "argo-rollouts" ? [K8S_FACTS.argoAbort] : []),
		],
	};
}

/** The Kubernetes platform row written for one operating mode. */
export function kubernetesRow(base: PlatformFacts, mode: K8sMode): PlatformFacts {
	const viaRepo = releasesThroughRepo(mode, true);
	const file = (svc: string, env: string) =>
		mode.helm ? `envs/${env}/${svc}/helmrelease.yaml` : `envs/${env}/${svc}/kustomization.yaml`;
	const caveats = [
		...(mode.progressive === "argo-rollouts" && mode.router === "alb" ? base.caveats : []),
		...(mode.progressive === "flagger" ? [K8S_FACTS.flaggerL7] : []),
	];
	return {
		...base,
		strategies: strategies(base, mode),
		deployCommand: (svc, env) =>
			releasesThroughRepo(mode, env === "production")
				? mode.helm
					? `yq -i '.spec.values.image.digest = strenv(DIGEST)' ${file(svc, env)} && git commit -am "${svc}: release to ${env}" && git push   # in the environment repository`
					: `(cd envs/${env}/${svc} && kustomize edit set image "${svc}=$IMAGE") && git commit -am "${svc}: release to ${env}" && git push   # in the environment repository`
				: `kubectl --namespace ${env} set image deployment/${svc} ${svc}="$IMAGE"`,
		migrate: migrateFor(mode),
		// Previews are non-production: CI creates them itself unless a controller applies every environment.
		preview: mode.gitops
			? `a namespace per pull request, declared by a commit to the environment repository's previews folder and removed when the pull request closes; ${applierName(mode)} applies it, so CI still holds no cluster credentials${mode.gitops === "argo-cd" ? " (an ApplicationSet pull-request generator does the same without the commit)" : ""}`
			: base.preview,
		rollback: rollbackFor(base, mode),
		scaling: {
			...base.scaling,
			command: (svc) =>
				viaRepo
					? `yq -i '.spec.maxReplicas = 20' envs/production/${svc}/hpa.yaml && git commit -am "${svc}: raise maxReplicas" && git push${mode.gitops ? ` && ${syncCommand(mode, svc, "production")}` : ""}`
					: base.scaling.command(svc),
		},
		caveats,
	};
}
