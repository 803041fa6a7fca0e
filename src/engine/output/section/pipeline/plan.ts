// The pipeline definition for the chosen CI tool. One plan of jobs (verify per language, build once, deploy per
// environment, scheduled suites) is built from the project's languages, the platform's recipe and the placed gates;
// each CI tool then writes that plan in its own syntax.

import type { QualityGate } from "../../../inputs/context";
import {
	CLOUD_OIDC,
	type DeployParams,
	gateCommand,
	type LangId,
	languagesOf,
	oidcShellLogin,
	type ProjectLanguage,
	REGISTRIES,
	type Recipe,
	recipeFor,
	type ServiceRef,
	TOOLCHAINS,
} from "../../../knowledge/pipelines";
import type { Cloud, PlatformId } from "../../../knowledge/platforms";
import type { SourceId } from "../../../knowledge/sources";
import type { SectionModel } from "../model";
import { type PipelineStage, thresholdText } from "../stages";

type OidcCloud = Exclude<Cloud, "none">;

interface Step {
	name: string;
	run: string[];
}

interface Job {
	id: string;
	name: string;
	trigger: "push" | "main" | "schedule" | "pr";
	env?: string;
	needs: string[];
	lang?: ProjectLanguage;
	cloud?: OidcCloud;
	secrets: string[];
	/** Install lines on GitHub's Ubuntu runner and in the other tools' containers. */
	tools: { github: string[]; container: string[] };
	/** Container image on GitLab, CircleCI and Jenkins docker agents. */
	image: string;
	steps: Step[];
	/** Writes `IMAGE_<SVC>` (image by digest) for the deploy jobs. */
	produces: string[];
	consumes: string[];
	docker: boolean;
	/** Production: a person approves before the job runs. */
	approval: boolean;
	minutes: number;
}

export interface PipelinePlan {
	jobs: Job[];
	languages: ProjectLanguage[];
	recipe: Recipe;
	services: ServiceRef[];
	registry?: (typeof REGISTRIES)[keyof typeof REGISTRIES];
	/** Gates no command is known for: each runs a script the team owns, named after the gate. */
	scripted: QualityGate[];
	sources: SourceId[];
}

const PREVIEW_PLATFORMS = ["vercel", "netlify"];
const NONE = { github: [], container: [] };
const TRIVY_INSTALL =
	'mkdir -p "$HOME/.local/bin" && curl -sSfL https://raw.githubusercontent.com/aquasecurity/trivy/main/contrib/install.sh | sh -s -- -b "$HOME/.local/bin"';
const COSIGN_INSTALL =
	'curl -sSfL -o "$HOME/.local/bin/cosign" https://github.com/sigstore/cosign/releases/latest/download/cosign-linux-amd64 && chmod +x "$HOME/.local/bin/cosign"';
/** The cloud CLI a docker:27 (Alpine) build job needs to log in to the registry. */
const CLOUD_CLI_ALPINE: Record<OidcCloud, string[]> = {
	aws: ["apk add --no-cache curl aws-cli"],
	gcp: [
		"apk add --no-cache curl bash python3",
		"curl -sSL https://sdk.cloud.google.com | bash -s -- --disable-prompts --install-dir=/opt",
		'export PATH="/opt/google-cloud-sdk/bin:$PATH"',
	],
	azure: ["apk add --no-cache curl py3-pip", "pip install --quiet --break-system-packages azure-cli"],
};

/** Python image with the AWS CLI installed by pip: the AWS CLI images set `aws` as entrypoint, which CI jobs cannot use. */
const AWS_IMAGE = "python:3.12";

function cloudImage(cloud: OidcCloud | undefined): string {
	if (cloud === "gcp") return "gcr.io/google.com/cloudsdktool/google-cloud-cli:stable";
	if (cloud === "azure") return "mcr.microsoft.com/azure-cli:latest";
	if (cloud === "aws") return AWS_IMAGE;
	return "buildpack-deps:bookworm-scm";
}

const slug = (s: string) =>
	s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-|-$/g, "")
		.slice(0, 40)
		.replace(/-+$/, "");
const envVar = (svc: string) => `IMAGE_${svc.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}`;

/** Services of the project: the model's list (names made safe for commands), else the one service the inputs name. */
export function servicesOf(m: SectionModel): ServiceRef[] {
	const listed = m.ctx.model.services.filter((s) => !s.preDeploy);
	if (!listed.length) return [{ name: m.ctx.serviceName, kind: "api", ingress: true }];
	return listed.map((s) => ({ name: slug(s.name) || m.ctx.serviceName, kind: s.kind, ingress: s.ingress }));
}

/** A change advisory board approves production changes (the model's change approval, else the inputs' words). */
export function hasCab(m: SectionModel): boolean {
	const text = [
		m.ctx.model.constraints.changeApproval?.value ?? "",
		...m.ctx.inherited.decisions.map((d) => d.text),
	].join(" ");
	return /\bCAB\b|change advisory board|change approval board/i.test(text);
}

export function gitopsOf(m: SectionModel): "argo-cd" | "flux" | undefined {
	return m.ctx.model.gitops?.value;
}

function coverageFor(m: SectionModel, lang: ProjectLanguage, multi: boolean): number {
	const covGates = m.ctx.testing.gates.filter((g) => gateCommand(g.name)?.coverage);
	const named = new RegExp(
		`\\b${lang.toolchain.label.replace(".", "\\.")}\\b|\\b${lang.toolchain.id}\\b`,
		"i",
	);
	const pick = (multi ? covGates.find((g) => named.test(g.name)) : undefined) ?? covGates[0];
	const n = pick ? /(\d+(?:\.\d+)?)\s*%/.exec(pick.threshold) : null;
	return n ? Number(n[1]) : m.coverageUnit;
}

const SEVERITY = (g: QualityGate | undefined) =>
	g && /high/i.test(g.threshold) ? "CRITICAL,HIGH" : g ? "CRITICAL" : "CRITICAL,HIGH";

function gateStep(g: QualityGate, lang: ProjectLanguage | undefined, health: string): Step | undefined {
	const c = gateCommand(g.name);
	const name = `${g.name} — ${thresholdText(g)}`;
	if (c?.coverage || c?.lint || c?.enforcedBy || c?.run === "image-scan") return undefined;
	if (c?.run === "smoke")
		return { name, run: [`curl -fsS --retry 5 --retry-all-errors "$BASE_URL${health}"`] };
	if (c?.run === "integration")
		return {
			name,
			run: [
				lang?.toolchain.id === "java"
					? "./mvnw -B verify -Pintegration"
					: `./scripts/gates/${slug(g.name)}.sh`,
			],
		};
	return { name, run: [c?.run ?? `./scripts/gates/${slug(g.name)}.sh`] };
}

export function buildPlan(m: SectionModel): PipelinePlan {
	const frontendJs = /next|react|vue|angular|svelte|remix|nuxt|astro|solid|vite/i.test(
		m.ctx.stack.frontendFramework ?? "",
	);
	const fallback = { python: "python", go: "go", java: "java", dotnet: "dotnet", ruby: "ruby" } as const;
	const stated = m.ctx.model.languages.map((l) => `${l.name} ${l.version ?? ""}`).join("; ");
	const languages = languagesOf(
		stated || m.ctx.stack.backendRuntime || m.ctx.stack.backendFramework,
		frontendJs,
		fallback[m.ctx.stack.language as keyof typeof fallback] ?? "node",
	);
	const services = servicesOf(m);
	// Kubernetes releases through the environment repository (the platform row's rule): CI holds no cluster credentials.
	const gitops: DeployParams["gitops"] =
		m.platform.id === "kubernetes" ? (gitopsOf(m) ?? "controller") : undefined;
	const recipe = recipeFor(m.platform.id as PlatformId, m.ctx.cloud, m.decisions.iac, {
		gitops: !!gitops,
		rollouts: m.decisions.strategy === "canary" || m.decisions.strategy === "blue-green",
	});
	const registry = recipe.registry === "none" ? undefined : REGISTRIES[recipe.registry];
	// Where the platform builds from source, the CI holds no registry credentials.
	const oidc =
		recipe.identity.kind === "oidc" && m.ctx.cloud !== "none" ? (m.ctx.cloud as OidcCloud) : undefined;
	const main = languages[0]!;
	const health = main.toolchain.health;
	const stage = (id: string): PipelineStage | undefined => m.stages.find((s) => s.id === id);
	const scripted: QualityGate[] = [];
	const stepsFor = (gates: QualityGate[]) =>
		gates
			.map((g) => {
				const s = gateStep(g, main, health);
				if (s?.run[0]?.startsWith("./scripts/gates/")) scripted.push(g);
				return s;
			})
			.filter((s): s is Step => s !== undefined);
	const jobs: Job[] = [];
	const versionOf = (id: LangId) =>
		languages.find((l) => l.toolchain.id === id) ?? {
			toolchain: TOOLCHAINS[id],
			version: TOOLCHAINS[id].defaultVersion,
			stated: false,
		};
	/** A job that runs gates against a deployed environment, in the image of the runtime the gates need. */
	const checkJob = (
		id: string,
		name: string,
		env: string,
		st: PipelineStage | undefined,
		needs: string[],
	): Job | undefined => {
		const steps = stepsFor(st?.gates ?? []);
		if (!steps.length) return undefined;
		const cmds = (st?.gates ?? []).map((g) => gateCommand(g.name)).filter((c) => c?.run);
		const wanted = cmds.find((c) => c?.runtime)?.runtime;
		const runtime = wanted ? versionOf(wanted) : undefined;
		const install = [...new Set(cmds.flatMap((c) => c?.install ?? []))];
		const docker = cmds.some((c) => c?.docker);
		return {
			id,
			name,
			trigger: "main",
			needs,
			lang: runtime,
			secrets: [],
			tools: NONE,
			image: docker
				? "docker:27"
				: runtime
					? runtime.toolchain.image(runtime.version)
					: "buildpack-deps:bookworm-scm",
			steps: [
				{ name: `Target ${env}`, run: [`BASE_URL="$${env.toUpperCase()}_URL"`] },
				...(install.length ? [{ name: "Install test tools", run: install }] : []),
				...steps,
			],
			produces: [],
			consumes: [],
			docker,
			approval: false,
			minutes: st?.minutes ?? 5,
		};
	};

	// Verify: one job per language, each with its own toolchain, cache and coverage floor.
	const verify = stage("verify")!;
	const multi = languages.length > 1;
	for (const l of languages) {
		const cov = coverageFor(m, l, multi);
		const own = verify.gates.filter((g) => {
			const c = gateCommand(g.name);
			return !c?.coverage && !c?.lint && (!multi || l === main);
		});
		jobs.push({
			id: multi ? `verify-${l.toolchain.id}` : "verify",
			name: `Verify (${l.toolchain.label} ${l.version})`,
			trigger: "push",
			needs: [],
			lang: l,
			secrets: [],
			tools: NONE,
			image: l.toolchain.image(l.version),
			steps: [
				{ name: "Install dependencies", run: [l.toolchain.install] },
				{ name: "Lint", run: [l.toolchain.lint] },
				{ name: `Tests, line coverage ≥ ${cov}%`, run: l.toolchain.test(cov) },
				...stepsFor(own),
			],
			produces: [],
			consumes: [],
			docker: false,
			approval: false,
			minutes: verify.minutes,
		});
	}
	const verifyIds = jobs.map((j) => j.id);

	// Build once: images by digest for container platforms; platforms that build from source skip this job.
	const build = stage("build")!;
	const scanGate = build.gates.find((g) => gateCommand(g.name)?.run === "image-scan");
	if (registry && !recipe.remoteBuild) {
		const buildSteps: Step[] = [{ name: `Log in to ${registry.name}`, run: [registry.login] }];
		for (const s of services) {
			const ref = `${registry.image(s.name)}:$GIT_SHA`;
			const dir = services.length > 1 ? `services/${s.name}` : ".";
			buildSteps.push({
				name: `Build, scan, push and sign ${s.name}`,
				run: [
					`docker build --tag "${ref}" ${dir}`,
					`trivy image --exit-code 1 --severity ${SEVERITY(scanGate)} --ignore-unfixed "${ref}"`,
					`docker push "${ref}"`,
					`${envVar(s.name)}="$(docker inspect --format '{{index .RepoDigests 0}}' "${ref}")"`,
					`cosign sign --yes "$${envVar(s.name)}"`,
				],
			});
		}
		jobs.push({
			id: "build",
			name: "Build once",
			trigger: "push",
			needs: verifyIds,
			cloud: oidc,
			secrets: [],
			tools: {
				github: [TRIVY_INSTALL, COSIGN_INSTALL],
				container: [...(oidc ? CLOUD_CLI_ALPINE[oidc] : []), TRIVY_INSTALL, COSIGN_INSTALL],
			},
			image: "docker:27",
			steps: buildSteps,
			produces: services.map((s) => envVar(s.name)),
			consumes: [],
			docker: true,
			approval: false,
			minutes: build.minutes,
		});
	} else if (m.platform.id === "app-service" || m.platform.id === "vm") {
		jobs.push({
			id: "build",
			name: "Build once",
			trigger: "push",
			needs: verifyIds,
			lang: main,
			secrets: [],
			tools: NONE,
			image: main.toolchain.image(main.version),
			steps: [{ name: "Publish app.zip", run: packageZip(main) }],
			produces: ["app.zip"],
			consumes: [],
			docker: false,
			approval: false,
			minutes: build.minutes,
		});
	}
	const built = jobs.some((j) => j.id === "build") ? ["build"] : verifyIds;
	const sourceBuilt = recipe.registry === "none" || recipe.remoteBuild;
	const deployLang = sourceBuilt && !["app-service", "vm", "render", "heroku", "fly"].includes(m.platform.id);

	// A preview per pull request where the platform makes one from the same build path (Vercel, Netlify).
	if (PREVIEW_PLATFORMS.includes(m.platform.id) && m.decisions.environments.includes("preview")) {
		const secrets =
			recipe.identity.kind === "token" ? recipe.identity.secrets({ app: m.ctx.serviceName, services }) : [];
		jobs.push({
			id: "preview",
			name: "Preview for the pull request",
			trigger: "pr",
			env: "preview",
			needs: verifyIds,
			lang: main,
			secrets,
			tools: recipe.tools,
			image: main.toolchain.image(main.version),
			steps: [
				{ name: "Install dependencies", run: [main.toolchain.install] },
				{
					name: "Deploy the preview",
					run: recipe.deploy({
						app: m.ctx.serviceName,
						services,
						env: "preview",
						prod: false,
						strategy: m.decisions.strategy,
						imageVar: envVar,
						health,
						migrations: false,
						ci: "other",
					}),
				},
				{ name: "Smoke test", run: [`curl -fsS --retry 5 --retry-all-errors "$BASE_URL${health}"`] },
			],
			produces: [],
			consumes: [],
			docker: false,
			approval: false,
			minutes: 5,
		});
	}

	// Deploy per environment: identity, the platform's steps, the smoke test, the gates of that environment.
	const deployEnvs = m.decisions.environments.filter(
		(e) => e === "staging" || e === "uat" || e === "production",
	);
	let previous = built;
	for (const env of deployEnvs) {
		const prod = env === "production";
		const st = stage(prod ? "deploy-production" : "deploy-staging");
		const verifyStage = prod ? stage("post-deploy") : stage("e2e");
		const params = {
			app: m.ctx.serviceName,
			services,
			env,
			prod,
			strategy: m.decisions.strategy,
			imageVar: envVar,
			health,
			migrations:
				m.ctx.model.services.some((s) => s.preDeploy) ||
				(m.db.id !== undefined && !/dynamo|cosmos|firestore|mongo|redis|sqlite/i.test(m.db.name)),
			gitops,
			ci:
				m.ci.id === "github-actions"
					? ("github" as const)
					: m.ci.id === "gitlab-ci"
						? ("gitlab" as const)
						: ("other" as const),
		};
		const secrets =
			recipe.identity.kind === "token" ? recipe.identity.secrets({ app: m.ctx.serviceName, services }) : [];
		if (gitops) secrets.push("ENV_REPO_TOKEN");
		const steps: Step[] = [
			...(deployLang ? [{ name: "Install dependencies", run: [main.toolchain.install] }] : []),
			{ name: `Deploy to ${env}`, run: recipe.deploy(params) },
		];
		const deployImage =
			recipe.image ??
			(deployLang ? main.toolchain.image(main.version) : cloudImage(gitops ? undefined : oidc));
		if (!gitops) {
			steps.push({
				name: "Smoke test",
				run: [`curl -fsS --retry 5 --retry-all-errors "$BASE_URL${health}"`],
			});
			const release = recipe.release?.(params) ?? [];
			if (release.length)
				steps.push({
					name: prod ? "Move traffic to the new release" : `Serve ${env} from the new release`,
					run: release,
				});
		}
		jobs.push({
			id: `deploy-${env}`,
			name: `Deploy to ${env}`,
			trigger: "main",
			env,
			needs: [...new Set([...(built.includes("build") ? ["build"] : []), ...previous])],
			lang: deployLang ? main : undefined,
			cloud: gitops ? undefined : oidc,
			secrets,
			tools: {
				github: recipe.tools.github,
				container: [
					...(deployImage === AWS_IMAGE ? ["pip install --quiet awscli"] : []),
					...recipe.tools.container,
				],
			},
			image: deployImage,
			steps,
			produces: [],
			consumes: built.includes("build") ? (registry ? services.map((s) => envVar(s.name)) : ["app.zip"]) : [],
			docker: false,
			approval: prod,
			minutes: st?.minutes ?? 5,
		});
		previous = [`deploy-${env}`];
		// The environment's own gates run in a job of their runtime against the environment's URL.
		const check = checkJob(
			`check-${env}`,
			prod ? "Validate production" : `Verify on ${env}`,
			env,
			verifyStage,
			[`deploy-${env}`],
		);
		if (check) {
			jobs.push(check);
			previous = [check.id];
		}
	}

	// Scheduled suites against staging (or production when there is no staging).
	const nightly = checkJob(
		"nightly",
		"Scheduled suites",
		deployEnvs.find((e) => e !== "production") ?? "production",
		stage("nightly"),
		[],
	);
	if (nightly) jobs.push({ ...nightly, trigger: "schedule" });
	const sources: SourceId[] = [
		...languages.flatMap((l) => l.toolchain.sources),
		...recipe.sources,
		...(registry ? registry.sources : []),
		...(oidc ? CLOUD_OIDC[oidc].sources : []),
		...(registry && !recipe.remoteBuild ? (["pipe-trivy-image", "pipe-cosign"] as SourceId[]) : []),
	];
	return {
		jobs,
		languages,
		recipe,
		services,
		registry,
		scripted: [...new Set(scripted)],
		sources: [...new Set(sources)],
	};
}

function packageZip(l: ProjectLanguage): string[] {
	switch (l.toolchain.id) {
		case "dotnet":
			return [
				"dotnet publish --configuration Release --output publish",
				"(cd publish && zip -qr ../app.zip .)",
			];
		case "java":
			return ["./mvnw -B -q package -DskipTests", "cp target/*.jar app.jar && zip -q app.zip app.jar"];
		case "node":
			return ["npm run build", "npm prune --omit=dev", "zip -qr app.zip . -x '.git/*'"];
		default:
			return ["zip -qr app.zip . -x '.git/*'"];
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Writing helpers: YAML scalars plain where safe and single-quoted otherwise; scripts as literal blocks.

function q(s: string): string {
	return /^[A-Za-z0-9_$][A-Za-z0-9_./@:+${}-]*$/.test(s) &&
		!/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(s)
		? s
		: `'${s.replace(/'/g, "''")}'`;
}

function literal(prefix: string, indent: string, lines: string[]): string[] {
	return [`${prefix}|`, ...lines.map((l) => `${indent}${l}`)];
}

const images = (j: Job) => j.produces.filter((p) => p.startsWith("IMAGE_"));
const script = (j: Job) => j.steps.flatMap((s) => [`# ${s.name}`, ...s.run]);
/** Keyless signing needs the CI's OIDC token for Sigstore (GitHub, GitLab); elsewhere a cloud KMS key signs. */
const kmsSign = (lines: string[]) =>
	lines.map((l) => l.replace("cosign sign --yes ", 'cosign sign --yes --key "$COSIGN_KEY" '));

/** When a job runs, per CI tool: on every push, on main only, on the nightly schedule, on a pull request. */
const WHEN: Record<"github" | "gitlab" | "azure", Record<Job["trigger"], string>> = {
	github: {
		push: "github.event_name != 'schedule'",
		main: "github.event_name == 'push' && github.ref == 'refs/heads/main'",
		schedule: "github.event_name == 'schedule'",
		pr: "github.event_name == 'pull_request'",
	},
	gitlab: {
		push: '$CI_PIPELINE_SOURCE != "schedule"',
		main: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_PIPELINE_SOURCE != "schedule"',
		schedule: '$CI_PIPELINE_SOURCE == "schedule"',
		pr: '$CI_PIPELINE_SOURCE == "merge_request_event"',
	},
	azure: {
		push: "ne(variables['Build.Reason'], 'Schedule')",
		main: "and(succeeded(), eq(variables['Build.SourceBranch'], 'refs/heads/main'), ne(variables['Build.Reason'], 'Schedule'))",
		schedule: "eq(variables['Build.Reason'], 'Schedule')",
		pr: "eq(variables['Build.Reason'], 'PullRequest')",
	},
};

// ---------------------------------------------------------------------------------------------------------------
// GitHub Actions.

function ghaLogin(cloud: OidcCloud): string[] {
	switch (cloud) {
		case "aws":
			return [
				"      - uses: aws-actions/configure-aws-credentials@v4",
				"        with:",
				"          role-to-assume: ${{ vars.AWS_ROLE_ARN }}",
				"          aws-region: ${{ vars.AWS_REGION }}",
			];
		case "gcp":
			return [
				"      - uses: google-github-actions/auth@v2",
				"        with:",
				"          workload_identity_provider: ${{ vars.GCP_WIF_PROVIDER }}",
				"          service_account: ${{ vars.GCP_DEPLOY_SA }}",
				"      - uses: google-github-actions/setup-gcloud@v2",
			];
		case "azure":
			return [
				"      - uses: azure/login@v2",
				"        with:",
				"          client-id: ${{ vars.AZURE_CLIENT_ID }}",
				"          tenant-id: ${{ vars.AZURE_TENANT_ID }}",
				"          subscription-id: ${{ vars.AZURE_SUBSCRIPTION_ID }}",
			];
	}
}

function githubActions(m: SectionModel, plan: PipelinePlan): string {
	const hasSchedule = plan.jobs.some((j) => j.trigger === "schedule");
	const out = [
		"name: deploy",
		"on:",
		"  pull_request:",
		"  push:",
		"    branches: [main]",
		...(hasSchedule ? ["  schedule:", "    - cron: '0 3 * * *'"] : []),
		"permissions:",
		"  contents: read",
		"env:",
		"  GIT_SHA: ${{ github.sha }}",
		"jobs:",
	];
	for (const j of plan.jobs) {
		const cond = WHEN.github[j.trigger];
		out.push(`  ${j.id}:`, `    name: ${q(j.name)}`, `    if: ${cond}`, "    runs-on: ubuntu-latest");
		if (j.needs.length) out.push(`    needs: [${j.needs.join(", ")}]`);
		out.push(`    timeout-minutes: ${Math.max(10, j.minutes * 2)}`);
		if (j.env && j.trigger === "pr")
			out.push(
				`    environment: ${j.env}`,
				"    concurrency:",
				`      group: preview-\${{ github.ref }}`,
				"      cancel-in-progress: true",
			);
		else if (j.env)
			out.push(
				`    environment: ${j.env}`,
				"    concurrency:",
				`      group: deploy-${j.env}`,
				"      cancel-in-progress: false",
			);
		else if (j.trigger === "push")
			out.push(
				"    concurrency:",
				`      group: ${j.id}-\${{ github.ref }}`,
				"      cancel-in-progress: true",
			);
		if (j.cloud || images(j).length)
			out.push("    permissions:", "      contents: read", "      id-token: write");
		if (images(j).length) {
			out.push("    outputs:");
			for (const p of images(j)) out.push(`      ${p}: \${{ steps.image.outputs.${p} }}`);
		}
		const env: string[] = [];
		for (const c of j.consumes.filter((c) => c.startsWith("IMAGE_")))
			env.push(`      ${c}: \${{ needs.build.outputs.${c} }}`);
		for (const s of j.secrets) env.push(`      ${s}: \${{ secrets.${s} }}`);
		if (j.cloud) for (const v of CLOUD_OIDC[j.cloud].vars) env.push(`      ${v}: \${{ vars.${v} }}`);
		const hosts = new Set(
			j.steps.flatMap((s) =>
				s.run.flatMap((r) =>
					[...r.matchAll(/\$([A-Z]+_(?:URL|HOST))\b/g)]
						.map((x) => x[1]!)
						.filter((v) => v !== "BASE_URL" && v !== "SERVICE_URL"),
				),
			),
		);
		for (const e of hosts) env.push(`      ${e}: \${{ vars.${e} }}`);
		if (env.length) out.push("    env:", ...env);
		out.push("    steps:", "      - uses: actions/checkout@v4");
		if (j.lang) {
			const setup = j.lang.toolchain.gha(j.lang.version);
			out.push(`      - uses: ${setup.uses}`, "        with:");
			for (const [k, v] of Object.entries(setup.with)) out.push(`          ${k}: ${q(v)}`);
		}
		if (j.cloud) out.push(...ghaLogin(j.cloud));
		if (m.platform.id === "fly" && j.env)
			out.push("      - uses: superfly/flyctl-actions/setup-flyctl@master");
		if (j.consumes.includes("app.zip"))
			out.push("      - uses: actions/download-artifact@v4", "        with:", "          name: app");
		if (j.tools.github.length)
			out.push(
				"      - name: Install tools",
				...literal("        run: ", "          ", [
					...j.tools.github,
					'echo "$HOME/.local/bin" >> "$GITHUB_PATH"',
				]),
			);
		// Each step is a new shell: a job that hands image digests on runs its build as one step.
		const steps = images(j).length
			? [{ name: j.steps.map((s) => s.name).join("; "), run: script(j) }]
			: j.steps;
		for (const s of steps) {
			const run = [...s.run];
			if (images(j).length) run.push(...images(j).map((v) => `echo "${v}=$${v}" >> "$GITHUB_OUTPUT"`));
			if (run.some((r) => r.startsWith("BASE_URL="))) run.push('echo "BASE_URL=$BASE_URL" >> "$GITHUB_ENV"');
			out.push(`      - name: ${q(s.name.length > 80 ? `${s.name.slice(0, 77)}...` : s.name)}`);
			if (images(j).length) out.push("        id: image");
			out.push(...literal("        run: ", "          ", run));
		}
		if (j.produces.includes("app.zip"))
			out.push(
				"      - uses: actions/upload-artifact@v4",
				"        with:",
				"          name: app",
				"          path: app.zip",
			);
	}
	return out.join("\n");
}

// ---------------------------------------------------------------------------------------------------------------
// GitLab CI: id_tokens for cloud OIDC and Sigstore, dotenv reports carry the digests, resource_group serialises.

function gitlab(plan: PipelinePlan): string {
	const stageOf = (j: Job) =>
		j.trigger === "schedule" ? "scheduled" : j.id.startsWith("verify") ? "verify" : j.id;
	const stages = [...new Set(plan.jobs.map(stageOf))];
	const out = ["stages:", ...stages.map((s) => `  - ${s}`), "variables:", "  GIT_SHA: $CI_COMMIT_SHA"];
	for (const j of plan.jobs) {
		out.push(`${j.id}:`, `  stage: ${stageOf(j)}`, `  image: ${q(j.image)}`);
		if (j.docker) out.push("  services:", "    - docker:27-dind");
		if (j.needs.length) out.push("  needs:", ...j.needs.map((n) => `    - ${n}`));
		const rule = WHEN.gitlab[j.trigger];
		out.push("  rules:", `    - if: ${q(rule)}`);
		if (j.approval) out.push("      when: manual");
		if (j.trigger === "push") out.push("  interruptible: true");
		if (j.env) out.push("  environment:", `    name: ${j.env}`, `  resource_group: ${j.env}`);
		if (j.lang) {
			const t = j.lang.toolchain;
			out.push("  variables:");
			for (const [k, v] of Object.entries(t.cacheEnv)) out.push(`    ${k}: ${q(v)}`);
			out.push(
				"  cache:",
				"    key:",
				"      files:",
				...t.cacheKey.map((f) => `        - ${q(f)}`),
				"    paths:",
				`      - ${q(`${t.cacheDir}/`)}`,
			);
		}
		if (j.secrets.length)
			out.push(`  # protected, masked variables of the ${j.env} environment: ${j.secrets.join(", ")}`);
		const tokens: string[] = [];
		if (j.cloud) tokens.push("    CLOUD_ID_TOKEN:", `      aud: ${q(CLOUD_OIDC[j.cloud].audience)}`);
		if (images(j).length) tokens.push("    SIGSTORE_ID_TOKEN:", "      aud: sigstore");
		if (tokens.length) out.push("  id_tokens:", ...tokens);
		const lines: string[] = ['export PATH="$HOME/.local/bin:$PATH"', ...j.tools.container];
		if (j.cloud)
			lines.push(
				'echo "$CLOUD_ID_TOKEN" > "$CI_PROJECT_DIR/.ci-id-token"',
				...oidcShellLogin(j.cloud, "$CI_PROJECT_DIR/.ci-id-token"),
			);
		lines.push(...script(j), ...images(j).map((v) => `echo "${v}=$${v}" >> build.env`));
		out.push("  script:", ...lines.map((l) => `    - ${q(l)}`));
		if (images(j).length) out.push("  artifacts:", "    reports:", "      dotenv: build.env");
		if (j.produces.includes("app.zip")) out.push("  artifacts:", "    paths:", "      - app.zip");
	}
	return out.join("\n");
}

// ---------------------------------------------------------------------------------------------------------------
// CircleCI: the job's OIDC token, a workspace carrying the digests, an approval job before production.

function circleci(plan: PipelinePlan): string {
	const out = ["version: 2.1", "jobs:"];
	for (const j of plan.jobs) {
		out.push(`  ${j.id}:`);
		if (j.docker) out.push("    machine:", "      image: ubuntu-2204:current");
		else out.push("    docker:", `      - image: ${q(j.image)}`);
		out.push("    steps:", "      - checkout");
		if (j.consumes.length) out.push("      - attach_workspace:", "          at: /tmp/ws");
		const key = j.lang
			? `${j.lang.toolchain.id}-{{ checksum "${j.lang.toolchain.cacheKey[0]!.replace("**/", "")}" }}`
			: "";
		if (j.lang) out.push("      - restore_cache:", "          keys:", `            - ${q(key)}`);
		const body = [
			'export GIT_SHA="$CIRCLE_SHA1"',
			'mkdir -p "$HOME/.local/bin" && export PATH="$HOME/.local/bin:$PATH"',
		];
		for (const [k, v] of Object.entries(j.lang?.toolchain.cacheEnv ?? {}))
			body.push(`export ${k}="${v.replace("$CI_PROJECT_DIR", "$PWD")}"`);
		if (j.consumes.some((c) => c.startsWith("IMAGE_"))) body.push(". /tmp/ws/image.env");
		if (j.consumes.includes("app.zip")) body.push("cp /tmp/ws/app.zip .");
		body.push(...(j.docker ? j.tools.github : j.tools.container));
		if (j.cloud)
			body.push(
				'echo "$CIRCLE_OIDC_TOKEN_V2" > /tmp/oidc-token',
				...oidcShellLogin(j.cloud, "/tmp/oidc-token"),
			);
		body.push(...kmsSign(script(j)));
		if (images(j).length)
			body.push("mkdir -p /tmp/ws", ...images(j).map((v) => `echo "export ${v}=$${v}" >> /tmp/ws/image.env`));
		if (j.produces.includes("app.zip")) body.push("mkdir -p /tmp/ws && cp app.zip /tmp/ws/");
		out.push(
			"      - run:",
			`          name: ${q(j.name)}`,
			...literal("          command: ", "            ", body),
		);
		if (j.lang)
			out.push(
				"      - save_cache:",
				`          key: ${q(key)}`,
				"          paths:",
				`            - ${q(j.lang.toolchain.cacheDir)}`,
			);
		if (j.produces.length)
			out.push(
				"      - persist_to_workspace:",
				"          root: /tmp/ws",
				"          paths:",
				"            - '*'",
			);
	}
	out.push("workflows:", "  release:", "    jobs:");
	for (const j of plan.jobs.filter((x) => x.trigger !== "schedule")) {
		let requires = [...j.needs];
		if (j.approval) {
			out.push(
				`      - approve-${j.env}:`,
				"          type: approval",
				`          requires: [${requires.join(", ")}]`,
				"          filters:",
				"            branches:",
				"              only: main",
			);
			requires = [`approve-${j.env}`];
		}
		const opts: string[] = [];
		if (requires.length) opts.push(`          requires: [${requires.join(", ")}]`);
		if (j.env)
			opts.push(`          context: ${j.env}${j.secrets.length ? `   # holds ${j.secrets.join(", ")}` : ""}`);
		if (j.trigger === "main")
			opts.push("          filters:", "            branches:", "              only: main");
		if (j.trigger === "pr")
			opts.push("          filters:", "            branches:", "              ignore: main");
		out.push(opts.length ? `      - ${j.id}:` : `      - ${j.id}`, ...opts);
	}
	const scheduled = plan.jobs.filter((x) => x.trigger === "schedule");
	if (scheduled.length)
		out.push(
			"  nightly:",
			"    triggers:",
			"      - schedule:",
			"          cron: '0 3 * * *'",
			"          filters:",
			"            branches:",
			"              only: main",
			"    jobs:",
			...scheduled.map((j) => `      - ${j.id}`),
		);
	return out.join("\n");
}

// ---------------------------------------------------------------------------------------------------------------
// Azure Pipelines: stages, deployment jobs on environments (approvals and the exclusive lock are environment checks).

function azurePipelines(plan: PipelinePlan): string {
	const out = ["trigger:", "  branches:", "    include: [main]", "pr:", "  branches:", "    include: [main]"];
	if (plan.jobs.some((j) => j.trigger === "schedule"))
		out.push(
			"schedules:",
			"  - cron: '0 3 * * *'",
			"    displayName: nightly",
			"    branches:",
			"      include: [main]",
			"    always: true",
		);
	out.push("pool:", "  vmImage: ubuntu-latest", "variables:", "  GIT_SHA: $(Build.SourceVersion)", "stages:");
	const stageOf = (id: string) => (id.startsWith("verify") ? "verify" : id.replace(/-/g, "_"));
	const seen = new Set<string>();
	for (const j of plan.jobs) {
		const st = stageOf(j.id);
		if (seen.has(st)) continue;
		seen.add(st);
		const group = plan.jobs.filter((x) => stageOf(x.id) === st);
		const deps = [...new Set(j.needs.map(stageOf))];
		const cond = WHEN.azure[j.trigger];
		out.push(`  - stage: ${st}`, `    dependsOn: [${deps.join(", ")}]`, `    condition: ${q(cond)}`);
		const consumed = j.consumes.filter((c) => c.startsWith("IMAGE_"));
		if (consumed.length)
			out.push(
				"    variables:",
				...consumed.map((c) => `      ${c}: $[ stageDependencies.build.build.outputs['image.${c}'] ]`),
			);
		out.push("    jobs:");
		for (const g of group) {
			if (g.env)
				out.push(
					`      - deployment: ${g.id.replace(/-/g, "_")}`,
					`        environment: ${g.env}`,
					`        timeoutInMinutes: ${Math.max(10, g.minutes * 2)}`,
					"        strategy:",
					"          runOnce:",
					"            deploy:",
					"              steps:",
					"                - checkout: self",
					...azureSteps(g).map((l) => `      ${l}`),
				);
			else
				out.push(
					`      - job: ${g.id.replace(/-/g, "_")}`,
					`        timeoutInMinutes: ${Math.max(10, g.minutes * 2)}`,
					"        steps:",
					...azureSteps(g),
				);
		}
	}
	return out.join("\n");
}

function azureSteps(j: Job): string[] {
	const out: string[] = [];
	if (j.lang) {
		const t = j.lang.toolchain.azureTask(j.lang.version);
		const tc = j.lang.toolchain;
		out.push(`          - task: ${t.task}`, "            inputs:");
		for (const [k, v] of Object.entries(t.inputs)) out.push(`              ${k}: ${q(v)}`);
		out.push(
			"          - task: Cache@2",
			"            inputs:",
			`              key: ${q(`${tc.id} | "$(Agent.OS)" | ${tc.cacheKey.join(", ")}`)}`,
			`              path: $(Build.SourcesDirectory)/${tc.cacheDir}`,
		);
	}
	if (j.consumes.includes("app.zip")) out.push("          - download: current", "            artifact: app");
	const env = Object.entries(j.lang?.toolchain.cacheEnv ?? {}).map(
		([k, v]) => `${k}="${v.replace("$CI_PROJECT_DIR", "$(Build.SourcesDirectory)")}"`,
	);
	const body = [
		'mkdir -p "$HOME/.local/bin" && export PATH="$HOME/.local/bin:$PATH"',
		...(env.length ? [`export ${env.join(" ")}`] : []),
		...(j.consumes.includes("app.zip") ? ["cp $(Pipeline.Workspace)/app/app.zip ."] : []),
		...j.tools.github,
		...kmsSign(script(j)),
		...images(j).map((v) => `echo "##vso[task.setvariable variable=${v};isOutput=true]$${v}"`),
	];
	if (j.cloud === "azure")
		out.push(
			"          - task: AzureCLI@2",
			...(images(j).length ? ["            name: image"] : []),
			"            inputs:",
			"              azureSubscription: $(AZURE_SERVICE_CONNECTION)",
			"              scriptType: bash",
			"              scriptLocation: inlineScript",
			...literal("              inlineScript: ", "                ", body),
		);
	else {
		out.push(...literal("          - script: ", "              ", body));
		if (images(j).length) out.push("            name: image");
		if (j.secrets.length)
			out.push("            env:", ...j.secrets.map((s) => `              ${s}: $(${s})`));
	}
	if (j.produces.includes("app.zip")) out.push("          - publish: app.zip", "            artifact: app");
	return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Jenkins: declarative pipeline, credentials bound per stage, `input` approval (the change-approval step).

function jenkins(m: SectionModel, plan: PipelinePlan): string {
	const sh = (lines: string[]) => [
		"sh '''",
		...lines
			.join("\n")
			.replace(/\\/g, "\\\\")
			.split("\n")
			.map((l) => `  ${l}`),
		"'''",
	];
	const out = [
		"pipeline {",
		"  agent any",
		"  options {",
		"    disableConcurrentBuilds()",
		"    timestamps()",
		"  }",
		"  environment {",
		'    GIT_SHA = "${env.GIT_COMMIT}"',
		"  }",
	];
	if (plan.jobs.some((j) => j.trigger === "schedule"))
		out.push("  triggers {", "    cron('H 3 * * *')", "  }");
	out.push("  stages {");
	const approver = hasCab(m) ? "change-advisory-board" : "release-approvers";
	for (const j of plan.jobs) {
		out.push(`    stage('${j.name.replace(/'/g, "")}') {`);
		if (j.trigger === "main")
			out.push(
				"      when {",
				"        branch 'main'",
				"        not { triggeredBy 'TimerTrigger' }",
				"      }",
			);
		else if (j.trigger === "schedule") out.push("      when { triggeredBy 'TimerTrigger' }");
		else if (j.trigger === "pr") out.push("      when { changeRequest() }");
		if (!j.docker) out.push("      agent {", `        docker { image '${j.image}' }`, "      }");
		if (j.approval)
			out.push(
				"      input {",
				`        message 'Deploy this build to ${j.env}?'`,
				`        submitter '${approver}'`,
				"      }",
			);
		if (j.env) out.push(`      options { lock('${j.env}') }`);
		out.push("      steps {");
		if (j.consumes.some((c) => c.startsWith("IMAGE_"))) out.push("        unstash 'image'");
		const creds = [
			...j.secrets.map(
				(s) => `string(credentialsId: '${s.toLowerCase().replace(/_/g, "-")}', variable: '${s}')`,
			),
			...(j.cloud ? [`file(credentialsId: '${j.cloud}-oidc-id-token', variable: 'OIDC_TOKEN_FILE')`] : []),
		];
		const body = [
			'mkdir -p "$HOME/.local/bin" && export PATH="$HOME/.local/bin:$PATH"',
			...(j.consumes.some((c) => c.startsWith("IMAGE_")) ? ["set -a && . ./image.env && set +a"] : []),
			...Object.entries(j.lang?.toolchain.cacheEnv ?? {}).map(
				([k, v]) => `export ${k}="${v.replace("$CI_PROJECT_DIR", "$WORKSPACE")}"`,
			),
			...(j.docker ? j.tools.github : j.tools.container),
			...(j.cloud ? oidcShellLogin(j.cloud, "$OIDC_TOKEN_FILE") : []),
			...kmsSign(script(j)),
			...images(j).map((v) => `echo "${v}=$${v}" >> image.env`),
		];
		if (creds.length)
			out.push(
				`        withCredentials([${creds.join(", ")}]) {`,
				...sh(body).map((l) => `          ${l}`),
				"        }",
			);
		else out.push(...sh(body).map((l) => `        ${l}`));
		if (images(j).length) out.push("        stash name: 'image', includes: 'image.env'");
		out.push("      }", "    }");
	}
	out.push("  }", "}");
	return out.join("\n");
}

export function pipelineDefinition(
	m: SectionModel,
	plan: PipelinePlan = buildPlan(m),
): { file: string; lang: string; body: string } {
	switch (m.ci.id) {
		case "github-actions":
			return { file: m.ci.file, lang: "yaml", body: githubActions(m, plan) };
		case "gitlab-ci":
			return { file: m.ci.file, lang: "yaml", body: gitlab(plan) };
		case "circleci":
			return { file: m.ci.file, lang: "yaml", body: circleci(plan) };
		case "azure-devops":
			return { file: m.ci.file, lang: "yaml", body: azurePipelines(plan) };
		case "jenkins":
			return { file: m.ci.file, lang: "groovy", body: jenkins(m, plan) };
	}
}
