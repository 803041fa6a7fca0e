// The project's data stores as recovery reads them: the primary store, its engine family, and which recovery
// mechanisms are present and enabled (from the inputs) or only offered (by the provider, per the knowledge base).

import type { ProjectContext } from "../inputs/context";
import type { DataStoreModel } from "../inputs/model";
import { DATABASES, type DbFacts, withEngine } from "./databases";

export type EngineFamily =
	| "postgres"
	| "mysql"
	| "sqlserver"
	| "dynamodb"
	| "cosmos"
	| "sqlite"
	| "mongodb"
	| "other";

/** The fields of the project model's data store that recovery reads (src/engine/inputs/model.ts). */
export type StoreLike = Pick<
	DataStoreModel,
	| "engine"
	| "provider"
	| "plan"
	| "region"
	| "ha"
	| "replicas"
	| "pitr"
	| "backups"
	| "providerLabel"
	| "dcs"
	| "sizeGb"
	| "notEnabled"
> & { role: string };

export function engineFamily(engine: string): EngineFamily {
	if (/\bmysql\b|\bmariadb\b/i.test(engine)) return "mysql";
	if (/\bsql server\b|\bmssql\b|\bazure sql\b/i.test(engine)) return "sqlserver";
	if (/\bdynamo/i.test(engine)) return "dynamodb";
	if (/\bcosmos/i.test(engine)) return "cosmos";
	if (/\bsqlite\b|\blitestream\b/i.test(engine)) return "sqlite";
	if (/\bmongo/i.test(engine)) return "mongodb";
	if (/\bpostgres|\bpg\b|\bneon\b|\bsupabase\b|\baurora\b/i.test(engine)) return "postgres";
	return "other";
}

/** The primary data store: from the project model when it is there, else from the context's database fields. */
export function primaryStore(ctx: ProjectContext): StoreLike {
	const stores: StoreLike[] | undefined = ctx.model?.dataStores;
	const fromModel = stores?.find((s) => s.role === "primary") ?? stores?.[0];
	// The size may come from section 03's prose, which the context reads as well.
	if (fromModel)
		return fromModel.sizeGb === undefined && ctx.database.sizeGb !== undefined
			? { ...fromModel, sizeGb: ctx.database.sizeGb }
			: fromModel;
	return {
		role: "primary",
		engine: ctx.database.engine,
		provider: ctx.database.provider,
		replicas: [],
		sizeGb: ctx.database.sizeGb,
		notEnabled: [],
	};
}

export function storeFacts(store: StoreLike): DbFacts {
	if (store.provider !== "unknown") return withEngine(DATABASES[store.provider], store.engine);
	return DATABASES[engineFamily(store.engine) === "sqlite" ? "sqlite" : "self-managed"];
}

export interface Capabilities {
	/** "on": the inputs enable it, or the provider includes it; "off": the inputs say it is not enabled, or it is a paid add-on the inputs do not mention; "none": the provider or plan has none. */
	pitr: "on" | "off" | "none";
	/** Why it is off: the inputs say so, or an add-on they do not mention. */
	pitrOffBecause?: "inputs" | "add-on";
	/** True when the inputs say so; false when they rule it out or the provider has none; undefined when unsaid. */
	standby: boolean | undefined;
	/** A replica or secondary that lives in another region. */
	crossRegion: boolean;
	/** Replicas of any kind (read, standby, global table, geo). */
	replicas: boolean;
	/** More than one region accepts writes (DynamoDB global tables). */
	multiWriter: boolean;
}

const NOT_PITR = /\bpitr\b|point[- ]in[- ]time|rollback|continuous backup|instant restore/i;
const NOT_HA = /\bha\b|high[- ]availability|standby|multi-az|failover/i;

export function capabilities(store: StoreLike, db: DbFacts = storeFacts(store)): Capabilities {
	const saidOff = store.pitr?.enabled === false || store.notEnabled.some((n) => NOT_PITR.test(n));
	const addOnMissing = db.pitrAddOn === true && store.pitr?.enabled !== true;
	const pitr = saidOff || addOnMissing ? "off" : store.pitr?.enabled || db.pitr ? "on" : "none";
	const haOff = store.ha === false || store.notEnabled.some((n) => NOT_HA.test(n));
	const standby = haOff
		? false
		: store.ha === true
			? true
			: store.replicas.some((r) => r.kind === "standby") || undefined;
	const crossRegion = store.replicas.some(
		(r) => r.kind !== "standby" && (!store.region || r.region !== store.region),
	);
	return {
		pitr,
		pitrOffBecause: saidOff ? "inputs" : addOnMissing ? "add-on" : undefined,
		standby,
		crossRegion,
		replicas: store.replicas.length > 0,
		multiWriter: store.replicas.some((r) => r.kind === "global-table"),
	};
}

/** Words that claim a mechanism exists: a sentence with one is true only when the inputs provide it. */
export const MECHANISM_TERMS = {
	pitr: /point-in-time (restore|recovery)|\bPITR\b|continuous protection|log archiving every/i,
	standby: /\bstandby\b|\bfails? over to\b|Multi-AZ/i,
	replica:
		/\bread replicas?\b|\bfollowers?\b|\bGlobal Database\b|\bglobal tables?\b|\bfailover groups?\b|replicates continuously|\bpromote the (data tier|replica)\b/i,
	crossRegion: /replicates continuously|cross-region (read )?replica/i,
};

/** The mechanism words of a text that the store does not have (the provider offers them; the inputs do not). */
export function unprovided(text: string, caps: Capabilities): (keyof typeof MECHANISM_TERMS)[] {
	const out: (keyof typeof MECHANISM_TERMS)[] = [];
	if (caps.pitr !== "on" && MECHANISM_TERMS.pitr.test(text)) out.push("pitr");
	if (caps.standby !== true && MECHANISM_TERMS.standby.test(text)) out.push("standby");
	if (!caps.replicas && MECHANISM_TERMS.replica.test(text)) out.push("replica");
	else if (!caps.crossRegion && MECHANISM_TERMS.crossRegion.test(text)) out.push("crossRegion");
	return out;
}
