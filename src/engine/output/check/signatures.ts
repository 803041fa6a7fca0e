// How a platform, a cloud or a database shows itself in a section: its name, its CLI, its identity and registry.
// A match in a claim of a project that does not use it is a wrong-stack sentence.

import type { Cloud } from "../../knowledge/platforms";
import type { EngineFamily } from "../../knowledge/stores";

export interface Signature {
	label: string;
	/** Platform ids (or database provider ids) that own this signature. */
	owners: RegExp;
	re: RegExp;
}

export const PLATFORM_SIGNS: Signature[] = [
	{ label: "Heroku", owners: /^heroku/, re: /\bheroku\b/i },
	{
		label: "Fly.io",
		owners: /^fly/,
		re: /\bfly\.io\b|\bflyctl\b|\bfly (deploy|releases|scale|volumes|mpg|machines?|secrets)\b|\bfly\.toml\b/i,
	},
	{
		label: "Render",
		owners: /^render/,
		re: /\bRender (dashboard|Postgres|Blueprint|service|deploy)|\brender\.yaml\b|api\.render\.com/,
	},
	{ label: "Railway", owners: /^railway/, re: /\brailway\b/i },
	{ label: "Vercel", owners: /^vercel$/, re: /\bvercel\b/i },
	{ label: "Netlify", owners: /^netlify$/, re: /\bnetlify\b/i },
	{ label: "Cloudflare", owners: /^cloudflare/, re: /\bwrangler\b|\bCloudflare (Pages|Workers)\b/i },
	{
		label: "Kubernetes",
		owners: /^kubernetes$/,
		re: /\bkubectl\b|\bhelm (upgrade|rollback|install)\b|\bArgo Rollouts\b/,
	},
	{ label: "Amazon ECS", owners: /^ecs$/, re: /\baws ecs\b|\bECS (service|task)\b|\bFargate\b/ },
	{ label: "AWS Lambda", owners: /^lambda$/, re: /\baws lambda\b|\bLambda (alias|function)\b/ },
	{ label: "Cloud Run", owners: /^cloud-run$/, re: /\bgcloud run\b|\bCloud Run\b/ },
	{
		label: "Azure App Service",
		owners: /^app-service$/,
		re: /\baz webapp\b|\bApp Service\b|\bdeployment slots?\b|\bslot swap\b/,
	},
	{
		label: "DigitalOcean",
		owners: /digitalocean|^do(-|$)/,
		re: /\bdoctl\b|\bDigitalOcean\b|\.do\/app\.yaml/,
	},
];

/** A cloud's identity, registry and CLI, never its bare name (a section may say "unlike AWS"). */
export const CLOUD_SIGNS: Record<Exclude<Cloud, "none">, RegExp> = {
	aws: /configure-aws-credentials|\barn:aws:|\brole-to-assume\b|\.dkr\.ecr\.|\baws (ecs|lambda|rds|s3|s3api|dynamodb|iam|sts|cloudformation|deploy|backup)\b/,
	gcp: /google-github-actions\/auth|\bworkload_identity_provider\b|\bgcloud\b|-docker\.pkg\.dev\b|\bgcr\.io\b/,
	azure:
		/\bazure\/login\b|\baz (login|webapp|containerapp|sql|cosmosdb|postgres|stack|deployment|storage)\b|\.azurecr\.io\b|\bAZURE_CLIENT_ID\b/,
};

/** Database services by provider id; "self-managed" has no signature (the words are too common). */
export const DATABASE_SIGNS: Signature[] = [
	{ label: "Amazon RDS", owners: /^rds-/, re: /\bAmazon RDS\b|\baws rds restore-db-instance/ },
	{ label: "Amazon Aurora", owners: /^aurora-/, re: /\bAurora\b/ },
	{ label: "Cloud SQL", owners: /^cloud-sql/, re: /\bCloud SQL\b|\bgcloud sql\b/ },
	{ label: "Azure SQL Database", owners: /^azure-sql$/, re: /\bAzure SQL\b|\baz sql\b/ },
	{
		label: "Azure Database for PostgreSQL",
		owners: /^azure-pg/,
		re: /\bflexible server\b|\baz postgres\b/i,
	},
	{ label: "Neon", owners: /^neon$/, re: /\bNeon\b|\bneon branches\b/ },
	{ label: "Supabase", owners: /^supabase$/, re: /\bSupabase\b/ },
	{
		label: "Heroku Postgres",
		owners: /^heroku-postgres$/,
		re: /\bHeroku Postgres\b|\bpg:promote\b|heroku-postgresql/,
	},
	{ label: "Render Postgres", owners: /^render-postgres$/, re: /\bRender Postgres\b/ },
	{ label: "Railway PostgreSQL", owners: /^railway-postgres$/, re: /\bRailway PostgreSQL\b/ },
	{ label: "Fly Postgres", owners: /^fly-(postgres|mpg)$/, re: /\bFly (Managed )?Postgres\b|\bfly mpg\b/ },
	{ label: "DynamoDB", owners: /^dynamodb$/, re: /\bDynamoDB\b(?! lock)|\baws dynamodb restore/ },
	{ label: "Cosmos DB", owners: /^cosmos/, re: /\bCosmos DB\b|\baz cosmosdb\b/ },
	{
		label: "DigitalOcean Managed PostgreSQL",
		owners: /^do-postgres$/,
		re: /\bDigitalOcean Managed (PostgreSQL|Databases?)\b|\bdoctl databases\b/,
	},
];

/** Tools that exist only for one engine family: a PostgreSQL dump of a SQL Server database is a wrong-stack step. */
export const ENGINE_TOOLS: { family: EngineFamily; label: string; re: RegExp }[] = [
	{
		family: "postgres",
		label: "PostgreSQL tooling",
		re: /\bpg_dump\b|\bpg_restore\b|\bpgBackRest\b|\bWAL-G\b|\bpg_basebackup\b/i,
	},
	{ family: "mysql", label: "MySQL tooling", re: /\bmysqldump\b|\bmysqlpump\b|\bbinlog\b/i },
	{ family: "sqlserver", label: "SQL Server tooling", re: /\bSqlPackage\b|\bBACPAC\b/i },
	{ family: "sqlite", label: "SQLite tooling", re: /\bsqlite3 \S+ \.backup\b|\blitestream\b/i },
];
