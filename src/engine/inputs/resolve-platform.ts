// The platform, cloud and regions of the stack, and the stack inputs the other stack resolvers share.
// Throughout the stack: structured fields first (hosting objects, service lists, ci_cd lists); free text only when no
// field answers, and never over text that speaks of alternatives, rejected options or rationale. Two text candidates
// with no field to decide: a conflict.

import { type Cloud, PLATFORMS, type PlatformId } from "../knowledge/platforms";
import { at, type Loose, listOf, textOf } from "./lenient";
import type { ProjectModel, Provenance } from "./model";
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

export function infra(h03: Loose): Loose {
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
export function chosenText(docs: StackDocs): { doc: Doc; found: Found }[] {
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
