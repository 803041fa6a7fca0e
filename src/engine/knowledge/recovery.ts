// Recovery per failure mode, from the mechanisms the project's data store has: what recovers it, how much data is
// lost (RPO) and how long it takes (RTO), with the arithmetic, and what to add when the inputs provide nothing.

import type { ProjectContext } from "../inputs/context";
import type { DbFacts } from "./databases";
import { type RegionPlan, regionPlan } from "./failover";
import type { PlatformFacts } from "./platforms";
import type { SourceId } from "./sources";
import {
	type Capabilities,
	capabilities,
	type EngineFamily,
	engineFamily,
	primaryStore,
	type StoreLike,
	storeFacts,
} from "./stores";

export type FailureMode = "bad-deploy" | "logical" | "instance" | "zone" | "region" | "provider";

export const FAILURE_LABELS: Record<FailureMode, string> = {
	"bad-deploy": "Bad deploy",
	logical: "Logical error or bad migration",
	instance: "Instance loss",
	zone: "Zone loss",
	region: "Region loss",
	provider: "Provider loss or ransomware",
};

/** A duration with the sum that gives it; `minutes` undefined when an input (the data size) is unknown. */
export interface Estimate {
	minutes?: number;
	/** When `minutes` is unknown: the part of the sum that is known, a floor no target can go below. */
	atLeast?: number;
	/** "detection 15 min + restore ~ 20 min + …", or why it is unknown. */
	arithmetic: string;
}

export interface ModeRecovery {
	mode: FailureMode;
	/** The mechanism that recovers this failure, as the inputs provide it. */
	mechanism: string;
	/** True when the inputs provide the mechanism (or the service includes it); false when it must be added. */
	present: boolean;
	rpo: Estimate;
	rto: Estimate;
	/** The runbook that executes it (10.5 or 10.6). */
	runbook: string;
	/** What to add, with its cost, when the mechanism is missing or weak. */
	recommend?: string;
	sources: SourceId[];
}

export interface RecoveryFacts {
	store: StoreLike;
	db: DbFacts;
	caps: Capabilities;
	engine: EngineFamily;
	/** Point-in-time window in days, from the inputs or the plan; undefined when neither says. */
	pitrDays?: number;
	sizeGb?: number;
	modes: ModeRecovery[];
	/** Failover and failback for a region or site loss, from the mechanism the inputs provide. */
	region: RegionPlan;
	/** Where the off-site copy goes (residency). */
	offsite: OffsitePlace;
}

/** Planning figure for a restore that copies data: minutes per GB (measured at the first drill, then replaced). */
const RESTORE_MIN_PER_GB = 1;
const DETECT_MIN = 15;
const REPOINT_MIN = 10;

/** The interval of the store's scheduled backups: the inputs' schedule, else the provider's default. */
export function backupIntervalMinutes(store: StoreLike, db: DbFacts): number {
	return store.backups?.intervalMinutes ?? db.snapshot.everyHours * 60;
}

/**
 * Retention as the inputs set it; else what the section's infrastructure code declares (`iacDays`), beside the
 * provider's default; else the provider's default, said as such.
 */
export function retentionText(
	store: StoreLike,
	db: DbFacts,
	iacDays?: number,
): { text: string; fromInputs: boolean; sources?: SourceId[] } {
	const b = store.backups;
	if (b?.retention)
		return {
			text: `${b.retention}${b.retentionDays !== undefined && !new RegExp(`\\b${b.retentionDays}\\b`).test(b.retention) ? ` (about ${b.retentionDays} days)` : ""}, as the inputs set it`,
			fromInputs: true,
		};
	if (b?.retentionDays !== undefined)
		return { text: `${b.retentionDays} days, as the inputs set it`, fromInputs: true };
	if (/^fly volume$/i.test(store.providerLabel ?? ""))
		return {
			text: "daily volume snapshots, kept 14 days once the platform setup step raises Fly's 5-day default (`--snapshot-retention 14`, 1–60 days, new snapshots only); the inputs set no retention",
			fromInputs: false,
			sources: ["fly-snapshots"],
		};
	if (iacDays !== undefined)
		return {
			text: `${iacDays} days, set on the database in the infrastructure code (10.3); the inputs set none (the provider: ${db.snapshot.retention})`,
			fromInputs: false,
		};
	return {
		text: `${db.snapshot.retention} (the provider's default; the inputs do not set a retention)`,
		fromInputs: false,
	};
}

/** Patroni manages the cluster: failover within the site is automatic while the DCS has a quorum. */
export function isPatroni(store: StoreLike): boolean {
	return /patroni/i.test(store.providerLabel ?? "");
}

export function pitrWindowDays(store: StoreLike, db: DbFacts): number | undefined {
	if (store.pitr?.windowDays !== undefined) return store.pitr.windowDays;
	// A self-run archiver (pgBackRest, WAL-G) keeps the WAL of the backups it retains: the window is the retention.
	if (db.id === "self-managed" && store.backups?.tool && store.backups.retentionDays !== undefined)
		return store.backups.retentionDays;
	if (!store.plan) return undefined;
	return db.pitrByPlan?.find((p) => p.plan.test(store.plan!))?.days;
}

function restoreEstimate(db: DbFacts, sizeGb: number | undefined, platform: PlatformFacts): Estimate {
	const verify = platform.rollback.expectedMinutes + 10;
	if (db.instantRestore) {
		return {
			minutes: DETECT_MIN + 1 + verify,
			arithmetic: `detection and decision ${DETECT_MIN} min + branch at the timestamp about 1 min (copy-on-write, independent of size) + repoint and verify ${verify} min`,
		};
	}
	const repoint = db.restore.createsNewInstance ? REPOINT_MIN : 0;
	if (sizeGb === undefined) {
		return {
			atLeast: DETECT_MIN + repoint + verify,
			arithmetic: `detection and decision ${DETECT_MIN} min + restore time unknown (no data size in the inputs) ${repoint ? `+ repoint to the new instance ${repoint} min ` : ""}+ verify ${verify} min`,
		};
	}
	const restore = Math.max(5, Math.ceil(sizeGb * RESTORE_MIN_PER_GB));
	return {
		minutes: DETECT_MIN + restore + repoint + verify,
		arithmetic: `detection and decision ${DETECT_MIN} min + restore of ${sizeGb} GB at about ${RESTORE_MIN_PER_GB} GB/min ${restore} min${repoint ? ` + repoint to the new instance ${repoint} min` : ""} + verify ${verify} min`,
	};
}

const plus = (a: Estimate, extraMin: number, what: string): Estimate => ({
	minutes: a.minutes === undefined ? undefined : a.minutes + extraMin,
	atLeast: a.atLeast === undefined ? undefined : a.atLeast + extraMin,
	arithmetic: `${a.arithmetic} + ${what} ${extraMin} min`,
});

export function recoveryFacts(
	ctx: ProjectContext,
	platform: PlatformFacts,
	backupMinutes: number,
): RecoveryFacts {
	const store = primaryStore(ctx);
	const db = storeFacts(store);
	const caps = capabilities(store, db);
	const pitrDays = pitrWindowDays(store, db);
	const pitrOn = caps.pitr === "on" && pitrDays !== 0;
	const sizeGb = store.sizeGb;
	const restore = restoreEstimate(db, sizeGb, platform);
	const pitrRpo = store.pitr?.logIntervalMinutes ?? db.pitr?.logIntervalMinutes ?? backupMinutes;
	const logicalRpo: Estimate = pitrOn
		? { minutes: pitrRpo, arithmetic: `log shipping interval ${pitrRpo} min` }
		: {
				minutes: backupMinutes,
				arithmetic: `time since the last backup, at most the ${backupMinutes / 60} h interval`,
			};
	const modes: ModeRecovery[] = [];
	modes.push({
		mode: "bad-deploy",
		mechanism: `${platform.name} rollback to the previous release`,
		present: true,
		rpo: { minutes: 0, arithmetic: "data untouched" },
		rto: { minutes: platform.rollback.expectedMinutes, arithmetic: platform.rollback.expectedTime },
		runbook: "Rollback runbook (10.5)",
		sources: [],
	});
	modes.push({
		mode: "logical",
		mechanism: pitrOn
			? `point-in-time restore: ${db.restore.semantics}`
			: `restore of the latest backup (${caps.pitrOffBecause === "inputs" ? "point-in-time recovery is not enabled" : caps.pitrOffBecause === "add-on" ? "the point-in-time recovery add-on is not in the inputs" : "no point-in-time recovery on this service or plan"})`,
		present: true,
		rpo: logicalRpo,
		rto: restore,
		runbook: "Database restore runbook (10.5)",
		recommend: pitrOn
			? undefined
			: db.pitr
				? `enable point-in-time recovery on ${db.name} (${db.pitr.retention}) to bring this RPO to about ${db.pitr.logIntervalMinutes} min; it is billed by the provider as storage for the retained logs`
				: `add log archiving (${engineArchiver(engineFamily(`${store.engine} ${db.name}`))}) to object storage to go below the backup interval`,
		sources: db.sources,
	});
	const zoneSafe = db.zoneResilient === true;
	for (const mode of ["instance", "zone"] as const) {
		if (zoneSafe && mode === "zone" && db.zoneOptional && store.ha !== true) {
			modes.push({
				mode,
				mechanism: `${db.name} zone redundancy, if the account has it on (the inputs do not say)`,
				present: false,
				rpo: { minutes: 0, arithmetic: "0 with zone redundancy on; confirm it is enabled" },
				rto: { minutes: 0, arithmetic: "handled by the service when zone redundancy is on" },
				runbook: "none: confirm the setting; incident runbook otherwise",
				recommend: `confirm or enable zone redundancy on ${db.name}; it is set per region of the account`,
				sources: db.sources,
			});
		} else if (zoneSafe) {
			modes.push({
				mode,
				mechanism: `${db.name} keeps copies in several zones itself (${db.ha})`,
				present: true,
				rpo: { minutes: 0, arithmetic: "no loss: the service replicates across zones" },
				rto: { minutes: 0, arithmetic: "handled by the service" },
				runbook: "none: watch the provider's status page; incident runbook if latency rises",
				sources: db.sources,
			});
		} else if (caps.standby === true) {
			const fo = Math.ceil((db.failoverSeconds ?? 120) / 60);
			const sync = store.replicas.find((r) => r.kind === "standby");
			modes.push({
				mode,
				mechanism: isPatroni(store)
					? `Patroni promotes the synchronous standby${sync?.name ? ` ${sync.name}` : ""} automatically while the DCS (etcd) keeps a quorum`
					: `automatic failover to the standby in another zone`,
				present: true,
				rpo: { minutes: 0, arithmetic: "synchronous standby: committed writes are on both" },
				rto: { minutes: fo + 5, arithmetic: `failover about ${fo} min + reconnect and verify 5 min` },
				runbook: "Incident runbook (10.5): confirm the failover, then verify",
				sources: isPatroni(store) ? ["rec-patroni-patronictl"] : db.sources,
			});
		} else {
			modes.push({
				mode,
				mechanism:
					mode === "instance" && db.instantRestore
						? `${db.name} restarts its compute on another host; storage is separate`
						: `restore into a new instance from ${pitrOn ? "point-in-time recovery" : "the latest backup"} (no standby in the inputs)`,
				present: true,
				rpo: logicalRpo,
				rto: restore,
				runbook: "Database restore runbook (10.5)",
				recommend:
					db.failoverSeconds !== undefined || /standby/i.test(db.ha)
						? `add a standby (${db.ha}): it turns this into an automatic failover of minutes and roughly doubles the database cost`
						: undefined,
				sources: db.sources,
			});
		}
	}
	const cross = store.replicas.find(
		(r) => r.kind !== "standby" && (!store.region || r.region !== store.region),
	);
	const offsite = offsitePlace(ctx, store);
	const plan = regionPlan({
		store,
		db,
		app: ctx.serviceName,
		home: store.region ?? ctx.model?.platform.regions[0],
		target: ctx.model?.upstream.drRegions?.value[0] ?? offsite.region,
	});
	if (cross) {
		const lagMin = Math.max(1, Math.ceil((db.replication?.lagSeconds ?? 60) / 60));
		const where = cross.region ?? "the secondary region";
		const named = cross.name && /^[\w.-]+$/.test(cross.name) ? ` ${cross.name}` : "";
		const rpoNote =
			db.id === "cosmos-db"
				? { minutes: 15, arithmetic: "under 15 min (single write region, Session or weaker consistency)" }
				: {
						minutes: lagMin,
						arithmetic: `asynchronous replication lag, typically under ${lagMin} min; never 0`,
					};
		modes.push({
			mode: "region",
			mechanism:
				cross.kind === "geo" && db.id !== "azure-sql"
					? `fail the write region over to ${where} (service-managed failover) and start the application there from IaC`
					: cross.kind === "global-table"
						? `send all writes to the global table replica in ${where} (every replica accepts writes; nothing to promote) and start the application there from IaC`
						: isPatroni(store)
							? `promote the replica${named} in ${where} with \`patronictl failover\`${plan.recommend ? " by hand (the DCS loses its quorum with the primary site)" : ""} and start the application there from IaC`
							: db.id === "azure-sql"
								? `fail the auto-failover group over to ${where} (\`az sql failover-group set-primary\`; the read-write listener follows) and start the application there from IaC`
								: db.id === "aurora-postgres"
									? `fail the Aurora Global Database over to the secondary cluster in ${where} (\`aws rds failover-global-cluster --allow-data-loss\`) and start the application there from IaC`
									: db.id === "cloud-sql"
										? `promote the cross-region read replica${named} in ${where} (\`gcloud sql instances promote-replica\`${/enterprise plus/i.test(store.plan ?? "") ? " --failover" : ""}) and start the application there from IaC`
										: `promote the replica${named} in ${where} and start the application there from IaC`,
			present: true,
			...(plan.recommend ? { recommend: plan.recommend } : {}),
			rpo: rpoNote,
			rto: {
				minutes: 60,
				arithmetic: `${cross.kind === "global-table" ? "route writes to the replica about 5 min" : cross.kind === "geo" ? "write-region failover about 5 min" : "promotion about 5 min"} + apply IaC and deploy about 40 min + DNS and verify 15 min`,
			},
			runbook: "Failover procedure (10.6)",
			sources: plan.sources,
		});
	} else {
		modes.push({
			mode: "region",
			mechanism:
				"restore the off-site copy into a recovery region and rebuild the stack from IaC (no replica in another region in the inputs)",
			present: true,
			rpo: offsiteAge(store, db),
			rto: plus(restore, 60, "rebuild the stack from IaC in the recovery region"),
			runbook: "Failover procedure (10.6)",
			recommend:
				"add a cross-region replica (RPO of minutes, the cost of a second database) or cross-region backup copies (RPO of the copy interval, the cost of the copied storage)",
			sources: db.sources,
		});
	}
	const off = offsiteCopy(engineFamily(`${store.engine} ${db.name}`), db, {
		store,
		place: offsite,
		app: ctx.serviceName,
	});
	modes.push({
		mode: "provider",
		mechanism: off.none
			? `none in the inputs: ${db.name} backups stay inside the account`
			: "the immutable off-site copy in a separate account, restored into a new environment built from IaC",
		present: !off.none,
		...(off.none
			? { recommend: `add an export of ${db.name} to storage in another account, with a retention lock` }
			: {}),
		rpo: offsiteAge(store, db),
		rto: plus(restore, 120, "build the environment from IaC and move DNS"),
		runbook: "Failover procedure (10.6), from the off-site copy",
		sources: [],
	});
	return {
		store,
		db,
		caps,
		engine: engineFamily(`${store.engine} ${db.name}`),
		pitrDays,
		sizeGb,
		modes,
		region: plan,
		offsite,
	};
}

/** How old the newest off-site copy can be: the backup schedule of the inputs, or a nightly copy. */
function offsiteAge(store: StoreLike, db: DbFacts): Estimate {
	const every = Math.max(backupIntervalMinutes(store, db), 60);
	const copy = Math.min(every, 1440);
	return {
		minutes: copy,
		arithmetic: store.backups?.intervalMinutes
			? `age of the newest off-site copy: up to ${humanMinutes(copy)} (backups ${store.backups.schedule ?? "as scheduled"}, each copied off-site as it finishes)`
			: "age of the newest off-site copy: up to 24 h with a nightly copy",
	};
}

function humanMinutes(m: number): string {
	return m % 1440 === 0
		? `${m / 1440 === 1 ? "24 h" : `${m / 1440} days`}`
		: m % 60 === 0
			? `${m / 60} h`
			: `${m} min`;
}

export function engineArchiver(engine: EngineFamily): string {
	switch (engine) {
		case "postgres":
			return "WAL archiving with pgBackRest or WAL-G";
		case "mysql":
			return "binary log archiving";
		case "sqlite":
			return "Litestream";
		default:
			return "the engine's log backups";
	}
}

/** Where the off-site copy lives: a region or site other than the primary's and its backups', inside the residency rule. */
export interface OffsitePlace {
	region?: string;
	jurisdiction?: string;
}

const HETZNER_SITES = ["fsn1", "nbg1", "hel1"];

export function offsitePlace(ctx: ProjectContext, store: StoreLike): OffsitePlace {
	const model = ctx.model;
	const residency = model?.constraints.residency?.value;
	const taken = new Set(
		[store.region, ...(store.backups?.locations ?? [])].filter(Boolean).map((r) => r!.toLowerCase()),
	);
	const hetzner = [store.region, ...(model?.platform.regions ?? [])].some(
		(r) => r && HETZNER_SITES.includes(r),
	);
	const candidates = [
		...(model?.upstream.drRegions?.value ?? []),
		...store.replicas.map((r) => r.region),
		...(residency?.regions ?? []),
		...(hetzner ? HETZNER_SITES : []),
	].filter((r): r is string => !!r && /^[\w -]{2,40}$/.test(r) && !taken.has(r.toLowerCase()));
	// With backups already kept at another site, the off-site copy goes to a third one.
	const region = candidates[0];
	return {
		...(region ? { region } : {}),
		...(residency?.jurisdiction ? { jurisdiction: residency.jurisdiction } : {}),
	};
}

function placeText(place: OffsitePlace | undefined, kind: "account" | "subscription" = "account"): string {
	if (!place) return `in a separate ${kind}`;
	const where = place.region ? ` in ${place.region}` : "";
	const rule = place.jurisdiction
		? place.region
			? ` (inside the ${place.jurisdiction} residency rule)`
			: `, inside the ${place.jurisdiction} (the residency rule)`
		: "";
	return `in a separate ${kind}${where}${rule}`;
}

/** The off-site copy tool by engine, with the fact's source; `store` and `place` make it the project's own. */
export function offsiteCopy(
	engine: EngineFamily,
	db: DbFacts,
	opts: { store?: StoreLike; place?: OffsitePlace; app?: string } = {},
): { how: string; sources: SourceId[]; none?: boolean } {
	const { store, place } = opts;
	const where = placeText(place);
	if (store?.backups?.tool && /pgbackrest/i.test(store.backups.tool)) {
		const at = store.backups.locations?.length
			? ` (the backups sit in ${store.backups.locations.join(", ")} today)`
			: "";
		return {
			how: `a second pgBackRest repository (\`repo2\`) on object storage ${where}, with its own credentials and retention (\`repo2-retention-full\`)${at}; \`archive-push\` writes WAL to every repository, and backups are scheduled per repository (\`pgbackrest --stanza=app --repo=2 --type=full backup\`)`,
			sources: ["rec-pgbackrest-multi-repo"],
		};
	}
	if (db.id === "heroku-postgres") {
		const app = opts.app && /^[a-z][a-z0-9-]{1,29}$/.test(opts.app) ? opts.app : "$APP";
		return {
			how: `scheduled logical backups alongside continuous protection (\`heroku pg:backups:schedule DATABASE_URL --at '02:00 UTC' --app ${app}\`), each night's dump copied from \`heroku pg:backups:url --app ${app}\` to object storage ${where}`,
			sources: ["heroku-pg-backups"],
		};
	}
	switch (engine) {
		case "postgres":
			return {
				how: `a nightly logical dump (\`pg_dump --format=custom\`) copied to object storage ${where}`,
				sources: [],
			};
		case "mysql":
			return {
				how: `a nightly \`mysqldump --single-transaction\` copied to object storage ${where}`,
				sources: [],
			};
		case "sqlserver":
			return {
				how: `a nightly BACPAC export (\`SqlPackage /Action:Export\`, from a transactionally consistent copy of the database) to storage ${placeText(place, "subscription")}`,
				sources: ["rec-sqlpackage-export"],
			};
		case "sqlite":
			return {
				how: 'Litestream replicating the database file to object storage, plus a nightly `sqlite3 app.db ".backup backup.db"` copied off the volume',
				sources: ["rec-litestream", "rec-sqlite-backup"],
			};
		case "dynamodb":
			return {
				how: `AWS Backup copies of the table to a vault ${where}`,
				sources: db.sources.slice(0, 1),
			};
		case "cosmos":
			return {
				how: "none: Cosmos DB backups stay inside the account; an export job to storage in another account is needed for one",
				sources: [],
				none: true,
			};
		default:
			return {
				how: `a nightly export with the engine's own tool, copied to storage ${where}`,
				sources: [],
			};
	}
}

/** The immutability feature by where the off-site copy lives. */
export function immutability(cloud: string): { how: string; sources: SourceId[] } {
	switch (cloud) {
		case "aws":
			return {
				how: "S3 Object Lock in compliance mode for the retention period",
				sources: ["rec-s3-object-lock"],
			};
		case "gcp":
			return {
				how: "a Cloud Storage retention policy locked with Bucket Lock for the retention period",
				sources: ["rec-gcs-bucket-lock"],
			};
		case "azure":
			return {
				how: "Azure immutable blob storage with a locked time-based retention policy",
				sources: ["rec-azure-immutable-blob"],
			};
		default:
			return {
				how: "a write-once retention lock on the bucket, where the storage provider offers one (S3 Object Lock, Bucket Lock or immutable blob storage)",
				sources: ["rec-s3-object-lock", "rec-gcs-bucket-lock", "rec-azure-immutable-blob"],
			};
	}
}

/** Minutes of downtime a monthly SLA allows (a 30.44-day month). */
export function monthlyBudgetMinutes(slaPercent: number): number {
	return +(((100 - slaPercent) / 100) * 30.44 * 1440).toFixed(1);
}
