// Platform rules applied to every decision, however it was made (flag, answers file, screen, agent): each finding
// names the rule, its reason and source; some also say which value the section uses instead. Warnings by default,
// refusals under --strict (the driver decides).

import type { ProjectContext } from "../inputs/context";
import { CLOUDS } from "../knowledge/clouds";
import { IAC_TOOLS, type IacToolId, iacFitsCloud } from "../knowledge/iac";
import { PLATFORMS, type PlatformFacts, type Strategy } from "../knowledge/platforms";
import type { SourceId } from "../knowledge/sources";
import type { DecisionId } from "../vocabulary";
import { vmPlatform } from "./vm-platform";

export type RuleId =
	| "local-file-database"
	| "strategy-with-volume"
	| "single-instance"
	| "release-command-volume"
	| "iac-other-cloud"
	| "slot-tier"
	| "registry-pull"
	/** Not a platform rule: an environment the inputs define is removed by the decision. */
	| "environment-removed";

export interface RuleFinding {
	rule: RuleId;
	level: "warning" | "info";
	decision: DecisionId;
	message: string;
	sources: SourceId[];
	/** The value the section uses instead of the one chosen, when the chosen one cannot work. */
	replace?: string;
}

/** The decision fields the rules read and may replace. */
export interface RuledDecisions {
	strategy: Strategy;
	iac: IacToolId;
}

/** The platform row; servers the project runs itself get the row written for their config tool and balancer. */
function rowOf(ctx: ProjectContext): PlatformFacts {
	return ctx.backend.platform === "vm" ? vmPlatform(ctx) : PLATFORMS[ctx.backend.platform];
}

/** The database is a file on the instance's disk (SQLite), from the engine the inputs name. */
export function usesLocalFileDb(ctx: ProjectContext): boolean {
	return /\bsqlite\b/i.test(ctx.database.engine);
}

/** The strategies the platform has that also work for this project (a volume, or a tier without slots, narrows them). */
export function workableStrategies(ctx: ProjectContext): Strategy[] {
	const p = rowOf(ctx);
	const all = (Object.keys(p.strategies) as Strategy[]).filter((s) => p.strategies[s] !== undefined);
	const vol = p.volumeStrategies;
	const withVolume = usesLocalFileDb(ctx) && vol ? all.filter((s) => vol.allowed.includes(s)) : all;
	return withoutSlots(ctx, p) ? withVolume.filter((s) => !SLOT_STRATEGIES.includes(s)) : withVolume;
}

/** App Service releases that go through a deployment slot. */
const SLOT_STRATEGIES: Strategy[] = ["blue-green", "canary"];

/** An App Service plan on a tier that has no deployment slots (Free, Shared, Basic), as the inputs name it. */
function withoutSlots(ctx: ProjectContext, p: PlatformFacts): boolean {
	return p.id === "app-service" && /\b(free|shared|basic|F1|D1|B[123])\b/.test(ctx.backend.label);
}

/** The canonical label for a local-file database engine. */
export const LOCAL_FILE_ENGINE = "SQLite";

function registryNamed(ctx: ProjectContext): string | undefined {
	return ctx.model.registry?.value;
}

function localFileRules(d: RuledDecisions, ctx: ProjectContext, p: PlatformFacts): RuleFinding[] {
	if (!usesLocalFileDb(ctx)) return [];
	const engine = LOCAL_FILE_ENGINE;
	const why = p.localFileDb.why;
	if (p.localFileDb.support === "none")
		return [
			{
				rule: "local-file-database",
				level: "warning",
				decision: "strategy",
				message: `${p.name} cannot keep a ${engine} file: ${why.text} Move the data to a managed database, or run on a platform with volumes.`,
				sources: why.sources,
			},
		];
	const out: RuleFinding[] = [
		{
			rule: "single-instance",
			level: "info",
			decision: "strategy",
			message: `${engine} is a file on one volume, so ${p.name} runs exactly one instance: ${why.text} Scaling is up (a larger instance), not out.`,
			sources: why.sources,
		},
	];
	const vol = p.volumeStrategies;
	if (vol && !vol.allowed.includes(d.strategy)) {
		const replacement = vol.allowed.find((s) => p.strategies[s]) ?? p.defaultStrategy;
		const sources = vol.facts.flatMap((f) => f.sources);
		out.push({
			rule: "strategy-with-volume",
			level: "warning",
			decision: "strategy",
			message: `${p.name} cannot run a ${d.strategy} deployment on a service with a volume (${vol.facts[0]!.text.replace(/\.$/, "")}); the section uses ${replacement}.`,
			sources,
			replace: replacement,
		});
	}
	if (vol && !vol.releaseCommandMounts) {
		const f = vol.facts.find((x) => /release/i.test(x.text)) ?? vol.facts[0]!;
		out.push({
			rule: "release-command-volume",
			level: "info",
			decision: "strategy",
			message: `Migrations run at start-up in the instance that mounts the volume, not in a release command: ${f.text}`,
			sources: f.sources,
		});
	}
	return out;
}

function iacRule(d: RuledDecisions, ctx: ProjectContext, recommended: IacToolId): RuleFinding[] {
	if (iacFitsCloud(d.iac, ctx.cloud)) return [];
	const tool = IAC_TOOLS[d.iac];
	const clouds = tool.clouds === "any" ? [] : tool.clouds.map((c) => CLOUDS[c].name);
	const replacement = iacFitsCloud(recommended, ctx.cloud) ? recommended : "terraform";
	return [
		{
			rule: "iac-other-cloud",
			level: "warning",
			decision: "iac",
			message: `${tool.name} provisions ${clouds.join(" and ")} resources only, and this project runs on ${ctx.cloud === "none" ? rowOf(ctx).name : CLOUDS[ctx.cloud].name}; the section uses ${IAC_TOOLS[replacement].name} instead.`,
			sources: tool.sources,
			replace: replacement,
		},
	];
}

function slotRule(d: RuledDecisions, ctx: ProjectContext, p: PlatformFacts): RuleFinding[] {
	if (!SLOT_STRATEGIES.includes(d.strategy) || !withoutSlots(ctx, p)) return [];
	return [
		{
			rule: "slot-tier",
			level: "warning",
			decision: "strategy",
			message: `The ${d.strategy} release needs deployment slots, which the Free, Shared and Basic tiers of App Service do not have; the plan must be Standard or higher.`,
			sources: ["azure-slots"],
		},
	];
}

function registryRule(ctx: ProjectContext, p: PlatformFacts): RuleFinding[] {
	const named = registryNamed(ctx);
	const pulls = p.registry.pulls;
	if (!named || pulls === "any") return [];
	if (pulls !== "none" && pulls.test(named)) return [];
	return [
		{
			rule: "registry-pull",
			level: "warning",
			decision: "ci",
			message:
				pulls === "none"
					? `${p.name} builds from source and runs no images, so the images the inputs push to a registry are not what runs.`
					: `${p.name} deploys from ${p.registry.name}; it cannot pull the images from the registry the inputs name, so the pipeline pushes there.`,
			sources: p.registry.facts.flatMap((f) => f.sources),
		},
	];
}

/** Every platform rule that applies to these decisions on this project. */
export function platformRules(
	d: RuledDecisions,
	ctx: ProjectContext,
	recommendedIac: IacToolId,
): RuleFinding[] {
	const p = rowOf(ctx);
	return [
		...localFileRules(d, ctx, p),
		...iacRule(d, ctx, recommendedIac),
		...slotRule(d, ctx, p),
		...registryRule(ctx, p),
	];
}

/** The decisions the section is written from: a value the platform cannot run is replaced as its finding says. */
export function applyPlatformRules<T extends RuledDecisions>(d: T, findings: RuleFinding[]): T {
	const out = { ...d };
	for (const f of findings) {
		if (f.replace === undefined) continue;
		if (f.decision === "strategy") out.strategy = f.replace as Strategy;
		if (f.decision === "iac") out.iac = f.replace as IacToolId;
	}
	return out;
}
