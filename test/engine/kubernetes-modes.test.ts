// Kubernetes sections are written per operating mode: Flux + Flagger, Argo CD + Argo Rollouts, a GitOps controller
// without progressive delivery, and no GitOps controller at all.

import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { cleanupTemps, tempDir } from "../helpers/project";
import { compose } from "../helpers/state";

afterAll(cleanupTemps);

const FIXTURES = path.resolve(__dirname, "../fixtures/projects");

function section(name: string): string {
	const dir = path.join(tempDir(), name);
	cpSync(path.join(FIXTURES, name), dir, { recursive: true });
	return compose(dir).markdown;
}

/** The YAML documents of every ```yaml block, parsed (a block that does not parse fails the test). */
function yamlDocs(md: string): Record<string, unknown>[] {
	const out: Record<string, unknown>[] = [];
	for (const m of md.matchAll(/^```yaml\n([\s\S]*?)\n```$/gm)) {
		for (const d of parseAllDocuments(m[1]!)) {
			expect(d.errors, m[1]).toEqual([]);
			const v = d.toJS();
			if (v && typeof v === "object") out.push(v as Record<string, unknown>);
		}
	}
	return out;
}

/** The production deploy job of the pipeline definition, up to the next job. */
function productionJob(md: string): string {
	const pipeline = md.slice(md.indexOf("### Pipeline definition"), md.indexOf("### Pipeline optimisation"));
	const at = pipeline.search(/^\s*deploy-production:/m);
	expect(at).toBeGreaterThan(0);
	const rest = pipeline.slice(at + 1);
	const next = rest.search(/^\s{0,2}[a-z][\w-]*:\s*$/m);
	return next > 0 ? rest.slice(0, next) : rest;
}

describe("Flux + Flagger (gke-flux-staged)", () => {
	const md = section("gke-flux-staged");
	const docs = yamlDocs(md);

	it("writes a Flagger Canary that parses, with concrete analysis from the inputs' canary gate", () => {
		const canary = docs.find((d) => d.kind === "Canary") as {
			apiVersion: string;
			spec: { analysis: Record<string, unknown> & { metrics: { thresholdRange: Record<string, number> }[] } };
		};
		expect(canary).toBeDefined();
		expect(canary.apiVersion).toBe("flagger.app/v1beta1");
		const a = canary.spec.analysis;
		expect(a).toMatchObject({ interval: "1m", threshold: 5, maxWeight: 50, stepWeight: 10 });
		// The gate says p95 < 350 ms and error rate < 1%.
		const ranges = a.metrics.map((x) => x.thresholdRange);
		expect(ranges.some((r) => r.max === 350)).toBe(true);
	});

	it("has no Argo resources or commands, and no kubectl against production in CI", () => {
		expect(docs.some((d) => d.kind === "Rollout" || d.kind === "AnalysisTemplate")).toBe(false);
		expect(md).not.toMatch(/kubectl argo|argocd /);
		expect(productionJob(md)).not.toMatch(/kubectl|get-credentials|KUBECONFIG/);
	});

	it("rolls back with a revert and flux reconcile, and says Flagger rolls back on its own", () => {
		const rollback = md.slice(
			md.indexOf("### Rollback runbook"),
			md.indexOf("### Incident response runbook"),
		);
		expect(rollback).toMatch(/git revert[^`]*flux reconcile kustomization apps --with-source/);
		expect(rollback).toMatch(/Flagger rolls back on its own/);
		expect(rollback).not.toMatch(/Roll back: `kubectl rollout undo/);
	});

	it("does not traffic-split the workers", () => {
		expect(md).not.toMatch(/^\s+name: [\w-]*worker[\w-]*\n[\s\S]{0,40}kind: Canary/m);
	});
});

describe("Argo CD + Argo Rollouts (eks-argo-rejected-ecs)", () => {
	const md = section("eks-argo-rejected-ecs");
	const docs = yamlDocs(md);

	it("writes a Rollout with canary steps and an AnalysisTemplate, and no Flagger Canary", () => {
		const rollout = docs.find((d) => d.kind === "Rollout") as {
			spec: { strategy: { canary: { steps: Record<string, unknown>[]; trafficRouting?: unknown } } };
		};
		expect(rollout).toBeDefined();
		expect(rollout.spec.strategy.canary.steps.filter((s) => "setWeight" in s).length).toBeGreaterThanOrEqual(
			3,
		);
		// The inputs run the AWS Load Balancer Controller: the ALB splits the traffic.
		expect(rollout.spec.strategy.canary.trafficRouting).toMatchObject({ alb: {} });
		expect(docs.some((d) => d.kind === "AnalysisTemplate")).toBe(true);
		expect(docs.some((d) => d.kind === "Canary")).toBe(false);
	});

	it("rolls back with abort plus a revert of the environment repository, never rollout undo", () => {
		const rollback = md.slice(
			md.indexOf("### Rollback runbook"),
			md.indexOf("### Incident response runbook"),
		);
		expect(rollback).toMatch(/kubectl argo rollouts abort/);
		expect(rollback).toMatch(/git revert[^`]*argocd app sync/);
		expect(md).not.toMatch(/Roll back: `kubectl rollout undo/);
		expect(productionJob(md)).not.toMatch(/kubectl|update-kubeconfig|KUBECONFIG/);
	});

	it("runs migrations as an Argo CD PreSync hook Job", () => {
		const job = docs.find((d) => d.kind === "Job") as { metadata: { annotations: Record<string, string> } };
		expect(job.metadata.annotations["argocd.argoproj.io/hook"]).toBe("PreSync");
	});
});

describe("Argo CD without progressive delivery (aks-argocd-plain)", () => {
	const md = section("aks-argocd-plain");
	const docs = yamlDocs(md);

	it("keeps a rolling update: neither a Canary nor a Rollout", () => {
		expect(md).toMatch(/\*\*Strategy: rolling\*\*/);
		expect(docs.some((d) => d.kind === "Canary" || d.kind === "Rollout")).toBe(false);
		expect(md).not.toMatch(/kubectl argo|flagger/i);
	});

	it("releases through the environment repository on Azure, with no cluster credentials in CI", () => {
		expect(md).toMatch(/azurecr\.io/);
		expect(md).not.toMatch(/az aks get-credentials/);
		expect(md).toMatch(/git revert[^`]*argocd app sync/);
	});
});

describe("No GitOps controller (k8s-eks-gitlab)", () => {
	const md = section("k8s-eks-gitlab");

	it("deploys staging with kubectl from CI, and keeps production out of CI's reach", () => {
		const pipeline = md.slice(md.indexOf("### Pipeline definition"), md.indexOf("### Pipeline optimisation"));
		expect(pipeline).toMatch(/update-kubeconfig[\s\S]*--namespace staging/);
		expect(productionJob(md)).not.toMatch(/kubectl|update-kubeconfig/);
		expect(md).toMatch(/The inputs name no controller: add Argo CD, which pairs with Argo Rollouts/);
	});
});

describe("signing and bootstrap", () => {
	it("signs keyless on GitLab.com (self-managed runners) and bootstraps Flux from Terraform", () => {
		const md = section("gke-flux-staged");
		expect(md).toMatch(/SIGSTORE_ID_TOKEN:\n\s+aud: sigstore/);
		expect(md).toMatch(/cosign sign --yes "\$IMAGE_/);
		const hcl = [...md.matchAll(/^```hcl\n([\s\S]*?)\n```$/gm)].map((x) => x[1]).join("\n");
		expect(hcl).toMatch(/resource "flux_bootstrap_git"/);
		expect(hcl).not.toMatch(/argo/i);
	});

	it("installs Argo CD and Argo Rollouts from their Helm charts on an Argo project", () => {
		const md = section("eks-argo-rejected-ecs");
		expect(md).toMatch(/chart\s+= "argo-cd"[\s\S]*chart\s+= "argo-rollouts"/);
		expect(md).not.toMatch(/flux_bootstrap_git/);
	});
});

describe("a self-managed GitLab instance", () => {
	it("signs with a cloud KMS key, because Sigstore's keyless signing trusts only GitLab.com's tokens", () => {
		const dir = path.join(tempDir(), "gke-flux-self-managed");
		cpSync(path.join(FIXTURES, "gke-flux-staged"), dir, { recursive: true });
		const file = path.join(dir, "genesis_output/handoffs/handoff_03_technology_stack.json");
		const h03 = JSON.parse(readFileSync(file, "utf8"));
		h03.key_outputs.infrastructure.ci_cd = "GitLab CI/CD (self-managed GitLab 17.5, self-managed runners)";
		writeFileSync(file, JSON.stringify(h03));
		const md = compose(dir).markdown;
		expect(md).not.toMatch(/SIGSTORE_ID_TOKEN/);
		expect(md).toMatch(/cosign sign --yes --key "\$COSIGN_KEY" "\$IMAGE_/);
		expect(md).toMatch(/Cloud KMS key named in `COSIGN_KEY`/);
	});
});
