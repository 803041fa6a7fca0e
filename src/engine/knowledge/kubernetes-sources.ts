// Sources behind the Kubernetes delivery facts (GitOps controllers, progressive delivery, migrations as hooks).

export const KUBERNETES_SOURCES = {
	"flagger-metrics": {
		title: "Flagger: Metrics analysis (request-success-rate, request-duration, MetricTemplate providers)",
		url: "https://fluxcd.io/flagger/usage/metrics",
	},
	"flagger-webhooks": {
		title: "Flagger: Webhooks (pre-rollout, rollout, confirm-promotion, rollback)",
		url: "https://fluxcd.io/flagger/usage/webhooks",
	},
	"flagger-gatewayapi": {
		title: "Flagger: Gateway API canary deployments (provider gatewayapi:v1, gatewayRefs)",
		url: "https://docs.flagger.app/tutorials/gatewayapi-progressive-delivery",
	},
	"argo-analysis": {
		title: "Argo Rollouts: Analysis and progressive delivery (AnalysisTemplate, AnalysisRun)",
		url: "https://argoproj.github.io/argo-rollouts/features/analysis/",
	},
	"argo-analysis-datadog": {
		title: "Argo Rollouts: Datadog metrics provider",
		url: "https://argoproj.github.io/argo-rollouts/analysis/datadog/",
	},
	"argo-rollouts-abort": {
		title: "Argo Rollouts: kubectl argo rollouts abort",
		url: "https://argoproj.github.io/argo-rollouts/generated/kubectl-argo-rollouts/kubectl-argo-rollouts_abort/",
	},
	"argocd-hooks": {
		title: "Argo CD: Resource hooks (PreSync)",
		url: "https://argo-cd.readthedocs.io/en/stable/user-guide/resource_hooks/",
	},
	"argocd-app-sync": {
		title: "Argo CD: argocd app sync",
		url: "https://argo-cd.readthedocs.io/en/stable/user-guide/commands/argocd_app_sync/",
	},
	"flux-reconcile-ks": {
		title: "Flux: flux reconcile kustomization (--with-source)",
		url: "https://fluxcd.io/flux/cmd/flux_reconcile_kustomization/",
	},
	"flux-suspend-ks": {
		title: "Flux: flux suspend kustomization",
		url: "https://fluxcd.io/flux/cmd/flux_suspend_kustomization/",
	},
	"flux-kustomization": {
		title: "Flux: Kustomization API (dependsOn, wait, force)",
		url: "https://fluxcd.io/flux/components/kustomize/kustomizations/",
	},
	"flux-image-automation": {
		title: "Flux: Image update automations",
		url: "https://fluxcd.io/flux/components/image/imageupdateautomations/",
	},
	"flux-bootstrap-tf": {
		title: "Flux Terraform provider: flux_bootstrap_git",
		url: "https://registry.terraform.io/providers/fluxcd/flux/latest/docs/resources/bootstrap_git",
	},
	"argocd-helm": {
		title: "Argo project Helm charts (argo-cd, argo-rollouts)",
		url: "https://github.com/argoproj/argo-helm",
	},
	"helm-hooks": {
		title: "Helm: Chart hooks (pre-install, pre-upgrade)",
		url: "https://helm.sh/docs/topics/charts_hooks/",
	},
	"gitlab-cosign": {
		title: "GitLab: Use Sigstore for keyless signing (GitLab.com only)",
		url: "https://docs.gitlab.com/ci/yaml/signing_examples/",
	},
} as const satisfies Record<string, { title: string; url: string }>;
