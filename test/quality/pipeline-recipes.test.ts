// Every platform × CI tool pipeline parses with its validator and holds only that stack's toolchain, identity and
// registry; gates keep their thresholds. Projects are generated from a handoff 03 per stack.

import { afterAll, describe, expect, it } from "vitest";
import { bareProject, cleanupTemps, HANDOFF_03, HANDOFF_08 } from "../helpers/project";
import { compose } from "../helpers/state";
import { codeBlocks, validateBlock } from "./code-validators";

afterAll(cleanupTemps);

const PLATFORMS: [string, string][] = [
	["vercel", "Vercel"],
	["netlify", "Netlify"],
	["fly", "Fly.io"],
	["render", "Render"],
	["heroku", "Heroku"],
	["railway", "Railway"],
	["cloud-run", "Google Cloud Run"],
	["ecs", "AWS ECS Fargate"],
	["lambda", "AWS Lambda"],
	["app-service", "Azure App Service"],
	["gke", "GKE (Kubernetes)"],
	["gke-flux", "GKE (Kubernetes) with Flux CD"],
	["vm", "virtual machines"],
	["container-apps", "Azure Container Apps"],
	["do-app-platform", "DigitalOcean App Platform"],
];
const CIS = ["GitHub Actions", "GitLab CI", "CircleCI", "Azure Pipelines", "Jenkins"];

const GATES = [
	{ gate: "Unit coverage", threshold: "≥ 82%", blocking: true, stage: "every push" },
	{ gate: "k6 load test", threshold: "300 rps for 12 min: p95 < 400 ms", blocking: true, stage: "nightly" },
	{
		gate: "Playwright critical flows",
		threshold: "14/14 pass",
		blocking: true,
		stage: "after staging deploy",
	},
];

function project(
	hosting: string,
	ci: string,
	runtime = "Node.js 22",
	extra: Record<string, unknown> = {},
	gates = GATES,
): string {
	return bareProject({
		[HANDOFF_03]: JSON.stringify({
			project_name: "Kestrel Desk",
			key_outputs: {
				backend_stack: { runtime },
				database_stack: { primary: "PostgreSQL 16" },
				infrastructure: { backend_hosting: hosting, ci_cd: ci },
			},
			...extra,
		}),
		[HANDOFF_08]: JSON.stringify({ quality_gates: gates }),
	});
}

function pipelineOf(markdown: string) {
	const section = markdown.slice(markdown.indexOf("## 10.2"), markdown.indexOf("## 10.3"));
	const blocks = codeBlocks(section).filter((b) => b.lang === "yaml" || b.lang === "groovy");
	return { section, block: blocks[blocks.length - 1]! };
}

const FOREIGN_IDENTITY =
	/configure-aws-credentials|google-github-actions\/auth|azure\/login|AWS_ROLE_ARN|GCP_WIF_PROVIDER|AZURE_CLIENT_ID/;

describe.each(PLATFORMS)("%s", (id, hosting) => {
	it.each(CIS)("on %s: the pipeline parses, carries its stack's identity and registry only", async (ci) => {
		const out = compose(project(hosting, ci));
		const { section, block } = pipelineOf(out.markdown);
		expect(await validateBlock(block)).toBeUndefined();
		const body = block.body;
		if (["vercel", "netlify", "fly", "render", "heroku", "railway", "vm", "do-app-platform"].includes(id)) {
			expect(body).not.toMatch(FOREIGN_IDENTITY);
			// Compose on the project's own VMs builds its image and carries it to the hosts as a file, never to a registry.
			expect(body).not.toMatch(
				id === "vm"
					? /ghcr\.io|docker push|\.dkr\.ecr\.|pkg\.dev|azurecr\.io/
					: /ghcr\.io|docker build|\.dkr\.ecr\.|pkg\.dev|azurecr\.io/,
			);
		}
		if (id === "cloud-run") {
			expect(body).toMatch(/pkg\.dev/);
			expect(body).toMatch(/--no-traffic --tag/);
			expect(body).toMatch(/update-traffic/);
			expect(body).not.toMatch(/\.dkr\.ecr\.|azurecr\.io|ghcr\.io/);
		}
		if (id === "ecs") expect(body).toMatch(/\.dkr\.ecr\.[\s\S]*aws ecs update-service[\s\S]*services-stable/);
		if (id === "lambda") expect(body).not.toMatch(/docker build/);
		if (id === "app-service") expect(body).toMatch(/--slot staging[\s\S]*warm-up[\s\S]*slot swap/);
		if (id === "gke-flux") {
			// Flux applies every environment: CI holds no cluster credentials at all.
			expect(body).not.toMatch(/kubectl|get-credentials|update-kubeconfig|KUBECONFIG/);
			expect(body).toMatch(/kustomize edit set image/);
		}
		if (id === "gke") {
			// No GitOps controller: CI applies to staging itself, never to production.
			const at = body.search(/^\s*(- (job|stage): )?deploy[-_]production:?\s*$|Deploy to production/m);
			expect(at).toBeGreaterThan(0);
			const prod = body.slice(at);
			expect(body).toMatch(/get-credentials[\s\S]*kubectl --namespace staging set image/);
			expect(prod).not.toMatch(/kubectl|get-credentials|KUBECONFIG/);
			expect(prod).toMatch(/kustomize edit set image/);
		}
		if (id === "vercel")
			expect(body).toMatch(/vercel pull[\s\S]*vercel build[\s\S]*deploy --prebuilt[\s\S]*vercel promote/);
		if (id === "fly") expect(body).toMatch(/flyctl deploy/);
		// App Platform: the in-repo spec applied by DigitalOcean's own action on GitHub, by doctl elsewhere.
		if (id === "do-app-platform")
			expect(body).toMatch(
				ci === "GitHub Actions"
					? /uses: digitalocean\/app_action\/deploy@v2[\s\S]*app_spec_location: '\.do\/app\.yaml'/
					: /doctl apps update[\s\S]*--spec \.do\/app\.yaml[\s\S]*doctl apps create-deployment[\s\S]*--wait/,
			);
		if (id === "container-apps") expect(body).toMatch(/azurecr\.io[\s\S]*az containerapp update/);
		if (["vercel", "fly", "heroku", "railway", "netlify"].includes(id))
			expect(body).toMatch(/VERCEL_TOKEN|FLY_API_TOKEN|HEROKU_API_KEY|RAILWAY_TOKEN|NETLIFY_AUTH_TOKEN/);
		// The gates keep their thresholds and places.
		expect(section).toContain("300 rps for 12 min: p95 < 400 ms");
		expect(section).toMatch(/k6 load test \| 300 rps for 12 min: p95 < 400 ms \| nightly schedule/);
		expect(section).toMatch(/Scheduled suites \| nightly schedule \| [^|]+ \| ~15 min/);
	});
});

describe("toolchains come from the stack", () => {
	it("a Go estate caches go.sum and never npm", () => {
		const out = compose(project("Google Cloud Run", "GitLab CI", "Go 1.22", {}, GATES.slice(0, 2)));
		const { block } = pipelineOf(out.markdown);
		expect(block.body).toMatch(/golang:1\.22/);
		expect(block.body).toMatch(/go\.sum/);
		expect(block.body).not.toMatch(/npm|package-lock|vitest/);
	});

	it("a .NET solution caches NuGet packages, not package-lock.json", () => {
		const out = compose(project("Azure App Service", "Azure Pipelines", ".NET 8", {}, GATES.slice(0, 2)));
		const { block } = pipelineOf(out.markdown);
		expect(block.body).toMatch(/UseDotNet@2[\s\S]*packages\.lock\.json/);
		expect(block.body).not.toMatch(/package-lock\.json|npm/);
	});

	it("each language of a mixed runtime gets its own verify job and version", () => {
		const out = compose(
			project("GKE (Kubernetes)", "GitHub Actions", "Go 1.23 (APIs); Python 3.13 (workers)"),
		);
		const { block } = pipelineOf(out.markdown);
		expect(block.body).toMatch(/verify-go:[\s\S]*go-version-file: go\.mod/);
		expect(block.body).toMatch(/verify-python:[\s\S]*python-version: '?3\.13/);
	});

	it("a change advisory board becomes the Jenkins input submitter", () => {
		const out = compose(
			project("virtual machines", "Jenkins", "Java 21", {
				decisions_made: ["Production changes need CAB approval every Tuesday"],
			}),
		);
		expect(pipelineOf(out.markdown).block.body).toMatch(/input \{[\s\S]*submitter 'change-advisory-board'/);
	});
});
