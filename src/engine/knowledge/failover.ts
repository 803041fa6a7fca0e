// Failover and failback for a region (or site) loss, per platform, from the mechanism the inputs provide: every step
// names a command the stack can run on its edition, with the source; no step the stack cannot perform.

import type { DbFacts } from "./databases";
import type { SourceId } from "./sources";
import type { StoreLike } from "./stores";

export interface RegionPlan {
	failover: string[];
	failback: string[];
	/** Limits of the mechanism the on-call engineer must know (edition, quorum, data loss). */
	limits: string[];
	/** What to add, with its cost, when the mechanism has a gap. */
	recommend?: string;
	sources: SourceId[];
}

export interface RegionInputs {
	store: StoreLike;
	db: DbFacts;
	/** The original region or site. */
	home?: string;
	/** The recovery region or site, when the inputs name one. */
	target?: string;
	/** The application name, for platform CLIs. */
	app: string;
}

/** A name from the inputs as a CLI argument, or the placeholder when it is not a plain identifier. */
const arg = (name: string | undefined, placeholder: string) =>
	name && /^[A-Za-z0-9][\w.-]{0,62}$/.test(name) ? name : placeholder;

/** Azure CLI region names: "West Europe" → westeurope. */
const azureRegion = (label: string | undefined, placeholder: string) =>
	label ? arg(label.replace(/\s+/g, "").toLowerCase(), placeholder) : placeholder;

const DECLARE = "Declare the disaster in the incident channel; freeze all deploys.";

/** The step that tells users; the section rewrites it for teams without a status page. */
export const STATUS_PAGE_STEP = "Post the status page update";

function appSteps(where: string, db: string): string[] {
	return [
		`Apply the IaC for ${where}, pointing the application at ${db}.`,
		"Deploy the last known-good artifact (the SHA in the deployment record).",
		"Run the smoke tests against the recovery endpoint and check row counts of the key tables.",
		`Move DNS (TTL 60 s) to ${where}; watch error rate and latency.`,
		`${STATUS_PAGE_STEP}; record the actual RTO and RPO.`,
	];
}

function crossReplica(store: StoreLike) {
	return store.replicas.find((r) => r.kind !== "standby" && (!store.region || r.region !== store.region));
}

/** Members of the DCS in the home site: a majority there means losing the site loses the quorum. */
export function dcsQuorumAt(
	dcs: string | undefined,
	home: string | undefined,
): { at: number; of: number } | undefined {
	if (!dcs || !home) return undefined;
	const members = dcs.match(/\b[a-z][\w]*-[a-z]+\d*-\d+\b|\b[a-z]+-[a-z]{3}\d?\b/gi) ?? [];
	if (members.length < 2) return undefined;
	const site = home.replace(/\d+$/, "").toLowerCase();
	return { at: members.filter((m) => m.toLowerCase().includes(`-${site}`)).length, of: members.length };
}

export function regionPlan(inp: RegionInputs): RegionPlan {
	const { store, db } = inp;
	const cross = crossReplica(store);
	const target = cross?.region ?? inp.target ?? "the recovery region";
	const home = store.region ?? inp.home ?? "the original region";
	if (cross) {
		switch (db.id) {
			case "cloud-sql":
				return cloudSql(inp, cross.name, target, home);
			case "azure-sql":
				return azureSql(target);
			case "aurora-postgres":
				return aurora(target);
			case "dynamodb":
				return dynamo(target);
			case "cosmos-db":
				return cosmos(target, home);
			default:
				if (/patroni/i.test(store.providerLabel ?? "")) return patroni(inp, cross.name, target, home);
				return {
					failover: [
						DECLARE,
						`Promote the replica in ${target} to primary.`,
						...appSteps(target, "the promoted database"),
					],
					failback: [
						"Rebuild the primary region from IaC; do not reuse instances of unknown state.",
						"Create a replica of the now-primary database in the original region and wait until it has caught up.",
						"In a maintenance window stop writes, promote it back, and switch DNS.",
						`Verify, then re-create the replica in ${target}.`,
					],
					limits: [],
					sources: db.sources,
				};
		}
	}
	return restoreElsewhere(inp, target);
}

function cloudSql(inp: RegionInputs, name: string | undefined, target: string, home: string): RegionPlan {
	const replica = arg(name, "$DR_REPLICA");
	if (/enterprise plus/i.test(inp.store.plan ?? ""))
		return {
			failover: [
				DECLARE,
				`Fail over to the DR replica in ${target}: \`gcloud sql instances promote-replica ${replica} --failover\` (replica failover; the old primary rejoins as a replica of it when its region returns).`,
				...appSteps(target, "the promoted instance"),
			],
			failback: [
				`Wait until the original primary is back as a replica of ${replica} and has caught up.`,
				`In a maintenance window reverse the roles with no data loss: \`gcloud sql instances switchover $ORIGINAL_PRIMARY\`.`,
				"Verify, move DNS back and record the exercise as a drill.",
			],
			limits: [
				"Replica failover and switchover need a designated DR replica and point-in-time recovery on the primary.",
			],
			sources: ["rec-cloudsql-advanced-dr", "rec-cloudsql-promote-replica", "rec-cloudsql-switchover"],
		};
	return {
		failover: [
			DECLARE,
			`Promote the cross-region read replica: \`gcloud sql instances promote-replica ${replica}\`. It becomes a stand-alone primary; the old primary will not follow it.`,
			"Turn on high availability, automated backups and point-in-time recovery for the promoted instance in the IaC and apply it (a read replica runs without them).",
			...appSteps(target, "the promoted instance"),
		],
		failback: [
			`Rebuild ${home} from IaC; the old primary is not reused (it no longer replicates).`,
			`Create a new replica of ${replica} in ${home}: \`gcloud sql instances create $NEW_PRIMARY --master-instance-name=${replica} --region=${arg(inp.store.region, "$ORIGINAL_REGION")}\`, and wait until it has caught up.`,
			"In a maintenance window stop writes and promote it: `gcloud sql instances promote-replica $NEW_PRIMARY`; turn on HA and backups, repoint the application and switch DNS.",
			`Create a new cross-region replica in ${target}, so a region loss is covered again.`,
		],
		limits: [
			`Switchover and replica failover (advanced disaster recovery) exist only on Cloud SQL Enterprise Plus; on ${inp.store.plan ?? "this edition"} a failback is a new replica plus a promotion, with a short stop of writes.`,
		],
		sources: [
			"rec-cloudsql-promote-replica",
			"rec-cloudsql-replication",
			"rec-cloudsql-create-replica",
			"rec-cloudsql-advanced-dr",
		],
	};
}

function azureSql(target: string): RegionPlan {
	return {
		failover: [
			DECLARE,
			`With the automatic (Microsoft-managed) policy the failover group fails over only after its grace period, which is at least 1 hour. To fail over now, force it from the secondary server in ${target}: \`az sql failover-group set-primary --name $FAILOVER_GROUP --resource-group $RG --server $SECONDARY_SERVER --allow-data-loss\`.`,
			"The application connects through the group's read-write listener (`<failover-group>.database.windows.net`), so no connection string changes; confirm it resolves to the new primary.",
			...appSteps(target, "the read-write listener"),
		],
		failback: [
			"When the original region returns, its databases rejoin the group as secondaries and re-synchronise.",
			"In a maintenance window fail back without data loss (a planned failover waits for full synchronisation): `az sql failover-group set-primary --name $FAILOVER_GROUP --resource-group $RG --server $PRIMARY_SERVER`.",
			"Verify, move the application's DNS back and record the exercise as a drill.",
		],
		limits: [
			"A forced failover (`--allow-data-loss`) loses the writes not yet replicated (the group's RPO is about 5 seconds).",
		],
		sources: ["rec-azure-sql-fog-cli", "rec-azure-sql-fog-grace", "azure-sql-bc"],
	};
}

function aurora(target: string): RegionPlan {
	return {
		failover: [
			DECLARE,
			`Fail the global database over to the secondary cluster in ${target}: \`aws rds failover-global-cluster --global-cluster-identifier $GLOBAL_CLUSTER --target-db-cluster-identifier $SECONDARY_CLUSTER_ARN --allow-data-loss\` (writes not yet replicated are lost).`,
			...appSteps(target, "the promoted cluster's writer endpoint"),
		],
		failback: [
			"When the old primary region returns, its cluster rejoins the global database as a secondary; wait until it has caught up.",
			"In a maintenance window switch back with no data loss (a switchover, not a failover): `aws rds switchover-global-cluster --global-cluster-identifier $GLOBAL_CLUSTER --target-db-cluster-identifier $ORIGINAL_CLUSTER_ARN`.",
			"Verify, move DNS back and record the exercise as a drill.",
		],
		limits: [
			"`--allow-data-loss` is for an outage only; a planned move uses the switchover, which loses nothing.",
		],
		sources: ["rec-aurora-failover-global", "aws-aurora-global"],
	};
}

function dynamo(target: string): RegionPlan {
	return {
		failover: [
			DECLARE,
			`Every replica of a global table accepts writes, so there is nothing to promote: deploy the application in ${target} from IaC (only the table is replicated; compute, queues and buckets there come from the IaC) and point its DynamoDB client at ${target}.`,
			"Route all traffic away from the failed Region so writes do not land on both sides of the outage.",
			"Read the table's `ReplicationLatency` for the minutes before the outage: it bounds the writes that did not reach the replica.",
			"Run the smoke tests against the recovery endpoint.",
			`Move DNS (TTL 60 s) to ${target}; watch error rate and latency.`,
			`${STATUS_PAGE_STEP}; record the actual RTO and RPO.`,
		],
		failback: [
			"When the Region returns, DynamoDB brings its replica up to date by itself; wait until `ReplicationLatency` is back to normal.",
			"Move traffic back in a quiet window; concurrent writes to the same item resolve last writer wins.",
			"Verify and record the exercise as a drill.",
		],
		limits: [
			"Replication is asynchronous: a Region outage can lose the writes not yet replicated, so the RPO is not 0.",
		],
		sources: ["rec-dynamodb-global", "rec-dynamodb-global-failover"],
	};
}

function cosmos(target: string, home: string): RegionPlan {
	const to = azureRegion(target, "$SECONDARY_REGION");
	const from = azureRegion(home, "$PRIMARY_REGION");
	return {
		failover: [
			DECLARE,
			`With service-managed failover on, Cosmos DB moves the write region to ${target} by itself; confirm it in the account's regions. Without it, change the write region by hand: \`az cosmosdb failover-priority-change --name $ACCOUNT --resource-group $RG --failover-policies ${to}=0 ${from}=1\`.`,
			"The SDK's preferred regions follow the write region; confirm the application writes again.",
			...appSteps(target, "the account (unchanged endpoint)"),
		],
		failback: [
			`When ${home} returns it comes back as a read region and catches up.`,
			`In a quiet window move the write region back: \`az cosmosdb failover-priority-change --name $ACCOUNT --resource-group $RG --failover-policies ${from}=0 ${to}=1\`. A priority-0 change is a manual failover, accepted only while service-managed failover is off: turn it off for the change (\`az cosmosdb update --name $ACCOUNT --resource-group $RG --enable-automatic-failover false\`) and on again after.`,
			"Verify and record the exercise as a drill.",
		],
		limits: [
			"With one write region and Session consistency a region outage can lose up to about 15 minutes of writes.",
		],
		sources: ["rec-cosmos-failover-priority", "rec-cosmos-consistency"],
	};
}

function patroni(inp: RegionInputs, name: string | undefined, target: string, home: string): RegionPlan {
	const candidate = arg(name, "$REPLICA_MEMBER");
	const back = arg(inp.store.replicas.find((r) => r.kind === "standby")?.name, "$HOME_MEMBER");
	const q = dcsQuorumAt(inp.store.dcs, home);
	const lost = q ? q.at * 2 > q.of : undefined;
	const ctl = "patronictl -c /etc/patroni/patroni.yml";
	const quorum =
		lost === true
			? `${q!.at} of the ${q!.of} DCS (etcd) members are in ${home}: losing ${home} loses the quorum, so Patroni does not promote ${candidate} by itself, and a primary cut off from the DCS demotes itself.`
			: lost === false
				? `The DCS (etcd) keeps a quorum without ${home}, so Patroni promotes a replica in ${target} by itself; confirm it before moving traffic.`
				: `Patroni promotes a replica only while a majority of the DCS (etcd) members is reachable; if most of them were in ${home}, it does not promote ${candidate} by itself.`;
	return {
		failover: [
			DECLARE,
			`Fence ${home}: make sure no node there can accept writes (power the servers off or close port 5432 at the firewall) before promoting anything.`,
			...(lost === false
				? []
				: [
						`Restore a DCS quorum in ${target}: restart the surviving etcd member as a new one-member cluster (\`--force-new-cluster\`, etcd's disaster-recovery path) and keep the lost members out of it.`,
					]),
			`Promote the replica: \`${ctl} failover --candidate ${candidate} --force\`, then check \`${ctl} list\`.`,
			`Point HAProxy (or the application's database address) at ${candidate}.`,
			...appSteps(target, candidate).slice(1),
		],
		failback: [
			`Rebuild ${home} from the IaC; re-add its etcd members one at a time (\`etcdctl member add\`) until the DCS has all its members again.`,
			`Start Patroni on the ${home} nodes: they join as replicas of ${candidate} (rewound or re-initialised by Patroni).`,
			`In a maintenance window move the leader back: \`${ctl} switchover --candidate ${back} --force\`.`,
			`Verify with \`${ctl} list\` that every member streams, move traffic back, and record the exercise as a drill.`,
		],
		limits: [quorum],
		...(lost === false
			? {}
			: {
					recommend: `put a third etcd member at a third site (a small server), so losing one data centre keeps the DCS quorum and Patroni fails over by itself; or run ${target} as a Patroni standby cluster promoted by hand. It costs one small server`,
				}),
		sources: ["rec-patroni-patronictl", "rec-etcd-force-new-cluster"],
	};
}

/** No replica in another region: the stack is rebuilt there from IaC and the data restored from the off-site copy. */
function restoreElsewhere(inp: RegionInputs, target: string): RegionPlan {
	const { db, app } = inp;
	const restore =
		db.id === "sqlite" && inp.store.notEnabled.includes("replication")
			? `Create the volume and the one instance in ${target} from IaC and copy in the newest off-site copy of the database file (Litestream is not enabled in the inputs, so this is the nightly \`sqlite3 .backup\` copy); then start the instance.`
			: db.id === "sqlite"
				? `Create the volume and the one instance in ${target} from IaC and restore the database file from the Litestream replica: \`litestream restore -o /data/app.db s3://$BUCKET/app.db\`; then start the instance.`
				: db.id === "heroku-postgres"
					? `Create the app and its Heroku Postgres database in another Heroku region the residency rule allows, from IaC, and restore the newest off-site dump into it: \`heroku pg:backups:restore "$DUMP_URL" DATABASE_URL --app ${arg(app, "$APP")}-dr --confirm ${arg(app, "$APP")}-dr\`.`
					: `Create a new ${db.name} ${db.id === "dynamodb" ? "table" : db.id === "cosmos-db" ? "account" : "instance"} in ${target} from the newest off-site copy (there is no replica to promote).`;
	return {
		failover: [
			DECLARE,
			restore,
			`Apply the IaC for ${target}, pointing the application at the restored database.`,
			"Deploy the last known-good artifact (the SHA in the deployment record).",
			"Run the smoke tests and check row counts of the key tables against the copy's manifest.",
			`Move DNS (TTL 60 s) to ${target}; watch error rate and latency.`,
			`${STATUS_PAGE_STEP} with the data window lost; record the actual RTO and RPO.`,
		],
		failback: [
			"Keep serving from the recovery region until the original region is healthy.",
			"In a maintenance window stop writes, take a backup of the recovery database and restore it into the original region.",
			"Point the application back, switch DNS, verify, then remove the recovery environment.",
		],
		limits: [],
		sources:
			db.id === "heroku-postgres" ? ["rec-heroku-pg-import"] : db.id === "sqlite" ? ["rec-litestream"] : [],
	};
}
