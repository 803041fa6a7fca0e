// 10.1's progressive-delivery resource for Kubernetes: a Flagger Canary (with MetricTemplates where the metrics are
// not Prometheus) or an Argo Rollouts Rollout with its AnalysisTemplate, for the HTTP services; workers and jobs roll
// without a traffic split.

import { k8sMode } from "../../decisions/kubernetes";
import { GITOPS_NAME, type K8sMode, PROGRESSIVE_NAME } from "../../knowledge/kubernetes";
import { bullets, code, join } from "./md";
import type { SectionModel } from "./model";
import { servicesOf } from "./pipeline";

type Svc = { name: string; kind: string; ingress: boolean };

const DATADOG_QUERIES = {
	error: (svc: string) =>
		`100 * sum:trace.http.request.errors{service:${svc},env:production}.as_count() / sum:trace.http.request.hits{service:${svc},env:production}.as_count()`,
	latency: (svc: string, p: number) => `p${p}:trace.http.request{service:${svc},env:production}`,
};

function flaggerMetricTemplates(mode: K8sMode): string[] {
	if (mode.metrics !== "datadog") return [];
	const p = mode.thresholds.latencyPercentile;
	const tpl = (name: string, query: string) => [
		"---",
		"apiVersion: flagger.app/v1beta1",
		"kind: MetricTemplate",
		"metadata:",
		`  name: ${name}`,
		"  namespace: flagger-system",
		"spec:",
		"  provider:",
		"    type: datadog",
		"    address: https://api.datadoghq.com",
		"    secretRef:",
		"      name: datadog   # keys datadog_api_key and datadog_application_key",
		"  query: |",
		`    ${query}`,
	];
	return [
		...tpl("error-rate", DATADOG_QUERIES.error("{{ target }}")),
		...tpl(`latency-p${p}`, `${DATADOG_QUERIES.latency("{{ target }}", p)} * 1000`),
	];
}

function flaggerCanary(m: SectionModel, mode: K8sMode, svc: Svc): string {
	const t = mode.thresholds;
	const blueGreen = mode.strategy === "blue-green";
	const provider = mode.router === "gatewayapi" || !mode.router ? "gatewayapi:v1" : mode.router;
	const metrics =
		mode.metrics === "datadog"
			? [
					"      - name: error-rate",
					"        templateRef:",
					"          name: error-rate",
					"          namespace: flagger-system",
					"        thresholdRange:",
					`          max: ${Math.round((100 - t.successMin) * 100) / 100}`,
					`        interval: ${t.intervalMinutes}m`,
					`      - name: latency-p${t.latencyPercentile}`,
					"        templateRef:",
					`          name: latency-p${t.latencyPercentile}`,
					"          namespace: flagger-system",
					"        thresholdRange:",
					`          max: ${t.latencyMaxMs}`,
					`        interval: ${t.intervalMinutes}m`,
				]
			: [
					"      - name: request-success-rate",
					"        thresholdRange:",
					`          min: ${t.successMin}`,
					`        interval: ${t.intervalMinutes}m`,
					"      - name: request-duration",
					"        thresholdRange:",
					`          max: ${t.latencyMaxMs}`,
					`        interval: ${t.intervalMinutes}m`,
				];
	return [
		"apiVersion: flagger.app/v1beta1",
		"kind: Canary",
		"metadata:",
		`  name: ${svc.name}`,
		"  namespace: production",
		"spec:",
		`  provider: ${provider}`,
		"  targetRef:",
		"    apiVersion: apps/v1",
		"    kind: Deployment",
		`    name: ${svc.name}`,
		"  autoscalerRef:",
		"    apiVersion: autoscaling/v2",
		"    kind: HorizontalPodAutoscaler",
		`    name: ${svc.name}`,
		"  progressDeadlineSeconds: 600",
		"  service:",
		"    port: 80",
		"    targetPort: 8080",
		...(provider === "gatewayapi:v1"
			? ["    gatewayRefs:", "      - name: external   # the cluster's Gateway", "        namespace: gateway"]
			: []),
		"  analysis:",
		`    interval: ${t.intervalMinutes}m`,
		`    threshold: ${t.failures}`,
		...(blueGreen ? [`    iterations: ${t.failures * 2}`] : ["    maxWeight: 50", "    stepWeight: 10"]),
		"    metrics:",
		...metrics,
		"    webhooks:",
		"      - name: smoke",
		"        type: pre-rollout",
		`        url: http://flagger-loadtester.flagger-system/`,
		"        timeout: 60s",
		"        metadata:",
		"          type: bash",
		`          cmd: "curl -fsS http://${svc.name}-canary.production${m.ctx.stack.language === "java" ? "/actuator/health/readiness" : "/healthz"}"`,
		...flaggerMetricTemplates(mode),
	].join("\n");
}

function argoRollout(m: SectionModel, mode: K8sMode, svc: Svc): string {
	const t = mode.thresholds;
	const blueGreen = mode.strategy === "blue-green";
	const pause = `${Math.max(5, t.intervalMinutes * t.failures)}m`;
	const routing =
		mode.router === "alb"
			? [
					"      trafficRouting:",
					"        alb:",
					`          ingress: ${svc.name}`,
					"          servicePort: 80",
				]
			: mode.router === "nginx"
				? ["      trafficRouting:", "        nginx:", `          stableIngress: ${svc.name}`]
				: mode.router === "istio"
					? [
							"      trafficRouting:",
							"        istio:",
							"          virtualService:",
							`            name: ${svc.name}`,
						]
					: [];
	const strategy = blueGreen
		? [
				"    blueGreen:",
				`      activeService: ${svc.name}`,
				`      previewService: ${svc.name}-preview`,
				"      autoPromotionEnabled: false",
				"      scaleDownDelaySeconds: 600",
				"      prePromotionAnalysis:",
				"        templates:",
				"          - templateName: success-and-latency",
				"        args:",
				"          - name: service",
				`            value: ${svc.name}-preview`,
			]
		: [
				"    canary:",
				`      canaryService: ${svc.name}-canary`,
				`      stableService: ${svc.name}`,
				...routing,
				"      analysis:",
				"        templates:",
				"          - templateName: success-and-latency",
				"        startingStep: 1",
				"        args:",
				"          - name: service",
				`            value: ${svc.name}`,
				"      steps:",
				"        - setWeight: 10",
				`        - pause: { duration: ${pause} }`,
				"        - setWeight: 25",
				`        - pause: { duration: ${pause} }`,
				"        - setWeight: 50",
				`        - pause: { duration: ${pause} }`,
			];
	const errMax = Math.round((100 - t.successMin) * 100) / 10000;
	// Datadog's v2 API takes a ratio as named queries and a formula.
	const provider =
		mode.metrics === "datadog"
			? (q: string) => [
					"        datadog:",
					"          apiVersion: v2",
					"          interval: 5m",
					...(q.includes(" / ")
						? [
								"          queries:",
								`            a: "${q.split(" / ")[0]}"`,
								`            b: "${q.split(" / ")[1]}"`,
								'          formula: "a / b"',
							]
						: [`          query: "${q}"`]),
				]
			: (q: string) => [
					"        prometheus:",
					"          address: http://prometheus.monitoring:9090",
					"          query: |",
					`            ${q}`,
				];
	const errQuery =
		mode.metrics === "datadog"
			? "sum:trace.http.request.errors{service:{{args.service}}}.as_count() / sum:trace.http.request.hits{service:{{args.service}}}.as_count()"
			: 'sum(rate(http_requests_total{service="{{args.service}}",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="{{args.service}}"}[5m]))';
	const latQuery =
		mode.metrics === "datadog"
			? `p${t.latencyPercentile}:trace.http.request{service:{{args.service}}}`
			: `histogram_quantile(0.${t.latencyPercentile}, sum(rate(http_request_duration_seconds_bucket{service="{{args.service}}"}[5m])) by (le))`;
	return [
		"apiVersion: argoproj.io/v1alpha1",
		"kind: Rollout",
		"metadata:",
		`  name: ${svc.name}`,
		"  namespace: production",
		"spec:",
		"  replicas: 3",
		"  revisionHistoryLimit: 5",
		"  selector:",
		"    matchLabels:",
		`      app: ${svc.name}`,
		"  workloadRef:",
		"    apiVersion: apps/v1",
		"    kind: Deployment",
		`    name: ${svc.name}   # the pod template stays in the Deployment, scaled to zero`,
		"  strategy:",
		...strategy,
		"---",
		"apiVersion: argoproj.io/v1alpha1",
		"kind: AnalysisTemplate",
		"metadata:",
		"  name: success-and-latency",
		"  namespace: production",
		"spec:",
		"  args:",
		"    - name: service",
		"  metrics:",
		"    - name: error-rate",
		"      interval: 1m",
		`      failureLimit: ${Math.max(1, t.failures - 2)}`,
		`      successCondition: default(result, 0) <= ${errMax}`,
		"      provider:",
		...provider(errQuery),
		`    - name: latency-p${t.latencyPercentile}`,
		"      interval: 1m",
		`      failureLimit: ${Math.max(1, t.failures - 2)}`,
		`      successCondition: default(result, 0) <= ${mode.metrics === "datadog" ? t.latencyMaxMs / 1000 : t.latencyMaxMs / 1000}`,
		"      provider:",
		...provider(latQuery),
	].join("\n");
}

/** The progressive-delivery block of 10.1 for Kubernetes, or undefined when the strategy shifts no traffic. */
export function kubernetesProgressive(m: SectionModel): string | undefined {
	if (m.platform.id !== "kubernetes") return undefined;
	const mode = k8sMode(m.ctx, m.decisions.strategy);
	const services = servicesOf(m);
	const http = services.filter((s) => s.ingress && s.kind !== "static");
	const others = services.filter((s) => !http.includes(s));
	const rollsPlain = others.filter((s) => s.kind !== "job" && s.kind !== "cron");
	const jobs = others.filter((s) => s.kind === "job" || s.kind === "cron");
	const notSplit = [
		rollsPlain.length
			? `${rollsPlain.map((s) => `\`${s.name}\``).join(", ")} take${rollsPlain.length === 1 ? "s" : ""} no HTTP traffic, so ${rollsPlain.length === 1 ? "it is" : "they are"} not traffic-split: a Deployment \`RollingUpdate\` with maxSurge 1 and maxUnavailable 0, gated by readiness probes, replaces ${rollsPlain.length === 1 ? "its" : "their"} pods once the HTTP services' release has been promoted.`
			: undefined,
		jobs.length
			? `${jobs.map((s) => `\`${s.name}\``).join(", ")} ${jobs.length === 1 ? "is a Job or CronJob" : "are Jobs or CronJobs"}: the next run starts from the new image; nothing is split or rolled.`
			: undefined,
	].filter((x): x is string => x !== undefined);
	if (!mode.progressive) {
		const applied = mode.gitops
			? `${GITOPS_NAME[mode.gitops]} applies the Deployments from the environment repository`
			: "the pipeline applies the Deployments";
		return join(
			"### Rollout on Kubernetes",
			`No progressive-delivery controller: ${applied} and Kubernetes replaces pods with \`RollingUpdate\` behind readiness probes. No traffic is split, so no Canary or Rollout resource is part of this plan; a bad release is stopped by the readiness probes and rolled back by the rollback runbook.`,
			notSplit.length ? bullets(notSplit) : undefined,
		);
	}
	const name = PROGRESSIVE_NAME[mode.progressive];
	const target = http[0] ?? services[0]!;
	const body = mode.progressive === "flagger" ? flaggerCanary(m, mode, target) : argoRollout(m, mode, target);
	const file =
		mode.progressive === "flagger"
			? `envs/production/${target.name}/canary.yaml`
			: `envs/production/${target.name}/rollout.yaml`;
	const t = mode.thresholds;
	return join(
		"### Progressive delivery on Kubernetes",
		`${name}${mode.progressiveAssumed ? ` (not in the inputs: this plan adds it${mode.gitops ? `, as the controller that pairs with ${GITOPS_NAME[mode.gitops]}` : ""})` : ""} runs the ${m.decisions.strategy} for each HTTP service (${http.map((s) => `\`${s.name}\``).join(", ") || `\`${target.name}\``}). Thresholds: success rate ≥ ${t.successMin}%, p${t.latencyPercentile} latency ≤ ${t.latencyMaxMs} ms, checked every ${t.intervalMinutes} min, ${t.failures} failures roll back — ${t.from === "gate" ? "from the inputs' canary-analysis gate" : t.from === "alerts" ? "from the inputs' error-rate and latency alerts" : "the inputs give no canary gate, so these are the controller's documented example values; set them from the SLO"}.${m.cite(mode.progressive === "flagger" ? ["flagger-metrics", "flagger-strategies"] : ["argo-analysis", "argo-canary"])}`,
		`\`${file}\`${http.length > 1 ? ` (one per HTTP service; the others differ only in name)` : ""}:`,
		code("yaml", body),
		notSplit.length ? bullets(notSplit) : undefined,
		mode.progressive === "flagger"
			? `Rollback: automatic while the analysis runs — after ${t.failures} failed checks Flagger routes all traffic back to the primary and scales the canary to zero; the release is marked failed and nothing reaches users beyond the canary's share. After promotion, the rollback runbook (10.5) reverts the release commit in the environment repository.${m.cite(["flagger-strategies", "flagger-webhooks"])}`
			: `Rollback: a failed analysis aborts the Rollout on its own; by hand, \`kubectl argo rollouts abort ${target.name} --namespace production\` sends all traffic back to the stable version at once, and reverting the release commit in the environment repository makes the rollback stick: a change made to the cluster by hand is undone at the next ${mode.gitops ? GITOPS_NAME[mode.gitops] : "controller"} sync.${m.cite(["argo-rollouts-abort", "argo-analysis"])}`,
	);
}

/** The deployment runbook's steps on Kubernetes, for the mode: merge the release change, then watch the controller. */
export function kubernetesDeploySteps(m: SectionModel, windowText: string): string[] | undefined {
	if (m.platform.id !== "kubernetes") return undefined;
	const mode = k8sMode(m.ctx, m.decisions.strategy);
	const svc = (servicesOf(m).find((s) => s.ingress) ?? servicesOf(m)[0])!.name;
	const watch =
		mode.progressive === "flagger"
			? "`kubectl --namespace production get canaries --watch` (read-only) shows each Canary's weight and failed checks"
			: mode.progressive === "argo-rollouts"
				? `\`kubectl argo rollouts get rollout ${svc} --namespace production --watch\` (read-only) shows the step, weight and analysis`
				: `\`kubectl --namespace production rollout status deployment/${svc}\` (read-only) shows the rollout`;
	const mr = m.ci.id === "gitlab-ci" ? "merge request" : "pull request";
	if (mode.ciDeploysProduction && !mode.gitops)
		return [
			"Announce the release (version, SHA, changes) in the release channel.",
			`Approve the production environment in ${m.ci.name}; the deploy job sets the new digests with \`kubectl\`.`,
			`Watch the deploy: ${watch}.`,
			`Follow the post-deploy window (${windowText}) on the dashboards.`,
		];
	const sync =
		mode.gitops === "flux"
			? "`flux reconcile kustomization apps --with-source` applies it at once"
			: mode.gitops === "argo-cd"
				? `\`argocd app sync ${m.ctx.serviceName}-production\` applies it at once`
				: "the GitOps controller applies it at its next sync";
	return [
		"Announce the release (version, SHA, changes) in the release channel.",
		`Approve the production job in ${m.ci.name}: it opens the release ${mr} on the environment repository with the new image digests.`,
		`Review and merge that ${mr} (the environment repository's required reviewers); ${sync}.`,
		`Watch the deploy: ${watch}.`,
		`Follow the post-deploy window (${windowText}) on the dashboards.`,
	];
}

/** 10.3: the GitOps controller (and Argo Rollouts) installed by the project's Terraform, with the cluster. */
export function kubernetesBootstrap(m: SectionModel): string | undefined {
	if (m.platform.id !== "kubernetes" || (m.iac.id !== "terraform" && m.iac.id !== "opentofu"))
		return undefined;
	const mode = k8sMode(m.ctx, m.decisions.strategy);
	if (mode.gitops === "flux") {
		const extra = m.ctx.model.kubernetes?.imageAutomation?.value
			? '\n  components_extra = ["image-reflector-controller", "image-automation-controller"]'
			: "";
		return join(
			"Flux is bootstrapped by the same Terraform, per cluster, from the environment repository; Flagger and the apps are then HelmReleases and Kustomizations in that repository, so nothing else is applied by hand:",
			code(
				"hcl",
				`provider "flux" {\n  kubernetes = {\n    config_path = var.kubeconfig_path   # the new cluster's credentials, from the cluster module\n  }\n  git = {\n    url = var.environment_repository_ssh_url\n    ssh = {\n      username    = "git"\n      private_key = var.flux_deploy_key   # read-only deploy key of the environment repository\n    }\n  }\n}\n\nresource "flux_bootstrap_git" "this" {\n  path = "clusters/\${var.environment}"${extra}\n}`,
			),
			`A rebuilt cluster (a new region in 10.6) reconciles to the repository's state with no release re-run.${m.cite(["flux-bootstrap-tf"])}`,
		);
	}
	if (mode.gitops === "argo-cd") {
		const rollouts =
			mode.progressive === "argo-rollouts"
				? `\n\nresource "helm_release" "argo_rollouts" {\n  name             = "argo-rollouts"\n  repository       = "https://argoproj.github.io/argo-helm"\n  chart            = "argo-rollouts"\n  namespace        = "argo-rollouts"\n  create_namespace = true\n}`
				: "";
		return join(
			`Argo CD${rollouts ? " and Argo Rollouts are" : " is"} installed by the same Terraform, per cluster, from the Argo project's Helm charts; the applications themselves live in the environment repository (one Application per environment):`,
			code(
				"hcl",
				`resource "helm_release" "argo_cd" {\n  name             = "argo-cd"\n  repository       = "https://argoproj.github.io/argo-helm"\n  chart            = "argo-cd"\n  namespace        = "argocd"\n  create_namespace = true\n}${rollouts}`,
			),
			`A rebuilt cluster syncs to the repository's state with no release re-run.${m.cite(["argocd-helm"])}`,
		);
	}
	return undefined;
}
