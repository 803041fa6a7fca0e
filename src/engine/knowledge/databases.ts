// Managed databases: backups, point-in-time recovery, failover and restore semantics, each with its source.

import type { Cloud, PlatformId } from "./platforms";
import { type Fact, fact, type SourceId } from "./sources";

export type DbProviderId =
	| "rds-postgres"
	| "aurora-postgres"
	| "cloud-sql"
	| "azure-sql"
	| "azure-pg-flexible"
	| "neon"
	| "supabase"
	| "railway-postgres"
	| "fly-postgres"
	| "fly-mpg"
	| "heroku-postgres"
	| "render-postgres"
	| "dynamodb"
	| "cosmos-db"
	| "do-postgres"
	| "sqlite"
	| "self-managed";

/** The restore command against the production instance: its name from the IaC, else `$DB_INSTANCE` (a prerequisite). */
export const restoreCommand = (db: Pick<DbFacts, "restore">, instance: string | undefined) =>
	typeof db.restore.command === "string"
		? db.restore.command
		: db.restore.command(instance ?? "$DB_INSTANCE");

export interface DbFacts {
	id: DbProviderId;
	name: string;
	detect: RegExp;
	cloud: Cloud | undefined;
	/**
	 * Scheduled snapshot/dump backups. `notByDefault`: what takes them when the service takes none by itself (said in
	 * 10.6 instead of "the provider's default schedule").
	 */
	snapshot: { everyHours: number; retention: string; notByDefault?: string };
	/** Continuous log archiving, when the service offers it. */
	pitr?: { logIntervalMinutes: number; retention: string; how: string };
	/** Replication that bounds RPO for region or instance loss. */
	replication?: { lagSeconds: number; how: string };
	ha: string;
	failoverSeconds?: number;
	/** `command`: a function of the production instance's name where the project's IaC names it (`<app>-production`). */
	restore: {
		semantics: string;
		command: string | ((db: string) => string);
		createsNewInstance: boolean;
		/** The step that switches the application to the restored copy, where a command does it (not the IaC). */
		switchOver?: string;
	};
	/** Point-in-time recovery is a paid add-on: present only when the inputs say it is enabled. */
	pitrAddOn?: boolean;
	/** A restore that is a copy-on-write branch: seconds, whatever the size. */
	instantRestore?: boolean;
	/** The service keeps copies in several zones itself: losing a zone or an instance loses no data. */
	zoneResilient?: boolean;
	/** Zone redundancy is an account or table option: losing a zone loses nothing only when it is on. */
	zoneOptional?: boolean;
	/** Continuous backup replaces scheduled snapshots on this service. */
	continuousOnly?: boolean;
	/** Point-in-time windows that a plan or edition caps, first match wins; 0 days means the plan has none. */
	pitrByPlan?: { plan: RegExp; days: number }[];
	facts: Fact[];
	caveats: Fact[];
	sources: SourceId[];
}

export const DATABASES: Record<DbProviderId, DbFacts> = {
	"rds-postgres": {
		id: "rds-postgres",
		name: "Amazon RDS for PostgreSQL",
		detect: /\brds\b/i,
		cloud: "aws",
		snapshot: { everyHours: 24, retention: "7–35 days (automated backups)" },
		pitr: {
			logIntervalMinutes: 5,
			retention: "up to 35 days",
			how: "automated backups with transaction logs; LatestRestorableTime is typically within 5 minutes of now",
		},
		replication: { lagSeconds: 0, how: "Multi-AZ synchronous standby (same region)" },
		ha: "Multi-AZ DB instance; failover typically 60–120 seconds",
		failoverSeconds: 120,
		restore: {
			semantics: "a point-in-time restore creates a new DB instance; connection strings must be repointed",
			command: (db) =>
				`aws rds restore-db-instance-to-point-in-time --source-db-instance-identifier ${db} --target-db-instance-identifier ${db}-restore --restore-time $RESTORE_TIME`,
			createsNewInstance: true,
		},
		facts: [
			fact(
				"RDS restores to any second up to LatestRestorableTime, typically within 5 minutes of now; retention is 1–35 days.",
				["aws-rds-pitr"],
			),
			fact("Multi-AZ DB instance failover typically completes in 60–120 seconds.", ["aws-rds-failover"]),
		],
		caveats: [],
		sources: ["aws-rds-pitr", "aws-rds-failover"],
	},
	"aurora-postgres": {
		id: "aurora-postgres",
		name: "Amazon Aurora PostgreSQL",
		detect: /\baurora\b/i,
		cloud: "aws",
		snapshot: { everyHours: 24, retention: "1–35 days (continuous backup)" },
		pitr: {
			logIntervalMinutes: 5,
			retention: "up to 35 days",
			how: "continuous incremental backup to any point in the retention period",
		},
		replication: {
			lagSeconds: 1,
			how: "Aurora Global Database to a secondary region (typically under 1 second of lag)",
		},
		ha: "up to 15 replicas across 3 Availability Zones; Global Database switchover or failover for region loss",
		failoverSeconds: 60,
		restore: {
			semantics: "point-in-time restore creates a new cluster",
			command: (db) =>
				`aws rds restore-db-cluster-to-point-in-time --source-db-cluster-identifier ${db} --db-cluster-identifier ${db}-restore --restore-to-time $RESTORE_TIME`,
			createsNewInstance: true,
		},
		facts: [
			fact("Aurora Global Database replicates to secondary regions with typically under one second of lag.", [
				"aws-aurora-global",
			]),
		],
		caveats: [],
		sources: ["aws-aurora-global", "aws-rds-pitr"],
	},
	"cloud-sql": {
		id: "cloud-sql",
		name: "Cloud SQL for PostgreSQL",
		detect: /\bcloud ?sql\b/i,
		cloud: "gcp",
		snapshot: { everyHours: 24, retention: "7 automated backups by default" },
		pitr: {
			logIntervalMinutes: 5,
			retention: "1–7 days (Enterprise), up to 35 days (Enterprise Plus)",
			how: "write-ahead logs archived to Cloud Storage at least every 5 minutes",
		},
		replication: {
			lagSeconds: 0,
			how: "regional (HA) instance with synchronous standby in a second zone; cross-region read replica for region loss",
		},
		ha: "regional availability: the standby takes over with the same IP and no data loss",
		failoverSeconds: 60,
		restore: {
			semantics: "point-in-time recovery clones to a new instance",
			command: (db) => `gcloud sql instances clone ${db} ${db}-restore --point-in-time $RESTORE_TIME`,
			createsNewInstance: true,
		},
		pitrByPlan: [
			{ plan: /enterprise plus/i, days: 35 },
			{ plan: /enterprise/i, days: 7 },
		],
		facts: [
			fact(
				"With PITR logs in Cloud Storage, logs are uploaded every 5 minutes or less, so RPO is typically ≤ 5 minutes.",
				["gcp-cloudsql-pitr"],
			),
			fact(
				"Point-in-time log retention is 1–7 days on the Enterprise edition and 1–35 days on Enterprise Plus; a point-in-time restore clones into a new instance.",
				["rec-cloudsql-pitr-config", "rec-cloudsql-clone"],
			),
			fact(
				"An HA instance fails over to a standby in another zone with the same IP and no data loss; HA costs roughly twice a standalone instance.",
				["gcp-cloudsql-availability"],
			),
			fact("A cross-region read replica can be promoted for regional disaster recovery.", [
				"gcp-cloudsql-replica",
			]),
		],
		caveats: [
			fact(
				"On the Enterprise edition PITR is on by default only when the instance is created in the console; enable it explicitly in IaC.",
				["gcp-cloudsql-pitr"],
			),
		],
		sources: ["gcp-cloudsql-pitr", "gcp-cloudsql-availability", "gcp-cloudsql-replica"],
	},
	"azure-sql": {
		id: "azure-sql",
		name: "Azure SQL Database",
		detect: /\bazure sql\b|\bsql server\b|\bmssql\b/i,
		cloud: "azure",
		snapshot: { everyHours: 168, retention: "7–35 days; long-term retention up to 10 years" },
		pitr: {
			logIntervalMinutes: 10,
			retention: "7–35 days",
			how: "full backups weekly, differential every 12 hours, log backups every 5–10 minutes",
		},
		replication: { lagSeconds: 5, how: "auto-failover group to a paired region (RPO 5 s)" },
		ha: "zone-redundant configuration; failover groups for region loss (RTO 1 h, RPO 5 s)",
		failoverSeconds: 30,
		restore: {
			semantics: "a restore creates a new database; it cannot overwrite the existing one",
			// The IaC names the server <app>-<environment> in resource group rg-<app>-<environment>, the database <app>.
			command: (server) =>
				server.startsWith("$")
					? 'az sql db restore --resource-group "$RESOURCE_GROUP" --server "$DB_INSTANCE" --name "$DB_NAME" --dest-name "$DB_NAME-restore" --time "$RESTORE_TIME"'
					: `az sql db restore --resource-group rg-${server} --server ${server} --name ${server.replace(/-production$/, "")} --dest-name ${server.replace(/-production$/, "")}-restore --time "$RESTORE_TIME"`,
			createsNewInstance: true,
		},
		facts: [
			fact(
				"Azure SQL takes full backups weekly, differentials every 12 hours and log backups every 5–10 minutes; PITR up to 35 days; LTR up to 10 years.",
				["azure-sql-bc"],
			),
			fact("Auto-failover groups: RTO 1 h, RPO 5 s; geo-restore: RTO 12 h, RPO 1 h.", ["azure-sql-bc"]),
		],
		caveats: [],
		sources: ["azure-sql-bc"],
	},
	"azure-pg-flexible": {
		id: "azure-pg-flexible",
		name: "Azure Database for PostgreSQL flexible server",
		detect: /\bflexible server\b|\bazure (database for )?postgres/i,
		cloud: "azure",
		snapshot: { everyHours: 24, retention: "7–35 days" },
		pitr: {
			logIntervalMinutes: 5,
			retention: "7–35 days",
			how: "automatic backups with point-in-time restore to a new server",
		},
		replication: { lagSeconds: 0, how: "zone-redundant HA standby; geo-redundant backup for region loss" },
		ha: "zone-redundant high availability with a standby in another zone",
		failoverSeconds: 120,
		restore: {
			semantics: "restores go to a new server; geo-restore goes to the paired region",
			command: (server) =>
				server.startsWith("$")
					? 'az postgres flexible-server restore --resource-group "$RESOURCE_GROUP" --name "$DB_INSTANCE-restore" --source-server "$DB_INSTANCE" --restore-time "$RESTORE_TIME"'
					: `az postgres flexible-server restore --resource-group rg-${server} --name ${server}-restore --source-server ${server} --restore-time "$RESTORE_TIME"`,
			createsNewInstance: true,
		},
		facts: [
			fact("Point-in-time restore creates a new server; geo-restore targets the paired region.", [
				"azure-pg-restore",
			]),
		],
		caveats: [
			fact(
				"Geo-redundant backup must be chosen when the server is created; it cannot be added later.",
				["azure-pg-restore"],
				"S",
			),
		],
		sources: ["azure-pg-restore"],
	},
	neon: {
		id: "neon",
		name: "Neon Postgres",
		detect: /\bneon\b/i,
		cloud: undefined,
		snapshot: {
			everyHours: 24,
			retention: "within the history window",
			notByDefault:
				"none scheduled: Neon takes no snapshots by itself; the history window is the recovery point, and snapshot schedules are an option of the paid plans",
		},
		pitr: {
			logIntervalMinutes: 1,
			retention:
				"history window: Free 6 h; Launch and Scale 1 day by default, raised to up to 7 days (Launch) or 30 days (Scale)",
			how: "continuous WAL history; branch from any timestamp in the window",
		},
		ha: "single-region project; compute restarts on failure",
		restore: {
			semantics:
				"the branch is restored in place from its own history and keeps its connection string; the state it replaced is kept as a branch (`--preserve-under-name`)",
			command: "neon branches restore main ^self@$RESTORE_TIME --preserve-under-name main_pre_restore",
			createsNewInstance: false,
			switchOver:
				"Nothing to repoint: the branch keeps its computes and connection string. Check the application against it, and delete `main_pre_restore` once the investigation no longer needs it.",
		},
		instantRestore: true,
		pitrByPlan: [
			{ plan: /free/i, days: 0.25 },
			{ plan: /launch/i, days: 7 },
			{ plan: /scale|business/i, days: 30 },
		],
		facts: [
			fact(
				"Neon's history window defaults to 6 h on Free and 1 day on Launch and Scale; it can be raised to 7 days on Launch and 30 days on Scale, billed per GB-month of history.",
				["neon-history"],
			),
			fact(
				"`neon branches restore` restores a branch to a point in its own history (`^self@<timestamp>`) and, with `--preserve-under-name`, keeps the state it replaced as a separate branch.",
				["neon-cli-branches"],
			),
		],
		caveats: [fact("A point-in-time window longer than 6 hours needs a paid Neon plan.", ["neon-history"])],
		sources: ["neon-history", "neon-rollback", "neon-cli-branches"],
	},
	supabase: {
		id: "supabase",
		name: "Supabase Postgres",
		detect: /\bsupabase\b/i,
		cloud: undefined,
		snapshot: { everyHours: 24, retention: "Pro 7 days, Team 14 days, Enterprise up to 30 days" },
		pitr: {
			logIntervalMinutes: 2,
			retention: "per PITR add-on",
			how: "PITR add-on (Pro plan and up, Small compute or larger): WAL archived every 2 minutes",
		},
		pitrAddOn: true,
		ha: "read replicas; no automatic cross-region failover",
		restore: {
			semantics:
				"a restore makes the project inaccessible while it runs; restore to a new project is available; Storage objects are not in database backups",
			command: "Supabase dashboard → Database → Backups → Point in time → choose time → Restore",
			createsNewInstance: false,
		},
		facts: [
			fact(
				"With PITR, WAL is archived every 2 minutes, so worst-case RPO is 2 minutes; daily backups alone allow up to 24 hours of loss.",
				["supabase-backups"],
			),
			fact(
				"Restore downtime grows with database size; Storage objects are not included in database backups.",
				["supabase-backups"],
			),
		],
		caveats: [
			fact(
				"The Free plan has no downloadable scheduled backups; it needs `supabase db dump` to off-site storage, and PITR needs Pro or higher.",
				["supabase-backups"],
			),
		],
		sources: ["supabase-backups"],
	},
	"railway-postgres": {
		id: "railway-postgres",
		name: "Railway PostgreSQL (volume-backed)",
		detect: /\brailway\b.*\bpostgres|\bpostgres\b.*\brailway\b/i,
		cloud: undefined,
		snapshot: { everyHours: 24, retention: "daily kept 6 days, weekly kept 1 month, monthly kept 3 months" },
		ha: "single instance on a volume; an HA Postgres template exists",
		restore: {
			semantics: "restoring a backup stages a new volume and removes backups newer than the restored one",
			command: "Railway dashboard → Postgres service → Backups → choose backup → Restore",
			createsNewInstance: false,
		},
		facts: [
			fact(
				"Volume backups run daily (kept 6 days), weekly (1 month) and monthly (3 months), plus manual backups.",
				["railway-backups"],
			),
		],
		caveats: [
			fact(
				"Volume backups alone bound RPO at the backup interval (up to 24 hours); tighter RPO needs WAL archiving to object storage.",
				["railway-backups"],
			),
		],
		sources: ["railway-backups", "railway-volumes"],
	},
	"fly-postgres": {
		id: "fly-postgres",
		name: "Fly Postgres (unmanaged)",
		detect: /\bfly postgres\b/i,
		cloud: undefined,
		snapshot: { everyHours: 24, retention: "5 days by default, configurable 1–60" },
		ha: "you operate replicas and failover yourself",
		restore: {
			semantics: "a snapshot restores into a new volume",
			command:
				"fly volumes snapshots list $VOLUME_ID && fly volumes create pg_data --snapshot-id $SNAPSHOT_ID",
			createsNewInstance: true,
		},
		facts: [
			fact("Volume snapshots are taken daily and kept 5 days by default (1–60 configurable).", [
				"fly-snapshots",
			]),
		],
		caveats: [
			fact("Fly Postgres is not managed: failover and disaster recovery are the operator's responsibility.", [
				"fly-pg-unmanaged",
			]),
		],
		sources: ["fly-snapshots", "fly-pg-unmanaged"],
	},
	"fly-mpg": {
		id: "fly-mpg",
		name: "Fly Managed Postgres",
		detect: /\b(fly mpg|managed postgres.*fly|fly.*managed postgres)\b/i,
		cloud: undefined,
		snapshot: { everyHours: 24, retention: "plan-dependent" },
		pitr: {
			logIntervalMinutes: 5,
			retention: "plan-dependent",
			how: "`fly mpg restore` from a backup or a point in time into a new cluster",
		},
		ha: "managed cluster",
		restore: {
			semantics: "restores into a new cluster; the source cluster is unchanged",
			command: "fly mpg restore $CLUSTER_ID --point-in-time $RESTORE_TIME",
			createsNewInstance: true,
		},
		facts: [
			fact("`fly mpg restore` restores from a backup or a point in time into a new cluster.", ["fly-mpg"]),
		],
		caveats: [],
		sources: ["fly-mpg"],
	},
	"heroku-postgres": {
		id: "heroku-postgres",
		name: "Heroku Postgres",
		detect: /\bheroku postgres\b/i,
		cloud: undefined,
		snapshot: {
			everyHours: 24,
			retention: "plan-dependent",
			notByDefault:
				"daily, from the `heroku pg:backups:schedule` that 10.3's setup adds (Heroku Postgres takes no scheduled logical backups by itself)",
		},
		pitr: {
			logIntervalMinutes: 1,
			retention:
				"rollback window: 4 days on Standard, 1 week on Premium, Private and Shield; none on Essential",
			how: "Heroku Postgres Rollback: a new database at a past point in time (WAL stored off-premise every 60 seconds)",
		},
		ha: "a standby with automatic failover on Premium, Private and Shield plans only",
		pitrByPlan: [
			{ plan: /essential|mini|basic|hobby/i, days: 0 },
			{ plan: /standard/i, days: 4 },
			{ plan: /premium|private|shield/i, days: 7 },
		],
		restore: {
			semantics:
				"Rollback creates a new database at that point (attached as RESTORED), promoted once verified",
			command:
				'heroku addons:create heroku-postgresql:standard-0 --app $APP --as RESTORED -- --rollback DATABASE_URL --to "$RESTORE_TIME" && heroku pg:wait --app $APP',
			createsNewInstance: true,
			switchOver:
				"Put the app in maintenance (`heroku maintenance:on --app $APP`) and stop the workers, then promote the restored database: `heroku pg:promote RESTORED --app $APP` (DATABASE_URL then points at it and the dynos restart); keep the old database attached for investigation for 7 days, then bring the IaC state in line with the new add-on.",
		},
		facts: [
			fact("Heroku Postgres Rollback creates a new database at a past point in time.", [
				"heroku-pg-rollback",
			]),
			fact(
				"Rollback reaches back 4 days on Standard and 1 week on Premium, Private and Shield; Essential has no rollback, fork or follower; only Premium and above have HA.",
				["rec-heroku-pg-plans"],
			),
		],
		caveats: [],
		sources: ["heroku-pg-rollback"],
	},
	"render-postgres": {
		id: "render-postgres",
		name: "Render Postgres",
		detect: /\brender\b.*\bpostgres|\bpostgres\b.*\brender\b/i,
		cloud: undefined,
		snapshot: { everyHours: 24, retention: "logical exports on demand" },
		pitr: {
			logIntervalMinutes: 5,
			retention: "plan-dependent recovery window",
			how: "point-in-time recovery on paid instances, restored into a new database",
		},
		ha: "high-availability standby on Pro plans and above",
		restore: {
			semantics:
				"point-in-time recovery creates a new database instance; the service's DATABASE_URL must be repointed",
			command: "Render dashboard → Postgres → Recovery → choose time → Restore to new database",
			createsNewInstance: true,
		},
		facts: [
			fact(
				"Paid Render Postgres instances offer point-in-time recovery into a new database.",
				["render-postgres-recovery"],
				"M",
			),
		],
		caveats: [
			fact(
				"Free Render Postgres instances have no point-in-time recovery.",
				["render-postgres-recovery"],
				"M",
			),
		],
		sources: ["render-postgres-recovery"],
	},
	"self-managed": {
		id: "self-managed",
		name: "self-managed PostgreSQL",
		detect: /\bself[- ]?(hosted|managed)\b/i,
		cloud: undefined,
		snapshot: { everyHours: 24, retention: "30 days (pg_dump to object storage)" },
		pitr: {
			logIntervalMinutes: 5,
			retention: "14 days",
			how: "base backups plus WAL archiving with pgBackRest or WAL-G (archive_timeout 300 s)",
		},
		ha: "streaming replica promoted by hand or by Patroni",
		restore: {
			semantics: "restore a base backup and replay WAL to the target time on a new server",
			command: 'pgbackrest --stanza=app --type=time --target="$RESTORE_TIME" --target-action=promote restore',
			createsNewInstance: true,
		},
		facts: [
			fact(
				"Logical corruption is recovered with point-in-time recovery, not replication, which copies the corruption.",
				["neon-rollback"],
				"S",
			),
		],
		caveats: [],
		sources: ["neon-rollback", "rec-pgbackrest"],
	},
	dynamodb: {
		id: "dynamodb",
		name: "Amazon DynamoDB",
		detect: /\bdynamo ?db\b/i,
		cloud: "aws",
		snapshot: { everyHours: 24, retention: "on-demand or AWS Backup plan backups, kept until deleted" },
		pitr: {
			logIntervalMinutes: 1,
			retention: "a recovery period of 1 to 35 days",
			how: "point-in-time recovery to any second in the recovery period, into a new table",
		},
		ha: "replicated across three Availability Zones by the service",
		zoneResilient: true,
		restore: {
			semantics:
				"a point-in-time restore creates a new table; auto scaling, IAM policies, alarms, tags, streams, TTL and PITR itself are set again on it",
			command:
				"aws dynamodb restore-table-to-point-in-time --source-table-name $TABLE --target-table-name $TABLE-restore --restore-date-time $RESTORE_TIME",
			createsNewInstance: true,
		},
		facts: [
			fact(
				"DynamoDB point-in-time recovery restores to any second of the recovery period (1 to 35 days) into a new table; auto scaling, IAM policies, alarms, tags, streams and TTL must be set again.",
				["rec-dynamodb-pitr", "rec-dynamodb-pitr-period"],
			),
			fact(
				"Global tables in the default multi-Region eventual consistency mode replicate asynchronously, so a Region outage can lose the writes not yet replicated.",
				["rec-dynamodb-global"],
			),
		],
		caveats: [],
		sources: ["rec-dynamodb-pitr", "rec-dynamodb-pitr-period", "rec-dynamodb-global"],
	},
	"cosmos-db": {
		id: "cosmos-db",
		name: "Azure Cosmos DB",
		detect: /\bcosmos ?db\b/i,
		cloud: "azure",
		snapshot: { everyHours: 4, retention: "periodic mode: two backups by default" },
		pitr: {
			logIntervalMinutes: 1,
			retention: "continuous backup: 7 days (Continuous7Days) or 30 days (Continuous30Days)",
			how: "continuous backup: restore to any second of the tier's window into a new account",
		},
		ha: "four replicas per region; zone redundancy where the account enables it",
		zoneResilient: true,
		zoneOptional: true,
		continuousOnly: true,
		restore: {
			semantics:
				"a point-in-time restore creates a new account; only deleted databases or containers can be restored into the same account",
			command:
				"az cosmosdb restore --account-name $ACCOUNT --target-database-account-name $ACCOUNT-restore --restore-timestamp $RESTORE_TIME --resource-group $RG --location $REGION",
			createsNewInstance: true,
		},
		pitrByPlan: [
			{ plan: /7 ?days/i, days: 7 },
			{ plan: /30 ?days|continuous/i, days: 30 },
		],
		facts: [
			fact(
				"Continuous backup restores to a new account; the tier is Continuous7Days or Continuous30Days (30 days when none is given).",
				["rec-cosmos-continuous", "rec-cosmos-tiers"],
			),
			fact("A deleted database or container can be restored into the same account.", [
				"rec-cosmos-same-account",
			]),
			fact(
				"With one write region and Session or weaker consistency, a region outage loses under 15 minutes of writes, and service-managed failover makes the database available again in under 15 minutes.",
				["rec-cosmos-consistency"],
			),
		],
		caveats: [],
		sources: [
			"rec-cosmos-continuous",
			"rec-cosmos-tiers",
			"rec-cosmos-same-account",
			"rec-cosmos-consistency",
		],
	},
	sqlite: {
		id: "sqlite",
		name: "SQLite on a volume",
		detect: /\bsqlite\b/i,
		cloud: undefined,
		snapshot: { everyHours: 24, retention: "volume snapshots as the platform keeps them" },
		ha: "a single file on one volume: no standby",
		restore: {
			semantics:
				"Litestream restores the database file from its object-storage replica to a point in time; the app is stopped while the file is replaced",
			command: 'litestream restore -timestamp "$RESTORE_TIME" -o /data/app.db.restored s3://$BUCKET/app.db',
			createsNewInstance: false,
		},
		facts: [
			fact(
				"Litestream streams the SQLite write-ahead log to object storage and restores the file to a point in time.",
				["rec-litestream"],
			),
			fact('`sqlite3 app.db ".backup backup.db"` takes a consistent copy of a live database.', [
				"rec-sqlite-backup",
			]),
		],
		caveats: [],
		sources: ["rec-litestream", "rec-sqlite-backup"],
	},
	"do-postgres": {
		id: "do-postgres",
		name: "DigitalOcean Managed PostgreSQL",
		detect: /\bdigitalocean\b.*\b(postgres|database)|\bmanaged postgres(ql)?\b.*\bdigitalocean\b/i,
		cloud: undefined,
		snapshot: { everyHours: 24, retention: "7 days" },
		pitr: {
			logIntervalMinutes: 5,
			retention: "7 days",
			how: "restore from a backup or a point in time of the last 7 days into a new database cluster",
		},
		ha: "standby nodes (up to two, on plans with 2 GB of RAM or more) take over automatically",
		restore: {
			semantics:
				"a restore creates a new database cluster; the application's connection string must be repointed",
			command:
				'doctl databases fork $CLUSTER-restore --restore-from-cluster-id $CLUSTER_ID --restore-from-timestamp "$RESTORE_TIME"',
			createsNewInstance: true,
		},
		facts: [
			fact("Backups cover the last 7 days and restore into a new database cluster.", ["rec-do-pg-restore"]),
			fact("`doctl databases fork` creates a new cluster from an existing cluster's backup at a timestamp.", [
				"rec-do-doctl-fork",
			]),
			fact(
				"Standby nodes are promoted automatically when the primary fails; they need a plan with at least 2 GB of RAM.",
				["rec-do-pg-standby"],
			),
		],
		caveats: [],
		sources: ["rec-do-pg-restore", "rec-do-pg-standby", "rec-do-doctl-fork"],
	},
};

/**
 * The provider's facts for the store's engine: a provider that serves several engines (Cloud SQL, RDS, Aurora) is
 * named and described for the one the project runs, never for another ("Cloud SQL for MySQL", not "for PostgreSQL").
 */
export function withEngine(db: DbFacts, engine: string): DbFacts {
	if (!/\bmysql\b|\bmariadb\b/i.test(engine)) return db;
	switch (db.id) {
		case "cloud-sql":
			return {
				...db,
				name: "Cloud SQL for MySQL",
				pitr: {
					logIntervalMinutes: 5,
					retention: "1–7 days (Enterprise), up to 35 days (Enterprise Plus)",
					how: "binary logs kept for point-in-time recovery",
				},
				facts: [
					fact(
						"Point-in-time recovery replays binary logs; log retention is 1–7 days on the Enterprise edition and 1–35 days on Enterprise Plus, and a point-in-time restore clones into a new instance.",
						["rec-cloudsql-pitr-config", "rec-cloudsql-clone"],
					),
					fact(
						"An HA instance fails over to a standby in another zone with the same IP and no data loss; HA costs roughly twice a standalone instance.",
						["gcp-cloudsql-availability"],
					),
					fact(
						"A cross-region read replica is promoted with `gcloud sql instances promote-replica` for regional disaster recovery; the promoted instance is stand-alone and the old primary does not follow it.",
						["rec-cloudsql-promote-replica", "rec-cloudsql-replication"],
					),
					fact(
						"Replica failover and switchover (advanced disaster recovery) exist only on Cloud SQL Enterprise Plus.",
						["rec-cloudsql-advanced-dr"],
					),
				],
				caveats: [],
				sources: ["rec-cloudsql-pitr-config", "gcp-cloudsql-availability", "rec-cloudsql-replication"],
			};
		case "rds-postgres":
			return { ...db, name: "Amazon RDS for MySQL" };
		case "aurora-postgres":
			return { ...db, name: "Amazon Aurora MySQL" };
		default:
			return db;
	}
}

const DETECT_ORDER: DbProviderId[] = [
	"dynamodb",
	"cosmos-db",
	"do-postgres",
	"aurora-postgres",
	"rds-postgres",
	"cloud-sql",
	"azure-sql",
	"azure-pg-flexible",
	"neon",
	"supabase",
	"fly-mpg",
	"fly-postgres",
	"heroku-postgres",
	"render-postgres",
	"railway-postgres",
	"self-managed",
];

export function detectDatabase(text: string | undefined): DbProviderId | undefined {
	if (!text) return undefined;
	return DETECT_ORDER.find((id) => DATABASES[id].detect.test(text));
}

/** The managed database a platform or cloud usually pairs with, when the inputs name only "PostgreSQL". */
export function defaultDatabaseFor(platform: PlatformId | undefined, cloud: Cloud): DbProviderId {
	switch (platform) {
		case "railway":
			return "railway-postgres";
		case "heroku":
			return "heroku-postgres";
		case "fly":
			return "fly-mpg";
		case "vercel":
			return "neon";
		case "render":
			return "render-postgres";
		default:
			break;
	}
	if (cloud === "aws") return "rds-postgres";
	if (cloud === "gcp") return "cloud-sql";
	if (cloud === "azure") return "azure-pg-flexible";
	return "self-managed";
}

/** Worst-case data loss in minutes with the mechanisms the provider offers, for logical errors and for instance loss. */
export function achievableRpoMinutes(db: DbFacts): { logical: number; instanceLoss: number } {
	const logical = db.pitr ? db.pitr.logIntervalMinutes : db.snapshot.everyHours * 60;
	const instanceLoss = db.replication ? Math.max(db.replication.lagSeconds / 60, 0) : logical;
	return { logical, instanceLoss };
}
