// The pipeline definition for the chosen CI tool, written from the model's stages, gates and platform commands.

import type { ProjectContext } from "../../inputs/context";
import type { SectionModel } from "./model";

interface LangCommands {
	setupGha: string[];
	image: string;
	install: string;
	lint: string;
	test: string;
	e2e: string;
	smoke: string;
}

export function langCommands(ctx: ProjectContext, coverage: number): LangCommands {
	const unit = ctx.testing.frameworks.unit ?? "";
	const e2e = ctx.testing.frameworks.e2e ?? "";
	const e2eCmd = /playwright/i.test(e2e)
		? "npx playwright test"
		: /cypress/i.test(e2e)
			? "npx cypress run"
			: "npm run test:e2e";
	const smoke = 'curl -fsS "$BASE_URL/healthz"';
	switch (ctx.stack.language) {
		case "python":
			return {
				setupGha: ["uses: actions/setup-python@v5", "with: { python-version: '3.12', cache: pip }"],
				image: "python:3.12",
				install: "pip install -r requirements.txt",
				lint: "ruff check . && mypy .",
				test: `pytest --cov --cov-fail-under=${coverage}`,
				e2e: /playwright/i.test(e2e) ? "pytest tests/e2e" : e2eCmd,
				smoke,
			};
		case "go":
			return {
				setupGha: ["uses: actions/setup-go@v5", "with: { go-version-file: go.mod, cache: true }"],
				image: "golang:1.23",
				install: "go mod download",
				lint: "go vet ./... && staticcheck ./...",
				test: `go test -coverprofile=cover.out ./... && go tool cover -func=cover.out | awk '/^total/ { if ($3+0 < ${coverage}) exit 1 }'`,
				e2e: e2eCmd,
				smoke,
			};
		case "java":
			return {
				setupGha: [
					"uses: actions/setup-java@v4",
					"with: { distribution: temurin, java-version: '21', cache: gradle }",
				],
				image: "eclipse-temurin:21",
				install: "./gradlew dependencies",
				lint: "./gradlew spotlessCheck",
				test: "./gradlew test jacocoTestCoverageVerification",
				e2e: e2eCmd,
				smoke,
			};
		case "dotnet":
			return {
				setupGha: ["uses: actions/setup-dotnet@v4", "with: { dotnet-version: '8.0.x' }"],
				image: "mcr.microsoft.com/dotnet/sdk:8.0",
				install: "dotnet restore",
				lint: "dotnet format --verify-no-changes",
				test: `dotnet test /p:CollectCoverage=true /p:Threshold=${coverage}`,
				e2e: e2eCmd,
				smoke,
			};
		case "ruby":
			return {
				setupGha: ["uses: ruby/setup-ruby@v1", "with: { bundler-cache: true }"],
				image: "ruby:3.3",
				install: "bundle install",
				lint: "bundle exec rubocop",
				test: `COVERAGE_MINIMUM=${coverage} bundle exec rspec`,
				e2e: e2eCmd,
				smoke,
			};
		default: {
			const test = /jest/i.test(unit)
				? `npx jest --coverage --coverageThreshold='{"global":{"lines":${coverage}}}'`
				: `npx vitest run --coverage --coverage.thresholds.lines=${coverage}`;
			return {
				setupGha: ["uses: actions/setup-node@v4", "with: { node-version: 20, cache: npm }"],
				image: "node:20",
				install: "npm ci",
				lint: "npm run lint && npx tsc --noEmit",
				test,
				e2e: e2eCmd,
				smoke,
			};
		}
	}
}

/** The cloud login step for GitHub Actions: OIDC where a cloud is involved, a scoped platform token otherwise. */
function ghaCloudLogin(m: SectionModel, env: string): string[] {
	switch (m.ctx.cloud) {
		case "aws":
			return [
				"      - uses: aws-actions/configure-aws-credentials@v4",
				"        with:",
				`          role-to-assume: arn:aws:iam::\${{ vars.AWS_ACCOUNT_ID }}:role/${m.ctx.serviceName}-deploy-${env}`,
				"          aws-region: ${{ vars.AWS_REGION }}",
			];
		case "gcp":
			return [
				"      - uses: google-github-actions/auth@v2",
				"        with:",
				"          workload_identity_provider: ${{ vars.WIF_PROVIDER }}",
				"          project_id: ${{ vars.GCP_PROJECT }}",
			];
		case "azure":
			return [
				"      - uses: azure/login@v2",
				"        with:",
				"          client-id: ${{ vars.AZURE_CLIENT_ID }}",
				"          tenant-id: ${{ vars.AZURE_TENANT_ID }}",
				"          subscription-id: ${{ vars.AZURE_SUBSCRIPTION_ID }}",
			];
		default:
			return [];
	}
}

export function platformTokenName(m: SectionModel): string {
	return m.platform.ciToken;
}

function githubActions(m: SectionModel): string {
	const l = langCommands(m.ctx, m.coverageUnit);
	const svc = m.ctx.serviceName;
	const hasStaging = m.stages.some((s) => s.id === "deploy-staging");
	const stagingEnv = m.decisions.environments.includes("staging") ? "staging" : "uat";
	const tokenEnv =
		m.ctx.cloud === "none"
			? [`        env:`, `          ${platformTokenName(m)}: \${{ secrets.${platformTokenName(m)} }}`]
			: [];
	const setup = [`      - ${l.setupGha[0]}`, `        ${l.setupGha[1]}`];
	const lines = [
		"name: deploy",
		"on:",
		"  pull_request:",
		"  push:",
		"    branches: [main]",
		"permissions:",
		"  contents: read",
		"jobs:",
		"  verify:",
		"    runs-on: ubuntu-latest",
		"    concurrency:",
		"      group: verify-${{ github.ref }}",
		"      cancel-in-progress: true",
		"    steps:",
		"      - uses: actions/checkout@v4",
		...setup,
		`      - run: ${l.install}`,
		`      - run: ${l.lint}`,
		`      - run: ${l.test}`,
		"  build:",
		"    needs: verify",
		"    runs-on: ubuntu-latest",
		"    permissions: { contents: read, packages: write, id-token: write }",
		"    outputs:",
		"      image: ${{ steps.meta.outputs.image }}",
		"    steps:",
		"      - uses: actions/checkout@v4",
		"      - id: meta",
		`        run: echo "image=ghcr.io/\${{ github.repository }}/${svc}:\${{ github.sha }}" >> "$GITHUB_OUTPUT"`,
		'      - run: docker build -t "${{ steps.meta.outputs.image }}" . && docker push "${{ steps.meta.outputs.image }}"',
		'      - run: npx @cyclonedx/cdxgen -o sbom.json && docker scout cves --exit-code --only-severity critical,high "${{ steps.meta.outputs.image }}"',
	];
	if (hasStaging) {
		lines.push(
			"  deploy-staging:",
			"    if: github.ref == 'refs/heads/main'",
			"    needs: build",
			"    runs-on: ubuntu-latest",
			`    environment: ${stagingEnv}`,
			"    permissions: { contents: read, id-token: write }",
			"    concurrency:",
			`      group: deploy-${stagingEnv}`,
			"      cancel-in-progress: false",
			"    steps:",
			"      - uses: actions/checkout@v4",
			...ghaCloudLogin(m, stagingEnv),
			`      - run: ${m.platform.deployCommand(svc, stagingEnv)}`,
			...tokenEnv,
			"          GIT_SHA: ${{ github.sha }}",
			`      - run: ${l.e2e}`,
			"        env:",
			"          BASE_URL: ${{ vars.STAGING_URL }}",
		);
	}
	lines.push(
		"  deploy-production:",
		"    if: github.ref == 'refs/heads/main'",
		`    needs: ${hasStaging ? "deploy-staging" : "build"}`,
		"    runs-on: ubuntu-latest",
		"    environment: production",
		"    permissions: { contents: read, id-token: write }",
		"    concurrency:",
		"      group: deploy-production",
		"      cancel-in-progress: false",
		"    steps:",
		"      - uses: actions/checkout@v4",
		...ghaCloudLogin(m, "production"),
		`      - run: ${m.platform.deployCommand(svc, "production")}`,
		...tokenEnv,
		"          GIT_SHA: ${{ github.sha }}",
		`      - run: ${l.smoke}`,
		"        env:",
		"          BASE_URL: ${{ vars.PRODUCTION_URL }}",
	);
	// Token env blocks without a cloud need GIT_SHA under the same env key.
	return fixEnvBlocks(lines).join("\n");
}

/** Where a platform token is injected, the GIT_SHA line joins its env block; otherwise it gets its own. */
function fixEnvBlocks(lines: string[]): string[] {
	const out: string[] = [];
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (
			line === "          GIT_SHA: ${{ github.sha }}" &&
			!/^\s+(env:|[A-Z_]+: )/.test(out[out.length - 1] ?? "")
		) {
			out.push("        env:");
		}
		out.push(line);
	}
	return out;
}

function gitlab(m: SectionModel): string {
	const l = langCommands(m.ctx, m.coverageUnit);
	const svc = m.ctx.serviceName;
	const hasStaging = m.stages.some((s) => s.id === "deploy-staging");
	const lines = [
		"stages: [verify, build, staging, production]",
		"default:",
		`  image: ${l.image}`,
		"  cache:",
		"    key:",
		"      files: [package-lock.json]",
		"    paths: [.npm/]",
		"verify:",
		"  stage: verify",
		"  interruptible: true",
		`  script: ["${l.install}", "${l.lint.replace(/"/g, '\\"')}", "${l.test.replace(/"/g, '\\"')}"]`,
		"build:",
		"  stage: build",
		"  image: docker:27",
		"  services: [docker:27-dind]",
		`  script: ["docker build -t $CI_REGISTRY_IMAGE/${svc}:$CI_COMMIT_SHA .", "docker push $CI_REGISTRY_IMAGE/${svc}:$CI_COMMIT_SHA"]`,
	];
	if (hasStaging) {
		lines.push(
			"deploy-staging:",
			"  stage: staging",
			"  rules: [{ if: '$CI_COMMIT_BRANCH == \"main\"' }]",
			"  environment: { name: staging }",
			"  resource_group: staging",
			"  id_tokens: { CLOUD_ID_TOKEN: { aud: deploy } }",
			`  script: ["GIT_SHA=$CI_COMMIT_SHA ${m.platform.deployCommand(svc, "staging").replace(/"/g, '\\"')}", "${l.e2e}"]`,
		);
	}
	lines.push(
		"deploy-production:",
		"  stage: production",
		"  rules: [{ if: '$CI_COMMIT_BRANCH == \"main\"', when: manual }]",
		"  environment: { name: production }",
		"  resource_group: production",
		"  id_tokens: { CLOUD_ID_TOKEN: { aud: deploy } }",
		`  script: ["GIT_SHA=$CI_COMMIT_SHA ${m.platform.deployCommand(svc, "production").replace(/"/g, '\\"')}", "${l.smoke.replace(/"/g, '\\"')}"]`,
	);
	return lines.join("\n");
}

function circleci(m: SectionModel): string {
	const l = langCommands(m.ctx, m.coverageUnit);
	const svc = m.ctx.serviceName;
	return [
		"version: 2.1",
		"jobs:",
		"  verify:",
		"    docker: [{ image: cimg/base:current }]",
		"    steps:",
		"      - checkout",
		"      - restore_cache: { keys: ['deps-{{ checksum \"package-lock.json\" }}'] }",
		`      - run: ${l.install}`,
		"      - save_cache: { key: 'deps-{{ checksum \"package-lock.json\" }}', paths: [~/.npm] }",
		`      - run: ${l.lint}`,
		`      - run: ${l.test}`,
		"  deploy:",
		"    parameters: { env: { type: string } }",
		"    docker: [{ image: cimg/base:current }]",
		"    steps:",
		"      - checkout",
		`      - run: GIT_SHA=$CIRCLE_SHA1 ${m.platform.deployCommand(svc, "<< parameters.env >>")}`,
		`      - run: ${l.smoke}`,
		"workflows:",
		"  release:",
		"    jobs:",
		"      - verify",
		"      - deploy: { name: deploy-staging, env: staging, context: staging, requires: [verify], filters: { branches: { only: main } } }",
		"      - approve-production: { type: approval, requires: [deploy-staging] }",
		"      - deploy: { name: deploy-production, env: production, context: production, requires: [approve-production] }",
	].join("\n");
}

function azureDevOps(m: SectionModel): string {
	const l = langCommands(m.ctx, m.coverageUnit);
	const svc = m.ctx.serviceName;
	return [
		"trigger: [main]",
		"stages:",
		"  - stage: verify",
		"    jobs:",
		"      - job: verify",
		"        steps:",
		"          - task: Cache@2",
		"            inputs: { key: 'npm | package-lock.json', path: $(Pipeline.Workspace)/.npm }",
		`          - script: ${l.install} && ${l.lint} && ${l.test}`,
		"  - stage: staging",
		"    dependsOn: verify",
		"    jobs:",
		"      - deployment: deploy_staging",
		"        environment: staging",
		"        strategy:",
		"          runOnce:",
		"            deploy:",
		"              steps:",
		`                - script: GIT_SHA=$(Build.SourceVersion) ${m.platform.deployCommand(svc, "staging")}`,
		"  - stage: production",
		"    dependsOn: staging",
		"    jobs:",
		"      - deployment: deploy_production",
		"        environment: production   # approvals and an exclusive lock are checks on this environment",
		"        strategy:",
		"          runOnce:",
		"            deploy:",
		"              steps:",
		`                - script: GIT_SHA=$(Build.SourceVersion) ${m.platform.deployCommand(svc, "production")}`,
		`                - script: ${l.smoke}`,
	].join("\n");
}

function jenkins(m: SectionModel): string {
	const l = langCommands(m.ctx, m.coverageUnit);
	const svc = m.ctx.serviceName;
	const sh = (cmd: string) => `sh '${cmd.replace(/'/g, "'\"'\"'")}'`;
	return [
		"pipeline {",
		"  agent any",
		"  options { disableConcurrentBuilds() }",
		"  stages {",
		`    stage('Verify') { steps { ${sh(`${l.install} && ${l.lint} && ${l.test}`)} } }`,
		`    stage('Build') { steps { ${sh(`docker build -t $REGISTRY/${svc}:$GIT_COMMIT . && docker push $REGISTRY/${svc}:$GIT_COMMIT`)} } }`,
		`    stage('Staging') { when { branch 'main' } steps { lock('staging') { ${sh(`GIT_SHA=$GIT_COMMIT ${m.platform.deployCommand(svc, "staging")}`)} } } }`,
		"    stage('Approve') { when { branch 'main' } steps { input message: 'Deploy to production?', submitter: 'release-approvers' } }",
		`    stage('Production') { when { branch 'main' } steps { lock('production') { ${sh(`GIT_SHA=$GIT_COMMIT ${m.platform.deployCommand(svc, "production")}`)} } } }`,
		"  }",
		"}",
	].join("\n");
}

export function pipelineDefinition(m: SectionModel): { file: string; lang: string; body: string } {
	switch (m.ci.id) {
		case "github-actions":
			return { file: m.ci.file, lang: "yaml", body: githubActions(m) };
		case "gitlab-ci":
			return { file: m.ci.file, lang: "yaml", body: gitlab(m) };
		case "circleci":
			return { file: m.ci.file, lang: "yaml", body: circleci(m) };
		case "azure-devops":
			return { file: m.ci.file, lang: "yaml", body: azureDevOps(m) };
		case "jenkins":
			return { file: m.ci.file, lang: "groovy", body: jenkins(m) };
	}
}
