// The data stores of the stack: engine, provider, plan, version, backups, HA and size, from fields first, then text.

import { type DbProviderId, defaultDatabaseFor, detectDatabase } from "../knowledge/databases";
import type { Cloud, PlatformId } from "../knowledge/platforms";
import { at, type Loose, listOf, textOf } from "./lenient";
import type { DataStoreModel, DataStoreRole, ProjectModel, Provenance } from "./model";
import { chosenText, regionsIn, type StackDocs } from "./resolve-platform";
import { clean, flatText, prov, saysNone } from "./resolve-util";

const ENGINES: { re: RegExp; label: string; role?: DataStoreRole }[] = [
	{ re: /\bsqlite\b|\blitestream\b|\blitefs\b/i, label: "SQLite" },
	{ re: /\bdynamo ?db\b/i, label: "DynamoDB" },
	{ re: /\bcosmos ?db\b/i, label: "Cosmos DB" },
	{ re: /\baurora\b.*\bmysql\b|\bmysql\b|\bmariadb\b/i, label: "MySQL" },
	{ re: /\bpostgres(ql)?\b|\bpatroni\b|\bpg\b|\bneon\b|\bsupabase\b|\balloydb\b/i, label: "PostgreSQL" },
	{ re: /\bsql server\b|\bazure sql\b|\bmssql\b/i, label: "SQL Server" },
	{ re: /\bmongo(db)?\b|\batlas\b/i, label: "MongoDB" },
	{ re: /\bfirestore\b/i, label: "Firestore" },
	{ re: /\bspanner\b/i, label: "Cloud Spanner" },
	{ re: /\bcassandra\b|\bscylla\b/i, label: "Cassandra" },
	{
		re: /\bredis\b|\bvalkey\b|\bkey[- ]value store\b|\bmemorystore\b|\belasticache\b|\bupstash\b/i,
		label: "Redis",
		role: "cache",
	},
	{ re: /\bmemcached\b/i, label: "Memcached", role: "cache" },
	{
		re: /\bservice bus\b|\bsqs\b|\brabbitmq\b|\bkafka\b|\bpub\/?sub\b|\bnats\b|\bevent ?hubs?\b/i,
		label: "",
		role: "queue",
	},
	{
		re: /\bs3\b|\bgcs\b|\bblob storage\b|\bspaces\b|\bobject storage\b|\br2\b|\bbucket\b/i,
		label: "",
		role: "object-storage",
	},
	{
		re: /\belasticsearch\b|\bopensearch\b|\bmeilisearch\b|\btypesense\b|\balgolia\b/i,
		label: "",
		role: "search",
	},
];

function queueLabel(text: string): string {
	const m = /\b(azure service bus|service bus|sqs|rabbitmq|kafka|pub\/?sub|nats|event ?hubs?)\b/i.exec(text);
	const map: Record<string, string> = {
		"service bus": "Azure Service Bus",
		"azure service bus": "Azure Service Bus",
		sqs: "Amazon SQS",
		rabbitmq: "RabbitMQ",
		kafka: "Kafka",
		"pub/sub": "Pub/Sub",
		pubsub: "Pub/Sub",
		nats: "NATS",
	};
	return map[m?.[1]?.toLowerCase() ?? ""] ?? "Event Hubs";
}

function objectStorageLabel(text: string): string {
	if (/\bs3\b/i.test(text) && !/compatible/i.test(text)) return "Amazon S3";
	if (/\bgcs\b|google cloud storage/i.test(text)) return "Google Cloud Storage";
	if (/blob storage/i.test(text)) return "Azure Blob Storage";
	if (/\bspaces\b/i.test(text)) return "DigitalOcean Spaces";
	if (/\br2\b/i.test(text)) return "Cloudflare R2";
	if (/hetzner/i.test(text)) return "Hetzner Object Storage";
	return "object storage";
}

function searchLabel(text: string): string {
	const m = /\b(elasticsearch|opensearch|meilisearch|typesense|algolia)\b/i.exec(text);
	return m ? m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1).toLowerCase() : "search";
}

function engineOf(raw: string): { label: string; role?: DataStoreRole } | undefined {
	const text = raw.replace(/\b(no|not|without)\s+(separate\s+|dedicated\s+)?[\w-]+(\s+cluster)?/gi, " ");
	let best: { label: string; role?: DataStoreRole; index: number } | undefined;
	for (const e of ENGINES) {
		const m = e.re.exec(text);
		if (!m) continue;
		if (best === undefined || m.index < best.index) {
			const label =
				e.role === "queue"
					? queueLabel(text)
					: e.role === "object-storage"
						? objectStorageLabel(text)
						: e.role === "search"
							? searchLabel(text)
							: e.label;
			best = { label, role: e.role, index: m.index };
		}
	}
	return best ? { label: best.label, role: best.role } : undefined;
}

function providerLabelOf(text: string, engine: string): string | undefined {
	if (engine === "SQLite" && /\bfly\b/i.test(text) && /\bvolume/i.test(text)) return "Fly volume";
	if (engine === "SQLite" && /\bvolume|disk\b/i.test(text)) return "a persistent volume";
	if (/digitalocean managed/i.test(text)) return `DigitalOcean Managed ${engine}`;
	if (/patroni/i.test(text)) return "Patroni cluster (self-run)";
	if (/heroku postgres/i.test(text)) return "Heroku Postgres";
	if (/cloud sql/i.test(text)) return "Cloud SQL";
	if (/key[- ]value store/i.test(text) && /heroku/i.test(text)) return "Heroku Key-Value Store";
	if (/memorystore/i.test(text)) return "Memorystore";
	if (/elasticache/i.test(text)) return "ElastiCache";
	if (/upstash/i.test(text)) return "Upstash";
	if (/\bcosmos/i.test(text)) return "Azure Cosmos DB";
	if (/\bdynamo/i.test(text)) return "Amazon DynamoDB";
	return undefined;
}

function versionOf(engine: string, text: string): string | undefined {
	const esc = engine.replace(/[^A-Za-z]/g, "");
	const m = new RegExp(`${esc}(?:QL)?\\s*v?(\\d+(?:\\.\\d+){0,2})`, "i").exec(text.replace(/\s+/g, " "));
	return m?.[1];
}

function planOf(text: string, obj: Loose): string | undefined {
	const field =
		textOf(at(obj, "plan")) ??
		textOf(at(obj, "tier")) ??
		textOf(at(obj, "sku")) ??
		textOf(at(obj, "edition"));
	if (field) return clean(field);
	const m =
		/\b(enterprise plus|enterprise|standard-\d|premium-\d|private-\d|shield-\d|essential-\d|hobby-dev|hobby-basic|db-s-[\w-]+|db-custom-[\d-]+|db-[fg]1-[\w]+|serverless v2|on-demand|free tier|pro plan)\b/i.exec(
			text,
		);
	return m ? m[1] : undefined;
}

/** PITR state: enabled/not and window, from the store's own text or object; undefined when the text says nothing. */
function pitrOf(text: string): DataStoreModel["pitr"] {
	const pitrRe =
		/\b(pitr|point[- ]in[- ]time( recovery| restore)?|continuous backups?|continuous ?\d*\s*days?|binary logging|wal archiving|archive-async|archive_command|pgbackrest|wal-g|rollback window|transaction log retention)\b/i;
	const m = pitrRe.exec(text);
	if (!m) return undefined;
	const around = text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 60);
	const off =
		/\b(not enabled|disabled|off|not (included|available|purchased|configured)|without|no pitr|no point)\b/i.test(
			around,
		);
	const win =
		/(\d+)[- ]?days?\b/i.exec(text.slice(m.index, m.index + m[0].length + 80)) ??
		/(\d+)[- ]?days?\b[^.;]{0,30}(pitr|point[- ]in[- ]time|log retention|rollback)/i.exec(text) ??
		/continuous ?(\d+) ?days/i.exec(text);
	return off ? { enabled: false } : { enabled: true, ...(win ? { windowDays: Number(win[1]) } : {}) };
}

function notEnabledOf(text: string): string[] {
	const out: string[] = [];
	const re =
		/([A-Za-z][\w /-]{2,40}?)\s*(?:add-on\s*)?(?:is\s+|are\s+)?(?:not enabled|disabled|not configured|not purchased|OFF)\b/gi;
	for (const m of text.matchAll(re)) {
		const what = m[1]!.replace(/^(the|and|but|with|,)\s+/i, "").trim();
		if (what && !out.includes(what)) out.push(clean(what)!);
	}
	if (
		/\bno (standby|replica|read replica|high availability|ha)\b|standby_nodes["': ]+0|\bsingle[- ]node\b|without (a )?standby/i.test(
			text,
		) &&
		!out.includes("standby")
	)
		out.push("standby");
	if (/\bno replication configured|no replication\b/i.test(text)) out.push("replication");
	return out;
}

function haOf(text: string, obj: Loose): boolean | undefined {
	const standby = at(obj, "standby_nodes") ?? at(obj, "standby");
	if (typeof standby === "number") return standby > 0;
	if (
		/\bno (standby|ha\b|high availability)|single[- ]node|without (a )?standby|standby_nodes: ?0/i.test(text)
	)
		return false;
	if (
		/\bHA\b|high[- ]availability|multi[- ]az|zone[- ]redundant|regional\b.*\bha|synchronous (standby|mode)|sync_standby|hot standby/i.test(
			text,
		)
	)
		return true;
	return undefined;
}

function sizeGbOf(text: string): number | undefined {
	const m = /(?:^|[\s(,~])(\d+(?:\.\d+)?)\s*(gb|tb)\b/i.exec(text);
	if (!m) return undefined;
	return m[2]!.toLowerCase() === "tb" ? Number(m[1]) * 1024 : Number(m[1]);
}

const DAY = 1440;

/** The shortest interval a backup schedule implies, in minutes: "hourly" 60, "diff daily 01:00" 1440, "full Sun" 10080. */
export function scheduleIntervalMinutes(schedule: string): number | undefined {
	const found: number[] = [];
	const every = /\bevery (\d+) ?(min(ute)?s?|h(ours?)?|days?)\b/i.exec(schedule);
	if (every) {
		const n = Number(every[1]);
		found.push(/^m/i.test(every[2]!) ? n : /^h/i.test(every[2]!) ? n * 60 : n * DAY);
	}
	if (/\bhourly\b|\bevery hour\b/i.test(schedule)) found.push(60);
	const weekday = /\bweekly\b|\b(sun|mon|tue|wed|thu|fri|sat)(day)?s?\b/i.test(schedule);
	if (
		/\b(daily|nightly|every (day|night))\b/i.test(schedule) ||
		(!weekday && /\b\d{1,2}:\d{2}\b/.test(schedule))
	)
		found.push(DAY);
	if (weekday) found.push(7 * DAY);
	if (/^\s*(\d+|\*) (\d+|\*) \* \* \*\s*$/.test(schedule)) found.push(DAY);
	return found.length ? Math.min(...found) : undefined;
}

/** Retention in days: "30 days", "retained 14", "4 weeks"; a count of full backups times their interval. */
function retentionDaysOf(retention: string, fullEveryMinutes: number | undefined): number | undefined {
	const days = /(\d+)\s*(?:days?\b|-day\b|d\b)/i.exec(retention);
	if (days) return Number(days[1]);
	const weeks = /(\d+)\s*weeks?\b/i.exec(retention);
	if (weeks) return Number(weeks[1]) * 7;
	const fulls =
		/retention-full=(\d+)|(\d+)\s*full backups?|(\d+)\s*(?:retained|backups?\b)|retain(?:ed)?\s*(\d+)/i.exec(
			retention,
		);
	const n = fulls ? Number(fulls[1] ?? fulls[2] ?? fulls[3] ?? fulls[4]) : undefined;
	if (n && fullEveryMinutes) return Math.round((n * fullEveryMinutes) / DAY);
	return undefined;
}

/** The backups of the primary store: a `backup(s)` object or text in the database stack, or the store's own text. */
function backupsOf(backup: Loose, full: string): DataStoreModel["backups"] | undefined {
	const obj = backup && typeof backup === "object" && !Array.isArray(backup) ? backup : undefined;
	const text = flatText(backup) ?? "";
	const schedule =
		textOf(at(obj, "schedule")) ??
		textOf(at(obj, "frequency")) ??
		/\b(hourly|daily|nightly|weekly|every \d+ ?(?:h|hours?|min(?:utes?)?))\b[^,;]*/i.exec(text || full)?.[0];
	const days = at(obj, "pitr_retention_days") ?? at(obj, "retention_days");
	const retentionField =
		textOf(at(obj, "retention")) ?? (typeof days === "number" ? `${days} days` : undefined);
	const retention =
		retentionField ??
		/(\d+)\s*(?:retained|days? retention|-day retention)|retain(?:ed)?\s*(\d+)[^,;]*/i.exec(
			text || full,
		)?.[0];
	const tool =
		textOf(at(obj, "tool")) ??
		/\b(pgBackRest|WAL-G|Barman|Litestream|mysqldump|XtraBackup|AWS Backup)\b/i.exec(text)?.[1];
	const interval = schedule ? scheduleIntervalMinutes(schedule) : undefined;
	const fullEvery = schedule
		? (scheduleIntervalMinutes(/full[^,;]*/i.exec(schedule)?.[0] ?? schedule) ?? interval)
		: undefined;
	const locations = obj
		? Object.entries(obj as Record<string, Loose>)
				.filter(([k]) => /^repo\d*$|location|bucket|target|destination|storage/i.test(k))
				.flatMap(([, v]) => regionsIn(flatText(v)))
		: [];
	const out: NonNullable<DataStoreModel["backups"]> = {};
	if (schedule) out.schedule = clean(schedule);
	if (interval) out.intervalMinutes = interval;
	if (retention) {
		out.retention = clean(retention);
		const days = retentionDaysOf(retention, fullEvery);
		if (days) out.retentionDays = days;
	}
	if (tool) out.tool = clean(tool);
	if (locations.length) out.locations = [...new Set(locations)];
	return Object.keys(out).length ? out : undefined;
}

/** A replication block ({synchronous_mode, sync_standby, async} or text) as key: value text, keys included. */
function replicationText(item: Loose): string {
	if (item && typeof item === "object" && !Array.isArray(item))
		return Object.entries(item as Record<string, Loose>)
			.map(([k, v]) => `${k}: ${flatText(v) ?? String(v)}`)
			.join("; ");
	return flatText(item) ?? "";
}

/** The region a member named in the primary's text sits in: "pg-hel-1 (HEL1)" gives hel1. */
function memberRegion(primaryText: string, member: string): string | undefined {
	const esc = member.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
	const m = new RegExp(`${esc}\\s*\\(([^)]+)\\)`, "i").exec(primaryText);
	return m ? regionsIn(m[1])[0] : undefined;
}

/** An Azure region written as a display name ("(North Europe)") other than the primary's, as the CLI names it. */
function azureRegionIn(text: string, not?: string): string | undefined {
	for (const m of text.matchAll(
		/\b(West|North|East|South|Central|Sweden|Norway|Switzerland|Germany|France|UK|Poland|Italy|Spain) (Europe|Central|North|South|West|East|US 2|US)\b/g,
	)) {
		const r = m[0].replace(/\s+/g, "").toLowerCase();
		if (r !== not?.replace(/\s+/g, "").toLowerCase()) return r;
	}
	return undefined;
}

const STORE_KEYS: { key: RegExp; role: DataStoreRole }[] = [
	{ key: /^(primary|database|db|main|primary_database)$/i, role: "primary" },
	{ key: /^(secondary|additional|other_databases?)$/i, role: "other" },
	{ key: /replica|read_replica|replicas/i, role: "replica" },
	{ key: /^(cache|caching|redis)$/i, role: "cache" },
	{ key: /queue|messaging|broker|message_bus|events?$/i, role: "queue" },
	{ key: /object_storage|files|documents|storage|blobs?|uploads|assets/i, role: "object-storage" },
	{ key: /^search$/i, role: "search" },
];

/** Every data store in handoff 03's database stack, each with engine, provider, plan, PITR and what is not enabled. */
export function resolveDataStores(
	docs: StackDocs,
	platform: PlatformId,
	cloud: Cloud,
	conflicts: ProjectModel["conflicts"],
): DataStoreModel[] {
	const out: DataStoreModel[] = [];
	const h03 = docs.h03;
	const dbs = at(h03?.data, "key_outputs", "database_stack") ?? at(h03?.data, "database_stack");
	const base = at(h03?.data, "key_outputs", "database_stack")
		? "key_outputs.database_stack"
		: "database_stack";
	const backupText = flatText(at(dbs, "backups")) ?? flatText(at(dbs, "backup")) ?? "";
	let replication: string | undefined;
	if (h03 && dbs && typeof dbs === "object" && !Array.isArray(dbs)) {
		for (const [key, v] of Object.entries(dbs as Record<string, Loose>)) {
			const spec = STORE_KEYS.find((s) => s.key.test(key));
			if (!spec) continue;
			const items = Array.isArray(v) ? v : [v];
			items.forEach((item, i) => {
				const path = Array.isArray(v) ? `${base}.${key}[${i}]` : `${base}.${key}`;
				const text = flatText(item);
				if (!text || saysNone(text)) return;
				if (/^replication$/i.test(key)) {
					replication = replicationText(item);
					return;
				}
				if (spec.role !== "primary" && /\bin[- ]process\b|\bno (separate|dedicated)\b/i.test(text)) return;
				const obj = item && typeof item === "object" ? item : undefined;
				const eng = engineOf(
					`${textOf(at(obj, "engine")) ?? ""} ${textOf(at(obj, "service")) ?? ""} ${text}`,
				);
				const role: DataStoreRole =
					spec.role === "primary" || spec.role === "replica" || spec.role === "other"
						? eng?.role === "object-storage" || eng?.role === "queue" || eng?.role === "cache"
							? eng.role
							: spec.role
						: spec.role;
				const engine =
					eng?.label ||
					(role === "object-storage"
						? objectStorageLabel(text)
						: role === "queue"
							? queueLabel(text)
							: clean(text.split(/[,(;]/)[0])!);
				const full = role === "primary" ? `${text} ${backupText}` : text;
				const provider: DbProviderId | "unknown" =
					engine === "SQLite" || engine === "DynamoDB" || engine === "Cosmos DB" || role !== "primary"
						? (role === "primary" || role === "replica") && engine !== "SQLite"
							? (detectDatabase(text) ?? "unknown")
							: "unknown"
						: (detectDatabase(text) ?? "unknown");
				const store: DataStoreModel = {
					role,
					engine,
					provider,
					replicas: [],
					notEnabled: notEnabledOf(full),
					from: prov(h03, path, "structured"),
				};
				const pl = providerLabelOf(text, engine);
				if (pl) store.providerLabel = pl;
				const version = versionOf(engine, text);
				if (version) store.version = version;
				const plan = planOf(text, obj);
				if (plan) store.plan = plan;
				const region =
					textOf(at(obj, "region")) ??
					textOf(at(obj, "write_region")) ??
					regionsIn(
						role === "replica"
							? text
							: text.replace(
									/\b(global table|replica|replicas|secondary|read region|dr|failover)\b[^,;)]*/gi,
									" ",
								),
					)[0];
				if (region) store.region = clean(region);
				if (role === "primary" || role === "other") {
					const ha = haOf(full, obj);
					if (ha !== undefined) store.ha = ha;
					const pitr = pitrOf(full);
					if (pitr) store.pitr = pitr;
					// archive_timeout bounds the WAL that a lost primary takes with it.
					const timeout = /archive_timeout\s*[=:]\s*(\d+)\s*(s|min)?\b/i.exec(full);
					if (store.pitr?.enabled && timeout)
						store.pitr.logIntervalMinutes = Math.max(
							1 / 60,
							timeout[2]?.toLowerCase() === "min" ? Number(timeout[1]) : Number(timeout[1]) / 60,
						);
					else if (store.notEnabled.some((n) => /pitr|point[- ]in[- ]time/i.test(n)))
						store.pitr = { enabled: false };
					const size = sizeGbOf(text);
					if (size) store.sizeGb = size;
					const readRegions = listOf(at(obj, "read_regions"))
						.map(textOf)
						.filter((r): r is string => Boolean(r));
					for (const r of readRegions)
						store.replicas.push({ region: clean(r), kind: /cosmos/i.test(engine) ? "geo" : "read" });
					const gt = /global table (?:replicas? )?(?:in )?([a-z]{2}-[a-z]+-\d)/i.exec(text);
					if (gt) store.replicas.push({ region: gt[1], kind: "global-table" });
					const backups =
						role === "primary"
							? backupsOf(
									at(dbs, "backups") ?? at(dbs, "backup") ?? at(obj, "backups") ?? at(obj, "backup"),
									full,
								)
							: backupsOf(at(obj, "backups") ?? at(obj, "backup"), full);
					if (backups) store.backups = backups;
				}
				out.push(store);
			});
		}
		// Replicas named in their own field attach to the primary; a replication block sets HA and standbys.
		const primary = out.find((s) => s.role === "primary");
		// A failover group or geo-replica described beside the primary (`geo`, `failover_group`, `dr`): a secondary region.
		for (const [key, v] of Object.entries(dbs as Record<string, Loose>)) {
			if (!primary || STORE_KEYS.some((s) => s.key.test(key))) continue;
			const t = flatText(v) ?? "";
			if (
				!/failover[ _-]?group|geo[- ]?replica|geo[- ]?replication|secondary (server|region)|\bsecondary\b/i.test(
					`${key} ${t}`,
				)
			)
				continue;
			const region = regionsIn(t).find((r) => r !== primary.region) ?? azureRegionIn(t, primary.region);
			if (region && !primary.replicas.some((r) => r.region === region))
				primary.replicas.push({ kind: "geo", region });
		}
		const dcs = flatText(at(dbs, "dcs"));
		if (primary && dcs) primary.dcs = clean(dcs);
		// "Litestream: NOT enabled - considered, postponed": replication the inputs do not have.
		if (
			primary &&
			replication &&
			/\bnot (enabled|configured|set up)\b|\bpostponed\b|\bdisabled\b|^\s*(none|no)\b/i.test(replication)
		) {
			if (!primary.notEnabled.includes("replication")) primary.notEnabled.push("replication");
			replication = undefined;
		}
		if (primary && replication) {
			const primaryText = flatText(at(dbs, "primary")) ?? "";
			const sync = /sync_standby:\s*([\w.-]+)/i.exec(replication)?.[1];
			const async = /(?:^|; )async(?:_replicas?)?:\s*([\w.-]+)/i.exec(replication)?.[1];
			if (
				/synchronous(_mode)?:\s*(true|on|yes)|sync_standby|sync standby|synchronous standby/i.test(
					replication,
				)
			)
				primary.ha = true;
			if (sync)
				primary.replicas.push({
					kind: "standby",
					name: sync,
					region: memberRegion(primaryText, sync) ?? primary.region,
				});
			if (async) {
				const region = memberRegion(primaryText, async);
				primary.replicas.push({ kind: "read", name: async, ...(region ? { region } : {}) });
			}
			if (!primary.replicas.length)
				primary.replicas.push({ kind: /\bsync/i.test(replication) ? "standby" : "read" });
		}
		if (primary) {
			for (const r of out.filter((s) => s.role === "replica")) {
				// "qm-mysql-replica-use4: cross-region read replica in us-east4" names the replica first.
				const name = /^\s*([a-z][a-z0-9-]{2,62})\s*[:(]/i.exec(flatText(at(dbs, "read_replica")) ?? "")?.[1];
				primary.replicas.push({
					region: r.region ?? regionsIn(flatText(at(dbs, "read_replica")) ?? "")[0],
					kind: "read",
					...(name ? { name } : {}),
				});
			}
		}
	}
	let primary = out.find((s) => s.role === "primary");
	if (!primary) {
		// Free text fallback over the chosen text: one engine is a text answer, several a conflict.
		const seen = new Map<string, Provenance>();
		for (const e of chosenText(docs)) {
			const eng = engineOf(e.found.text);
			if (eng && !eng.role && !seen.has(eng.label)) seen.set(eng.label, prov(e.doc, e.found.path, "text"));
		}
		const list = [...seen.entries()];
		if (list.length > 1)
			conflicts.push({
				what: "primary database",
				candidates: list.map(([l]) => l),
				from: list.map(([, p]) => p),
			});
		const [engine, from] =
			list.length === 1
				? list[0]!
				: [
						"PostgreSQL",
						{
							file: h03?.file ?? "genesis_output/handoffs/handoff_03_technology_stack.json",
							confidence: "assumed" as const,
						},
					];
		primary = { role: "primary", engine, provider: "unknown", replicas: [], notEnabled: [], from };
		out.unshift(primary);
	}
	if (
		primary.provider === "unknown" &&
		/^(PostgreSQL|MySQL|SQL Server)$/.test(primary.engine) &&
		!primary.providerLabel
	) {
		const fromText = detectDatabase(
			chosenText(docs)
				.map((e) => e.found.text)
				.join(" \n "),
		);
		primary.provider = fromText ?? defaultDatabaseFor(platform, cloud);
		if (!fromText) primary.providerAssumed = true;
	}
	out.sort((a, b) => (a.role === "primary" ? -1 : b.role === "primary" ? 1 : 0));
	return out;
}
