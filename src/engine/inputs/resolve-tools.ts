// The delivery tools of the stack: CI, IaC, registry, environments, languages, and options rejected upstream.

import { CI_TOOLS, type CiToolId } from "../knowledge/cicd";
import { IAC_TOOLS, type IacToolId } from "../knowledge/iac";
import { MIGRATION_TOOLS } from "../knowledge/migrations";
import { at, listOf, textOf } from "./lenient";
import type { ProjectModel, Provenance, Sourced } from "./model";
import { chosenText, infra, type StackDocs } from "./resolve-platform";
import {
	clean,
	type Doc,
	earliest,
	firstAt,
	flatText,
	prov,
	rejectedLabels,
	saysNone,
	sourced,
} from "./resolve-util";

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

/** Tools the deploy installs, pinned by version_constraints (`ansible-core` 2.17): a version of digits and dots only. */
export function resolveToolPins(docs: StackDocs): NonNullable<ProjectModel["toolPins"]> {
	const out: NonNullable<ProjectModel["toolPins"]> = [];
	const h03 = docs.h03;
	if (!h03?.data) return out;
	listOf(at(h03.data, "version_constraints")).forEach((vc, i) => {
		const pkg = (textOf(at(vc, "package")) ?? textOf(at(vc, "name")))?.trim().toLowerCase();
		const version = /^\s*v?(\d+(?:\.\d+){0,2})\s*$/.exec(textOf(at(vc, "version")) ?? "")?.[1];
		if (pkg !== "ansible-core" || !version) return;
		out.push({ name: pkg, version, from: prov(h03, `version_constraints[${i}]`, "structured") });
	});
	return out;
}

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

/** The migration tool the stack names; a tool (Drizzle, Prisma, EF Core) wins over the framework that may wrap it. */
export function resolveMigrations(docs: StackDocs): ProjectModel["migrations"] {
	let best: { index: number; doc: Doc; path: string } | undefined;
	for (const e of chosenText(docs)) {
		const index = MIGRATION_TOOLS.findIndex((t) => t.detect.test(e.found.text));
		if (index >= 0 && (!best || index < best.index)) best = { index, doc: e.doc, path: e.found.path };
	}
	if (!best) return undefined;
	const tool = MIGRATION_TOOLS[best.index]!;
	return {
		...sourced(tool.id, prov(best.doc, best.path, best.path.startsWith("line") ? "text" : "structured")),
		name: tool.name,
	};
}
