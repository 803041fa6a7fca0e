// Sources behind the pipeline recipes (knowledge/pipelines.ts): CI syntax, toolchain set-up, registries, identity
// federation per CI tool and the deploy CLIs of each platform. Spread into SOURCES by sources.ts.

export const PIPELINE_SOURCES = {
	"pipe-gh-syntax": {
		title: "GitHub Actions: Workflow syntax",
		url: "https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions",
	},
	"pipe-gh-outputs": {
		title: "GitHub Actions: Passing information between jobs",
		url: "https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/passing-information-between-jobs",
	},
	"pipe-setup-node": { title: "actions/setup-node", url: "https://github.com/actions/setup-node" },
	"pipe-setup-python": { title: "actions/setup-python", url: "https://github.com/actions/setup-python" },
	"pipe-setup-go": { title: "actions/setup-go", url: "https://github.com/actions/setup-go" },
	"pipe-setup-java": { title: "actions/setup-java", url: "https://github.com/actions/setup-java" },
	"pipe-setup-dotnet": { title: "actions/setup-dotnet", url: "https://github.com/actions/setup-dotnet" },
	"pipe-setup-ruby": { title: "ruby/setup-ruby", url: "https://github.com/ruby/setup-ruby" },
	"pipe-gitlab-yaml": {
		title: "GitLab CI/CD YAML syntax reference",
		url: "https://docs.gitlab.com/ci/yaml/",
	},
	"pipe-gitlab-dotenv": {
		title: "GitLab: artifacts:reports:dotenv",
		url: "https://docs.gitlab.com/ci/yaml/artifacts_reports/#artifactsreportsdotenv",
	},
	"pipe-gitlab-aws": {
		title: "GitLab: Configure OpenID Connect in AWS to retrieve temporary credentials",
		url: "https://docs.gitlab.com/ci/cloud_services/aws/",
	},
	"pipe-gitlab-gcp": {
		title: "GitLab: Configure OpenID Connect with Google Cloud Workload Identity Federation",
		url: "https://docs.gitlab.com/ci/cloud_services/google_cloud/",
	},
	"pipe-gitlab-azure": {
		title: "GitLab: Configure OpenID Connect in Azure to retrieve temporary credentials",
		url: "https://docs.gitlab.com/ci/cloud_services/azure/",
	},
	"pipe-gitlab-push-options": {
		title: "GitLab: Push options (merge_request.create)",
		url: "https://docs.gitlab.com/user/project/push_options/",
	},
	"pipe-circleci-config": {
		title: "CircleCI configuration reference",
		url: "https://circleci.com/docs/configuration-reference/",
	},
	"pipe-circleci-workspaces": {
		title: "CircleCI: Using workspaces to share data between jobs",
		url: "https://circleci.com/docs/workspaces/",
	},
	"pipe-azure-yaml": {
		title: "Azure Pipelines YAML schema",
		url: "https://learn.microsoft.com/en-us/azure/devops/pipelines/yaml-schema/",
	},
	"pipe-azure-outputs": {
		title: "Azure Pipelines: Set output variables in scripts",
		url: "https://learn.microsoft.com/en-us/azure/devops/pipelines/process/set-variables-scripts",
	},
	"pipe-azure-cli-task": {
		title: "Azure Pipelines: AzureCLI@2 task",
		url: "https://learn.microsoft.com/en-us/azure/devops/pipelines/tasks/reference/azure-cli-v2",
	},
	"pipe-jenkins-input": {
		title: "Jenkins: input step",
		url: "https://www.jenkins.io/doc/pipeline/steps/pipeline-input-step/",
	},
	"pipe-jenkins-oidc": {
		title: "Jenkins OpenID Connect Provider plugin",
		url: "https://plugins.jenkins.io/oidc-provider/",
	},
	"pipe-aws-creds-action": {
		title: "aws-actions/configure-aws-credentials",
		url: "https://github.com/aws-actions/configure-aws-credentials",
	},
	"pipe-aws-web-identity": {
		title: "AWS CLI: environment variables (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE)",
		url: "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html",
	},
	"pipe-ecr-auth": {
		title: "Amazon ECR: Private registry authentication",
		url: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html",
	},
	"pipe-ecs-update": {
		title: "AWS CLI: ecs update-service",
		url: "https://docs.aws.amazon.com/cli/latest/reference/ecs/update-service.html",
	},
	"pipe-ecs-run-task": {
		title: "AWS CLI: ecs run-task",
		url: "https://docs.aws.amazon.com/cli/latest/reference/ecs/run-task.html",
	},
	"pipe-eks-kubeconfig": {
		title: "AWS CLI: eks update-kubeconfig",
		url: "https://docs.aws.amazon.com/cli/latest/reference/eks/update-kubeconfig.html",
	},
	"pipe-gar-auth": {
		title: "Artifact Registry: Configure authentication to Docker repositories",
		url: "https://cloud.google.com/artifact-registry/docs/docker/authentication",
	},
	"pipe-gcp-wif-pipelines": {
		title: "Google Cloud: Workload Identity Federation with deployment pipelines",
		url: "https://cloud.google.com/iam/docs/workload-identity-federation-with-deployment-pipelines",
	},
	"pipe-run-jobs-execute": {
		title: "Cloud Run: Execute jobs",
		url: "https://cloud.google.com/run/docs/execute/jobs",
	},
	"pipe-gke-credentials": {
		title: "GKE: Install kubectl and configure cluster access",
		url: "https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl",
	},
	"pipe-az-login": {
		title: "Azure CLI: az login (--federated-token)",
		url: "https://learn.microsoft.com/en-us/cli/azure/reference-index#az-login",
	},
	"pipe-acr-auth": {
		title: "Azure Container Registry: Authentication options",
		url: "https://learn.microsoft.com/en-us/azure/container-registry/container-registry-authentication",
	},
	"pipe-webapp-deploy": {
		title: "Azure CLI: az webapp deploy",
		url: "https://learn.microsoft.com/en-us/cli/azure/webapp#az-webapp-deploy",
	},
	"pipe-containerapp-update": {
		title: "Azure CLI: az containerapp update",
		url: "https://learn.microsoft.com/en-us/cli/azure/containerapp#az-containerapp-update",
	},
	"pipe-aks-credentials": {
		title: "Azure CLI: az aks get-credentials",
		url: "https://learn.microsoft.com/en-us/cli/azure/aks#az-aks-get-credentials",
	},
	"pipe-vercel-pull": { title: "Vercel CLI: vercel pull", url: "https://vercel.com/docs/cli/pull" },
	"pipe-vercel-build": { title: "Vercel CLI: vercel build", url: "https://vercel.com/docs/cli/build" },
	"pipe-vercel-deploy": { title: "Vercel CLI: vercel deploy", url: "https://vercel.com/docs/cli/deploy" },
	"pipe-vercel-promote": { title: "Vercel CLI: vercel promote", url: "https://vercel.com/docs/cli/promote" },
	"pipe-netlify-deploy": { title: "Netlify CLI: deploy", url: "https://cli.netlify.com/commands/deploy/" },
	"pipe-cf-pages-ci": {
		title: "Cloudflare Pages: Direct Upload with continuous integration",
		url: "https://developers.cloudflare.com/pages/how-to/use-direct-upload-with-continuous-integration/",
	},
	"pipe-fly-gha": {
		title: "Fly.io: Continuous deployment with GitHub Actions",
		url: "https://fly.io/docs/launch/continuous-deployment-with-github-actions/",
	},
	"pipe-fly-deploy": { title: "flyctl deploy", url: "https://fly.io/docs/flyctl/deploy/" },
	"pipe-fly-tokens": { title: "Fly.io: Access tokens", url: "https://fly.io/docs/security/tokens/" },
	"pipe-render-hooks": { title: "Render: Deploy hooks", url: "https://render.com/docs/deploy-hooks" },
	"pipe-render-cli": {
		title: "Render CLI (install, non-interactive use with RENDER_API_KEY, deploys create --commit --wait)",
		url: "https://render.com/docs/cli",
	},
	"pipe-heroku-pipelines": {
		title: "Heroku: Pipelines",
		url: "https://devcenter.heroku.com/articles/pipelines",
	},
	"pipe-heroku-git": {
		title: "Heroku: Deploying with Git",
		url: "https://devcenter.heroku.com/articles/git",
	},
	"pipe-doctl-apps": {
		title: "doctl apps create-deployment",
		url: "https://docs.digitalocean.com/reference/doctl/reference/apps/create-deployment/",
	},
	"pipe-railway-cli": { title: "Railway: CLI", url: "https://docs.railway.com/guides/cli" },
	"pipe-sst-cli": { title: "SST: CLI reference", url: "https://sst.dev/docs/reference/cli/" },
	"pipe-sam-deploy": {
		title: "AWS SAM CLI: sam deploy",
		url: "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-cli-command-reference-sam-deploy.html",
	},
	"pipe-argocd-practices": {
		title: "Argo CD: Best practices (separate configuration repository)",
		url: "https://argo-cd.readthedocs.io/en/stable/user-guide/best_practices/",
	},
	"pipe-flux-repos": {
		title: "Flux: Ways of structuring your repositories",
		url: "https://fluxcd.io/flux/guides/repository-structure/",
	},
	"pipe-cosign": {
		title: "Sigstore: Signing containers with cosign",
		url: "https://docs.sigstore.dev/cosign/signing/signing_with_containers/",
	},
	"pipe-trivy-image": {
		title: "Trivy: Container image scanning",
		url: "https://trivy.dev/latest/docs/target/container_image/",
	},
	"pipe-ansible-playbook": {
		title: "Ansible: ansible-playbook",
		url: "https://docs.ansible.com/ansible/latest/cli/ansible-playbook.html",
	},
	"pipe-pytest-cov": {
		title: "pytest-cov: configuration (--cov-fail-under)",
		url: "https://pytest-cov.readthedocs.io/en/latest/config.html",
	},
	"pipe-vitest-coverage": {
		title: "Vitest: coverage thresholds",
		url: "https://vitest.dev/config/#coverage-thresholds",
	},
	"pipe-jest-coverage": {
		title: "Jest: coverageThreshold",
		url: "https://jestjs.io/docs/configuration#coveragethreshold-object",
	},
	"pipe-go-cover": { title: "Go: The cover story", url: "https://go.dev/blog/cover" },
	"pipe-jacoco-report": {
		title: "JaCoCo: report goal (jacoco.csv)",
		url: "https://www.jacoco.org/jacoco/trunk/doc/report-mojo.html",
	},
	"pipe-coverlet-msbuild": {
		title: "Coverlet: MSBuild integration (Threshold)",
		url: "https://github.com/coverlet-coverage/coverlet/blob/master/Documentation/MSBuildIntegration.md",
	},
	"pipe-simplecov": { title: "SimpleCov", url: "https://github.com/simplecov-ruby/simplecov" },
} as const satisfies Record<string, { title: string; url: string }>;
