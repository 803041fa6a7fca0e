// The one job plan every CI tool writes, from the project's languages, the platform's recipe and the placed gates.

import { vmProfile } from "../../../decisions/vm-platform";
import type { QualityGate } from "../../../inputs/context";
import {
	CLOUD_OIDC,
	type DeployParams,
	gateCommand,
	type LangId,
	languagesOf,
	REGISTRIES,
	recipeFor,
	type ServiceRef,
	TOOLCHAINS,
} from "../../../knowledge/pipelines";
import type { PlatformId } from "../../../knowledge/platforms";
import type { SourceId } from "../../../knowledge/sources";
import { migrationToolOf } from "../iac-snippet";
import type { SectionModel } from "../model";
import type { PipelineStage } from "../stages";
import { isAnsibleVm } from "../vm/s10-3-vm";
import { ansibleBuild, ansibleBuildSecrets, ansibleRecipe, composeBuild, composeRecipe } from "./ansible";
import { kubernetesDelivery } from "./gitops";
import {
	AWS_IMAGE,
	CLOUD_CLI_ALPINE,
	COSIGN_INSTALL,
	cloudImage,
	coverageFor,
	envVar,
	gateStep,
	type Job,
	NONE,
	type OidcCloud,
	type PipelinePlan,
	PREVIEW_PLATFORMS,
	packageZip,
	SEVERITY,
	type Step,
	slug,
	TRIVY_INSTALL,
} from "./plan-parts";

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

/** Platforms with no release phase or pre-deploy hook: the deploy job migrates before the new version serves. */
const CI_MIGRATES: PlatformId[] = ["vercel", "netlify", "cloudflare-pages", "app-service"];

/** The deploy jobs run the migrations themselves (the platform has no hook and the database has a schema). */
/**
 * Production waits for an approval of its own, unless the pull-request review is the release approval (a small team's
 * ceremony) and no change advisory board approves production changes.
 */
export function separateApproval(m: SectionModel): boolean {
	return !m.ceremony.approver.startsWith("the pull-request reviewer") || hasCab(m);
}

/** How the CI tool protects production: its approval, or only the branch rule when the review is the approval. */
export function productionProtection(m: SectionModel): string {
	return separateApproval(m) ? m.ci.approval : m.ci.branchOnly;
}

export function migratesInCi(m: SectionModel): boolean {
	return CI_MIGRATES.includes(m.platform.id as PlatformId) && migratesSchema(m);
}

function migratesSchema(m: SectionModel): boolean {
	return (
		m.ctx.model.services.some((s) => s.preDeploy) ||
		(m.db.id !== undefined && !/dynamo|cosmos|firestore|mongo|redis|sqlite/i.test(m.db.name))
	);
}

/** The migration step of a deploy job on a platform without a hook of its own, from the project's tool. */
function migrationStep(m: SectionModel): Step {
	const tool = migrationToolOf(m);
	const run = !tool
		? [
				"./scripts/migrate.sh   # the inputs name no migration tool: the team writes this script (expand-only changes)",
			]
		: tool.ci.build && m.platform.id === "app-service"
			? [
					"unzip -o app.zip efbundle   # built once with the artifact",
					tool.ci.run,
					"zip -qd app.zip efbundle   # the bundle does not ship to the web app",
				]
			: [tool.ci.run];
	return { name: "Migrate the database (expand-only changes, before the new version takes traffic)", run };
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
	// Kubernetes: an environment whose releases go through the environment repository gets no cluster credentials.
	const k8s = m.platform.id === "kubernetes" ? kubernetesDelivery(m) : undefined;
	// Servers deployed by Ansible without containers: the stack's own artefact and the rolling playbook.
	const ansible = isAnsibleVm(m);
	// Compose on the project's own servers: the image travels as a file, no registry.
	const composeVm = m.platform.family === "vm" && vmProfile(m.ctx).containers;
	const base = ansible
		? ansibleRecipe(m)
		: composeVm
			? composeRecipe(m)
			: recipeFor(m.platform.id as PlatformId, m.ctx.cloud, m.decisions.iac);
	// A Kubernetes recipe cites the practice of the project's own GitOps controller only.
	const other =
		k8s?.mode.gitops === "flux"
			? "pipe-argocd-practices"
			: k8s?.mode.gitops === "argo-cd"
				? "pipe-flux-repos"
				: "";
	const recipe = k8s ? { ...base, sources: base.sources.filter((id) => id !== other) } : base;
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
	const migrates = migratesSchema(m);
	const ciMigrates = migratesInCi(m);
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
	} else if (ansible || composeVm) {
		// The stack's artefact (Ansible) or the saved image (Compose): one file the deploy jobs take, or none.
		const b = ansible ? ansibleBuild(m) : composeBuild(m);
		jobs.push({
			id: "build",
			name: "Build once",
			trigger: "push",
			needs: verifyIds,
			...(ansible ? { lang: main } : {}),
			secrets: ansible ? ansibleBuildSecrets(m) : [],
			tools: NONE,
			image: ansible ? main.toolchain.image(main.version) : "docker:27",
			steps: [{ name: b.name, run: b.run }],
			produces: b.produces,
			consumes: [],
			docker: !ansible,
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
			steps: [
				{ name: "Publish app.zip", run: packageZip(main) },
				...(ciMigrates && migrationToolOf(m)?.ci.build
					? [
							{
								name: "Build the migration bundle into app.zip",
								run: [...migrationToolOf(m)!.ci.build!, "zip -qj app.zip efbundle"],
							},
						]
					: []),
			],
			produces: ["app.zip"],
			consumes: [],
			docker: false,
			approval: false,
			minutes: build.minutes,
		});
	}
	const built = jobs.some((j) => j.id === "build") ? ["build"] : verifyIds;
	const sourceBuilt = recipe.registry === "none" || recipe.remoteBuild;
	const deployLang =
		sourceBuilt &&
		!["app-service", "vm", "render", "heroku", "fly", "do-app-platform"].includes(m.platform.id);

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
		const gitops = k8s?.via(prod);
		const params = {
			app: m.ctx.serviceName,
			services,
			env,
			prod,
			previous: deployEnvs[deployEnvs.indexOf(env) - 1],
			strategy: m.decisions.strategy,
			imageVar: envVar,
			health,
			migrations: migrates,
			gitops,
			k8s: k8s?.params,
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
		if (ciMigrates) secrets.push("MIGRATION_DATABASE_URL");
		const steps: Step[] = [
			...(deployLang ? [{ name: "Install dependencies", run: [main.toolchain.install] }] : []),
			// The migration runs once the build has succeeded, right before the upload that can take traffic.
			...(ciMigrates && recipe.migrateAfter
				? [{ name: `Build for ${env}`, run: recipe.deploy(params).slice(0, recipe.migrateAfter) }]
				: []),
			...(ciMigrates ? [migrationStep(m)] : []),
			{
				name: `Deploy to ${env}`,
				run:
					ciMigrates && recipe.migrateAfter
						? recipe.deploy(params).slice(recipe.migrateAfter)
						: recipe.deploy(params),
				...(recipe.ghaDeploy && m.ci.id === "github-actions" ? { gha: recipe.ghaDeploy(params) } : {}),
			},
		];
		const deployImage =
			(k8s && !gitops ? undefined : recipe.image) ??
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
			vars: Object.keys(recipe.vars ?? {}).filter((v) =>
				steps.some((s) => s.run.some((r) => r.includes(`$${v}`))),
			),
			tools: {
				github: recipe.ghaDeploy ? [] : k8s ? k8s.tools(prod).github : recipe.tools.github,
				container: [
					...(deployImage === AWS_IMAGE && oidc === "aws" ? ["pip install --quiet awscli"] : []),
					...(k8s ? k8s.tools(prod).container : recipe.tools.container),
				],
			},
			image: deployImage,
			steps,
			produces: [],
			consumes: built.includes("build")
				? registry
					? services.map((s) => envVar(s.name))
					: (jobs.find((j) => j.id === "build")?.produces ?? [])
				: [],
			docker: false,
			approval: prod && separateApproval(m),
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
		// The first toolchain source is its GitHub setup action: cited only where the pipeline uses it.
		...languages.flatMap((l) =>
			m.ci.id === "github-actions" ? l.toolchain.sources : l.toolchain.sources.slice(1),
		),
		// Cluster-credential sources only where a job applies to a cluster itself.
		...recipe.sources.filter(
			(id) =>
				!k8s || deployEnvs.some((e) => !k8s.via(e === "production")) || !/credentials|kubeconfig/.test(id),
		),
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
		// Sigstore's Fulcio accepts GitLab.com's tokens, not a self-managed instance's.
		// (self-managed runners on GitLab.com still get GitLab.com's tokens).
		keyless: !(
			m.ci.id === "gitlab-ci" &&
			/self[- ](managed|hosted) gitlab\b|gitlab self[- ](managed|hosted)\b|gitlab (ce|ee|community edition)\b/i.test(
				m.ctx.ci.label,
			)
		),
		sources: [...new Set(sources)],
	};
}
