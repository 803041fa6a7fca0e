// The IaC example for the chosen tool and cloud: state backend, the database with its backup settings, per-environment inputs.

import { LOCAL_FILE_ENGINE, usesLocalFileDb } from "../../decisions/rules";
import { vmProfile } from "../../decisions/vm-platform";
import { CLOUDS } from "../../knowledge/clouds";
import { type MigrationTool, migrationTool } from "../../knowledge/migrations";
import type { RowContext } from "../../knowledge/platforms";
import type { SectionModel } from "./model";
import { inventoryExample } from "./vm/ansible";

/** The long-lived environments the stack is deployed to, for a template's allowed values. */
function deployEnvironments(m: SectionModel): string {
	return m.decisions.environments.filter((e) => e !== "development" && e !== "preview").join(", ");
}

/** The backups' retention: the inputs' own when they set one, else 35 days for regulated workloads and 14 otherwise. */
function planRetentionDays(m: SectionModel): number {
	const given = m.ctx.model.dataStores.find((d) => d.role === "primary")?.backups?.retentionDays;
	return given ?? (m.compliance.length ? 35 : 14);
}

/** The retention the example's database resource declares, noted while the example is written (see iacDbRetention). */
let declaredRetention: number | undefined;

/** The database's backup retention as the example writes it (at most `cap` days where the service caps it). */
function retentionDays(m: SectionModel, cap = Number.POSITIVE_INFINITY): number {
	const days = Math.min(planRetentionDays(m), cap);
	declaredRetention = days;
	return days;
}

/**
 * The backup retention, in days, that the IaC example declares on the primary database; undefined when the example
 * declares none (no database resource, or one without a retention setting). 10.6 says where its retention comes from.
 */
export function iacDbRetention(m: SectionModel): number | undefined {
	declaredRetention = undefined;
	iacExample(m);
	const days = declaredRetention;
	declaredRetention = undefined;
	return days;
}

/** The inputs provision a standby for the primary database (a synchronous copy in another zone). */
export function primaryHasStandby(m: SectionModel): boolean {
	return m.ctx.model.dataStores.find((d) => d.role === "primary")?.ha === true;
}

/** Regulated workloads get a customer-managed key for data at rest and for the IaC state. */
function regulated(m: SectionModel): boolean {
	return m.compliance.length > 0;
}

/** The region the data lives in, from the inputs (the state backend stays in the data's jurisdiction). */
export function dataRegion(m: SectionModel): string | undefined {
	const model = m.ctx.model;
	const region =
		model.dataStores.find((d) => d.role === "primary")?.region ??
		model.constraints.residency?.value.regions[0] ??
		model.platform.regions[0];
	// The region's code, without the inputs' gloss ("aws-eu-central-1 (Frankfurt)" → "aws-eu-central-1").
	return region?.replace(/\s*\([^)]*\)\s*$/, "").trim() || undefined;
}

/** What the platform row's commands and config files need from this project. */
export function rowContext(m: SectionModel): RowContext {
	return {
		region: dataRegion(m),
		localFileDb: isLocalFileDb(m),
		migrate: migrationToolOf(m)?.command ?? "./scripts/migrate.sh",
		migrationTool: migrationToolOf(m),
		strategy: m.decisions.strategy,
	};
}

/** The project's migration tool, from the inputs' ORM or framework (none when they name neither). */
export function migrationToolOf(m: SectionModel): MigrationTool | undefined {
	const id = m.ctx.model.migrations?.value;
	return id ? migrationTool(id) : undefined;
}

export function isLocalFileDb(m: SectionModel): boolean {
	return usesLocalFileDb(m.ctx);
}

function isMysql(m: SectionModel): boolean {
	return /\bmysql\b/i.test(m.ctx.database.engine);
}

function hclBackend(m: SectionModel): string {
	const svc = m.ctx.serviceName;
	const region = dataRegion(m);
	const where = region ? `"${region}"` : '"<data-region>"   # the region that holds the data';
	switch (CLOUDS[m.ctx.cloud].stateBackend.terraform) {
		case "gcs":
			return `terraform {\n  backend "gcs" {\n    bucket = "${svc}-tfstate"   # created in ${region ?? "the data's region"}; object versioning on\n    prefix = "envs/production"${regulated(m) ? `\n    kms_encryption_key = "projects/<project>/locations/${region ?? "<data-region>"}/keyRings/tfstate/cryptoKeys/tfstate"` : ""}\n  }\n}`;
		case "azurerm":
			return `terraform {\n  backend "azurerm" {\n    resource_group_name  = "rg-tfstate"   # storage account in ${region ?? "the data's region"}\n    storage_account_name = "${svc.replace(/-/g, "").slice(0, 18)}tfstate"\n    container_name       = "tfstate"\n    key                  = "production.tfstate"\n    use_azuread_auth     = true\n  }\n}`;
		case "s3":
			return `terraform {\n  backend "s3" {\n    bucket       = "${svc}-tfstate"          # versioning enabled, separate account\n    key          = "envs/production/terraform.tfstate"\n    region       = ${where}\n    use_lockfile = true                          # S3-native locking (Terraform >= 1.10, OpenTofu >= 1.8)\n    encrypt      = true${regulated(m) ? `\n    kms_key_id   = "alias/${svc}-tfstate"` : ""}\n  }\n}`;
		default:
			return `terraform {\n  cloud {\n    organization = "your-org"\n    workspaces {\n      name = "${svc}-production"   # one workspace per environment; state locked during runs\n    }\n  }\n}`;
	}
}

function kmsKey(m: SectionModel): string {
	const svc = m.ctx.serviceName;
	switch (m.ctx.cloud) {
		case "aws":
			return `resource "aws_kms_key" "data" {\n  description             = "${svc} data at rest"\n  enable_key_rotation     = true\n  deletion_window_in_days = 30\n}\n\n`;
		case "gcp":
			return `resource "google_kms_key_ring" "data" {\n  name     = "${svc}-data"\n  location = var.region\n}\n\nresource "google_kms_crypto_key" "data" {\n  name            = "${svc}-data"\n  key_ring        = google_kms_key_ring.data.id\n  rotation_period = "7776000s"\n}\n\n`;
		case "azure":
			return `resource "azurerm_key_vault_key" "data" {\n  name         = "${svc}-data"\n  key_vault_id = azurerm_key_vault.app.id\n  key_type     = "RSA"\n  key_size     = 3072\n  key_opts     = ["wrapKey", "unwrapKey"]\n}\n\n`;
		default:
			return "";
	}
}

/** The production database's name where the IaC example names it (`<app>-${var.environment}` in Terraform/OpenTofu). */
export function productionDbName(m: SectionModel): string | undefined {
	return (m.iac.id === "terraform" || m.iac.id === "opentofu") &&
		hclDatabase(m).includes(`"${m.ctx.serviceName}-\${var.environment}"`)
		? `${m.ctx.serviceName}-production`
		: undefined;
}

/** The primary database as the inputs provision it: the provider's own resource type, or none. */
function hclDatabase(m: SectionModel): string {
	const svc = m.ctx.serviceName;
	const kms = regulated(m) ? kmsKey(m) : "";
	// A standby only where the inputs provision one; otherwise the line says what adding it does (10.6 recommends it).
	const ha = primaryHasStandby(m);
	if (isLocalFileDb(m))
		return `# ${LOCAL_FILE_ENGINE}: no database resource. The file lives on the volume${m.platform.configFile ? ` declared in ${m.platform.configFile.name}` : ""}; backups copy that file.`;
	switch (m.db.id) {
		case "aurora-postgres":
			return `${kms}resource "aws_rds_cluster" "primary" {\n  cluster_identifier      = "${svc}-\${var.environment}"\n  engine                  = "aurora-postgresql"\n  backup_retention_period = ${retentionDays(m)}                 # continuous backup: PITR inside the window\n  preferred_backup_window = "03:00-04:00"\n  storage_encrypted       = true${kms ? "\n  kms_key_id              = aws_kms_key.data.arn" : ""}\n  deletion_protection     = true\n  copy_tags_to_snapshot   = true\n}\n\nresource "aws_rds_cluster_instance" "primary" {\n  count              = var.environment == "production" ? 2 : 1   # writer + a reader in another AZ\n  identifier         = "${svc}-\${var.environment}-\${count.index}"\n  cluster_identifier = aws_rds_cluster.primary.id\n  engine             = aws_rds_cluster.primary.engine\n  instance_class     = var.db_instance_class\n}`;
		case "rds-postgres":
			return `${kms}resource "aws_db_instance" "primary" {\n  identifier              = "${svc}-\${var.environment}"\n  engine                  = "${isMysql(m) ? "mysql" : "postgres"}"\n  instance_class          = var.db_instance_class\n  multi_az                = ${ha ? 'var.environment == "production"' : "false   # true adds a standby in another AZ (10.6)"}\n  backup_retention_period = ${retentionDays(m)}                 # enables PITR; logs every ~5 min\n  backup_window           = "03:00-04:00"\n  deletion_protection     = true\n  storage_encrypted       = true${kms ? "\n  kms_key_id              = aws_kms_key.data.arn" : ""}\n  copy_tags_to_snapshot   = true\n}`;
		case "cloud-sql": {
			const pitr = isMysql(m)
				? "binary_log_enabled             = true   # MySQL point-in-time recovery"
				: "point_in_time_recovery_enabled = true   # off by default outside the console";
			return `${kms}resource "google_sql_database_instance" "primary" {\n  name             = "${svc}-\${var.environment}"\n  database_version = "${isMysql(m) ? "MYSQL_8_0" : "POSTGRES_16"}"\n  region           = var.region${kms ? "\n  encryption_key_name = google_kms_crypto_key.data.id" : ""}\n  settings {\n    edition           = "ENTERPRISE"${isMysql(m) ? "" : "   # PostgreSQL 16 defaults to Enterprise Plus, which takes none of the shared or custom tiers"}\n    tier              = var.db_tier\n    availability_type = ${ha ? 'var.environment == "production" ? "REGIONAL" : "ZONAL"' : '"ZONAL"   # REGIONAL adds a standby in another zone (10.6)'}\n    backup_configuration {\n      enabled                        = true\n      ${pitr}\n      transaction_log_retention_days = 7\n      backup_retention_settings {\n        retained_backups = ${retentionDays(m)}\n      }\n    }\n  }\n  deletion_protection = true\n}`;
		}
		case "azure-sql":
			return `${kms}resource "azurerm_mssql_server" "primary" {\n  name                = "${svc}-\${var.environment}"\n  resource_group_name = azurerm_resource_group.app.name\n  location            = var.location\n  version             = "12.0"\n  azuread_administrator {\n    login_username = "sql-admins"\n    object_id      = var.sql_admin_group_id\n  }\n}\n\nresource "azurerm_mssql_database" "app" {\n  name      = "${svc}"\n  server_id = azurerm_mssql_server.primary.id\n  sku_name  = var.db_sku\n  short_term_retention_policy {\n    retention_days = ${retentionDays(m, 35)}   # point-in-time restore window\n  }\n}\n\nresource "azurerm_mssql_failover_group" "app" {\n  name      = "${svc}-fog"\n  server_id = azurerm_mssql_server.primary.id\n  databases = [azurerm_mssql_database.app.id]\n  partner_server {\n    id = azurerm_mssql_server.secondary.id   # in the paired region\n  }\n  read_write_endpoint_failover_policy {\n    mode          = "Automatic"\n    grace_minutes = 60\n  }\n}`;
		case "azure-pg-flexible":
			return `${kms}resource "azurerm_postgresql_flexible_server" "primary" {\n  name                         = "${svc}-\${var.environment}"\n  resource_group_name          = azurerm_resource_group.app.name\n  location                     = var.location\n  version                      = "16"\n  sku_name                     = var.db_sku\n  backup_retention_days        = ${retentionDays(m)}\n  geo_redundant_backup_enabled = true   # only settable at creation${ha ? '\n  high_availability {\n    mode = "ZoneRedundant"\n  }' : '\n  # high_availability { mode = "ZoneRedundant" } adds a standby in another zone (10.6)'}\n}`;
		case "neon":
			return neonProject(m);
		case "supabase":
			return `resource "supabase_project" "app" {\n  organization_id   = var.supabase_organization_id\n  name              = "${svc}-\${var.environment}"\n  database_password = var.database_password\n  region            = var.supabase_region\n}`;
		case "heroku-postgres":
			return `resource "heroku_addon" "database" {\n  app_id = heroku_app.api.id\n  plan   = var.postgres_plan   # the plan the inputs name\n}`;
		case "render-postgres":
			return `resource "render_postgres" "primary" {\n  name    = "${svc}-\${var.environment}"\n  plan    = var.postgres_plan\n  region  = var.render_region\n  version = "16"\n}`;
		default:
			return `# ${m.db.name}: created with the provider's own CLI or console and recorded here as data, not managed by this configuration.`;
	}
}

/** Neon's history window by plan: the default is 1 day on paid plans; the plan's maximum is set here, as a choice. */
const NEON_HISTORY: Record<string, { seconds: number; note: string }> = {
	free: { seconds: 21600, note: "Free plan: 6 hours is both the default and the maximum" },
	launch: { seconds: 604800, note: "Launch plan maximum (7 days); the default is 1 day" },
	scale: { seconds: 2592000, note: "Scale plan maximum (30 days); the default is 1 day" },
};

function neonProject(m: SectionModel): string {
	const primary = m.ctx.model.dataStores.find((d) => d.role === "primary");
	const plan = NEON_HISTORY[(primary?.plan ?? "").toLowerCase().split(/\s/)[0] ?? ""];
	// Neon's own region id inside the inputs' wording ("aws-eu-central-1 (Frankfurt)").
	const id = /\b((?:aws|azure)-[a-z]+(?:-[a-z]+)*-\d)\b/i.exec(primary?.region ?? "")?.[1]?.toLowerCase();
	const region = id ? `"${id}"` : "var.neon_region   # the Neon region id, e.g. aws-eu-central-1";
	const history = plan
		? `${plan.seconds}   # ${plan.note}; history is billed per GB-month`
		: "86400   # the paid plans' default (1 day); Launch allows up to 7 days, Scale up to 30";
	return `resource "neon_project" "app" {\n  name                      = "${m.ctx.serviceName}"\n  region_id                 = ${region}\n  history_retention_seconds = ${history}\n}`;
}

/** The off-site, immutable copy of the nightly database dump, in the project's own cloud. */
function offsiteBucket(m: SectionModel): string {
	const svc = m.ctx.serviceName;
	const days = planRetentionDays(m);
	switch (m.ctx.cloud) {
		case "aws":
			return `\n\n# Off-site, immutable copy of the nightly database dump (S3 Object Lock).\nresource "aws_s3_bucket" "offsite_backups" {\n  bucket              = "${svc}-offsite-backups"\n  object_lock_enabled = true\n}\n\nresource "aws_s3_bucket_object_lock_configuration" "offsite_backups" {\n  bucket = aws_s3_bucket.offsite_backups.id\n  rule {\n    default_retention {\n      mode = "COMPLIANCE"\n      days = ${days}\n    }\n  }\n}`;
		case "gcp":
			return `\n\n# Off-site, immutable copy of the nightly database dump (Bucket Lock).\nresource "google_storage_bucket" "offsite_backups" {\n  name     = "${svc}-offsite-backups"\n  location = var.backup_location\n  retention_policy {\n    retention_period = ${days * 86400}\n    is_locked        = true\n  }\n}`;
		case "azure":
			return `\n\n# Off-site, immutable copy of the nightly database dump (immutable blob storage).\nresource "azurerm_storage_container" "offsite_backups" {\n  name               = "offsite-backups"\n  storage_account_id = azurerm_storage_account.backups.id\n}\n\nresource "azurerm_storage_container_immutability_policy" "offsite_backups" {\n  storage_container_resource_manager_id = azurerm_storage_container.offsite_backups.resource_manager_id\n  immutability_period_in_days           = ${days}\n  locked                                = true\n}`;
		default:
			return "";
	}
}

function hclResources(m: SectionModel): string {
	const platform =
		m.ctx.cloud === "none" && m.platform.iacResource
			? `${m.platform.iacResource(m.ctx.serviceName)}\n\n`
			: "";
	return `${platform}${hclDatabase(m)}${offsiteBucket(m)}`;
}

function pulumi(m: SectionModel): string {
	const svc = m.ctx.serviceName;
	const db =
		m.ctx.cloud === "gcp"
			? `new gcp.sql.DatabaseInstance("primary", {\n  databaseVersion: "POSTGRES_16",\n  settings: {\n    edition: "ENTERPRISE",\n    tier: config.require("dbTier"),\n    availabilityType: env === "production" ? "REGIONAL" : "ZONAL",\n    backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true },\n  },\n  deletionProtection: true,\n});`
			: m.ctx.cloud === "azure"
				? `new azure.dbforpostgresql.Server("primary", {\n  resourceGroupName: rg.name,\n  version: "16",\n  backup: { backupRetentionDays: ${retentionDays(m)}, geoRedundantBackup: "Enabled" },\n  highAvailability: { mode: "ZoneRedundant" },\n});`
				: `new aws.rds.Instance("primary", {\n  engine: "postgres",\n  instanceClass: config.require("dbInstanceClass"),\n  multiAz: env === "production",\n  backupRetentionPeriod: ${retentionDays(m)},\n  deletionProtection: true,\n  storageEncrypted: true,\n});`;
	const imp =
		m.ctx.cloud === "gcp"
			? 'import * as gcp from "@pulumi/gcp";'
			: m.ctx.cloud === "azure"
				? 'import * as azure from "@pulumi/azure-native";'
				: 'import * as aws from "@pulumi/aws";';
	return `// index.ts — one stack per environment: pulumi stack select ${svc}/production\nimport * as pulumi from "@pulumi/pulumi";\n${imp}\n\nconst config = new pulumi.Config();\nconst env = pulumi.getStack();\n\nexport const database = ${db}`;
}

function cdk(m: SectionModel): string {
	return `// lib/data-stack.ts\nimport { Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";\nimport * as ec2 from "aws-cdk-lib/aws-ec2";\nimport * as rds from "aws-cdk-lib/aws-rds";\nimport type { Construct } from "constructs";\n\nexport class DataStack extends Stack {\n  constructor(scope: Construct, id: string, props: StackProps & { vpc: ec2.IVpc; production: boolean }) {\n    super(scope, id, props);\n    new rds.DatabaseInstance(this, "Primary", {\n      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),\n      vpc: props.vpc,\n      multiAz: props.production,\n      backupRetention: Duration.days(${retentionDays(m)}),\n      deletionProtection: true,\n      storageEncrypted: true,\n      removalPolicy: RemovalPolicy.SNAPSHOT,\n    });\n  }\n}`;
}

function cloudformation(m: SectionModel): string {
	return `Parameters:\n  Environment: { Type: String, AllowedValues: [${deployEnvironments(m)}] }\nConditions:\n  IsProduction: !Equals [!Ref Environment, production]\nResources:\n  PrimaryDatabase:\n    Type: AWS::RDS::DBInstance\n    DeletionPolicy: Snapshot\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t4g.medium\n      MultiAZ: ${primaryHasStandby(m) ? "!If [IsProduction, true, false]" : "false   # true adds a standby in another AZ (10.6)"}\n      BackupRetentionPeriod: ${retentionDays(m)}\n      DeletionProtection: true\n      StorageEncrypted: true`;
}

function bicep(m: SectionModel): string {
	const svc = m.ctx.serviceName;
	const db =
		m.db.id === "azure-sql"
			? `param sqlAdminGroupId string\n\nresource sql 'Microsoft.Sql/servers@2023-08-01-preview' = {\n  name: '${svc}-\${environment}'\n  location: location\n  properties: {\n    administrators: { azureADOnlyAuthentication: true, login: 'sql-admins', sid: sqlAdminGroupId, principalType: 'Group' }\n  }\n}\n\nresource sqlDb 'Microsoft.Sql/servers/databases@2023-08-01-preview' = {\n  parent: sql\n  name: '${svc}'\n  location: location\n}\n\nresource sqlPitr 'Microsoft.Sql/servers/databases/backupShortTermRetentionPolicies@2023-08-01-preview' = {\n  parent: sqlDb\n  name: 'default'\n  properties: { retentionDays: ${retentionDays(m, 35)} }\n}`
			: m.db.id === "azure-pg-flexible"
				? `resource db 'Microsoft.DBforPostgreSQL/flexibleServers@2023-06-01-preview' = {\n  name: '${svc}-\${environment}'\n  location: location\n  sku: { name: environment == 'production' ? 'Standard_D4ds_v5' : 'Standard_B2s', tier: environment == 'production' ? 'GeneralPurpose' : 'Burstable' }\n  properties: {\n    version: '16'\n    backup: { backupRetentionDays: ${retentionDays(m)}, geoRedundantBackup: 'Enabled' }\n    highAvailability: { mode: environment == 'production' ? 'ZoneRedundant' : 'Disabled' }\n  }\n}`
				: `// ${m.db.name} is not an Azure resource: it is managed outside this template.`;
	const compute =
		m.platform.id === "app-service"
			? `resource plan 'Microsoft.Web/serverfarms@2023-01-01' = {\n  name: '${svc}-plan-\${environment}'\n  location: location\n  sku: { name: 'S1' }   // Standard or higher: deployment slots\n}`
			: m.platform.id === "container-apps"
				? `resource env 'Microsoft.App/managedEnvironments@2024-03-01' = {\n  name: '${svc}-\${environment}'\n  location: location\n  properties: {}\n}\n\nresource api 'Microsoft.App/containerApps@2024-03-01' = {\n  name: '${svc}'\n  location: location\n  properties: {\n    managedEnvironmentId: env.id\n    configuration: {\n      activeRevisionsMode: 'Multiple'   // revisions side by side for label-weighted releases\n      ingress: { external: true, targetPort: 8080 }\n    }\n  }\n}`
				: "";
	return `// main.bicep — applied per environment as a deployment stack:\n//   az stack group create --name ${svc}-\${environment} --resource-group <rg> --template-file main.bicep --parameters <env>.bicepparam --action-on-unmanage detachAll --deny-settings-mode denyDelete\nparam environment string\nparam location string = resourceGroup().location\n\n${db}${compute ? `\n\n${compute}` : ""}`;
}

function sam(m: SectionModel): string {
	const svc = m.ctx.serviceName;
	return `Transform: AWS::Serverless-2016-10-31\nParameters:\n  Environment:\n    Type: String\n    AllowedValues: [${deployEnvironments(m)}]\nResources:\n  ApiFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      FunctionName: !Sub ${svc}-api-\${Environment}\n      Handler: src/api.handler\n      Runtime: nodejs22.x\n      AutoPublishAlias: live\n      DeploymentPreference:\n        Type: Canary10Percent5Minutes\n        Alarms:\n          - !Ref ApiErrorsAlarm\n  ApiErrorsAlarm:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      Namespace: AWS/Lambda\n      MetricName: Errors\n      Dimensions:\n        - Name: FunctionName\n          Value: !Ref ApiFunction\n      Statistic: Sum\n      Period: 60\n      EvaluationPeriods: 1\n      Threshold: 1\n      ComparisonOperator: GreaterThanOrEqualToThreshold`;
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
				body: `${hclBackend(m)}${enc}\n\n${hclResources(m)}`,
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
		case "sam":
			return { lang: "yaml", file: "template.yaml", body: sam(m) };
		case "ansible":
			return {
				lang: "yaml",
				file: "inventories/production/hosts.yml",
				body: inventoryExample(vmProfile(m.ctx)),
			};
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
		case "sam":
			return [
				"template.yaml",
				"samconfig.toml",
				...envs.map((e) => `  [${e}.deploy.parameters] stack_name = "${svc}-${e}"`),
			].join("\n");
		case "sst":
			return ["sst.config.ts", ...envs.map((e) => `  stage "${e}": sst deploy --stage ${e}`)].join("\n");
		default:
			return ["infra/", ...envs.map((e) => `  ${e}/`)].join("\n");
	}
}
