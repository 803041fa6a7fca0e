// ProjectContext: what the inputs say about hosting, cloud, data, CI, scale, compliance, test gates and monitoring.

import type { CiToolId } from "../knowledge/cicd";
import { DATABASES, type DbProviderId } from "../knowledge/databases";
import type { IacToolId } from "../knowledge/iac";
import type { ComplianceId } from "../knowledge/operations";
import { type Cloud, PLATFORMS, type PlatformId } from "../knowledge/platforms";
import type { AlertDef, QualityGate } from "./gates";
import { allStrings, at, listOf, noteText, percentOf, textAt, textAtAny } from "./lenient";
import type { ProjectModel } from "./model";
import { inputById, maybeInput, type PreflightReport } from "./preflight";
import { resolveModel } from "./resolve";
import { slug } from "./resolve-util";
import { cleanText as clean } from "./summary";

export type Scale = "small" | "medium" | "large";

export type { AlertDef, QualityGate } from "./gates";

export interface InheritedNote {
	text: string;
	source: "handoff_03" | "handoff_08" | "handoff_09";
}

export interface ProjectContext {
	projectName: string;
	/** Lower-case slug used in commands (`kubectl rollout undo deployment/<svc>`). */
	serviceName: string;
	stack: {
		frontendFramework?: string;
		backendRuntime?: string;
		backendFramework?: string;
		language: "typescript" | "python" | "go" | "java" | "dotnet" | "ruby" | "other";
	};
	frontend?: { platform: PlatformId; label: string };
	backend: { platform: PlatformId; label: string; assumed: boolean };
	cloud: Cloud;
	cloudAssumed: boolean;
	database: { engine: string; provider: DbProviderId; providerAssumed: boolean; sizeGb?: number };
	cache?: string;
	ci: { tool: CiToolId; label: string; assumed: boolean };
	iacInStack?: IacToolId;
	flagTool?: string;
	scale: Scale;
	scaleAssumed: boolean;
	compliance: ComplianceId[];
	testing: {
		frameworks: { unit?: string; e2e?: string; api?: string; load?: string };
		coverage: { unit?: number; integration?: number };
		gates: QualityGate[];
	};
	monitoring: {
		apm?: string;
		logging?: string;
		metrics?: string;
		tracing?: string;
		errors?: string;
		alerts: AlertDef[];
		dashboards: string[];
	};
	inherited: { decisions: InheritedNote[]; assumptions: InheritedNote[]; openQuestions: InheritedNote[] };
	/** Facts the tool had to assume because the inputs did not say; each becomes an assumption or a question. */
	assumed: string[];
	/** The resolved project model, every fact with its provenance; the fields above derive from it. */
	model: ProjectModel;
}

function detectScale(texts: string[]): Scale | undefined {
	const joined = texts.join(" \n ");
	if (/\b(enterprise[- ]scale|millions of users|high[- ]traffic|global scale)\b/i.test(joined))
		return "large";
	let max = 0;
	const re =
		/(\d[\d,.]*)\s*(k|m|thousand|million)?\+?\s*(monthly active users|daily active users|active users|users|mau|dau|requests per (second|minute)|rps|rpm|tenants|customers)\b/gi;
	for (let m = re.exec(joined); m; m = re.exec(joined)) {
		let n = Number(m[1]!.replace(/,/g, ""));
		const mult = m[2]?.toLowerCase();
		if (mult === "k" || mult === "thousand") n *= 1_000;
		if (mult === "m" || mult === "million") n *= 1_000_000;
		if (/rps|per second/i.test(m[3]!)) n *= 1_000;
		if (Number.isFinite(n)) max = Math.max(max, n);
	}
	if (max === 0) return /\b(mvp|prototype|internal tool|small team)\b/i.test(joined) ? "small" : undefined;
	if (max < 10_000) return "small";
	if (max < 1_000_000) return "medium";
	return "large";
}

function detectSizeGb(texts: string[]): number | undefined {
	const m =
		/(\d+(?:\.\d+)?)\s*(gb|tb)\b[^.\n]{0,40}\b(database|data|storage)|\b(database|data|postgres(?:ql)?|mysql)\b[^.\n]{0,60}?(\d+(?:\.\d+)?)\s*(gb|tb)\b/i.exec(
			texts.join(" \n "),
		);
	if (!m) return undefined;
	const n = Number(m[1] ?? m[5]);
	const unit = (m[2] ?? m[6])!.toLowerCase();
	return unit === "tb" ? n * 1024 : n;
}

function language(
	runtime: string | undefined,
	framework: string | undefined,
): ProjectContext["stack"]["language"] {
	const t = `${runtime ?? ""} ${framework ?? ""}`;
	if (/node|deno|bun|next|nest|express|typescript|javascript|remix|nuxt|astro|hono|fastify/i.test(t))
		return "typescript";
	if (/python|django|fastapi|flask/i.test(t)) return "python";
	if (/\bgo\b|golang/i.test(t)) return "go";
	if (/java|kotlin|spring/i.test(t)) return "java";
	if (/\.net|dotnet|c#|asp\.net/i.test(t)) return "dotnet";
	if (/ruby|rails/i.test(t)) return "ruby";
	return "other";
}

function notesFrom(
	value: unknown,
	key: string,
	source: InheritedNote["source"],
	preferred: string[],
): InheritedNote[] {
	return listOf(at(value, key))
		.map((v) => noteText(v, preferred))
		.filter((t): t is string => Boolean(t))
		.slice(0, 30)
		.map((t) => ({ text: clean(t)!, source }));
}

export function buildContext(report: PreflightReport, projectDirName: string): ProjectContext {
	const model = resolveModel(report, projectDirName);
	const h00 = maybeInput(report, "handoff00")?.data;
	const h03 = inputById(report, "handoff03").data;
	const h08 = inputById(report, "handoff08").data;
	const h09 = inputById(report, "handoff09").data;
	const s03 = inputById(report, "section03").text ?? "";
	const h03Strings = allStrings(h03);
	const assumed: string[] = [];

	const backendPlatform = model.platform.value;
	const backendAssumed = model.platform.from.confidence === "assumed";
	if (backendAssumed)
		assumed.push(
			`The backend is hosted on ${PLATFORMS[backendPlatform].name}; the inputs name no backend host.`,
		);
	const cloud: Cloud = model.cloud.value;
	const cloudAssumed = model.cloud.from.confidence === "assumed";

	const primary = model.dataStores.find((d) => d.role === "primary")!;
	const engine = primary.engine;
	const engineLabel = primary.version ? `${engine} ${primary.version}` : engine;
	if (primary.from.confidence === "assumed")
		assumed.push("The primary database is PostgreSQL; the technology-stack handoff names none.");
	let provider: DbProviderId;
	let providerAssumed = false;
	if (primary.provider !== "unknown" && !primary.providerAssumed) provider = primary.provider;
	else if (primary.provider !== "unknown") {
		// A default for the platform and cloud: the inputs name the engine but no service.
		provider = primary.provider;
		providerAssumed = true;
		assumed.push(
			`${engine} runs on ${DATABASES[provider].name}, the managed option that pairs with ${PLATFORMS[backendPlatform].name}.`,
		);
	} else if (/\bsqlite\b/i.test(engine)) provider = "sqlite";
	else provider = "self-managed";

	if (model.ci.from.confidence === "assumed")
		assumed.push("CI/CD runs on GitHub Actions; the inputs name no CI tool.");

	const scale = detectScale([...h03Strings, s03, ...allStrings(at(h00, "intake_summary"))]);
	if (!scale)
		assumed.push(
			"Traffic is moderate (thousands to hundreds of thousands of users); the inputs give no numbers.",
		);

	const frameworks = at(h08, "key_outputs", "testing_frameworks");
	const coverage = at(h08, "key_outputs", "coverage_targets");
	const mon = model.monitoring;
	const cache = model.dataStores.find((d) => d.role === "cache");

	return {
		projectName: model.name.value,
		serviceName: slug(model.name.value),
		stack: {
			frontendFramework: clean(textAt(h03, "key_outputs", "frontend_stack", "framework")),
			backendRuntime: clean(textAt(h03, "key_outputs", "backend_stack", "runtime")),
			backendFramework: clean(textAt(h03, "key_outputs", "backend_stack", "framework")),
			language: language(
				textAt(h03, "key_outputs", "backend_stack", "runtime"),
				textAt(h03, "key_outputs", "backend_stack", "framework"),
			),
		},
		frontend: model.frontend ? { platform: model.frontend.value, label: model.frontend.label } : undefined,
		backend: { platform: backendPlatform, label: model.platform.label, assumed: backendAssumed },
		cloud,
		cloudAssumed,
		database: {
			engine: engineLabel,
			provider,
			providerAssumed,
			sizeGb: primary.sizeGb ?? detectSizeGb([...h03Strings, s03]),
		},
		cache: cache
			? `${cache.engine}${cache.version ? ` ${cache.version}` : ""}${cache.providerLabel ? ` (${cache.providerLabel})` : ""}`
			: undefined,
		ci: { tool: model.ci.value, label: model.ci.label, assumed: model.ci.from.confidence === "assumed" },
		iacInStack: model.iac?.value,
		flagTool: model.upstream.featureFlagTool?.value,
		scale: scale ?? "medium",
		scaleAssumed: !scale,
		compliance: model.constraints.compliance.map((c) => c.value),
		testing: {
			frameworks: {
				unit: clean(textAtAny(frameworks, [["unit"]])),
				e2e: clean(textAtAny(frameworks, [["e2e"], ["end_to_end"]])),
				api: clean(textAtAny(frameworks, [["api"], ["integration"]])),
				load: clean(textAtAny(frameworks, [["load"], ["performance"], ["perf"]])),
			},
			coverage: {
				unit: percentOf(at(coverage, "unit")),
				integration: percentOf(at(coverage, "integration")),
			},
			gates: model.gates.map((g) => ({
				name: g.name,
				threshold: g.threshold,
				blocking: g.blocking,
				...(g.stage ? { when: g.stage } : {}),
			})),
		},
		monitoring: {
			apm: mon.apm?.label ?? mon.apm?.value,
			logging: mon.logging?.label ?? mon.logging?.value,
			metrics: mon.metrics?.label ?? mon.metrics?.value,
			tracing: mon.tracing?.label ?? mon.tracing?.value,
			errors: mon.errors?.label ?? mon.errors?.value,
			alerts: model.alerts.map((a) => ({ name: a.name, condition: a.condition, severity: a.severity })),
			dashboards: mon.dashboards,
		},
		inherited: {
			decisions: [
				...notesFrom(h03, "decisions_made", "handoff_03", ["decision", "title", "choice"]),
				...notesFrom(h08, "decisions_made", "handoff_08", ["decision", "title", "choice"]),
				...notesFrom(h09, "decisions_made", "handoff_09", ["decision", "title", "choice"]),
			],
			assumptions: [
				...notesFrom(h03, "assumptions", "handoff_03", ["assumption", "text"]),
				...notesFrom(h08, "assumptions", "handoff_08", ["assumption", "text"]),
				...notesFrom(h09, "assumptions", "handoff_09", ["assumption", "text"]),
			],
			openQuestions: [
				...notesFrom(h03, "open_questions", "handoff_03", ["question", "text"]),
				...notesFrom(h08, "open_questions", "handoff_08", ["question", "text"]),
				...notesFrom(h09, "open_questions", "handoff_09", ["question", "text"]),
			],
		},
		assumed,
		model,
	};
}
