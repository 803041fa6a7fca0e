// How the pipeline releases to Kubernetes per environment: through the environment repository (Argo CD or Flux
// applies it; CI holds no cluster credentials) or, without a GitOps controller, by applying to the cluster itself
// (non-production always; production only when the inputs have CI deploy there).

import { k8sMode } from "../../../decisions/kubernetes";
import { GITOPS_NAME, type K8sMode, releasesThroughRepo } from "../../../knowledge/kubernetes";
import { type DeployParams, kubernetesTools } from "../../../knowledge/pipelines";
import type { SectionModel } from "../model";

export interface KubernetesDelivery {
	mode: K8sMode;
	/** The GitOps controller that applies this environment's release, or undefined when CI applies it. */
	via: (prod: boolean) => DeployParams["gitops"];
	params: NonNullable<DeployParams["k8s"]>;
	tools: (prod: boolean) => { github: string[]; container: string[] };
	/** The inputs run Flux image automation. */
	imageAutomation: boolean;
}

export function kubernetesDelivery(m: SectionModel): KubernetesDelivery {
	const mode = k8sMode(m.ctx, m.decisions.strategy);
	const params = { helm: mode.helm, progressive: mode.progressive };
	const via = (prod: boolean): DeployParams["gitops"] =>
		releasesThroughRepo(mode, prod) ? (mode.gitops ?? "controller") : undefined;
	return {
		mode,
		via,
		params,
		tools: (prod) => kubernetesTools(via(prod) !== undefined, params),
		imageAutomation: m.ctx.model.kubernetes?.imageAutomation?.value === true,
	};
}

const PAIRED: Record<string, string> = {
	"argo-rollouts": "Argo CD, which pairs with Argo Rollouts",
	flagger: "Flux, which pairs with Flagger",
};

/** One line: how a release reaches the cluster in this mode. */
export function kubernetesSummary(k: KubernetesDelivery): string {
	const { mode } = k;
	const repo =
		"images pushed by digest to the cloud registry and signed; CI opens a change on the environment repository";
	if (mode.gitops === "flux" && k.imageAutomation)
		return `${repo} and Flux applies it once it merges. The inputs also run Flux image automation for staging (an ImageRepository scans the registry, an ImagePolicy picks the newest tag, an ImageUpdateAutomation commits it to the environment repository); the pipeline's staging change pins the same build by digest, and production never follows image automation: it changes only through a reviewed merge request`;
	if (mode.gitops) return `${repo} and ${GITOPS_NAME[mode.gitops]} applies it once it merges`;
	if (mode.ciDeploysProduction)
		return "images pushed by digest to the cloud registry and signed; the deploy job sets the new digest on each workload with `kubectl` and waits for the rollout";
	return `non-production: the deploy job sets the new digest with \`kubectl\` and waits for the rollout; production: ${repo}, applied by a GitOps controller`;
}

/** The identity sentence of 10.2's deploy stage for Kubernetes. */
export function kubernetesIdentity(k: KubernetesDelivery, cloud: () => string, mr: string): string {
	const { mode } = k;
	const token = `The production job's only secret is \`ENV_REPO_TOKEN\`, allowed to push branches and open ${mr} requests on that repository; production changes merge after review.`;
	if (mode.gitops)
		return `${GITOPS_NAME[mode.gitops]} pulls releases from the environment repository; CI holds no cluster credentials. ${token.replace("The production job's", "The deploy jobs'")}`;
	if (mode.ciDeploysProduction)
		return `${cloud()} Each environment's deploy job is bound to a Kubernetes role limited to that environment's namespace; production runs only after approval.`;
	const pick = mode.named ? PAIRED[mode.named] : "Flux or Argo CD";
	return `Non-production: ${cloud()} Production: CI holds no production cluster credentials; the job opens a change on the environment repository and a GitOps controller applies it. The inputs name no controller: add ${pick} (a few controller pods in the cluster, no licence cost). ${token}`;
}
