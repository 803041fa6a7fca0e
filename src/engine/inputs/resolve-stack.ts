// The stack part of the model: platform, cloud, services, data stores, CI, IaC, delivery tools. Structured fields
// first (hosting objects, service lists, ci_cd lists); free text only when no field answers, and never over text that
// speaks of alternatives, rejected options or rationale. Two text candidates with no field to decide: a conflict.

import { CI_TOOLS, type CiToolId } from "../knowledge/cicd";
import { type DbProviderId, defaultDatabaseFor, detectDatabase } from "../knowledge/databases";
import { IAC_TOOLS, type IacToolId } from "../knowledge/iac";
import { type Cloud, PLATFORMS, type PlatformId } from "../knowledge/platforms";
import { at, type Loose, listOf, textOf } from "./lenient";
import type {
	DataStoreModel,
	DataStoreRole,
	ProjectModel,
	Provenance,
	ServiceKind,
	ServiceModel,
	Sourced,
} from "./model";
import {
	chosenSentences,
	chosenStrings,
	clean,
	type Doc,
	earliest,
	type Found,
	firstAt,
	flatText,
	prov,
	rejectedLabels,
	saysNone,
	sourced,
} from "./resolve-util";

export interface StackDocs {
	h00?: Doc;
	h03?: Doc;
	h05?: Doc;
	h08?: Doc;
	h09?: Doc;
	s03?: Doc;
}

const PLATFORM_OPTIONS = (Object.keys(PLATFORMS) as PlatformId[]).map((id) => ({
	id,
	re: new RegExp(PLATFORMS[id].detect.source, PLATFORMS[id].detect.flags.replace("g", "")),
}));

/** A platform named in a structured field: the first one named there (specific names beat generic words). */
export function platformIn(text: string | undefined): PlatformId | undefined {
	if (!text) return undefined;
	const specific = PLATFORM_OPTIONS.filter((o) => o.id !== "vm" && o.id !== "kubernetes");
	return (
		earliest(text, specific) ??
		earliest(
			text,
			PLATFORM_OPTIONS.filter((o) => o.id === "kubernetes"),
		) ??
		earliest(
			text,
			PLATFORM_OPTIONS.filter((o) => o.id === "vm"),
		)
	);
}

function infra(h03: Loose): Loose {
	return at(h03, "key_outputs", "infrastructure") ?? at(h03, "infrastructure");
}

const HOSTING_KEYS = ["backend_hosting", "hosting", "compute", "platform", "backend", "runtime_platform"];
const HOSTING_OBJECT_KEYS = [
	"platform",
	"service",
	"provider",
	"type",
	"name",
	"product",
	"runtime",
	"orchestrator",
];

interface PlatformPick {
	id: PlatformId;
	label: string;
	from: Provenance;
	object?: Loose;
}

/** The backend platform from handoff 03's hosting field (string or object) or handoff 00's compute decision. */
function structuredPlatform(docs: StackDocs): PlatformPick | undefined {
	const h03 = docs.h03;
	if (h03?.data) {
		const base = at(h03.data, "key_outputs", "infrastructure")
			? "key_outputs.infrastructure"
			: "infrastructure";
		for (const key of HOSTING_KEYS) {
			const v = at(infra(h03.data), key);
			if (typeof v === "string") {
				const id = platformIn(v);
				if (id) return { id, label: clean(v)!, from: prov(h03, `${base}.${key}`, "structured") };
			} else if (v && typeof v === "object" && !Array.isArray(v)) {
				for (const k of HOSTING_OBJECT_KEYS) {
					const t = textOf(at(v, k));
					const id = platformIn(t);
					if (id)
						return { id, label: clean(t)!, from: prov(h03, `${base}.${key}.${k}`, "structured"), object: v };
				}
			}
		}
	}
	const h00 = docs.h00;
	if (h00?.data) {
		const decisions = listOf(at(h00.data, "technology_decisions"));
		for (const [i, d] of decisions.entries()) {
			const component = textOf(at(d, "component")) ?? "";
			if (!/compute|hosting|platform|backend|runtime|infrastructure|deploy/i.test(component)) continue;
			const choice = textOf(at(d, "choice"));
			const id = platformIn(choice);
			if (id)
				return {
					id,
					label: clean(choice)!,
					from: prov(h00, `technology_decisions[${i}].choice`, "structured"),
				};
		}
	}
	return undefined;
}

/** A hosting field that names something, known or not (its label and where it is). */
function namedHosting(docs: StackDocs): { label: string; from: Provenance } | undefined {
	const h03 = docs.h03;
	if (!h03?.data) return undefined;
	const base = at(h03.data, "key_outputs", "infrastructure")
		? "key_outputs.infrastructure"
		: "infrastructure";
	for (const key of HOSTING_KEYS) {
		const v = at(infra(h03.data), key);
		const t =
			typeof v === "string"
				? v
				: v && typeof v === "object" && !Array.isArray(v)
					? HOSTING_OBJECT_KEYS.map((k) => textOf(at(v, k))).find(Boolean)
					: undefined;
		if (t && !saysNone(t) && textOf(t))
			return { label: clean(t)!, from: prov(h03, `${base}.${key}`, "structured") };
	}
	return undefined;
}

/** Chosen text of the stack inputs: handoff 03 and 00 fields that are not alternatives, then section 03's sentences. */
function chosenText(docs: StackDocs): { doc: Doc; found: Found }[] {
	const out: { doc: Doc; found: Found }[] = [];
	for (const doc of [docs.h03, docs.h00]) {
		if (!doc?.data) continue;
		for (const f of chosenStrings(doc.data)) {
			if (/^next_section_context\.for_section_0[1-9]$/.test(f.path)) continue;
			out.push({ doc, found: f });
		}
	}
	if (docs.s03?.text) for (const f of chosenSentences(docs.s03.text)) out.push({ doc: docs.s03, found: f });
	return out;
}

function variantOf(id: PlatformId, text: string): string | undefined {
	if (id === "kubernetes") {
		if (/autopilot/i.test(text)) return "gke-autopilot";
		if (/\bgke\b|google kubernetes/i.test(text)) return "gke";
		if (/\beks\b|elastic kubernetes/i.test(text)) return "eks";
		if (/\baks\b|azure kubernetes/i.test(text)) return "aks";
		if (/openshift/i.test(text)) return "openshift";
	}
	if (id === "ecs") return /fargate/i.test(text) ? "fargate" : /\bec2\b/i.test(text) ? "ec2" : undefined;
	if (id === "vm") {
		if (/hetzner/i.test(text)) return "hetzner";
		if (/\bec2\b/i.test(text)) return "ec2";
		if (/compute engine/i.test(text)) return "compute-engine";
		if (/droplet/i.test(text)) return "droplet";
	}
	if (id === "heroku" && /private spaces?|shield/i.test(text)) return "private-space";
	return undefined;
}

function cloudOfText(text: string): Cloud | undefined {
	if (/\b(aws|amazon|eks|ecs|fargate|lambda|dynamodb|aurora|cloudfront)\b/i.test(text)) return "aws";
	if (/\b(gcp|google cloud|gke|cloud run|cloud sql|bigquery|pub\/sub|memorystore)\b/i.test(text))
		return "gcp";
	if (/\b(azure|aks|app service|cosmos ?db|container apps)\b/i.test(text)) return "azure";
	return undefined;
}

const REGION_RE =
	/\b((?:us|eu|ap|sa|ca|me|af|il)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-?\d|(?:us|europe|asia|australia|northamerica|southamerica|me|africa)-[a-z]+\d|(?:west|east|north|south|central|northcentral|southcentral|westcentral)(?:us|europe|uk|asia)\d?|nyc\d|sfo\d|ams\d|fra\d|lon\d|sgp\d|fsn1|hel1|nbg1|iad|ord|lhr|cdg|fra|syd)\b/gi;

export function regionsIn(text: string | undefined): string[] {
	if (!text) return [];
	const out: string[] = [];
	for (const m of text.matchAll(REGION_RE)) {
		const r = m[1]!.toLowerCase();
		if (!out.includes(r)) out.push(r);
	}
	return out;
}

export function resolvePlatform(
	docs: StackDocs,
	conflicts: ProjectModel["conflicts"],
): { platform: ProjectModel["platform"]; frontend?: ProjectModel["frontend"]; cloud: ProjectModel["cloud"] } {
	let pick = structuredPlatform(docs);
	const named = pick ? undefined : namedHosting(docs);
	if (!pick && !named) {
		// Free text: count mentions of each platform in the chosen text; one candidate is a text answer, several a conflict.
		const counts = new Map<PlatformId, { n: number; first: { doc: Doc; found: Found } }>();
		for (const entry of chosenText(docs)) {
			for (const o of PLATFORM_OPTIONS) {
				if (PLATFORMS[o.id].family === "static-frontend") continue;
				if (!o.re.test(entry.found.text)) continue;
				const c = counts.get(o.id);
				if (c) c.n += 1;
				else counts.set(o.id, { n: 1, first: entry });
			}
		}
		// Kubernetes words also name managed-Kubernetes wrappers; a generic VM word beside a specific platform is noise.
		if (counts.size > 1) counts.delete("vm");
		const ranked = [...counts.entries()].sort((a, b) => b[1].n - a[1].n);
		if (ranked.length > 0) {
			const [id, c] = ranked[0]!;
			pick = { id, label: PLATFORMS[id].name, from: prov(c.first.doc, c.first.found.path, "text") };
			if (ranked.length > 1)
				conflicts.push({
					what: "backend platform",
					candidates: ranked.map(([p]) => PLATFORMS[p].name),
					chosen: PLATFORMS[id].name,
					from: ranked.map(([, v]) => prov(v.first.doc, v.first.found.path, "text")),
				});
		}
	}
	const frontendField = docs.h03?.data
		? firstAt(infra(docs.h03.data), [["frontend_hosting"], ["frontend"]])
		: undefined;
	const frontendText = flatText(frontendField?.value);
	const frontendId = saysNone(frontendText) ? undefined : platformIn(frontendText);

	if (!pick && named) {
		// The inputs name a host the knowledge base does not cover: say so; never pick one from the rest of the text.
		const id: PlatformId = frontendId ?? "render";
		conflicts.push({
			what: "backend platform not in the knowledge base",
			candidates: [named.label],
			chosen: PLATFORMS[id].name,
			from: [named.from],
		});
		pick = { id, label: named.label, from: { ...named.from, confidence: "assumed" } };
	}
	if (!pick) {
		const id: PlatformId = frontendId ?? "render";
		pick = {
			id,
			label: PLATFORMS[id].name,
			from: {
				file: docs.h03?.file ?? "genesis_output/handoffs/handoff_03_technology_stack.json",
				confidence: "assumed",
			},
		};
	}
	const objectText = pick.object ? (flatText(pick.object) ?? "") : "";
	const hostingText = `${pick.label} ${objectText}`;
	const regions = regionsIn(
		[
			hostingText,
			flatText(at(infra(docs.h03?.data), "regions")),
			flatText(at(infra(docs.h03?.data), "region")),
		]
			.filter(Boolean)
			.join(" "),
	);
	const platform: ProjectModel["platform"] = {
		value: pick.id,
		name: PLATFORMS[pick.id].name,
		from: pick.from,
		label: pick.label,
		regions,
	};
	const variant = variantOf(pick.id, hostingText);
	if (variant) platform.variant = variant;

	// Cloud: the platform's own, else a structured cloud field, else the hosting text, else the chosen text.
	let cloud: ProjectModel["cloud"];
	const own = PLATFORMS[pick.id].cloud;
	const variantCloud: Record<string, Cloud> = {
		"gke-autopilot": "gcp",
		gke: "gcp",
		eks: "aws",
		aks: "azure",
		ec2: "aws",
		"compute-engine": "gcp",
	};
	const cloudField = docs.h03?.data
		? firstAt(infra(docs.h03.data), [["cloud"], ["cloud_provider"], ["provider"]])
		: undefined;
	if (own) cloud = sourced(own, pick.from);
	else if (variant && variantCloud[variant]) cloud = sourced(variantCloud[variant]!, pick.from);
	else if (cloudField && cloudOfText(flatText(cloudField.value) ?? ""))
		cloud = sourced(
			cloudOfText(flatText(cloudField.value)!)!,
			prov(docs.h03!, `key_outputs.infrastructure.${cloudField.path}`, "structured"),
		);
	else if (cloudOfText(hostingText)) cloud = sourced(cloudOfText(hostingText)!, pick.from);
	else if (
		pick.id === "vm" ||
		PLATFORMS[pick.id].family === "paas" ||
		PLATFORMS[pick.id].family === "static-frontend"
	)
		cloud = sourced("none" as Cloud, { ...pick.from, confidence: pick.from.confidence });
	else {
		const clouds = new Map<Cloud, Provenance>();
		for (const e of chosenText(docs)) {
			const c = cloudOfText(e.found.text);
			if (c && !clouds.has(c)) clouds.set(c, prov(e.doc, e.found.path, "text"));
		}
		const list = [...clouds.entries()];
		if (list.length === 1) cloud = sourced(list[0]![0], list[0]![1]);
		else {
			if (list.length > 1)
				conflicts.push({
					what: "cloud",
					candidates: list.map(([c]) => c.toUpperCase()),
					from: list.map(([, p]) => p),
				});
			cloud = sourced("none" as Cloud, { file: pick.from.file, confidence: "assumed" });
		}
	}

	let frontend: ProjectModel["frontend"];
	if (frontendId && frontendId !== pick.id && frontendField && docs.h03)
		frontend = {
			value: frontendId,
			name: PLATFORMS[frontendId].name,
			label: clean(frontendText)!,
			from: prov(docs.h03, `key_outputs.infrastructure.${frontendField.path}`, "structured"),
		};
	return { platform, frontend, cloud };
}

// ---- services ------------------------------------------------------------------------------------------------

function kindOf(name: string, desc: string, hint?: ServiceKind): ServiceKind {
	const t = `${name} ${desc}`;
	if (hint) return hint;
	if (/\bmigrat|release phase|release:|pre[- _]?deploy/i.test(t)) return "job";
	if (/\b(cron|schedul|hourly|nightly|daily|weekly)\b/i.test(t)) return "cron";
	if (/\b(worker|consumer|sidekiq|celery|queue|procrastinate|background|processor|listener)\b/i.test(t))
		return "worker";
	if (/\b(static|spa|site|cdn)\b/i.test(t)) return "static";
	if (/\b(function|lambda)\b/i.test(t)) return "function";
	if (/\b(api|gateway|backend|ingest|query|grpc|rest)\b/i.test(t)) return "api";
	if (/\b(job|task|batch|export|report)\b/i.test(t)) return "worker";
	return "web";
}

function ingressOf(kind: ServiceKind, ingressField: Loose): boolean {
	const t = textOf(ingressField);
	if (t !== undefined) return !/^(none|false|no|internal|disabled)\b/i.test(t);
	return kind === "web" || kind === "api" || kind === "static";
}

/** A service name from a string item: a quoted name, a leading slug, or the whole (short) item. */
function nameFromItem(s: string): string | undefined {
	const quoted = /['"‘“]([A-Za-z0-9][\w.-]{0,40})['"’”]/.exec(s);
	if (quoted) return quoted[1];
	const lead = /^\s*([a-z0-9][a-z0-9._-]{1,40})\b(?=\s*(?:[:(–—-]|$))/i.exec(s);
	if (lead && !/^(web|worker|service|the|a|an)$/i.test(lead[1]!)) return lead[1];
	return s.length <= 40 ? s.trim() : undefined;
}

function addService(out: ServiceModel[], svc: ServiceModel): void {
	const name = clean(svc.name);
	if (!name || out.some((s) => s.name.toLowerCase() === name.toLowerCase())) return;
	out.push({ ...svc, name });
}

/** Every service, worker, job, cron and static site in handoff 03 (lists, maps, app objects) and 05's components. */
export function resolveServices(docs: StackDocs, fallbackName: string): ServiceModel[] {
	const out: ServiceModel[] = [];
	const h03 = docs.h03;
	const inf = infra(h03?.data);
	const base = at(h03?.data, "key_outputs", "infrastructure")
		? "key_outputs.infrastructure"
		: "infrastructure";
	if (h03 && inf && typeof inf === "object") {
		const visit = (value: Loose, path: string, hint?: ServiceKind) => {
			if (typeof value === "string") {
				if (saysNone(value)) return;
				const name = nameFromItem(value);
				if (!name) return;
				const kind = kindOf(name, value, hint);
				const cmd = /:\s*(.+)$/.exec(value)?.[1];
				addService(out, {
					name,
					kind,
					ingress: ingressOf(kind, undefined),
					...(kind === "job" || kind === "cron" ? { command: clean(cmd) } : {}),
					...(kind === "job" && /pre[- _]?deploy|release|migrat/i.test(value) ? { preDeploy: true } : {}),
					...(kind === "cron"
						? {
								schedule: clean(
									/\b(hourly|nightly|daily|weekly|every [^,;)]+|\d+ [\d*]+ [\d*]+ [\d*]+ [\d*]+)\b/i.exec(
										value,
									)?.[0],
								),
							}
						: {}),
					from: prov(h03, path, "structured"),
				});
			} else if (value && typeof value === "object" && !Array.isArray(value)) {
				const name = textOf(at(value, "name")) ?? textOf(at(value, "service"));
				if (!name) return;
				const desc = flatText(value) ?? "";
				const kind = kindOf(name, `${desc} ${textOf(at(value, "trigger")) ?? ""}`, hint);
				const schedule = textOf(at(value, "cron")) ?? textOf(at(value, "schedule"));
				addService(out, {
					name,
					kind: schedule && (kind === "job" || kind === "worker") && !/migrat/i.test(name) ? "cron" : kind,
					ingress: ingressOf(kind, at(value, "ingress")),
					...(schedule ? { schedule: clean(schedule) } : {}),
					...(textOf(at(value, "command")) ? { command: clean(textOf(at(value, "command"))) } : {}),
					...(/migrat|pre[- _]?deploy/i.test(desc) && kind === "job" ? { preDeploy: true } : {}),
					from: prov(h03, path, "structured"),
				});
			}
		};
		// Lists of services under the hosting object and the infrastructure block.
		const listPaths: [string[], ServiceKind | undefined][] = [
			[["backend_hosting", "services"], undefined],
			[["hosting", "services"], undefined],
			[["services"], undefined],
			[["container_apps"], undefined],
			[["apps_list"], undefined],
			[["workers"], "worker"],
			[["jobs"], "job"],
			[["cron_jobs"], "cron"],
			[["crons"], "cron"],
			[["scheduled_jobs"], "cron"],
			[["functions"], "function"],
		];
		for (const [keys, hint] of listPaths) {
			const v = at(inf, ...keys);
			if (!Array.isArray(v)) continue;
			v.forEach((item, i) => {
				visit(item, `${base}.${keys.join(".")}[${i}]`, hint);
			});
		}
		// Maps of role → description: components {web, worker, static_site, jobs[]}, dynos {web, worker, release}.
		for (const mapKey of ["components", "dynos", "processes", "process_types"]) {
			const m = at(inf, mapKey);
			if (!m || typeof m !== "object" || Array.isArray(m)) continue;
			for (const [role, v] of Object.entries(m as Record<string, Loose>)) {
				const path = `${base}.${mapKey}.${role}`;
				const hint: ServiceKind | undefined = /static/i.test(role)
					? "static"
					: /worker/i.test(role)
						? "worker"
						: /release|migrat/i.test(role)
							? "job"
							: /cron|schedul/i.test(role)
								? "cron"
								: /^web$/i.test(role)
									? "web"
									: undefined;
				if (Array.isArray(v)) {
					v.forEach((item, i) => {
						visit(item, `${path}[${i}]`, /job/i.test(role) ? undefined : hint);
					});
				} else if (typeof v === "string") {
					const quoted = /['"‘“]([A-Za-z0-9][\w.-]{0,40})['"’”]/.exec(v)?.[1];
					const kind = kindOf(role, v, hint);
					addService(out, {
						name: quoted ?? role,
						kind,
						ingress: ingressOf(kind, undefined),
						...(kind === "job"
							? {
									preDeploy: /release|migrat|pre[- _]?deploy/i.test(`${role} ${v}`),
									command: clean(/(?:release:|:)\s*([^)]+)\)?$/.exec(v)?.[1]),
								}
							: {}),
						from: prov(h03, path, "structured"),
					});
				} else visit(v, path, hint);
			}
		}
	}
	// Handoff 03's top-level functions list (serverless stacks).
	if (h03?.data) {
		const fns = at(h03.data, "functions");
		if (Array.isArray(fns))
			fns.forEach((f, i) => {
				const name =
					typeof f === "string" ? nameFromItem(f) : (textOf(at(f, "name")) ?? textOf(at(f, "function")));
				if (!name) return;
				const trigger = typeof f === "string" ? f : (flatText(f) ?? "");
				addService(out, {
					name,
					kind: /\b(schedule|cron|rate\()/i.test(trigger)
						? "cron"
						: /\b(sqs|queue|stream|event)\b/i.test(trigger)
							? "worker"
							: "function",
					ingress: /\b(api|http|gateway|url)\b/i.test(trigger),
					from: prov(h03, `functions[${i}]`, "structured"),
				});
			});
	}
	// Handoff 05's deployable components, when 03 names none.
	if (out.length === 0 && docs.h05?.data) {
		const comps = at(docs.h05.data, "key_outputs", "major_components") ?? at(docs.h05.data, "components");
		listOf(comps).forEach((c, i) => {
			const name = typeof c === "string" ? nameFromItem(c) : textOf(at(c, "name"));
			if (!name) return;
			const desc = typeof c === "string" ? c : (flatText(c) ?? "");
			const kind = kindOf(name, desc);
			addService(out, {
				name,
				kind,
				ingress: ingressOf(kind, at(c, "ingress")),
				from: prov(docs.h05!, `key_outputs.major_components[${i}]`, "structured"),
			});
		});
	}
	if (out.length === 0)
		out.push({
			name: fallbackName,
			kind: "web",
			ingress: true,
			from: {
				file: docs.h03?.file ?? "genesis_output/handoffs/handoff_03_technology_stack.json",
				confidence: "assumed",
			},
		});
	return out;
}

// ---- data stores ---------------------------------------------------------------------------------------------

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
					replication = text;
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
					const retention = /(\d+)\s*(?:retained|days? retention|-day retention)|retain(?:ed)?\s*(\d+)/i.exec(
						full,
					);
					const schedule = /\b(hourly|daily|nightly|weekly)\b[^,;]*/i.exec(backupText || full)?.[0];
					if (retention || schedule)
						store.backups = {
							...(schedule ? { schedule: clean(schedule) } : {}),
							...(retention ? { retentionDays: Number(retention[1] ?? retention[2]) } : {}),
						};
				}
				out.push(store);
			});
		}
		// Replicas named in their own field attach to the primary; a replication block sets HA and standbys.
		const primary = out.find((s) => s.role === "primary");
		if (primary && replication) {
			if (/synchronous|sync_standby|sync standby/i.test(replication)) primary.ha = true;
			if (!primary.replicas.length)
				primary.replicas.push({ kind: /sync/i.test(replication) ? "standby" : "read" });
		}
		if (primary) {
			for (const r of out.filter((s) => s.role === "replica")) {
				primary.replicas.push({
					region: r.region ?? regionsIn(flatText(at(dbs, "read_replica")) ?? "")[0],
					kind: "read",
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

// ---- CI, IaC, delivery tools, registry, environments, languages, rejected --------------------------------------

const CI_OPTIONS = (Object.keys(CI_TOOLS) as CiToolId[]).map((id) => ({ id, re: CI_TOOLS[id].detect }));
const IAC_OPTIONS = (Object.keys(IAC_TOOLS) as IacToolId[]).map((id) => ({ id, re: IAC_TOOLS[id].detect }));

export function resolveCi(docs: StackDocs, conflicts: ProjectModel["conflicts"]): ProjectModel["ci"] {
	const h03 = docs.h03;
	const field = h03?.data ? firstAt(infra(h03.data), [["ci_cd"], ["ci"], ["cicd"], ["pipeline"]]) : undefined;
	if (h03 && field) {
		const items = Array.isArray(field.value) ? field.value : [field.value];
		for (const [i, item] of items.entries()) {
			const t = flatText(item);
			const id = t ? earliest(t, CI_OPTIONS) : undefined;
			if (id)
				return {
					value: id,
					name: CI_TOOLS[id].name,
					label: clean(t)!,
					from: prov(
						h03,
						`key_outputs.infrastructure.${field.path}${Array.isArray(field.value) ? `[${i}]` : ""}`,
						"structured",
					),
				};
		}
	}
	const seen = new Map<CiToolId, Provenance>();
	for (const e of chosenText(docs)) {
		for (const o of CI_OPTIONS)
			if (o.re.test(e.found.text) && !seen.has(o.id)) seen.set(o.id, prov(e.doc, e.found.path, "text"));
	}
	const list = [...seen.entries()];
	if (list.length > 1)
		conflicts.push({
			what: "CI/CD tool",
			candidates: list.map(([c]) => CI_TOOLS[c].name),
			from: list.map(([, p]) => p),
		});
	if (list.length === 1)
		return {
			value: list[0]![0],
			name: CI_TOOLS[list[0]![0]].name,
			label: CI_TOOLS[list[0]![0]].name,
			from: list[0]![1],
		};
	return {
		value: "github-actions",
		name: CI_TOOLS["github-actions"].name,
		label: CI_TOOLS["github-actions"].name,
		from: {
			file: h03?.file ?? "genesis_output/handoffs/handoff_03_technology_stack.json",
			confidence: "assumed",
		},
	};
}

export function resolveIac(docs: StackDocs): Sourced<IacToolId> | undefined {
	const h03 = docs.h03;
	const field = h03?.data
		? firstAt(infra(h03.data), [["iac"], ["infrastructure_as_code"], ["provisioning"]])
		: undefined;
	if (h03 && field) {
		const t = flatText(field.value) ?? "";
		if (saysNone(t)) return undefined;
		const first = t.split(/(?<=[.;])\s/)[0] ?? t;
		const id = earliest(first, IAC_OPTIONS);
		if (id) return sourced(id, prov(h03, `key_outputs.infrastructure.${field.path}`, "structured"));
		// A tool the knowledge base does not list (Ansible, AWS SAM) is still the answer: no guess from other text.
		return undefined;
	}
	for (const e of chosenText(docs)) {
		const id = earliest(e.found.text, IAC_OPTIONS);
		if (id) return sourced(id, prov(e.doc, e.found.path, "text"));
	}
	return undefined;
}

export function resolveDelivery(
	docs: StackDocs,
): Pick<ProjectModel, "gitops" | "progressive" | "registry" | "environments"> {
	const out: Pick<ProjectModel, "gitops" | "progressive" | "registry" | "environments"> = {};
	for (const e of chosenText(docs)) {
		const t = e.found.text;
		if (!out.gitops) {
			const g = earliest(t, [
				{ id: "flux" as const, re: /\bflux( ?cd)?\b/i },
				{ id: "argo-cd" as const, re: /\bargo ?cd\b/i },
			]);
			if (g)
				out.gitops = sourced(
					g,
					prov(e.doc, e.found.path, e.found.path.startsWith("line") ? "text" : "structured"),
				);
		}
		if (!out.progressive) {
			const p = earliest(t, [
				{ id: "flagger" as const, re: /\bflagger\b/i },
				{ id: "argo-rollouts" as const, re: /\bargo rollouts?\b/i },
				{ id: "codedeploy" as const, re: /\bcodedeploy\b|\bdeploymentpreference\b|\bautopublishalias\b/i },
			]);
			if (p)
				out.progressive = sourced(
					p,
					prov(e.doc, e.found.path, e.found.path.startsWith("line") ? "text" : "structured"),
				);
		}
	}
	const h03 = docs.h03;
	if (h03?.data) {
		const reg = firstAt(infra(h03.data), [["container_registry"], ["registry"], ["image_registry"]]);
		const t = flatText(reg?.value);
		if (reg && t && !saysNone(t))
			out.registry = sourced(clean(t)!, prov(h03, `key_outputs.infrastructure.${reg.path}`, "structured"));
		const envs = firstAt(infra(h03.data), [["environments"]]);
		if (envs) {
			const list = Array.isArray(envs.value)
				? envs.value.map(textOf).filter((x): x is string => Boolean(x))
				: envs.value && typeof envs.value === "object"
					? Object.keys(envs.value as object)
					: (textOf(envs.value) ?? "")
							.split(/[,/]|\band\b/)
							.map((s) => s.trim())
							.filter(Boolean);
			if (list.length)
				out.environments = sourced(
					list.map((x) => clean(x)!),
					prov(h03, `key_outputs.infrastructure.${envs.path}`, "structured"),
				);
		}
	}
	return out;
}

const RUNTIMES =
	/^(python|node(\.?js)?|go(lang)?|ruby|java|jdk|openjdk|temurin|dotnet|\.net|php|rust|bun|deno|elixir|erlang|kotlin|scala|typescript)\b/i;

export function resolveLanguages(docs: StackDocs): ProjectModel["languages"] {
	const out: ProjectModel["languages"] = [];
	const h03 = docs.h03;
	if (!h03?.data) return out;
	listOf(at(h03.data, "version_constraints")).forEach((vc, i) => {
		const pkg = textOf(at(vc, "package")) ?? textOf(at(vc, "name"));
		if (!pkg || !RUNTIMES.test(pkg)) return;
		const version = textOf(at(vc, "version"));
		out.push({
			name: clean(pkg)!,
			...(version ? { version: clean(version) } : {}),
			from: prov(h03, `version_constraints[${i}]`, "structured"),
		});
	});
	const runtime = textOf(at(h03.data, "key_outputs", "backend_stack", "runtime"));
	if (runtime) {
		for (const part of runtime.split(/[;,+]/)) {
			const m =
				/\b(python|node(?:\.?js)?|go|ruby|java|\.net|dotnet|php|rust|bun|deno|elixir|kotlin)\s*v?(\d+(?:\.\d+){0,2})?/i.exec(
					part,
				);
			if (!m) continue;
			const name = m[1]!;
			if (out.some((l) => l.name.toLowerCase().startsWith(name.toLowerCase().slice(0, 4)))) continue;
			out.push({
				name,
				...(m[2] ? { version: m[2] } : {}),
				from: prov(h03, "key_outputs.backend_stack.runtime", "structured"),
			});
		}
	}
	return out;
}

export function resolveRejected(docs: (Doc | undefined)[]): ProjectModel["rejected"] {
	const out: ProjectModel["rejected"] = [];
	for (const doc of docs) {
		if (!doc?.data) continue;
		for (const f of rejectedLabels(doc.data)) {
			const label = clean(f.text);
			if (label && !out.some((r) => r.label === label))
				out.push({ label, from: prov(doc, f.path, "structured") });
		}
	}
	return out;
}
