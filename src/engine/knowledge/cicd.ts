// CI/CD tools: how each serialises deploys, gates production, scopes secrets, federates identity and caches.

import { type Fact, fact, type SourceId } from "./sources";

export type CiToolId = "github-actions" | "gitlab-ci" | "circleci" | "azure-devops" | "jenkins";

export interface CiTool {
	id: CiToolId;
	name: string;
	detect: RegExp;
	file: string;
	serialize: string;
	approval: string;
	/** The protection when the pull-request review is the release approval (small teams): the branch rule only. */
	branchOnly: string;
	secrets: string;
	oidc: string;
	caching: string;
	reuse: string;
	cancelSuperseded: string;
	tradeoff: string;
	/** Supply-chain and secret hardening in this tool's own terms, and where each point comes from. */
	hardening: string;
	hardeningSources: SourceId[];
	facts: Fact[];
	sources: SourceId[];
}

export const CI_TOOLS: Record<CiToolId, CiTool> = {
	"github-actions": {
		id: "github-actions",
		name: "GitHub Actions",
		detect: /\bgithub actions?\b|\bgha\b|\.github\/workflows/i,
		file: ".github/workflows/deploy.yml",
		serialize: "`concurrency: deploy-<environment>` with `cancel-in-progress: false` for production",
		approval:
			"environment protection rules: required reviewers (prevent self-review on), deployment branch restriction to `main`",
		branchOnly:
			"environment protection rules: deployment branch restriction to `main`, no required reviewers",
		secrets: "environment-scoped secrets, released only after the protection rules pass",
		oidc: "`permissions: id-token: write` and a cloud role whose trust policy is conditioned on `repo:<org>/<repo>:environment:<env>`",
		caching: "the setup action's built-in cache (`actions/cache` underneath) keyed on the lockfile hash",
		reuse: "reusable workflows (`on: workflow_call`) with explicit secrets instead of `secrets: inherit`",
		cancelSuperseded: "`cancel-in-progress: true` on pull-request workflows only",
		tradeoff: "native to GitHub with environments, OIDC and a large action marketplace",
		hardening:
			"Pin every third-party action to a full commit SHA and every image to a digest; `permissions:` makes the `GITHUB_TOKEN` read-only by default, with write scopes granted per job",
		hardeningSources: ["gh-hardening", "docker-pin-base-image"],
		facts: [
			fact(
				"A concurrency group allows one running and one pending job; a newer pending run replaces the older; cancel-in-progress also cancels the running one.",
				["gh-concurrency"],
			),
			fact(
				"Environments support required reviewers (up to 6, one approval needed), prevent self-review, wait timers and branch restrictions; environment secrets are released only after the rules pass.",
				["gh-envs"],
			),
			fact("Caches unused for 7 days are evicted and a repository holds up to 10 GB of caches.", [
				"gh-cache",
			]),
			fact(
				"OIDC to AWS needs `id-token: write` and a trust policy conditioned on the token's `sub` claim so other repositories cannot assume the role.",
				["gh-oidc-aws"],
			),
			fact(
				"Third-party actions should be pinned to a full commit SHA and GITHUB_TOKEN given minimal permissions.",
				["gh-hardening"],
				"M",
			),
		],
		sources: ["gh-concurrency", "gh-envs", "gh-cache", "gh-oidc-aws", "gh-hardening"],
	},
	"gitlab-ci": {
		id: "gitlab-ci",
		name: "GitLab CI/CD",
		detect: /\bgitlab\b/i,
		file: ".gitlab-ci.yml",
		serialize: "`resource_group: production` so one deploy job runs at a time per environment",
		approval:
			"protected environments with deployment approvals (`required_approval_count`) and deploy freezes",
		branchOnly:
			"a protected `production` environment deployable from `main` only, without deployment approvals",
		secrets: "protected and masked variables scoped to the environment",
		oidc: "`id_tokens:` with an audience for the cloud's workload identity federation",
		caching: "`cache:` with `key: files:` naming the lockfile",
		reuse: "`include:` and CI/CD components",
		cancelSuperseded: "`interruptible: true` on test jobs",
		tradeoff: "one platform for code, CI and environments, with resource groups and approvals built in",
		hardening:
			"Pin every job image to a digest (`image: name@sha256:…`) and every `include:` of another project to a `ref:` that is a tag or commit SHA, not a branch; deploy credentials are protected and masked variables, released only to protected branches and to the protected environment",
		hardeningSources: [
			"docker-pin-base-image",
			"gitlab-include-project",
			"gitlab-pipeline-security",
			"gitlab-deploy-safety",
		],
		facts: [
			fact(
				"resource_group runs one job at a time per group; protected environments add deployment approvals and deploy freezes.",
				["gitlab-deploy-safety"],
			),
			fact("GitLab issues OIDC ID tokens to jobs through the `id_tokens` keyword.", ["gitlab-oidc"], "M"),
		],
		sources: ["gitlab-deploy-safety", "gitlab-oidc"],
	},
	circleci: {
		id: "circleci",
		name: "CircleCI",
		detect: /\bcircle ?ci\b/i,
		file: ".circleci/config.yml",
		serialize:
			"`serial-group` on each deploy job, so one deploy per environment runs at a time across pipelines and the next waits",
		approval: "a `type: approval` job before the production deploy job",
		branchOnly: "the production deploy job runs only on `main`, with a context restricted to it",
		secrets: "contexts restricted to a security group for production",
		oidc: "the job's OIDC token (`$CIRCLE_OIDC_TOKEN_V2`) exchanged for a short-lived cloud role",
		caching: "`restore_cache` / `save_cache` keyed on the lockfile's `checksum`",
		reuse: "orbs",
		cancelSuperseded: "auto-cancel redundant workflows on non-default branches",
		tradeoff: "fast hosted runners and orbs; approvals and contexts instead of native environments",
		hardening:
			"Pin every orb to an exact version (`name/orb@1.2.3`, never `@volatile` or a major-only version) and every Docker executor image to a digest; deploy credentials live in contexts restricted to the release approvers' security group",
		hardeningSources: ["circleci-orb-versions", "docker-pin-base-image", "circleci-contexts"],
		facts: [
			fact("Contexts share environment variables across projects and can be restricted to security groups.", [
				"circleci-contexts",
			]),
			fact(
				"A workflow can hold for manual approval with a `type: approval` job.",
				["circleci-workflows"],
				"S",
			),
			fact(
				"Jobs receive OIDC tokens that cloud providers can trust for short-lived credentials.",
				["circleci-oidc"],
				"M",
			),
		],
		sources: ["circleci-contexts", "circleci-workflows", "circleci-oidc"],
	},
	"azure-devops": {
		id: "azure-devops",
		name: "Azure Pipelines",
		detect: /\bazure (devops|pipelines)\b/i,
		file: "azure-pipelines.yml",
		serialize: "an Exclusive lock check on the production environment",
		approval: "approvals and checks on the `production` environment",
		branchOnly: "a branch control check on the `production` environment (`main` only), no approval check",
		secrets: "variable groups linked to Key Vault, scoped by environment",
		oidc: "an Azure Resource Manager service connection using workload identity federation",
		caching: "the `Cache@2` task keyed on the lockfile",
		reuse: "YAML templates",
		cancelSuperseded: "batch CI runs and pull-request build cancellation",
		tradeoff: "deep Azure integration with environment checks and federated service connections",
		hardening:
			"Pin every container image to a digest and every template repository resource to a tag or commit; service connections and variable groups are authorised per pipeline, behind the environment's checks",
		hardeningSources: ["docker-pin-base-image", "azure-devops-approvals"],
		facts: [
			fact(
				"Environments carry approvals and checks, including an exclusive lock that serialises deployments.",
				["azure-devops-approvals"],
				"M",
			),
			fact(
				"Service connections can use workload identity federation instead of secrets.",
				["azure-devops-wif"],
				"M",
			),
			fact(
				"The Cache task restores and saves dependencies keyed on files such as lockfiles.",
				["azure-devops-cache"],
				"M",
			),
		],
		sources: ["azure-devops-approvals", "azure-devops-wif", "azure-devops-cache"],
	},
	jenkins: {
		id: "jenkins",
		name: "Jenkins",
		detect: /\bjenkins\b/i,
		file: "Jenkinsfile",
		serialize: "`options { disableConcurrentBuilds() }` plus a `lock('production')` around the deploy stage",
		approval: "an `input` step limited to the release approvers' group (`submitter`)",
		branchOnly:
			"the production stage runs only on `main` (`when { branch 'main' }`), without an `input` step",
		secrets: "`withCredentials` bindings to folder-scoped credentials",
		oidc: "short-lived cloud credentials from the cloud's OIDC plugin instead of stored keys",
		caching: "a cache directory in the workspace, kept by the agent between builds",
		reuse: "shared libraries",
		cancelSuperseded: "`disableConcurrentBuilds(abortPrevious: true)` on branch builds",
		tradeoff: "self-hosted and endlessly pluggable, at the price of running and patching the controller",
		hardening:
			"Pin every agent image to a digest and every shared library to a tag or commit (`@Library('lib@<tag>')`); credentials are folder-scoped and bound with `withCredentials` only around the step that needs them",
		hardeningSources: ["docker-pin-base-image", "jenkins-shared-libraries", "jenkins-credentials"],
		facts: [
			fact(
				"Declarative pipelines offer `disableConcurrentBuilds`, `input` with `submitter`, and `when` conditions.",
				["jenkins-syntax"],
				"M",
			),
			fact("The Lockable Resources plugin serialises stages with `lock`.", ["jenkins-lock"], "M"),
			fact("Credentials Binding exposes credentials to a block only.", ["jenkins-credentials"], "M"),
		],
		sources: ["jenkins-syntax", "jenkins-lock", "jenkins-credentials"],
	},
};

export const CI_IDS = Object.keys(CI_TOOLS) as CiToolId[];

export function detectCi(text: string | undefined): CiToolId | undefined {
	if (!text) return undefined;
	const order: CiToolId[] = ["github-actions", "gitlab-ci", "circleci", "azure-devops", "jenkins"];
	return order.find((id) => CI_TOOLS[id].detect.test(text));
}
