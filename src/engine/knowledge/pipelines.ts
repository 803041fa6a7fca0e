// Pipeline recipes as data: the toolchain of each language (set-up, cache key, install, lint, test with its coverage
// floor) and, per platform, the registry, the identity a deploy job uses and the shell steps that build and deploy.
// The CI tools (output/section/pipeline/) wrap these steps in their own syntax.

import {
	type Cloud,
	ECS_NETWORK_CONFIGURATION,
	ECS_NETWORK_VARS,
	ecsCluster,
	type PlatformId,
	type Strategy,
} from "./platforms";
import type { SourceId } from "./sources";
import { SSH_SETUP } from "./vms";

export type LangId = "node" | "python" | "go" | "java" | "dotnet" | "ruby";

export interface Toolchain {
	id: LangId;
	label: string;
	/** Finds the language (and its version in group 1) in runtime text such as "Go 1.23; Node.js 22". */
	detect: RegExp;
	defaultVersion: string;
	gha: (version: string) => { uses: string; with: Record<string, string> };
	azureTask: (version: string) => { task: string; inputs: Record<string, string> };
	/** Official image for container-based jobs (GitLab, CircleCI, Jenkins docker agents). */
	image: (version: string) => string;
	/** Lockfiles the dependency cache is keyed on. */
	cacheKey: string[];
	/** Project-relative cache directory and the variable that points the tool at it. */
	cacheDir: string;
	cacheEnv: Record<string, string>;
	install: string;
	lint: string;
	test: (coverage: number) => string[];
	/** The path the platform's health check and the smoke test hit for this framework. */
	health: string;
	sources: SourceId[];
}

export const TOOLCHAINS: Record<LangId, Toolchain> = {
	node: {
		id: "node",
		label: "Node.js",
		detect: /\b(?:node(?:\.?js)?|nodejs)\s*v?(\d+(?:\.\d+)?)?/i,
		defaultVersion: "22",
		gha: (v) => ({ uses: "actions/setup-node@v4", with: { "node-version": v, cache: "npm" } }),
		azureTask: (v) => ({ task: "NodeTool@0", inputs: { versionSpec: `${v}.x` } }),
		image: (v) => `node:${v}`,
		cacheKey: ["package-lock.json"],
		cacheDir: ".npm",
		cacheEnv: { npm_config_cache: ".npm" },
		install: "npm ci --prefer-offline",
		lint: "npm run lint && npx tsc --noEmit",
		test: (c) => [`npx vitest run --coverage --coverage.thresholds.lines=${c}`],
		health: "/healthz",
		sources: ["pipe-setup-node", "pipe-vitest-coverage"],
	},
	python: {
		id: "python",
		label: "Python",
		detect: /\bpython\s*v?(\d+(?:\.\d+)?)?/i,
		defaultVersion: "3.12",
		gha: (v) => ({ uses: "actions/setup-python@v5", with: { "python-version": v, cache: "pip" } }),
		azureTask: (v) => ({ task: "UsePythonVersion@0", inputs: { versionSpec: v } }),
		image: (v) => `python:${v}`,
		cacheKey: ["requirements.txt"],
		cacheDir: ".pip-cache",
		cacheEnv: { PIP_CACHE_DIR: ".pip-cache" },
		install: "pip install -r requirements.txt",
		lint: "ruff check . && ruff format --check .",
		test: (c) => [`pytest --cov --cov-fail-under=${c}`],
		health: "/healthz",
		sources: ["pipe-setup-python", "pipe-pytest-cov"],
	},
	go: {
		id: "go",
		label: "Go",
		detect: /\b(?:go|golang)\s+v?(\d+\.\d+)/i,
		defaultVersion: "1.23",
		gha: () => ({ uses: "actions/setup-go@v5", with: { "go-version-file": "go.mod", cache: "true" } }),
		azureTask: (v) => ({ task: "GoTool@0", inputs: { version: v } }),
		image: (v) => `golang:${v}`,
		cacheKey: ["go.sum"],
		cacheDir: ".gomodcache",
		cacheEnv: { GOMODCACHE: "$CI_PROJECT_DIR/.gomodcache" },
		install: "go mod download",
		lint: 'go vet ./... && test -z "$(gofmt -l .)"',
		test: (c) => [
			"go test -race -coverprofile=cover.out ./...",
			`go tool cover -func=cover.out | awk '/^total:/ { sub("%", "", $3); if ($3 + 0 < ${c}) exit 1 }'`,
		],
		health: "/healthz",
		sources: ["pipe-setup-go", "pipe-go-cover"],
	},
	java: {
		id: "java",
		label: "Java",
		detect: /\b(?:java|jdk|temurin)\s*v?(\d+)/i,
		defaultVersion: "21",
		gha: (v) => ({
			uses: "actions/setup-java@v4",
			with: { distribution: "temurin", "java-version": v, cache: "maven" },
		}),
		azureTask: (v) => ({
			task: "JavaToolInstaller@0",
			inputs: { versionSpec: v, jdkArchitectureOption: "x64", jdkSourceOption: "PreInstalled" },
		}),
		image: (v) => `eclipse-temurin:${v}`,
		cacheKey: ["pom.xml"],
		cacheDir: ".m2/repository",
		cacheEnv: { MAVEN_OPTS: "-Dmaven.repo.local=.m2/repository" },
		install: "./mvnw -B -q dependency:go-offline",
		lint: "./mvnw -B -q spotless:check",
		test: (c) => [
			"./mvnw -B verify jacoco:report",
			`awk -F, 'NR > 1 { m += $8; c += $9 } END { if (c / (m + c) * 100 < ${c}) exit 1 }' target/site/jacoco/jacoco.csv`,
		],
		health: "/actuator/health/readiness",
		sources: ["pipe-setup-java", "pipe-jacoco-report"],
	},
	dotnet: {
		id: "dotnet",
		label: ".NET",
		detect: /(?:\.net|dotnet)\s*(?:core\s*)?v?(\d+)/i,
		defaultVersion: "8",
		gha: (v) => ({ uses: "actions/setup-dotnet@v4", with: { "dotnet-version": `${v}.0.x` } }),
		azureTask: (v) => ({ task: "UseDotNet@2", inputs: { packageType: "sdk", version: `${v}.0.x` } }),
		image: (v) => `mcr.microsoft.com/dotnet/sdk:${v}.0`,
		cacheKey: ["**/packages.lock.json"],
		cacheDir: ".nuget/packages",
		cacheEnv: { NUGET_PACKAGES: ".nuget/packages" },
		install: "dotnet restore --locked-mode",
		lint: "dotnet format --verify-no-changes",
		test: (c) => [`dotnet test --no-restore /p:CollectCoverage=true /p:Threshold=${c} /p:ThresholdType=line`],
		health: "/healthz",
		sources: ["pipe-setup-dotnet", "pipe-coverlet-msbuild"],
	},
	ruby: {
		id: "ruby",
		label: "Ruby",
		detect: /\bruby\s*v?(\d+\.\d+)?/i,
		defaultVersion: "3.3",
		gha: (v) => ({ uses: "ruby/setup-ruby@v1", with: { "ruby-version": v, "bundler-cache": "true" } }),
		azureTask: (v) => ({ task: "UseRubyVersion@0", inputs: { versionSpec: `${v}.x` } }),
		image: (v) => `ruby:${v}`,
		cacheKey: ["Gemfile.lock"],
		cacheDir: "vendor/bundle",
		cacheEnv: { BUNDLE_PATH: "vendor/bundle" },
		install: "bundle install --jobs 4",
		lint: "bundle exec rubocop",
		test: (c) => [
			"bundle exec rspec",
			`ruby -rjson -e 'exit(JSON.parse(File.read("coverage/.last_run.json"))["result"]["line"] >= ${c} ? 0 : 1)'`,
		],
		health: "/up",
		sources: ["pipe-setup-ruby", "pipe-simplecov"],
	},
};

/** Runtime labels in the order they are looked for (Go before Node so "Go 1.23; Node.js 22" finds both). */
const LANG_ORDER: LangId[] = ["go", "java", "dotnet", "python", "ruby", "node"];

export interface ProjectLanguage {
	toolchain: Toolchain;
	version: string;
	/** Whether the version came from the inputs (otherwise it is the toolchain's current default). */
	stated: boolean;
}

/** Languages of the backend runtime text, each with its stated version; a JavaScript frontend adds Node.js. */
export function languagesOf(
	runtime: string | undefined,
	frontendJs: boolean,
	fallback: LangId,
): ProjectLanguage[] {
	const out: ProjectLanguage[] = [];
	for (const id of LANG_ORDER) {
		const m = runtime ? TOOLCHAINS[id].detect.exec(runtime) : null;
		if (m)
			out.push({ toolchain: TOOLCHAINS[id], version: m[1] ?? TOOLCHAINS[id].defaultVersion, stated: !!m[1] });
	}
	if (!out.length)
		out.push({
			toolchain: TOOLCHAINS[fallback],
			version: TOOLCHAINS[fallback].defaultVersion,
			stated: false,
		});
	if (frontendJs && !out.some((l) => l.toolchain.id === "node"))
		out.push({ toolchain: TOOLCHAINS.node, version: TOOLCHAINS.node.defaultVersion, stated: false });
	return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Registries and identities.

export type RegistryId = "artifact-registry" | "ecr" | "acr" | "fly" | "none";

export interface Registry {
	id: RegistryId;
	name: string;
	/** Image reference without tag, for one service. */
	image: (svc: string) => string;
	login: string;
	sources: SourceId[];
}

export const REGISTRIES: Record<Exclude<RegistryId, "none">, Registry> = {
	"artifact-registry": {
		id: "artifact-registry",
		name: "Artifact Registry",
		image: (svc) => `$GCP_REGION-docker.pkg.dev/$GCP_PROJECT/containers/${svc}`,
		login: 'gcloud auth configure-docker "$GCP_REGION-docker.pkg.dev" --quiet',
		sources: ["pipe-gar-auth"],
	},
	ecr: {
		id: "ecr",
		name: "Amazon ECR",
		image: (svc) => `$AWS_ACCOUNT_ID.dkr.ecr.$AWS_REGION.amazonaws.com/${svc}`,
		login:
			'aws ecr get-login-password --region "$AWS_REGION" | docker login --username AWS --password-stdin "$AWS_ACCOUNT_ID.dkr.ecr.$AWS_REGION.amazonaws.com"',
		sources: ["pipe-ecr-auth"],
	},
	acr: {
		id: "acr",
		name: "Azure Container Registry",
		image: (svc) => `$ACR_NAME.azurecr.io/${svc}`,
		login: 'az acr login --name "$ACR_NAME"',
		sources: ["pipe-acr-auth"],
	},
	fly: {
		id: "fly",
		name: "Fly.io registry (registry.fly.io)",
		image: (svc) => `registry.fly.io/${svc}`,
		login: "flyctl auth docker",
		sources: ["pipe-fly-deploy"],
	},
};

/** Cloud identity of a deploy job: variables it needs (not secrets: OIDC has none) and the role it assumes. */
export const CLOUD_OIDC: Record<
	Exclude<Cloud, "none">,
	{ vars: string[]; audience: string; sources: SourceId[] }
> = {
	aws: {
		vars: ["AWS_ACCOUNT_ID", "AWS_REGION", "AWS_ROLE_ARN"],
		audience: "sts.amazonaws.com",
		sources: ["pipe-aws-creds-action", "pipe-aws-web-identity", "pipe-gitlab-aws"],
	},
	gcp: {
		vars: ["GCP_PROJECT", "GCP_REGION", "GCP_WIF_PROVIDER", "GCP_DEPLOY_SA"],
		audience: "https://iam.googleapis.com/$GCP_WIF_PROVIDER",
		sources: ["gcp-gha-auth", "pipe-gcp-wif-pipelines", "pipe-gitlab-gcp"],
	},
	azure: {
		vars: ["AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_SUBSCRIPTION_ID"],
		audience: "api://AzureADTokenExchange",
		sources: ["azure-login", "pipe-az-login", "pipe-gitlab-azure"],
	},
};

/**
 * Shell that turns an OIDC token (in the file `tokenFile`) into cloud credentials, for CI tools without a login
 * action: AWS reads the web-identity variables itself, Google Cloud needs a credential configuration, Azure a login.
 */
export function oidcShellLogin(cloud: Exclude<Cloud, "none">, tokenFile: string): string[] {
	switch (cloud) {
		case "aws":
			return [`export AWS_WEB_IDENTITY_TOKEN_FILE="${tokenFile}" AWS_ROLE_SESSION_NAME="ci-deploy"`];
		case "gcp":
			return [
				`gcloud iam workload-identity-pools create-cred-config "$GCP_WIF_PROVIDER" --service-account="$GCP_DEPLOY_SA" --credential-source-file="${tokenFile}" --output-file=gcp-creds.json`,
				"gcloud auth login --cred-file=gcp-creds.json --quiet",
				'gcloud config set project "$GCP_PROJECT"',
			];
		case "azure":
			return [
				`az login --service-principal --username "$AZURE_CLIENT_ID" --tenant "$AZURE_TENANT_ID" --federated-token "$(cat "${tokenFile}")"`,
				'az account set --subscription "$AZURE_SUBSCRIPTION_ID"',
			];
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Platform recipes.

export interface ServiceRef {
	name: string;
	kind: "web" | "api" | "worker" | "job" | "cron" | "static" | "function";
	ingress: boolean;
}

export interface DeployParams {
	app: string;
	services: ServiceRef[];
	env: string;
	prod: boolean;
	strategy: Strategy;
	/** Environment variable holding the image reference by digest for a service, when the platform takes images. */
	imageVar: (svc: string) => string;
	health: string;
	migrations: boolean;
	/** Set when the release goes through the environment repository: the GitOps controller that applies it
	 * (`controller` when the inputs name none). Unset: the pipeline applies to the cluster itself. */
	gitops?: "argo-cd" | "flux" | "controller";
	/** Kubernetes only: Helm packaging (HelmRelease values) and the controller that shifts traffic. */
	k8s?: { helm: boolean; progressive?: "argo-rollouts" | "flagger" };
	ci: "github" | "gitlab" | "other";
	/** The environment deployed just before this one in the pipeline (staging before production), if any. */
	previous?: string;
}

export interface Recipe {
	registry: RegistryId;
	/** `oidc`: the cloud role of the platform's cloud; `token`: platform API tokens stored as environment secrets. */
	identity:
		| { kind: "oidc" }
		| { kind: "token"; secrets: (p: { app: string; services: ServiceRef[] }) => string[] }
		| { kind: "none" };
	/** CLIs the deploy job installs: on GitHub's Ubuntu runner, and in the container image of the other CI tools. */
	tools: { github: string[]; container: string[] };
	/** The platform builds the image itself from the commit (Fly's remote builder): no separate build job. */
	remoteBuild?: true;
	/** Container image for deploy jobs on GitLab, CircleCI and Jenkins docker agents (else the language's or cloud's). */
	image?: string;
	/** Shell that builds a deployable artifact without a registry (bundles, zips, prebuilt output). */
	artifact?: (p: DeployParams) => string[];
	/** Shell that deploys one environment; leaves `BASE_URL` set to the URL the smoke test hits before traffic moves. */
	deploy: (p: DeployParams) => string[];
	/** Where a CI-run migration goes: after this many deploy lines (the build), before the rest (the upload). */
	migrateAfter?: number;
	/** The platform's own GitHub Action for the deploy step, in place of the shell on GitHub Actions. */
	ghaDeploy?: (p: DeployParams) => { uses: string; with: Record<string, string> };
	/** Shell run after the smoke test passes, production only: traffic shift, swap, promote. */
	release?: (p: DeployParams) => string[];
	/** One line: how this platform receives a release, for the prose. */
	summary: string;
	/** Non-secret CI variables, set per environment, that deploy lines may read (a job gets those its lines use). */
	vars?: Readonly<Record<string, string>>;
	sources: SourceId[];
}

/** Debian with curl, git and ssh: for deploy jobs that only call a platform's CLI or API. */
const SCM_IMAGE = "buildpack-deps:bookworm-scm";
const NO_TOOLS = { github: [], container: [] };
const JQ =
	'mkdir -p "$HOME/.local/bin" && curl -sSfL -o "$HOME/.local/bin/jq" https://github.com/jqlang/jq/releases/download/jq-1.7.1/jq-linux-amd64 && chmod +x "$HOME/.local/bin/jq" && export PATH="$HOME/.local/bin:$PATH"';

const withIngress = (s: ServiceRef[]) => s.filter((x) => x.ingress);
const jobsOf = (s: ServiceRef[]) => s.filter((x) => x.kind === "job" || x.kind === "cron");
const longRunning = (s: ServiceRef[]) => s.filter((x) => x.kind !== "job" && x.kind !== "cron");
const first = (s: ServiceRef[]) => withIngress(s)[0] ?? s[0]!;
const suffix = (p: DeployParams) => (p.prod ? "" : `-${p.env}`);
const upper = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]+/g, "_");

const cloudRun: Recipe = {
	registry: "artifact-registry",
	identity: { kind: "oidc" },
	tools: NO_TOOLS,
	summary:
		"revisions deployed by digest with no traffic and a tag, smoke-tested on the tag URL, then traffic moved with `update-traffic`",
	deploy: (p) => {
		const main = first(p.services);
		const lines: string[] = [];
		if (p.migrations)
			lines.push(
				`gcloud run jobs update ${p.app}-migrate${suffix(p)} --image "$${p.imageVar(main.name)}" --region "$GCP_REGION"`,
				`gcloud run jobs execute ${p.app}-migrate${suffix(p)} --region "$GCP_REGION" --wait`,
			);
		for (const s of jobsOf(p.services))
			lines.push(
				`gcloud run jobs update ${s.name}${suffix(p)} --image "$${p.imageVar(s.name)}" --region "$GCP_REGION"`,
			);
		for (const s of longRunning(p.services))
			lines.push(
				`gcloud run deploy ${s.name}${suffix(p)} --image "$${p.imageVar(s.name)}" --region "$GCP_REGION" --no-traffic --tag "sha-\${GIT_SHA:0:7}"`,
			);
		lines.push(
			`SERVICE_URL="$(gcloud run services describe ${main.name}${suffix(p)} --region "$GCP_REGION" --format='value(status.url)')"`,
			'BASE_URL="https://sha-${GIT_SHA:0:7}---${SERVICE_URL#https://}"   # the tag URL: no user traffic yet',
		);
		return lines;
	},
	release: (p) => {
		const steps = p.prod && p.strategy === "canary" ? [10, 50, 100] : [100];
		const out: string[] = [];
		for (const s of longRunning(p.services)) {
			for (const pct of steps) {
				out.push(
					pct === 100
						? `gcloud run services update-traffic ${s.name}${suffix(p)} --region "$GCP_REGION" --to-latest`
						: `gcloud run services update-traffic ${s.name}${suffix(p)} --region "$GCP_REGION" --to-tags "sha-\${GIT_SHA:0:7}=${pct}"`,
				);
				if (pct !== 100)
					out.push("sleep 600   # watch window: abort criteria in 10.2 Post-deploy validation");
			}
		}
		return out;
	},
	sources: ["gcp-run-rollouts", "pipe-run-jobs-execute", "pipe-gar-auth"],
};

const ecs: Recipe = {
	registry: "ecr",
	identity: { kind: "oidc" },
	tools: { github: [], container: [JQ] },
	summary:
		"a new task definition revision per service with the image digest, `update-service`, then `wait services-stable`",
	deploy: (p) => {
		const cluster = ecsCluster(p.app, p.env);
		const lines: string[] = [];
		// `image`: the service whose build-job digest the family runs (the migration task runs the app's image).
		const register = (s: string, image = s) => [
			`aws ecs describe-task-definition --task-definition ${s}-${p.env} --query taskDefinition > td.json`,
			`jq --arg img "$${p.imageVar(image)}" '.containerDefinitions[0].image = $img | del(.taskDefinitionArn, .revision, .status, .requiresAttributes, .compatibilities, .registeredAt, .registeredBy)' td.json > td-new.json`,
			`TD_ARN="$(aws ecs register-task-definition --cli-input-json file://td-new.json --query taskDefinition.taskDefinitionArn --output text)"`,
		];
		if (p.migrations)
			lines.push(
				...register(`${p.app}-migrate`, first(p.services).name),
				`TASK_ARN="$(aws ecs run-task --cluster ${cluster} --launch-type FARGATE --task-definition "$TD_ARN" --network-configuration "${ECS_NETWORK_CONFIGURATION}" --query 'tasks[0].taskArn' --output text)"`,
				`aws ecs wait tasks-stopped --cluster ${cluster} --tasks "$TASK_ARN"`,
				`test "$(aws ecs describe-tasks --cluster ${cluster} --tasks "$TASK_ARN" --query 'tasks[0].containers[0].exitCode' --output text)" = 0`,
			);
		for (const s of longRunning(p.services))
			lines.push(
				...register(s.name),
				`aws ecs update-service --cluster ${cluster} --service ${s.name} --task-definition "$TD_ARN"`,
			);
		lines.push(
			`aws ecs wait services-stable --cluster ${cluster} --services ${longRunning(p.services)
				.map((s) => s.name)
				.join(" ")}`,
		);
		lines.push(`BASE_URL="$${upper(p.env)}_URL"`);
		return lines;
	},
	vars: ECS_NETWORK_VARS,
	sources: ["pipe-ecs-update", "pipe-ecs-run-task", "pipe-ecr-auth", "aws-ecs-deploycfg"],
};

const appService: Recipe = {
	registry: "none",
	identity: { kind: "oidc" },
	tools: NO_TOOLS,
	summary:
		"the published zip deployed to the `staging` slot, warmed up on the slot URL, then swapped into production",
	artifact: () => [],
	deploy: (p) => {
		const app = first(p.services).name;
		const rg = `rg-${p.app}-${p.env}`;
		return p.prod
			? [
					`az webapp deploy --resource-group ${rg} --name ${app} --slot staging --src-path app.zip --type zip`,
					`BASE_URL="https://$(az webapp show --resource-group ${rg} --name ${app} --slot staging --query defaultHostName --output tsv)"`,
					`curl -fsS --retry 10 --retry-delay 15 --retry-all-errors "$BASE_URL${p.health}"   # warm-up before the swap`,
				]
			: [
					`az webapp deploy --resource-group ${rg} --name ${app}-${p.env} --src-path app.zip --type zip`,
					`BASE_URL="https://$(az webapp show --resource-group ${rg} --name ${app}-${p.env} --query defaultHostName --output tsv)"`,
				];
	},
	release: (p) => {
		const app = first(p.services).name;
		const rg = `rg-${p.app}-${p.env}`;
		if (!p.prod) return [];
		// Canary: a share of production traffic reaches the staging slot before the swap; cleared before swapping.
		const canary =
			p.strategy === "canary"
				? [
						...[10, 50].flatMap((pct) => [
							`az webapp traffic-routing set --resource-group ${rg} --name ${app} --distribution staging=${pct}`,
							"sleep 600   # watch window: abort criteria in 10.2 Post-deploy validation",
						]),
						`az webapp traffic-routing clear --resource-group ${rg} --name ${app}`,
					]
				: [];
		return [
			...canary,
			`az webapp deployment slot swap --resource-group ${rg} --name ${app} --slot staging --target-slot production`,
			`curl -fsS --retry 5 --retry-all-errors "https://$(az webapp show --resource-group ${rg} --name ${app} --query defaultHostName --output tsv)${p.health}" || az webapp deployment slot swap --resource-group ${rg} --name ${app} --slot staging --target-slot production`,
		];
	},
	sources: ["pipe-webapp-deploy", "azure-slots", "azure-traffic-routing"],
};

/** Starts a Container Apps job and waits for its execution to end; fails the step unless it succeeded. */
function acaJobRun(job: string, rg: string): string[] {
	return [
		`EXECUTION="$(az containerapp job start --name ${job} --resource-group ${rg} --query name --output tsv)"`,
		`while STATUS="$(az containerapp job execution show --name ${job} --resource-group ${rg} --job-execution-name "$EXECUTION" --query properties.status --output tsv)"; [ "$STATUS" = Running ] || [ "$STATUS" = Processing ]; do sleep 10; done`,
		'test "$STATUS" = Succeeded   # a failed migration stops the release before any traffic moves',
	];
}

const containerApps: Recipe = {
	registry: "acr",
	identity: { kind: "oidc" },
	tools: NO_TOOLS,
	summary:
		"in multiple revision mode, a new revision per app with the image digest, labelled `green` with no traffic and smoke-tested on its label URL, then traffic moved from `blue` by label weights; the migration job runs first and is awaited",
	deploy: (p) => {
		const rg = `rg-${p.app}-${p.env}`;
		const main = first(p.services);
		const split = p.strategy === "blue-green" || p.strategy === "canary";
		const lines: string[] = [];
		if (p.migrations)
			lines.push(
				`az containerapp job update --name ${p.app}-migrate${suffix(p)} --resource-group ${rg} --image "$${p.imageVar(main.name)}"`,
				...acaJobRun(`${p.app}-migrate${suffix(p)}`, rg),
			);
		for (const s of jobsOf(p.services))
			lines.push(
				`az containerapp job update --name ${s.name}${suffix(p)} --resource-group ${rg} --image "$${p.imageVar(s.name)}"`,
			);
		for (const s of longRunning(p.services)) {
			const app = `${s.name}${suffix(p)}`;
			// Apps without ingress (workers) are not traffic-split: they get a new revision.
			if (!split || !s.ingress) {
				lines.push(
					`az containerapp update --name ${app} --resource-group ${rg} --image "$${p.imageVar(s.name)}" --revision-suffix "sha-\${GIT_SHA:0:7}"`,
				);
				continue;
			}
			lines.push(
				`LIVE_REVISION="$(az containerapp revision list --name ${app} --resource-group ${rg} --query "max_by(@, &properties.trafficWeight).name" --output tsv)"`,
				`az containerapp ingress traffic set --name ${app} --resource-group ${rg} --revision-weight "$LIVE_REVISION=100"   # pin: the new revision starts with no traffic`,
				`az containerapp revision label add --name ${app} --resource-group ${rg} --label blue --revision "$LIVE_REVISION" --yes`,
				`az containerapp update --name ${app} --resource-group ${rg} --image "$${p.imageVar(s.name)}" --revision-suffix "sha-\${GIT_SHA:0:7}"`,
				`az containerapp revision label add --name ${app} --resource-group ${rg} --label green --revision "${app}--sha-\${GIT_SHA:0:7}" --yes`,
			);
		}
		const app = `${main.name}${suffix(p)}`;
		lines.push(
			`FQDN="$(az containerapp show --name ${app} --resource-group ${rg} --query properties.configuration.ingress.fqdn --output tsv)"`,
			split && main.ingress
				? `BASE_URL="https://${app}---green.\${FQDN#${app}.}"   # the green label's own URL: no user traffic yet`
				: 'BASE_URL="https://$FQDN"',
		);
		return lines;
	},
	release: (p) => {
		if (p.strategy !== "blue-green" && p.strategy !== "canary") return [];
		const rg = `rg-${p.app}-${p.env}`;
		const steps = p.prod && p.strategy === "canary" ? [10, 50, 100] : [100];
		const out: string[] = [];
		for (const s of withIngress(longRunning(p.services))) {
			for (const pct of steps) {
				out.push(
					`az containerapp ingress traffic set --name ${s.name}${suffix(p)} --resource-group ${rg} --label-weight blue=${100 - pct} green=${pct}`,
				);
				if (pct !== 100)
					out.push("sleep 600   # watch window: abort criteria in 10.2 Post-deploy validation");
			}
		}
		return out;
	},
	sources: [
		"pipe-containerapp-update",
		"pipe-acr-auth",
		"aca-cli-traffic",
		"aca-traffic",
		"aca-job-execution",
	],
};

const DOCTL =
	'mkdir -p "$HOME/.local/bin" && curl -sSfL https://github.com/digitalocean/doctl/releases/download/v1.115.0/doctl-1.115.0-linux-amd64.tar.gz | tar -xz -C "$HOME/.local/bin"';

/** The app spec of an environment: production's is `.do/app.yaml`; another environment's app has its own. */
const doSpec = (p: DeployParams) => (p.prod ? ".do/app.yaml" : `.do/${p.env}.app.yaml`);

const doAppPlatform: Recipe = {
	registry: "none",
	identity: { kind: "token", secrets: () => ["DIGITALOCEAN_ACCESS_TOKEN"] },
	tools: { github: [DOCTL], container: [DOCTL] },
	image: SCM_IMAGE,
	summary:
		"the app spec in the repository (`.do/app.yaml`) applied and deployed (`digitalocean/app_action/deploy@v2` on GitHub Actions, `doctl apps update` and `create-deployment --wait` elsewhere); App Platform builds every component from the commit and runs its PRE_DEPLOY job first",
	deploy: (p) => {
		const id = `$${upper(p.env)}_APP_ID`;
		return [
			`doctl apps update "${id}" --spec ${doSpec(p)}`,
			`doctl apps create-deployment "${id}" --wait`,
			`BASE_URL="$${upper(p.env)}_URL"`,
		];
	},
	ghaDeploy: (p) => ({
		uses: "digitalocean/app_action/deploy@v2",
		with: {
			token: "${{ secrets.DIGITALOCEAN_ACCESS_TOKEN }}",
			app_spec_location: doSpec(p),
			print_build_logs: "true",
			print_deploy_logs: "true",
		},
	}),
	sources: ["pipe-doctl-apps", "do-app-action"],
};

function gitopsPromotion(p: DeployParams): string[] {
	const dir = `envs/${p.env}`;
	const bump = (s: ServiceRef) =>
		p.k8s?.helm
			? `DIGEST="\${${p.imageVar(s.name)}#*@}" yq -i '.spec.values.image.digest = strenv(DIGEST)' ${dir}/${s.name}/helmrelease.yaml`
			: `(cd ${dir}/${s.name} && kustomize edit set image "${s.name}=$${p.imageVar(s.name)}")`;
	const lines = [
		'git clone --depth 1 "https://oauth2:$ENV_REPO_TOKEN@$ENV_REPO" env-repo',
		"cd env-repo",
		`git checkout -b "release/${p.env}-\${GIT_SHA:0:7}"`,
		...p.services.map(bump),
		`git -c user.name="ci" -c user.email="ci@invalid" commit -am "${p.env}: release \${GIT_SHA:0:7}"`,
	];
	if (p.ci === "gitlab")
		lines.push(
			`git push origin HEAD -o merge_request.create -o merge_request.target=main -o merge_request.title="${p.env}: release \${GIT_SHA:0:7}"${p.prod ? "" : " -o merge_request.merge_when_pipeline_succeeds"}`,
		);
	else
		lines.push(
			"git push origin HEAD",
			`gh pr create --repo "$ENV_REPO" --base main --title "${p.env}: release \${GIT_SHA:0:7}" --body "Image digests from $CI_RUN_URL"${p.prod ? "" : " && gh pr merge --auto --squash"}`,
		);
	return lines;
}

const KUBECTL =
	'mkdir -p "$HOME/.local/bin" && curl -sSfL -o "$HOME/.local/bin/kubectl" "https://dl.k8s.io/release/$(curl -sSfL https://dl.k8s.io/release/stable.txt)/bin/linux/amd64/kubectl" && chmod +x "$HOME/.local/bin/kubectl"';
const ARGO_ROLLOUTS_PLUGIN =
	'curl -sSfL -o "$HOME/.local/bin/kubectl-argo-rollouts" https://github.com/argoproj/argo-rollouts/releases/latest/download/kubectl-argo-rollouts-linux-amd64 && chmod +x "$HOME/.local/bin/kubectl-argo-rollouts"';
const KUSTOMIZE =
	'mkdir -p "$HOME/.local/bin" && curl -sSfL "https://raw.githubusercontent.com/kubernetes-sigs/kustomize/master/hack/install_kustomize.sh" | bash -s -- "$HOME/.local/bin"';
const YQ =
	'mkdir -p "$HOME/.local/bin" && curl -sSfL -o "$HOME/.local/bin/yq" https://github.com/mikefarah/yq/releases/latest/download/yq_linux_amd64 && chmod +x "$HOME/.local/bin/yq"';

/** What a Kubernetes deploy job installs: git plus kustomize or yq to edit the environment repository, or kubectl. */
export function kubernetesTools(
	viaRepo: boolean,
	k8s: DeployParams["k8s"],
): { github: string[]; container: string[] } {
	if (viaRepo) return { github: k8s?.helm ? [YQ] : [], container: [k8s?.helm ? YQ : KUSTOMIZE] };
	const rollouts = k8s?.progressive === "argo-rollouts";
	return {
		github: rollouts ? [ARGO_ROLLOUTS_PLUGIN] : [],
		container: [KUBECTL, ...(rollouts ? [ARGO_ROLLOUTS_PLUGIN] : [])],
	};
}

function kubernetes(cloud: Cloud): Recipe {
	const registry: RegistryId = cloud === "gcp" ? "artifact-registry" : cloud === "azure" ? "acr" : "ecr";
	const creds: Record<Cloud, string> = {
		aws: 'aws eks update-kubeconfig --name "$EKS_CLUSTER" --region "$AWS_REGION"',
		gcp: 'gcloud container clusters get-credentials "$GKE_CLUSTER" --region "$GCP_REGION"',
		azure: 'az aks get-credentials --resource-group "$AKS_RESOURCE_GROUP" --name "$AKS_CLUSTER"',
		none: 'echo "$KUBECONFIG_DATA" | base64 -d > kubeconfig && export KUBECONFIG="$PWD/kubeconfig"',
	};
	return {
		registry,
		identity: { kind: "oidc" },
		tools: kubernetesTools(true, undefined),
		image: SCM_IMAGE,
		summary:
			"images pushed by digest to the cloud registry and signed; a change to the environment repository releases them, applied by the cluster's GitOps controller",
		deploy: (p) => {
			if (p.gitops) return gitopsPromotion(p);
			// No GitOps controller: the pipeline applies to the cluster with the cloud's short-lived identity.
			const argo = p.k8s?.progressive === "argo-rollouts";
			const flagger = p.k8s?.progressive === "flagger" && p.prod;
			const traffic = (s: ServiceRef) => argo && s.ingress;
			return [
				creds[cloud],
				...longRunning(p.services).map((s) =>
					traffic(s)
						? `kubectl argo rollouts set image ${s.name} ${s.name}="$${p.imageVar(s.name)}" --namespace ${p.env}`
						: `kubectl --namespace ${p.env} set image deployment/${s.name} ${s.name}="$${p.imageVar(s.name)}"`,
				),
				...jobsOf(p.services).map(
					(s) =>
						`kubectl --namespace ${p.env} set image cronjob/${s.name} ${s.name}="$${p.imageVar(s.name)}"   # takes effect at the next scheduled run`,
				),
				...longRunning(p.services).map((s) =>
					traffic(s)
						? `kubectl argo rollouts status ${s.name} --namespace ${p.env} --timeout 30m`
						: flagger && s.ingress
							? `kubectl --namespace ${p.env} wait canary/${s.name} --for=condition=promoted --timeout=30m`
							: `kubectl --namespace ${p.env} rollout status deployment/${s.name} --timeout=10m`,
				),
				`BASE_URL="$${upper(p.env)}_URL"`,
			];
		},
		// The cluster-credential source last: only a job that applies to a cluster itself cites it.
		sources: [
			"pipe-cosign",
			"pipe-flux-repos",
			"pipe-argocd-practices",
			...(cloud === "aws"
				? (["pipe-eks-kubeconfig"] as const)
				: cloud === "gcp"
					? (["pipe-gke-credentials"] as const)
					: cloud === "azure"
						? (["pipe-aks-credentials"] as const)
						: []),
		],
	};
}

const lambda = (iac: string | undefined): Recipe => ({
	registry: "none",
	identity: { kind: "oidc" },
	tools: iac === "sst" ? NO_TOOLS : { github: [], container: ["pip install --quiet aws-sam-cli"] },
	image: iac === "sst" ? undefined : "python:3.12",
	summary:
		iac === "sst"
			? "`sst deploy` per stage: the functions are packaged from source, no container image"
			: "`sam build` then `sam deploy` per environment: the functions are packaged from source, no container image",
	deploy: (p) =>
		iac === "sst"
			? [`npx sst deploy --stage ${p.env}`, `BASE_URL="$${upper(p.env)}_URL"`]
			: [
					"sam build",
					`sam deploy --config-env ${p.env} --no-confirm-changeset --no-fail-on-empty-changeset`,
					`BASE_URL="$${upper(p.env)}_URL"`,
				],
	sources: [iac === "sst" ? "pipe-sst-cli" : "pipe-sam-deploy"],
});

const vercel: Recipe = {
	registry: "none",
	identity: { kind: "token", secrets: () => ["VERCEL_TOKEN", "VERCEL_ORG_ID", "VERCEL_PROJECT_ID"] },
	tools: {
		github: ["npm install --global vercel@latest"],
		container: ["npm install --global vercel@latest"],
	},
	summary:
		"`vercel pull`, `vercel build`, `vercel deploy --prebuilt`, smoke on the deployment URL, then `vercel promote`",
	migrateAfter: 2,
	deploy: (p) => [
		`vercel pull --yes --environment=${p.prod ? "production" : "preview"} --token="$VERCEL_TOKEN"`,
		`vercel build${p.prod ? " --prod" : ""} --token="$VERCEL_TOKEN"`,
		`BASE_URL="$(vercel deploy --prebuilt${p.prod ? " --prod --skip-domain" : ""} --token="$VERCEL_TOKEN")"`,
	],
	release: (p) =>
		p.prod
			? ['vercel promote "$BASE_URL" --yes --token="$VERCEL_TOKEN"']
			: [`vercel alias set "$BASE_URL" "$${upper(p.env)}_HOST" --token="$VERCEL_TOKEN"`],
	sources: ["pipe-vercel-pull", "pipe-vercel-build", "pipe-vercel-deploy", "pipe-vercel-promote"],
};

const netlify: Recipe = {
	registry: "none",
	identity: { kind: "token", secrets: () => ["NETLIFY_AUTH_TOKEN", "NETLIFY_SITE_ID"] },
	tools: { github: ["npm install --global netlify-cli"], container: ["npm install --global netlify-cli"] },
	summary: "`netlify deploy --build` to a draft URL, smoke-tested, then published with `--prod`",
	deploy: (p) => [
		`BASE_URL="$(netlify deploy --build --alias ${p.env} --site "$NETLIFY_SITE_ID" --json | jq -r .deploy_url)"`,
	],
	release: (p) => (p.prod ? ['netlify deploy --build --prod --site "$NETLIFY_SITE_ID"'] : []),
	sources: ["pipe-netlify-deploy"],
};

const cloudflarePages: Recipe = {
	registry: "none",
	identity: { kind: "token", secrets: () => ["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_ACCOUNT_ID"] },
	tools: NO_TOOLS,
	summary: "`wrangler pages deploy` of the built output, to a branch alias before production",
	deploy: (p) => [
		"npm run build",
		`npx wrangler pages deploy dist --project-name ${p.app} --branch ${p.prod ? "main" : p.env}`,
		`BASE_URL="$${upper(p.env)}_URL"`,
	],
	sources: ["pipe-cf-pages-ci"],
};

/** Render's CLI: the latest release, into $HOME/.local/bin (or /usr/local/bin as root); the archive needs unzip. */
const RENDER_CLI =
	"curl -fsSL https://raw.githubusercontent.com/render-oss/cli/refs/heads/main/bin/install.sh | sh";

const render: Recipe = {
	registry: "none",
	identity: {
		kind: "token",
		secrets: ({ services }) => ["RENDER_API_KEY", ...services.map((s) => `${upper(s.name)}_SERVICE_ID`)],
	},
	tools: {
		github: [RENDER_CLI],
		container: ["apt-get update && apt-get install -y --no-install-recommends unzip", RENDER_CLI],
	},
	image: SCM_IMAGE,
	summary:
		"`render deploys create --commit <sha> --wait` per Render service: Render builds the very commit the earlier stages tested, and the job fails when that deploy does",
	deploy: (p) => [
		...p.services.map(
			(s) =>
				`render deploys create "$${upper(s.name)}_SERVICE_ID" --commit "$GIT_SHA" --wait --confirm -o json`,
		),
		`BASE_URL="$${upper(p.env)}_URL"`,
	],
	sources: ["pipe-render-cli", "render-rollbacks"],
};

const heroku: Recipe = {
	registry: "none",
	identity: { kind: "token", secrets: () => ["HEROKU_API_KEY"] },
	tools: { github: [], container: ["curl https://cli-assets.heroku.com/install.sh | sh"] },
	image: SCM_IMAGE,
	summary:
		"a git push builds the slug on the first app of the pipeline; each later environment receives that same slug by pipeline promotion",
	deploy: (p) =>
		p.prod && p.previous
			? [
					`heroku pipelines:promote --app ${p.app}-${p.previous} --to ${p.app}`,
					`BASE_URL="$${upper(p.env)}_URL"`,
				]
			: p.prod
				? [
						`git push "https://heroku:$HEROKU_API_KEY@git.heroku.com/${p.app}.git" "HEAD:refs/heads/main"`,
						`BASE_URL="$${upper(p.env)}_URL"`,
					]
				: [
						`git push "https://heroku:$HEROKU_API_KEY@git.heroku.com/${p.app}-${p.env}.git" "HEAD:refs/heads/main"`,
						`BASE_URL="$${upper(p.env)}_URL"`,
					],
	sources: ["pipe-heroku-git", "pipe-heroku-pipelines", "heroku-releases"],
};

const railway: Recipe = {
	registry: "none",
	identity: { kind: "token", secrets: () => ["RAILWAY_TOKEN"] },
	tools: { github: ["npm install --global @railway/cli"], container: ["npm install --global @railway/cli"] },
	summary: "`railway up` per service and environment with a project token; Railway builds from the commit",
	deploy: (p) => [
		...p.services.map((s) => `railway up --service ${s.name} --environment ${p.env} --ci`),
		`BASE_URL="$${upper(p.env)}_URL"`,
	],
	sources: ["pipe-railway-cli"],
};

const fly: Recipe = {
	registry: "fly",
	identity: { kind: "token", secrets: () => ["FLY_API_TOKEN"] },
	remoteBuild: true,
	tools: {
		github: [],
		container: ["curl -L https://fly.io/install.sh | sh", 'export PATH="$HOME/.fly/bin:$PATH"'],
	},
	image: SCM_IMAGE,
	summary:
		"`flyctl deploy` with the app's own deploy token; Fly's remote builder pushes to registry.fly.io and Machines are replaced one at a time",
	deploy: (p) => [
		`flyctl deploy --app ${p.app}${suffix(p)} --remote-only --image-label "$GIT_SHA" --strategy ${p.strategy === "canary" || p.strategy === "blue-green" ? p.strategy.replace("-", "") : "rolling"}`,
		`BASE_URL="https://${p.app}${suffix(p)}.fly.dev"`,
	],
	sources: ["pipe-fly-deploy", "pipe-fly-tokens", "pipe-fly-gha"],
};

const vm: Recipe = {
	registry: "none",
	identity: { kind: "token", secrets: () => [...SSH_SETUP.secrets] },
	tools: { github: [], container: ["pip install --quiet ansible-core"] },
	image: "python:3.12",
	summary:
		"the `app.zip` built once is rolled out by an Ansible playbook host by host behind the load balancer (`serial: 1`)",
	deploy: (p) => [
		...SSH_SETUP.lines,
		`ansible-playbook -i inventories/${p.env} deploy.yml --extra-vars "release=$GIT_SHA artifact=$PWD/app.zip"`,
		`BASE_URL="$${upper(p.env)}_URL"`,
	],
	sources: ["pipe-ansible-playbook", ...SSH_SETUP.sources],
};

/** The recipe for a platform on a cloud (Kubernetes takes the cloud's registry and login; Lambda its IaC tool). */
export function recipeFor(platform: PlatformId, cloud: Cloud, iac: string | undefined): Recipe {
	switch (platform) {
		case "cloud-run":
			return cloudRun;
		case "ecs":
			return ecs;
		case "app-service":
			return appService;
		case "kubernetes":
			return kubernetes(cloud);
		case "lambda":
			return lambda(iac);
		case "vercel":
			return vercel;
		case "netlify":
			return netlify;
		case "cloudflare-pages":
			return cloudflarePages;
		case "render":
			return render;
		case "heroku":
			return heroku;
		case "railway":
			return railway;
		case "fly":
			return fly;
		case "vm":
			return vm;
		case "container-apps":
			return containerApps;
		case "do-app-platform":
			return doAppPlatform;
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Gate commands: what runs a gate Section 8 names, by the tool in its name. Coverage gates are enforced by the
// toolchain's test command; platform-run gates (canary analysis, PreTraffic hooks, admission) need no CI step.

export interface GateCommand {
	match: RegExp;
	/** Shell for the gate; `$BASE_URL` is the environment under test. */
	run?: string;
	/** Who enforces it when CI does not run a command. */
	enforcedBy?: string;
	coverage?: true;
	lint?: true;
	/** The runtime the command needs (its job runs in that language's image) and its install lines. */
	runtime?: LangId;
	install?: string[];
	/** Runs a container: the job needs a Docker daemon. */
	docker?: true;
}

const K6 =
	'mkdir -p "$HOME/.local/bin" && curl -sSfL https://github.com/grafana/k6/releases/download/v0.54.0/k6-v0.54.0-linux-amd64.tar.gz | tar -xz --strip-components=1 -C "$HOME/.local/bin"';
const PLAYWRIGHT = ["npm ci --prefer-offline", "npx playwright install --with-deps chromium"];

export const GATE_COMMANDS: GateCommand[] = [
	{ match: /coverage|simplecov|jacoco|coverlet|istanbul/i, coverage: true },
	{ match: /canary analysis|flagger/i, enforcedBy: "the progressive-delivery controller's analysis" },
	{ match: /pre-?traffic|pre-?swap hook/i, enforcedBy: "the platform's pre-traffic hook" },
	{ match: /admission|kyverno|gatekeeper/i, enforcedBy: "the cluster's admission policy" },
	{ match: /review app|manual qa|click through/i, enforcedBy: "the reviewer on the pull request" },
	{ match: /migration review|dba approval/i, enforcedBy: "the required reviewers of the pull request" },
	{ match: /golangci/i, run: "golangci-lint run ./..." },
	{ match: /\blint\b|eslint|ruff|rubocop|tsc|spotless|format/i, lint: true },
	{
		match: /helm lint|kubeconform/i,
		run: "helm lint charts/* && helm template charts/* | kubeconform -strict -summary",
	},
	{
		match: /terraform validate|tflint|plan review/i,
		run: "terraform -chdir=infra init -backend=false && terraform -chdir=infra validate && tflint --chdir=infra",
	},
	{ match: /sam validate/i, run: "sam validate --lint" },
	{ match: /checkov|cfn-nag/i, run: "checkov --directory . --compact" },
	{ match: /trivy|image scan|container scan/i, run: "image-scan" },
	{ match: /snyk/i, run: "npx snyk test --severity-threshold=high", runtime: "node" },
	{ match: /npm audit/i, run: "npm audit --omit=dev --audit-level=high", runtime: "node" },
	{ match: /brakeman/i, run: "bundle exec brakeman --no-pager --confidence-level=2" },
	{ match: /bundler-audit|bundle audit/i, run: "bundle exec bundle-audit check --update" },
	{ match: /strong_migrations/i, run: "bin/rails db:migrate RAILS_ENV=test" },
	{
		match: /dependency-check|owasp dependency/i,
		run: "./mvnw -B org.owasp:dependency-check-maven:check -DfailBuildOnCVSS=7",
	},
	{ match: /sonar/i, run: "./mvnw -B sonar:sonar -Dsonar.qualitygate.wait=true" },
	{
		match: /pact|can-i-deploy/i,
		run: 'pact-broker can-i-deploy --pacticipant "$SERVICE" --version "$GIT_SHA" --to-environment production',
	},
	{
		match: /\bzap\b/i,
		run: 'docker run --rm ghcr.io/zaproxy/zaproxy:stable zap-baseline.py -t "$BASE_URL"',
		docker: true,
	},
	{ match: /lighthouse/i, run: 'npx @lhci/cli autorun --collect.url="$BASE_URL"', runtime: "node" },
	{ match: /\bk6\b/i, run: 'k6 run --env BASE_URL="$BASE_URL" tests/load/main.js', install: [K6] },
	{
		match: /locust/i,
		run: 'locust --headless --locustfile tests/load/locustfile.py --host "$BASE_URL" --users 100 --spawn-rate 10 --run-time 10m',
		runtime: "python",
		install: ["pip install --quiet locust"],
	},
	{ match: /artillery/i, run: 'npx artillery run --target "$BASE_URL" tests/load/main.yml', runtime: "node" },
	{ match: /gatling/i, run: './mvnw -B gatling:test -DbaseUrl="$BASE_URL"', runtime: "java" },
	{
		match: /cypress/i,
		run: 'npx cypress run --config baseUrl="$BASE_URL"',
		runtime: "node",
		install: ["npm ci --prefer-offline"],
	},
	{
		match: /playwright.*smoke|@smoke/i,
		run: "npx playwright test --grep @smoke",
		runtime: "node",
		install: PLAYWRIGHT,
	},
	{
		match: /playwright|e2e|end[- ]to[- ]end|critical (flows|path)|journeys?/i,
		run: "npx playwright test",
		runtime: "node",
		install: PLAYWRIGHT,
	},
	{ match: /smoke/i, run: "smoke" },
	{ match: /integration tests?/i, run: "integration" },
];

export function gateCommand(name: string): GateCommand | undefined {
	return GATE_COMMANDS.find((c) => c.match.test(name));
}
