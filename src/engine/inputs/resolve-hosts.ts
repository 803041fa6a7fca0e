// The servers of a VM or dedicated-server stack: configuration tool, containers or none, load balancer, provider,
// sites and artefact store. Structured hosting fields first, then the rest of the chosen text (never alternatives).

import {
	BALANCERS,
	type BalancerId,
	CONFIG_TOOLS,
	type ConfigToolId,
	detectIn,
	HOST_PROVIDERS,
	type HostProviderId,
} from "../knowledge/vms";
import type { HostsModel, ProjectModel, Sourced } from "./model";
import { chosenText, type StackDocs } from "./resolve-platform";
import { type Doc, type Found, prov, saysNone, sourced } from "./resolve-util";

interface Entry {
	doc: Doc;
	found: Found;
}

/** The inputs rule containers out of production ("None in production (ADR-007)", "no containers", "without Docker"). */
const NO_CONTAINERS =
	/\bno (kubernetes\s*(\/|or|and)\s*)?(docker|containers?)\b|\bwithout (docker|containers)\b|\bno containeri[sz]ation\b|\bcontainers?:?\s*(none|not used)\b/i;
const CONTAINERS = /\b(docker( compose)?|compose|podman|containers?|containeri[sz]ed)\b/i;
const CONTAINER_FIELD = /containeri[sz]ation|(^|\.)containers?$|container_runtime/i;
const DEDICATED = /\bdedicated( servers?| hosts?)?\b|\bbare[- ]metal\b|\broot servers?\b|\brobot\b/i;
const CLOUD_VMS =
	/\b(vms?|virtual machines?|cloud (servers?|vms?)|vps|droplets?|ec2|compute engine|instances?)\b/i;
const STORES: { id: string; re: RegExp }[] = [
	{ id: "Nexus", re: /\b(sonatype )?nexus\b/i },
	{ id: "Artifactory", re: /\bartifactory\b/i },
	{ id: "the GitLab package registry", re: /\bgitlab (package|generic packages?) registry\b/i },
];

function src<T>(value: T, e: Entry): Sourced<T> {
	return sourced(value, prov(e.doc, e.found.path, e.found.path.startsWith("line") ? "text" : "structured"));
}

/** Entries in the order a hosting fact is read: the platform's own field, then hosting-like fields, then the rest. */
function ordered(entries: Entry[], platformPath: string | undefined, like: RegExp): Entry[] {
	const own = entries.filter((e) => platformPath && e.found.path.startsWith(platformPath));
	const near = entries.filter((e) => !own.includes(e) && like.test(e.found.path));
	return [...own, ...near, ...entries.filter((e) => !own.includes(e) && !near.includes(e))];
}

function first<T>(entries: Entry[], pick: (text: string) => T | undefined): Sourced<T> | undefined {
	for (const e of entries) {
		const v = pick(e.found.text);
		if (v !== undefined) return src(v, e);
	}
	return undefined;
}

function containersOf(entries: Entry[], platform: ProjectModel["platform"]): Sourced<boolean> | undefined {
	for (const e of entries) {
		if (CONTAINER_FIELD.test(e.found.path) && saysNone(e.found.text)) return src(false, e);
		if (NO_CONTAINERS.test(e.found.text)) return src(false, e);
	}
	if (CONTAINERS.test(platform.label)) return sourced(true, platform.from);
	return first(entries, (t) => (CONTAINERS.test(t) && !/testcontainers/i.test(t) ? true : undefined));
}

/** Sites of the application servers: the platform's regions, a site called standby or passive marked so. */
function sitesOf(platform: ProjectModel["platform"], entries: Entry[]): HostsModel["sites"] {
	const text = [platform.label, ...entries.map((e) => e.found.text)].join("\n");
	return platform.regions.map((name) => ({
		name,
		standby: new RegExp(
			`\\b${name}\\b[^,;.\\n]{0,24}\\b(standby|passive|backup|dr site)\\b|\\b(standby|passive|dr site)\\b[^,;.\\n]{0,12}\\b${name}\\b`,
			"i",
		).test(text),
	}));
}

export function resolveHosts(docs: StackDocs, platform: ProjectModel["platform"]): HostsModel | undefined {
	if (platform.value !== "vm") return undefined;
	const entries: Entry[] = chosenText(docs);
	const byConfig = ordered(
		entries,
		undefined,
		/iac|provision|config|automation|deploy|ci_?cd|orchestrat|key_technologies/i,
	);
	const byEdge = ordered(
		entries,
		platform.from.path,
		/hosting|edge|balanc|proxy|ingress|network|servers|\blb\b/i,
	);
	const hosts: HostsModel = { sites: sitesOf(platform, entries) };
	const configTool = first<ConfigToolId>(byConfig, (t) => detectIn(t, CONFIG_TOOLS));
	if (configTool) hosts.configTool = { ...configTool, name: CONFIG_TOOLS[configTool.value].name };
	const containers = containersOf(entries, platform);
	if (containers) hosts.containers = containers;
	const balancer = first<BalancerId>(byEdge, (t) => detectIn(t, BALANCERS));
	if (balancer) hosts.balancer = { ...balancer, name: BALANCERS[balancer.value].name };
	const kind = DEDICATED.test(platform.label)
		? sourced<"dedicated" | "cloud">("dedicated", platform.from)
		: CLOUD_VMS.test(platform.label)
			? sourced<"dedicated" | "cloud">("cloud", platform.from)
			: first<"dedicated" | "cloud">(byEdge, (t) =>
					DEDICATED.test(t) ? "dedicated" : CLOUD_VMS.test(t) ? "cloud" : undefined,
				);
	if (kind) hosts.serverKind = kind;
	const provider =
		platform.variant === "hetzner"
			? sourced<HostProviderId>("hetzner", platform.from)
			: first<HostProviderId>(byEdge, (t) => detectIn(t, HOST_PROVIDERS));
	if (provider) hosts.provider = provider;
	const store = first<string>(byConfig, (t) => STORES.find((s) => s.re.test(t))?.id);
	if (store) hosts.artefactStore = store;
	const pools = first<boolean>(entries, (t) =>
		/\bblue[- ]green\b|\btwo (server )?pools\b|\bblue and green (pools|backends)\b/i.test(t)
			? true
			: undefined,
	);
	if (pools) hosts.twoPools = pools;
	return hosts;
}
