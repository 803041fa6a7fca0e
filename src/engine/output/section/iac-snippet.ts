// The IaC example for the chosen tool and cloud: state backend, the database with its backup settings, per-environment inputs.

import type { SectionModel } from "./model";

function retentionDays(m: SectionModel): number {
	return m.compliance.length ? 35 : 14;
}

function hclBackend(m: SectionModel): string {
	const svc = m.ctx.serviceName;
	switch (m.ctx.cloud) {
		case "gcp":
			return `terraform {\n  backend "gcs" {\n    bucket = "${svc}-tfstate"   # object versioning on; one prefix per environment\n    prefix = "envs/production"\n  }\n}`;
		case "azure":
			return `terraform {\n  backend "azurerm" {\n    resource_group_name  = "rg-tfstate"\n    storage_account_name = "${svc.replace(/-/g, "").slice(0, 18)}tfstate"\n    container_name       = "tfstate"\n    key                  = "production.tfstate"\n  }\n}`;
		default:
			return `terraform {\n  backend "s3" {\n    bucket       = "${svc}-tfstate"          # versioning enabled, separate account\n    key          = "envs/production/terraform.tfstate"\n    region       = "us-east-1"\n    use_lockfile = true                          # S3-native locking (Terraform >= 1.10, OpenTofu >= 1.8)\n    encrypt      = true\n  }\n}`;
	}
}

function hclDatabase(m: SectionModel): string {
	const svc = m.ctx.serviceName;
	const days = retentionDays(m);
	switch (m.ctx.cloud) {
		case "aws":
			return `resource "aws_db_instance" "primary" {\n  identifier              = "${svc}-\${var.environment}"\n  engine                  = "postgres"\n  instance_class          = var.db_instance_class\n  multi_az                = var.environment == "production"\n  backup_retention_period = ${days}                 # enables PITR; logs every ~5 min\n  backup_window           = "03:00-04:00"\n  deletion_protection     = true\n  storage_encrypted       = true\n  copy_tags_to_snapshot   = true\n}`;
		case "gcp":
			return `resource "google_sql_database_instance" "primary" {\n  name             = "${svc}-\${var.environment}"\n  database_version = "POSTGRES_16"\n  settings {\n    tier              = var.db_tier\n    availability_type = var.environment == "production" ? "REGIONAL" : "ZONAL"\n    backup_configuration {\n      enabled                        = true\n      point_in_time_recovery_enabled = true   # off by default outside the console\n      transaction_log_retention_days = 7\n      backup_retention_settings { retained_backups = ${days} }\n    }\n  }\n  deletion_protection = true\n}`;
		case "azure":
			return `resource "azurerm_postgresql_flexible_server" "primary" {\n  name                         = "${svc}-\${var.environment}"\n  resource_group_name          = azurerm_resource_group.app.name\n  location                     = var.location\n  version                      = "16"\n  sku_name                     = var.db_sku\n  backup_retention_days        = ${days}\n  geo_redundant_backup_enabled = true   # only settable at creation\n  high_availability { mode = "ZoneRedundant" }\n}`;
		default: {
			const platformResource: Record<string, string> = {
				vercel: `resource "vercel_project" "web" {\n  name      = "${svc}"\n  framework = "nextjs"\n}`,
				heroku: `resource "heroku_app" "api" {\n  name   = "${svc}-\${var.environment}"\n  region = "us"\n}`,
				render: `resource "render_web_service" "api" {\n  name   = "${svc}-\${var.environment}"\n  plan   = var.instance_plan\n  region = "oregon"\n}`,
			};
			const resource =
				platformResource[m.platform.id] ??
				`# ${m.platform.name} services are declared in ${m.platform.configFile?.name ?? "the platform's config file"} (below).`;
			return `${resource}\n\n# Off-site, immutable copy of the nightly database dump.\nresource "aws_s3_bucket" "offsite_backups" {\n  bucket              = "${svc}-offsite-backups"\n  object_lock_enabled = true\n}\n\nresource "aws_s3_bucket_object_lock_configuration" "offsite_backups" {\n  bucket = aws_s3_bucket.offsite_backups.id\n  rule {\n    default_retention {\n      mode = "COMPLIANCE"\n      days = ${days}\n    }\n  }\n}`;
		}
	}
}

function pulumi(m: SectionModel): string {
	const svc = m.ctx.serviceName;
	const days = retentionDays(m);
	const db =
		m.ctx.cloud === "gcp"
			? `new gcp.sql.DatabaseInstance("primary", {\n  databaseVersion: "POSTGRES_16",\n  settings: {\n    tier: config.require("dbTier"),\n    availabilityType: env === "production" ? "REGIONAL" : "ZONAL",\n    backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true },\n  },\n  deletionProtection: true,\n});`
			: m.ctx.cloud === "azure"
				? `new azure.dbforpostgresql.Server("primary", {\n  resourceGroupName: rg.name,\n  version: "16",\n  backup: { backupRetentionDays: ${days}, geoRedundantBackup: "Enabled" },\n  highAvailability: { mode: "ZoneRedundant" },\n});`
				: `new aws.rds.Instance("primary", {\n  engine: "postgres",\n  instanceClass: config.require("dbInstanceClass"),\n  multiAz: env === "production",\n  backupRetentionPeriod: ${days},\n  deletionProtection: true,\n  storageEncrypted: true,\n});`;
	const imp =
		m.ctx.cloud === "gcp"
			? 'import * as gcp from "@pulumi/gcp";'
			: m.ctx.cloud === "azure"
				? 'import * as azure from "@pulumi/azure-native";'
				: 'import * as aws from "@pulumi/aws";';
	return `// index.ts — one stack per environment: pulumi stack select ${svc}/production\nimport * as pulumi from "@pulumi/pulumi";\n${imp}\n\nconst config = new pulumi.Config();\nconst env = pulumi.getStack();\n\nexport const database = ${db}`;
}

function cdk(m: SectionModel): string {
	const days = retentionDays(m);
	return `// lib/data-stack.ts\nimport { Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";\nimport * as ec2 from "aws-cdk-lib/aws-ec2";\nimport * as rds from "aws-cdk-lib/aws-rds";\nimport type { Construct } from "constructs";\n\nexport class DataStack extends Stack {\n  constructor(scope: Construct, id: string, props: StackProps & { vpc: ec2.IVpc; production: boolean }) {\n    super(scope, id, props);\n    new rds.DatabaseInstance(this, "Primary", {\n      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),\n      vpc: props.vpc,\n      multiAz: props.production,\n      backupRetention: Duration.days(${days}),\n      deletionProtection: true,\n      storageEncrypted: true,\n      removalPolicy: RemovalPolicy.SNAPSHOT,\n    });\n  }\n}`;
}

function cloudformation(m: SectionModel): string {
	return `Parameters:\n  Environment: { Type: String, AllowedValues: [staging, production] }\nConditions:\n  IsProduction: !Equals [!Ref Environment, production]\nResources:\n  PrimaryDatabase:\n    Type: AWS::RDS::DBInstance\n    DeletionPolicy: Snapshot\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t4g.medium\n      MultiAZ: !If [IsProduction, true, false]\n      BackupRetentionPeriod: ${retentionDays(m)}\n      DeletionProtection: true\n      StorageEncrypted: true`;
}

function bicep(m: SectionModel): string {
	const svc = m.ctx.serviceName;
	return `// main.bicep — deployed per environment with: az deployment group what-if, then create\nparam environment string\nparam location string = resourceGroup().location\n\nresource db 'Microsoft.DBforPostgreSQL/flexibleServers@2023-06-01-preview' = {\n  name: '${svc}-\${environment}'\n  location: location\n  sku: { name: environment == 'production' ? 'Standard_D4ds_v5' : 'Standard_B2s', tier: environment == 'production' ? 'GeneralPurpose' : 'Burstable' }\n  properties: {\n    version: '16'\n    backup: { backupRetentionDays: ${retentionDays(m)}, geoRedundantBackup: 'Enabled' }\n    highAvailability: { mode: environment == 'production' ? 'ZoneRedundant' : 'Disabled' }\n  }\n}\n\nresource plan 'Microsoft.Web/serverfarms@2023-01-01' = {\n  name: '${svc}-plan-\${environment}'\n  location: location\n  sku: { name: 'S1' }   // Standard or higher: deployment slots\n}`;
}

function crossplane(m: SectionModel): string {
	const svc = m.ctx.serviceName;
	return `apiVersion: platform.example.org/v1alpha1\nkind: PostgresInstance           # a claim against the platform team's Composition\nmetadata:\n  name: ${svc}-production\n  namespace: ${svc}\nspec:\n  parameters:\n    size: medium\n    highAvailability: true\n    backupRetentionDays: ${retentionDays(m)}\n    pointInTimeRecovery: true\n  writeConnectionSecretToRef:\n    name: ${svc}-db`;
}

function sst(m: SectionModel): string {
	const svc = m.ctx.serviceName;
	return `// sst.config.ts\nexport default $config({\n  app(input) {\n    return {\n      name: "${svc}",\n      removal: input?.stage === "production" ? "retain" : "remove",\n      home: "aws",\n    };\n  },\n  async run() {\n    const vpc = new sst.aws.Vpc("Vpc");\n    const db = new sst.aws.Postgres("Database", { vpc });\n    new sst.aws.Function("Api", { handler: "src/api.handler", link: [db], url: true });\n  },\n});`;
}

export function iacExample(m: SectionModel): { lang: string; file: string; body: string } {
	switch (m.iac.id) {
		case "terraform":
		case "opentofu": {
			const enc =
				m.iac.id === "opentofu"
					? `\n\n# OpenTofu: encrypt state client-side before it reaches the backend.\nterraform {\n  encryption {\n    key_provider "pbkdf2" "state" { passphrase = var.state_passphrase }\n    method "aes_gcm" "state" { keys = key_provider.pbkdf2.state }\n    state { method = method.aes_gcm.state }\n  }\n}`
					: "";
			return {
				lang: "hcl",
				file: "infra/envs/production/main.tf",
				body: `${hclBackend(m)}${enc}\n\n${hclDatabase(m)}`,
			};
		}
		case "pulumi":
			return { lang: "typescript", file: "infra/index.ts", body: pulumi(m) };
		case "aws-cdk":
			return { lang: "typescript", file: "infra/lib/data-stack.ts", body: cdk(m) };
		case "cloudformation":
			return { lang: "yaml", file: "infra/data.yaml", body: cloudformation(m) };
		case "bicep":
			return { lang: "bicep", file: "infra/main.bicep", body: bicep(m) };
		case "crossplane":
			return { lang: "yaml", file: "infra/claims/postgres.yaml", body: crossplane(m) };
		case "sst":
			return { lang: "typescript", file: "sst.config.ts", body: sst(m) };
	}
}

/** The folder layout for environments under the chosen tool. */
export function iacLayout(m: SectionModel): string {
	const envs = m.decisions.environments.filter((e) => e !== "development" && e !== "preview");
	const svc = m.ctx.serviceName;
	switch (m.iac.id) {
		case "terraform":
		case "opentofu":
			return [
				"infra/",
				"  modules/",
				"    service/      # the app service, health check, autoscaling",
				"    database/     # primary database, backups, PITR",
				"    monitoring/   # alerts and dashboards from Section 9",
				"  envs/",
				...envs.map((e) => `    ${e}/  main.tf + ${e}.tfvars  (own state key, own account or project)`),
			].join("\n");
		case "pulumi":
			return [
				"infra/",
				"  index.ts",
				"  Pulumi.yaml",
				...envs.map((e) => `  Pulumi.${e}.yaml   # stack ${svc}/${e}`),
			].join("\n");
		case "bicep":
			return [
				"infra/",
				"  main.bicep",
				"  modules/ (app.bicep, db.bicep, monitor.bicep)",
				...envs.map((e) => `  ${e}.bicepparam`),
			].join("\n");
		case "aws-cdk":
			return [
				"infra/",
				"  bin/app.ts        # instantiates one stage per environment",
				"  lib/ (service-stack.ts, data-stack.ts, monitoring-stack.ts)",
				...envs.map((e) => `  cdk.context: ${e} account and region`),
			].join("\n");
		case "sst":
			return ["sst.config.ts", ...envs.map((e) => `  stage "${e}": sst deploy --stage ${e}`)].join("\n");
		default:
			return ["infra/", ...envs.map((e) => `  ${e}/`)].join("\n");
	}
}
