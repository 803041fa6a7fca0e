// Every source the knowledge base cites, by key; facts refer to these keys and the section lists the ones it used.

import { KUBERNETES_SOURCES } from "./kubernetes-sources";
import { PIPELINE_SOURCES } from "./pipelines-sources";
import { RUNBOOK_SOURCES } from "./runbook-sources";
import { VM_SOURCES } from "./vms-sources";

export interface Source {
	title: string;
	url: string;
}

export const SOURCES = {
	...PIPELINE_SOURCES,
	...VM_SOURCES,
	...KUBERNETES_SOURCES,
	...RUNBOOK_SOURCES,
	"aws-dr-blog": {
		title: "AWS Architecture Blog: Disaster recovery strategies for recovery in the cloud",
		url: "https://aws.amazon.com/blogs/architecture/disaster-recovery-dr-architecture-on-aws-part-i-strategies-for-recovery-in-the-cloud/",
	},
	"aws-dr-whitepaper": {
		title: "AWS whitepaper: Disaster recovery options in the cloud",
		url: "https://docs.aws.amazon.com/whitepapers/latest/disaster-recovery-workloads-on-aws/disaster-recovery-options-in-the-cloud.html",
	},
	"aws-rel13": {
		title: "AWS Well-Architected REL13: Plan for disaster recovery",
		url: "https://docs.aws.amazon.com/wellarchitected/latest/framework/rel-13.html",
	},
	"aws-rds-pitr": {
		title: "Amazon RDS: Restoring a DB instance to a specified time",
		url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIT.html",
	},
	"aws-rds-failover": {
		title: "Amazon RDS: Multi-AZ DB instance failover",
		url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.Failover.html",
	},
	"aws-aurora-global": {
		title: "Amazon Aurora Global Database",
		url: "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html",
	},
	"aws-ecs-deploycfg": {
		title: "Amazon ECS API: DeploymentConfiguration",
		url: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html",
	},
	"aws-codedeploy-configs": {
		title: "AWS CodeDeploy: Deployment configurations",
		url: "https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html",
	},
	"aws-lambda-alias": {
		title: "AWS Lambda API: AliasRoutingConfiguration",
		url: "https://docs.aws.amazon.com/lambda/latest/api/API_AliasRoutingConfiguration.html",
	},
	"aws-ops07": {
		title: "AWS Well-Architected OPS07-BP03: Use runbooks to perform procedures",
		url: "https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_ready_to_support_use_runbooks.html",
	},
	"azure-waf-dr": {
		title: "Azure Well-Architected: Disaster recovery",
		url: "https://learn.microsoft.com/azure/well-architected/reliability/disaster-recovery",
	},
	"azure-waf-ha": {
		title: "Azure Well-Architected: Highly available multi-region design",
		url: "https://learn.microsoft.com/azure/well-architected/reliability/highly-available-multi-region-design",
	},
	"azure-sql-bc": {
		title: "Azure SQL Database: Business continuity overview",
		url: "https://learn.microsoft.com/azure/azure-sql/database/business-continuity-high-availability-disaster-recover-hadr-overview",
	},
	"azure-pg-restore": {
		title: "Azure Database for PostgreSQL flexible server: Point-in-time restore",
		url: "https://learn.microsoft.com/azure/postgresql/flexible-server/how-to-restore-server-portal",
	},
	"azure-slots": {
		title: "Azure App Service: Set up staging environments (deployment slots)",
		url: "https://learn.microsoft.com/azure/app-service/deploy-staging-slots",
	},
	"azure-bicep": {
		title: "Azure Bicep overview",
		url: "https://learn.microsoft.com/azure/azure-resource-manager/bicep/overview",
	},
	"azure-login": { title: "Azure/login GitHub Action (OIDC)", url: "https://github.com/Azure/login" },
	"azure-devops-approvals": {
		title: "Azure Pipelines: Define approvals and checks (incl. exclusive lock)",
		url: "https://learn.microsoft.com/azure/devops/pipelines/process/approvals",
	},
	"azure-devops-wif": {
		title: "Azure Pipelines: Connect to Azure with workload identity federation",
		url: "https://learn.microsoft.com/azure/devops/pipelines/library/connect-to-azure",
	},
	"azure-devops-cache": {
		title: "Azure Pipelines: Pipeline caching",
		url: "https://learn.microsoft.com/azure/devops/pipelines/release/caching",
	},
	"gcp-dr-plan": {
		title: "Google Cloud: Disaster recovery planning guide",
		url: "https://cloud.google.com/architecture/dr-scenarios-planning-guide",
	},
	"gcp-cloudsql-availability": {
		title: "Cloud SQL: About high availability",
		url: "https://cloud.google.com/sql/docs/postgres/high-availability",
	},
	"gcp-cloudsql-pitr": {
		title: "Cloud SQL for PostgreSQL: Point-in-time recovery",
		url: "https://cloud.google.com/sql/docs/postgres/backup-recovery/pitr",
	},
	"gcp-cloudsql-replica": {
		title: "Cloud SQL: Create read replicas (cross-region promotion)",
		url: "https://cloud.google.com/sql/docs/postgres/replication/create-replica",
	},
	"gcp-run-rollouts": {
		title: "Cloud Run: Rollbacks, gradual rollouts, and traffic migration",
		url: "https://cloud.google.com/run/docs/rollouts-rollbacks-traffic-migration",
	},
	"gcp-deploy-strategies": {
		title: "Google Cloud Deploy: Deployment strategies",
		url: "https://cloud.google.com/deploy/docs/deployment-strategies",
	},
	"gcp-gha-auth": {
		title: "google-github-actions/auth (Workload Identity Federation)",
		url: "https://github.com/google-github-actions/auth",
	},
	"neon-history": {
		title: "Neon: Restore window (history)",
		url: "https://neon.com/docs/introduction/history-window",
	},
	"neon-rollback": {
		title: "Neon: Postgres instant rollback tools",
		url: "https://neon.com/faqs/postgres-instant-rollback-tools",
	},
	"neon-cli-branches": {
		title: "Neon CLI: branches (restore)",
		url: "https://neon.com/docs/reference/cli-branches",
	},
	"supabase-backups": {
		title: "Supabase: Database backups",
		url: "https://supabase.com/docs/guides/platform/backups",
	},
	"railway-backups": { title: "Railway: Backups", url: "https://docs.railway.com/reference/backups" },
	"railway-volumes": { title: "Railway: Volumes", url: "https://docs.railway.com/reference/volumes" },
	"railway-deployment-actions": {
		title: "Railway: Deployment actions (rollback, redeploy)",
		url: "https://docs.railway.com/deployments/deployment-actions",
	},
	"railway-cli-redeploy": {
		title: "Railway CLI: railway redeploy",
		url: "https://docs.railway.com/cli/redeploy",
	},
	"railway-health": {
		title: "Railway: Healthchecks",
		url: "https://docs.railway.com/reference/healthchecks",
	},
	"fly-snapshots": { title: "Fly.io: Volume snapshots", url: "https://fly.io/docs/volumes/snapshots" },
	"fly-pg-unmanaged": {
		title: "Fly.io: Fly Postgres, what you should know",
		url: "https://fly.io/docs/postgres/getting-started/what-you-should-know",
	},
	"fly-mpg": {
		title: "Fly.io: Managed Postgres restore (docs PR 2453)",
		url: "https://github.com/superfly/docs/pull/2453",
	},
	"fly-config": {
		title: "Fly.io: App configuration (fly.toml) reference",
		url: "https://fly.io/docs/reference/configuration/",
	},
	"heroku-pg-rollback": {
		title: "Heroku Postgres rollback",
		url: "https://devcenter.heroku.com/articles/heroku-postgres-rollback",
	},
	"heroku-releases": {
		title: "Heroku CLI: releases:rollback",
		url: "https://devcenter.heroku.com/articles/releases",
	},
	"render-rollbacks": { title: "Render: Rollbacks", url: "https://render.com/docs/rollbacks" },
	"render-rollback-article": {
		title: "Render: How to roll back a broken deployment quickly",
		url: "https://render.com/articles/how-to-rollback-a-broken-deployment-quickly",
	},
	"render-postgres-recovery": {
		title: "Render: Postgres recovery and backups",
		url: "https://render.com/docs/postgresql-backups",
	},
	"render-health": { title: "Render: Health checks", url: "https://render.com/docs/health-checks" },
	"vercel-instant-rollback": {
		title: "Vercel: Instant Rollback",
		url: "https://vercel.com/docs/instant-rollback",
	},
	"vercel-cli-rollback": {
		title: "Vercel CLI: vercel rollback",
		url: "https://vercel.com/docs/cli/rollback",
	},
	"vercel-rolling-releases": {
		title: "Vercel: Rolling Releases",
		url: "https://vercel.com/docs/rolling-releases",
	},
	"cf-pages-rollbacks": {
		title: "Cloudflare Pages: Rollbacks",
		url: "https://developers.cloudflare.com/pages/platform/rollbacks",
	},
	"netlify-deploys": {
		title: "Netlify: Manage deploys (publish a previous deploy)",
		url: "https://docs.netlify.com/site-deploys/manage-deploys/",
	},
	"k8s-deployment": {
		title: "Kubernetes: Deployments (rolling update, rollback)",
		url: "https://kubernetes.io/docs/concepts/workloads/controllers/deployment/",
	},
	"k8s-hpa": {
		title: "Kubernetes: Horizontal Pod Autoscaling",
		url: "https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/",
	},
	"argo-bluegreen": {
		title: "Argo Rollouts: Blue-Green deployment strategy",
		url: "https://github.com/argoproj/argo-rollouts/blob/master/docs/features/bluegreen.md",
	},
	"argo-canary": {
		title: "Argo Rollouts: canary example",
		url: "https://github.com/argoproj/argo-rollouts/blob/master/examples/rollout-canary.yaml",
	},
	"flagger-strategies": {
		title: "Flagger: Deployment strategies",
		url: "https://github.com/fluxcd/flagger/blob/main/docs/gitbook/usage/deployment-strategies.md",
	},
	"hashicorp-bsl": {
		title: "HashiCorp: projects changing license to BUSL 1.1",
		url: "https://discuss.hashicorp.com/t/hashicorp-projects-changing-license-to-business-source-license-v1-1/57106",
	},
	"opentofu-home": { title: "OpenTofu", url: "https://opentofu.org" },
	"opentofu-encryption": { title: "OpenTofu 1.7: state encryption", url: "https://opentofu.org/docs/v1.7" },
	"tf-s3-backend": {
		title: "Terraform: S3 backend (use_lockfile)",
		url: "https://developer.hashicorp.com/terraform/language/backend/s3",
	},
	"pulumi-state": {
		title: "Pulumi: State and backends",
		url: "https://www.pulumi.com/docs/iac/concepts/state-and-backends/",
	},
	crossplane: {
		title: "Crossplane: What is Crossplane",
		url: "https://docs.crossplane.io/latest/whats-crossplane",
	},
	"sst-docs": { title: "SST documentation", url: "https://sst.dev/docs" },
	"aws-cdk": { title: "AWS CDK developer guide", url: "https://docs.aws.amazon.com/cdk/v2/guide/home.html" },
	sops: { title: "SOPS: Secrets OPerationS", url: "https://github.com/getsops/sops" },
	eso: { title: "External Secrets Operator", url: "https://external-secrets.io/latest/" },
	"gh-oidc-aws": {
		title: "GitHub Docs: Configuring OpenID Connect in Amazon Web Services",
		url: "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services",
	},
	"gh-envs": {
		title: "GitHub Docs: Deployments and environments",
		url: "https://docs.github.com/actions/reference/deployments-and-environments",
	},
	"gh-concurrency": {
		title: "GitHub Docs: Using concurrency",
		url: "https://docs.github.com/en/actions/using-jobs/using-concurrency",
	},
	"gh-cache": {
		title: "GitHub Docs: Caching dependencies (usage limits and eviction)",
		url: "https://docs.github.com/en/actions/using-workflows/caching-dependencies-to-speed-up-workflows#usage-limits-and-eviction-policy",
	},
	"gh-hardening": {
		title: "GitHub Docs: Security hardening for GitHub Actions",
		url: "https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions",
	},
	"gitlab-deploy-safety": {
		title: "GitLab: Deployment safety (resource_group, protected environments)",
		url: "https://docs.gitlab.com/ci/environments/deployment_safety",
	},
	"gitlab-pipeline-security": {
		title: "GitLab: Pipeline security (secrets, protected and masked CI/CD variables)",
		url: "https://docs.gitlab.com/ci/pipeline_security/",
	},
	"gitlab-include-project": {
		title: "GitLab CI/CD YAML syntax: include:project with ref",
		url: "https://docs.gitlab.com/ci/yaml/#includeproject",
	},
	"docker-pin-base-image": {
		title: "Docker: Building best practices (pin base image versions to a digest)",
		url: "https://docs.docker.com/build/building/best-practices/#pin-base-image-versions",
	},
	"circleci-orb-versions": {
		title:
			"CircleCI docs: Orbs FAQ (a fixed version such as 3.0.0 receives no updates; @volatile is not recommended)",
		url: "https://github.com/circleci/circleci-docs/blob/master/jekyll/_includes/snippets/faq/orb-faq-snip.adoc",
	},
	"gitlab-oidc": {
		title: "GitLab: OpenID Connect (id_tokens) in CI/CD",
		url: "https://docs.gitlab.com/ci/cloud_services/",
	},
	"circleci-contexts": { title: "CircleCI: Using contexts", url: "https://circleci.com/docs/contexts/" },
	"circleci-workflows": {
		title: "CircleCI: Workflows (approval jobs)",
		url: "https://circleci.com/docs/workflows/",
	},
	"circleci-oidc": {
		title: "CircleCI: Using OpenID Connect tokens in jobs",
		url: "https://circleci.com/docs/openid-connect-tokens/",
	},
	"jenkins-syntax": {
		title: "Jenkins: Pipeline syntax (options, input, when)",
		url: "https://www.jenkins.io/doc/book/pipeline/syntax/",
	},
	"jenkins-lock": {
		title: "Jenkins: Lockable Resources plugin",
		url: "https://plugins.jenkins.io/lockable-resources/",
	},
	"jenkins-shared-libraries": {
		title: "Jenkins: Extending with Shared Libraries (@Library with a version)",
		url: "https://www.jenkins.io/doc/book/pipeline/shared-libraries/",
	},
	"jenkins-credentials": {
		title: "Jenkins: Credentials Binding plugin",
		url: "https://www.jenkins.io/doc/pipeline/steps/credentials-binding/",
	},
	"dora-2024": {
		title: "DORA: 2024 Accelerate State of DevOps report",
		url: "https://dora.dev/research/2024/dora-report/",
	},
	"dora-guide": {
		title: "DORA: software delivery performance metrics",
		url: "https://dora.dev/guides/dora-metrics-four-keys/",
	},
	"parallel-change": {
		title: "Martin Fowler: ParallelChange (expand/contract)",
		url: "https://martinfowler.com/bliki/ParallelChange.html",
	},
	"feature-toggles": {
		title: "Pete Hodgson: Feature Toggles (aka Feature Flags)",
		url: "https://martinfowler.com/articles/feature-toggles.html",
	},
	openfeature: { title: "OpenFeature: Introduction", url: "https://openfeature.dev/docs/reference/intro" },
	"launchdarkly-guarded": {
		title: "LaunchDarkly: Guarded rollouts",
		url: "https://launchdarkly.com/docs/home/releases/guarded-rollouts",
	},
	"unleash-rollout": {
		title: "Unleash: Gradual rollout (flexibleRollout, stickiness)",
		url: "https://docs.getunleash.io/reference/activation-strategies",
	},
	flagsmith: { title: "Flagsmith", url: "https://github.com/Flagsmith/flagsmith" },
	growthbook: { title: "GrowthBook", url: "https://github.com/growthbook/growthbook" },
	"sre-incidents": {
		title: "Google SRE book, ch. 14: Managing Incidents",
		url: "https://sre.google/sre-book/managing-incidents/",
	},
	"sre-postmortem": {
		title: "Google SRE book, ch. 15: Postmortem Culture",
		url: "https://sre.google/sre-book/postmortem-culture/",
	},
	"pd-severity": {
		title: "PagerDuty Incident Response: Severity levels",
		url: "https://response.pagerduty.com/before/severity_levels/",
	},
	"pd-roles": {
		title: "PagerDuty Incident Response: Roles and training",
		url: "https://response.pagerduty.com/training/overview/",
	},
	"pd-postmortem": {
		title: "PagerDuty Incident Response: Postmortem process",
		url: "https://response.pagerduty.com/after/post_mortem_process/",
	},
	"pci-dss": {
		title: "PCI DSS v4.0.1 requirements 6.5, 10.5.1, 12.10",
		url: "https://www.pcisecuritystandards.org/document_library/",
	},
	"hipaa-contingency": {
		title: "HIPAA Security Rule 164.308(a)(7): Contingency plan",
		url: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.308",
	},
	"soc2-tsc": {
		title: "AICPA Trust Services Criteria (SOC 2)",
		url: "https://www.aicpa-cima.com/resources/download/2017-trust-services-criteria-with-revised-points-of-focus-2022",
	},
	"gdpr-32": { title: "GDPR Article 32: Security of processing", url: "https://gdpr-info.eu/art-32-gdpr/" },
	iso27001: { title: "ISO/IEC 27001:2022 Annex A", url: "https://www.iso.org/standard/27001" },
	"aws-s3-object-lock": {
		title: "Amazon S3: Locking objects with Object Lock",
		url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html",
	},
	"gcs-bucket-lock": {
		title: "Cloud Storage: Bucket Lock",
		url: "https://cloud.google.com/storage/docs/bucket-lock",
	},
	"azure-immutable-blob": {
		title: "Azure Storage: Immutable storage for blob data",
		url: "https://learn.microsoft.com/azure/storage/blobs/immutable-storage-overview",
	},
	"tf-gcs-backend": {
		title: "Terraform: gcs backend",
		url: "https://developer.hashicorp.com/terraform/language/backend/gcs",
	},
	"tf-azurerm-backend": {
		title: "Terraform: azurerm backend",
		url: "https://developer.hashicorp.com/terraform/language/backend/azurerm",
	},
	"aws-secrets-manager": {
		title: "AWS Secrets Manager: What is AWS Secrets Manager?",
		url: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html",
	},
	"gcp-secret-manager": {
		title: "Google Cloud: Secret Manager overview",
		url: "https://cloud.google.com/secret-manager/docs/overview",
	},
	"azure-key-vault": {
		title: "Azure Key Vault: About secrets",
		url: "https://learn.microsoft.com/azure/key-vault/secrets/about-secrets",
	},
	"aws-ecr": {
		title: "Amazon ECR: What is Amazon Elastic Container Registry?",
		url: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/what-is-ecr.html",
	},
	"gcp-artifact-registry": {
		title: "Cloud Run: Deploying container images (supported registries)",
		url: "https://cloud.google.com/run/docs/deploying",
	},
	"azure-acr": {
		title: "Azure Container Registry: Introduction",
		url: "https://learn.microsoft.com/azure/container-registry/container-registry-intro",
	},
	"aws-kms": {
		title: "AWS Key Management Service: Concepts",
		url: "https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html",
	},
	"gcp-kms": {
		title: "Cloud KMS: Customer-managed encryption keys",
		url: "https://cloud.google.com/kms/docs/cmek",
	},
	"hcp-terraform-state": {
		title: "HCP Terraform: State",
		url: "https://developer.hashicorp.com/terraform/cloud-docs/workspaces/state",
	},
	"fly-deploy": {
		title: "Fly.io: Deploy an app (release_command runs in a temporary Machine without volumes)",
		url: "https://fly.io/docs/laravel/the-basics/customizing-deployments",
	},
	"fly-volumes": {
		title: "Fly.io: Fly Volumes overview (one volume per Machine, not shared)",
		url: "https://fly.io/docs/volumes/overview/",
	},
	"do-app-rollback": {
		title: "DigitalOcean API: Rollback App",
		url: "https://docs.digitalocean.com/reference/api/digitalocean/#operation/apps_create_rollback",
	},
	"do-app-spec": {
		title: "DigitalOcean App Platform: App specification reference",
		url: "https://docs.digitalocean.com/products/app-platform/reference/app-spec/",
	},
	"aca-traffic": {
		title: "Azure Container Apps: Traffic splitting",
		url: "https://learn.microsoft.com/azure/container-apps/traffic-splitting",
	},
	"aca-cli-traffic": {
		title: "Azure CLI: az containerapp ingress traffic",
		url: "https://learn.microsoft.com/cli/azure/containerapp/ingress/traffic",
	},
	"vercel-env": {
		title: "Vercel: Environment variables",
		url: "https://vercel.com/docs/environment-variables",
	},
	"netlify-env": {
		title: "Netlify: Environment variables overview",
		url: "https://docs.netlify.com/environment-variables/overview/",
	},
	"cf-pages-env": {
		title: "Cloudflare Pages: Bindings and environment variables",
		url: "https://developers.cloudflare.com/pages/functions/bindings/",
	},
	"render-env": {
		title: "Render: Environment variables and secrets",
		url: "https://render.com/docs/configure-environment-variables",
	},
	"render-disks": {
		title: "Render: Persistent disks",
		url: "https://render.com/docs/disks",
	},
	"railway-variables": {
		title: "Railway: Using variables",
		url: "https://docs.railway.com/guides/variables",
	},
	"fly-secrets": {
		title: "Fly.io: Secrets and Fly Apps",
		url: "https://fly.io/docs/apps/secrets/",
	},
	"heroku-config-vars": {
		title: "Heroku Dev Center: Configuration and config vars",
		url: "https://devcenter.heroku.com/articles/config-vars",
	},
	"heroku-dynos-fs": {
		title: "Heroku Dev Center: Dynos (ephemeral filesystem)",
		url: "https://devcenter.heroku.com/articles/dynos#ephemeral-filesystem",
	},
	"do-app-env": {
		title: "DigitalOcean App Platform: Use environment variables",
		url: "https://docs.digitalocean.com/products/app-platform/how-to/use-environment-variables/",
	},
	"do-app-jobs": {
		title: "DigitalOcean App Platform: Manage cron jobs and deployment jobs",
		url: "https://docs.digitalocean.com/products/app-platform/how-to/manage-jobs/",
	},
	"do-app-action": {
		title: "digitalocean/app_action: deploy an app spec from GitHub Actions",
		url: "https://github.com/digitalocean/app_action",
	},
	"do-registry": {
		title: "DigitalOcean App Platform: Deploy from container images",
		url: "https://docs.digitalocean.com/products/app-platform/how-to/deploy-from-container-images/",
	},
	"aca-revisions": {
		title: "Azure Container Apps: Revisions",
		url: "https://learn.microsoft.com/azure/container-apps/revisions",
	},
	"aca-secrets": {
		title: "Azure Container Apps: Manage secrets",
		url: "https://learn.microsoft.com/azure/container-apps/manage-secrets",
	},
	"aca-jobs": {
		title: "Azure Container Apps: Jobs",
		url: "https://learn.microsoft.com/azure/container-apps/jobs",
	},
	"aca-scale": {
		title: "Azure Container Apps: Set scaling rules",
		url: "https://learn.microsoft.com/azure/container-apps/scale-app",
	},
	"aws-ecs-secrets": {
		title: "Amazon ECS: Pass Secrets Manager secrets through environment variables",
		url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html",
	},
	"gcp-run-secrets": {
		title: "Cloud Run: Configure secrets",
		url: "https://cloud.google.com/run/docs/configuring/services/secrets",
	},
	"azure-kv-references": {
		title: "App Service: Use Key Vault references as app settings",
		url: "https://learn.microsoft.com/azure/app-service/app-service-key-vault-references",
	},
	"gcp-run-jobs": {
		title: "Cloud Run: Execute jobs",
		url: "https://cloud.google.com/run/docs/execute/jobs",
	},
	"gcp-run-max-instances": {
		title: "Cloud Run: Set maximum instances for services",
		url: "https://cloud.google.com/run/docs/configuring/max-instances",
	},
	"gcp-run-min-instances": {
		title: "Cloud Run: Set minimum instances for services",
		url: "https://cloud.google.com/run/docs/configuring/min-instances",
	},
	"gcp-run-concurrency": {
		title: "Cloud Run: Set maximum concurrent requests per instance",
		url: "https://cloud.google.com/run/docs/configuring/concurrency",
	},
	"sam-safe-deploy": {
		title: "AWS SAM: Deploying serverless applications gradually (AutoPublishAlias, DeploymentPreference)",
		url: "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/automating-updates-to-serverless-apps.html",
	},
	"ansible-serial": {
		title: "Ansible: Controlling playbook execution (serial, rolling updates)",
		url: "https://docs.ansible.com/ansible/latest/playbook_guide/playbooks_strategies.html",
	},
	"gke-autopilot": {
		title: "GKE Autopilot overview",
		url: "https://cloud.google.com/kubernetes-engine/docs/concepts/autopilot-overview",
	},
	"heroku-pg-backups": {
		title: "Heroku PGBackups (scheduling daily backups with pg:backups:schedule)",
		url: "https://devcenter.heroku.com/articles/heroku-postgres-backups",
	},
	"heroku-preboot": {
		title: "Heroku Dev Center: Preboot",
		url: "https://devcenter.heroku.com/articles/preboot",
	},
	"heroku-pipelines": {
		title: "Heroku Dev Center: Pipelines (promotion)",
		url: "https://devcenter.heroku.com/articles/pipelines",
	},
	"heroku-release-phase": {
		title: "Heroku Dev Center: Release phase",
		url: "https://devcenter.heroku.com/articles/release-phase",
	},
	// Recovery and compliance (issue 15).
	"rec-dynamodb-pitr": {
		title: "Amazon DynamoDB: Restore a table (point-in-time recovery restores to a new table)",
		url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/pointintimerecovery_restores.html",
	},
	"rec-dynamodb-pitr-period": {
		title: "Amazon DynamoDB API: RestoreTableToPointInTime (recovery period 1 to 35 days)",
		url: "https://docs.aws.amazon.com/sdkfornet/v3/apidocs/items/DynamoDBv2/TRestoreTableToPointInTimeRequest.html",
	},
	"rec-dynamodb-global": {
		title: "Amazon DynamoDB global tables: consistency modes and asynchronous replication",
		url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GlobalTables.html",
	},
	"rec-cosmos-continuous": {
		title: "Azure Cosmos DB: Provision an account with continuous backup (restores go to a new account)",
		url: "https://learn.microsoft.com/azure/cosmos-db/provision-account-continuous-backup",
	},
	"rec-cosmos-tiers": {
		title: "Azure Cosmos DB: Continuous backup resource model (Continuous7Days, Continuous30Days)",
		url: "https://learn.microsoft.com/azure/cosmos-db/continuous-backup-restore-resource-model",
	},
	"rec-cosmos-same-account": {
		title: "Azure Cosmos DB: Same-account restore of deleted databases and containers",
		url: "https://learn.microsoft.com/azure/cosmos-db/restore-in-account-continuous-backup-introduction",
	},
	"rec-cosmos-consistency": {
		title: "Azure Cosmos DB: Consistency levels (RPO and RTO for a region outage)",
		url: "https://learn.microsoft.com/azure/cosmos-db/consistency-levels",
	},
	"rec-heroku-pg-plans": {
		title:
			"Heroku Postgres: Choosing the right plan (rollback 4 days on Standard, 1 week on Premium; none on Essential)",
		url: "https://devcenter.heroku.com/articles/heroku-postgres-plans",
	},
	"rec-do-pg-restore": {
		title: "DigitalOcean Managed PostgreSQL: Restore from backups (7 days, into a new cluster)",
		url: "https://docs.digitalocean.com/products/databases/postgresql/how-to/restore-from-backups/",
	},
	"rec-do-pg-standby": {
		title: "DigitalOcean Managed PostgreSQL: Add standby nodes",
		url: "https://docs.digitalocean.com/products/databases/postgresql/how-to/add-standby-nodes/",
	},
	"rec-do-doctl-fork": {
		title: "doctl databases fork (--restore-from-timestamp)",
		url: "https://docs.digitalocean.com/reference/doctl/reference/databases/fork/",
	},
	"rec-cloudsql-pitr-config": {
		title:
			"Cloud SQL: Configure point-in-time recovery (retention 1–7 days Enterprise, 1–35 days Enterprise Plus)",
		url: "https://cloud.google.com/sql/docs/mysql/backup-recovery/configure-pitr",
	},
	"rec-cloudsql-clone": {
		title: "gcloud sql instances clone (--point-in-time)",
		url: "https://cloud.google.com/sdk/gcloud/reference/sql/instances/clone",
	},
	"rec-pgbackrest": {
		title: "pgBackRest configuration reference (target-action)",
		url: "https://pgbackrest.org/configuration.html",
	},
	"rec-sqlpackage-export": {
		title: "SqlPackage Export: a database to a BACPAC file",
		url: "https://learn.microsoft.com/sql/tools/sqlpackage/sqlpackage-export",
	},
	"rec-litestream": { title: "Litestream: streaming replication for SQLite", url: "https://litestream.io/" },
	"rec-sqlite-backup": {
		title: "SQLite command-line shell: .backup",
		url: "https://sqlite.org/cli.html",
	},
	"rec-cloudsql-promote-replica": {
		title: "gcloud sql instances promote-replica",
		url: "https://cloud.google.com/sdk/gcloud/reference/sql/instances/promote-replica",
	},
	"rec-cloudsql-replication": {
		title: "Cloud SQL for MySQL: About replication (promote a replica for disaster recovery)",
		url: "https://cloud.google.com/sql/docs/mysql/replication",
	},
	"rec-cloudsql-advanced-dr": {
		title:
			"Cloud SQL: Use advanced disaster recovery (replica failover and switchover, Enterprise Plus only)",
		url: "https://cloud.google.com/sql/docs/mysql/use-advanced-disaster-recovery",
	},
	"rec-cloudsql-switchover": {
		title: "gcloud sql instances switchover",
		url: "https://cloud.google.com/sdk/gcloud/reference/sql/instances/switchover",
	},
	"rec-azure-sql-fog-cli": {
		title: "Azure CLI: az sql failover-group",
		url: "https://learn.microsoft.com/cli/azure/sql/failover-group",
	},
	"rec-azure-sql-fog-grace": {
		title:
			"Azure PowerShell: Set-AzSqlDatabaseFailoverGroup (grace period with data loss of at least 1 hour)",
		url: "https://learn.microsoft.com/powershell/module/az.sql/set-azsqldatabasefailovergroup",
	},
	"rec-aurora-failover-global": {
		title: "AWS CLI: aws rds failover-global-cluster (failover with --allow-data-loss vs switchover)",
		url: "https://docs.aws.amazon.com/cli/latest/reference/rds/failover-global-cluster.html",
	},
	"rec-cosmos-failover-priority": {
		title: "Azure Cosmos DB: change failover priority or trigger a failover (single write region)",
		url: "https://learn.microsoft.com/azure/cosmos-db/scripts/powershell/common/failover-priority-update",
	},
	"rec-patroni-patronictl": {
		title: "Patroni: patronictl (switchover, failover)",
		url: "https://patroni.readthedocs.io/en/latest/patronictl.html",
	},
	"rec-pgbackrest-multi-repo": {
		title: "pgBackRest User Guide: Multiple Repositories",
		url: "https://pgbackrest.org/user-guide.html#multi-repo",
	},
	"rec-heroku-pg-followers": {
		title: "Heroku Dev Center: Heroku Postgres follower databases",
		url: "https://devcenter.heroku.com/articles/heroku-postgres-follower-databases",
	},
	"rec-dynamodb-global-failover": {
		title: "Amazon DynamoDB: Global tables, how they work (multi-active, asynchronous replication)",
		url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html",
	},
	"rec-hetzner-object-storage": {
		title: "Hetzner Docs: Object Storage overview (locations fsn1, nbg1, hel1)",
		url: "https://docs.hetzner.com/storage/object-storage/overview/",
	},
	"ops-grafana-oncall-archived": {
		title: "Grafana OnCall OSS: archived on 2026-03-24 (maintenance mode from 2025-03-11)",
		url: "https://grafana.com/docs/oncall/latest/set-up/open-source/",
	},
	"ops-opsgenie-eos": {
		title: "Atlassian: End of sales (2025-06-04) and support (2027-04-05) for Opsgenie",
		url: "https://support.atlassian.com/opsgenie/docs/what-happens-when-opsgenie-is-turned-off/",
	},
	"sre-error-budget": {
		title: "Google SRE workbook: Implementing SLOs (error budgets)",
		url: "https://sre.google/workbook/implementing-slos/",
	},
	"rec-etcd-force-new-cluster": {
		title: "etcd: configuration flags (--force-new-cluster) and disaster recovery",
		url: "https://etcd.io/docs/v3.5/op-guide/recovery/",
	},
	"rec-heroku-pg-import": {
		title:
			"Heroku Dev Center: Importing and exporting Heroku Postgres databases (pg:backups:restore from a URL)",
		url: "https://devcenter.heroku.com/articles/heroku-postgres-import-export",
	},
	"rec-cloudsql-create-replica": {
		title: "Cloud SQL for MySQL: Create read replicas (gcloud sql instances create --master-instance-name)",
		url: "https://cloud.google.com/sql/docs/mysql/replication/create-replica",
	},
	"rec-s3-object-lock": {
		title: "Amazon S3 Object Lock",
		url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html",
	},
	"rec-gcs-bucket-lock": {
		title: "Cloud Storage: Bucket Lock (retention policies)",
		url: "https://cloud.google.com/storage/docs/bucket-lock",
	},
	"rec-azure-immutable-blob": {
		title: "Azure Blob Storage: Immutable storage (time-based retention, legal hold)",
		url: "https://learn.microsoft.com/azure/storage/blobs/immutable-storage-overview",
	},
	"cmp-pci-1210": {
		title:
			"PCI DSS v4.0.1 requirement 12.10 (12.10.2: incident response plan reviewed and tested at least once every 12 months)",
		url: "https://ce.prod.cloudaware.com/frameworks/pci-dss-v4.0/12/10",
	},
	"cmp-hipaa-316": {
		title: "HIPAA Security Rule 164.316(b)(2): documentation retained 6 years",
		url: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.316",
	},
	"cmp-gdpr-5": {
		title: "GDPR Article 5: Principles (5(1)(e) storage limitation)",
		url: "https://gdpr-info.eu/art-5-gdpr/",
	},
	"cmp-fca-sysc15a": {
		title: "FCA Handbook SYSC 15A.2: Operational resilience requirements",
		url: "https://www.handbook.fca.org.uk/handbook/SYSC/15A/2.html",
	},
	"cmp-dora-change-approval": {
		title: "DORA capabilities: Streamlining change approval",
		url: "https://dora.dev/capabilities/streamlining-change-approval/",
	},
	"mig-drizzle": {
		title: "Drizzle Kit: drizzle-kit migrate",
		url: "https://orm.drizzle.team/docs/drizzle-kit-migrate",
	},
	"mig-prisma": {
		title: "Prisma: Deploying database changes with Prisma Migrate",
		url: "https://www.prisma.io/docs/orm/prisma-client/deployment/deploy-database-changes-with-prisma-migrate",
	},
	"mig-typeorm": { title: "TypeORM: Migrations", url: "https://typeorm.io/docs/advanced-topics/migrations/" },
	"mig-knex": { title: "Knex.js: Migrations", url: "https://knexjs.org/guide/migrations.html" },
	"mig-sequelize": {
		title: "Sequelize: Migrations",
		url: "https://sequelize.org/docs/v6/other-topics/migrations/",
	},
	"mig-alembic": { title: "Alembic tutorial", url: "https://alembic.sqlalchemy.org/en/latest/tutorial.html" },
	"mig-ef-bundles": {
		title: "EF Core: Applying migrations (bundles)",
		url: "https://learn.microsoft.com/ef/core/managing-schemas/migrations/applying#bundles",
	},
	"mig-flyway": {
		title: "Flyway: Migrate command",
		url: "https://documentation.red-gate.com/fd/migrate-command-277578887.html",
	},
	"mig-liquibase": {
		title: "Liquibase: update command",
		url: "https://docs.liquibase.com/commands/update/update.html",
	},
	"mig-goose": { title: "pressly/goose", url: "https://github.com/pressly/goose" },
	"mig-golang-migrate": {
		title: "golang-migrate CLI",
		url: "https://github.com/golang-migrate/migrate/tree/master/cmd/migrate",
	},
	"mig-rails": {
		title: "Rails Guides: Active Record Migrations",
		url: "https://guides.rubyonrails.org/active_record_migrations.html",
	},
	"mig-django": {
		title: "Django: django-admin migrate",
		url: "https://docs.djangoproject.com/en/stable/ref/django-admin/#migrate",
	},
	"mig-laravel": {
		title: "Laravel: Database migrations (forcing migrations to run in production)",
		url: "https://laravel.com/docs/migrations#running-migrations",
	},
	"mig-ecto": {
		title: "Phoenix: Deploying with releases (migrations)",
		url: "https://hexdocs.pm/phoenix/releases.html",
	},
	"aca-job-execution": {
		title: "Azure CLI: az containerapp job execution",
		url: "https://learn.microsoft.com/cli/azure/containerapp/job/execution",
	},
	"render-predeploy": {
		title: "Render: Deploys (pre-deploy command)",
		url: "https://render.com/docs/deploys#deploy-steps",
	},
	"vercel-function-regions": {
		title: "Vercel: Configuring regions for Vercel Functions",
		url: "https://vercel.com/docs/functions/configuring-functions/region",
	},
	"azure-traffic-routing": {
		title: "Azure CLI: az webapp traffic-routing",
		url: "https://learn.microsoft.com/cli/azure/webapp/traffic-routing",
	},
	"fly-volumes-update": {
		title: "flyctl: fly volumes update",
		url: "https://fly.io/docs/flyctl/volumes-update/",
	},
	"twelve-factor-parity": {
		title: "The Twelve-Factor App: Dev/prod parity",
		url: "https://12factor.net/dev-prod-parity",
	},
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;

/** How sure a fact is: V read in the vendor's own document, S secondary source, M domain knowledge to re-verify. */
export type Confidence = "V" | "S" | "M";

export interface Fact {
	text: string;
	sources: SourceId[];
	confidence: Confidence;
}

export function fact(text: string, sources: SourceId[], confidence: Confidence = "V"): Fact {
	return { text, sources, confidence };
}
