// ProjectContext: what the inputs say about hosting, cloud, data, CI, scale, compliance, test gates and monitoring.

import { CI_TOOLS, type CiToolId, detectCi } from "../knowledge/cicd";
import { DATABASES, type DbProviderId, defaultDatabaseFor, detectDatabase } from "../knowledge/databases";
import { detectIac, type IacToolId } from "../knowledge/iac";
import { type ComplianceId, detectCompliance, FLAG_TOOLS } from "../knowledge/operations";
import {
	type Cloud,
	detectPlatform,
	detectPlatforms,
	PLATFORMS,
	type PlatformId,
} from "../knowledge/platforms";
import type { AlertDef, QualityGate } from "./gates";
import { allStrings, at, listOf, noteText, percentOf, textAt, textAtAny } from "./lenient";
import { inputById, type PreflightReport } from "./preflight";
import { alertsFrom, cleanText as clean, gatesFrom, projectNameOf } from "./summary";

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
}

const MONITORING_TOOLS: [RegExp, string][] = [
	[/\bdatadog\b/i, "Datadog"],
	[/\bnew ?relic\b/i, "New Relic"],
	[/\bsentry\b/i, "Sentry"],
	[/\bgrafana\b/i, "Grafana"],
	[/\bprometheus\b/i, "Prometheus"],
	[/\bcloudwatch\b/i, "CloudWatch"],
	[/\bhoneycomb\b/i, "Honeycomb"],
	[/\bopen ?telemetry\b|\botel\b/i, "OpenTelemetry"],
	[/\bbetter ?stack\b/i, "Better Stack"],
	[/\baxiom\b/i, "Axiom"],
	[/\bazure monitor\b|\bapplication insights\b/i, "Azure Monitor"],
	[/\bcloud monitoring\b|\bcloud logging\b/i, "Google Cloud Monitoring"],
	[/\bloki\b/i, "Grafana Loki"],
	[/\belastic(search)?\b|\belk\b/i, "Elastic"],
	[/\bpagerduty\b/i, "PagerDuty"],
	[/\bopsgenie\b/i, "Opsgenie"],
];

function slug(name: string): string {
	const s = name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-+|-+$/g, "")
		.slice(0, 40)
		.replace(/-+$/, "");
	return s || "app";
}

function detectCloud(text: string): Cloud | undefined {
	if (/\b(aws|amazon web services|eks|ecs|fargate|lambda|rds|aurora|s3|cloudwatch)\b/i.test(text))
		return "aws";
	if (/\b(gcp|google cloud|gke|cloud run|cloud sql|bigquery)\b/i.test(text)) return "gcp";
	if (/\b(azure|aks|app service|cosmos ?db)\b/i.test(text)) return "azure";
	return undefined;
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

function firstTool(texts: (string | undefined)[]): string | undefined {
	for (const t of texts) {
		if (!t) continue;
		for (const [re, name] of MONITORING_TOOLS) if (re.test(t)) return name;
	}
	return undefined;
}

export function buildContext(report: PreflightReport, projectDirName: string): ProjectContext {
	const h03 = inputById(report, "handoff03").data;
	const h08 = inputById(report, "handoff08").data;
	const h09 = inputById(report, "handoff09").data;
	const s03 = inputById(report, "section03").text ?? "";
	const s09 = inputById(report, "section09").text ?? "";
	const h03Strings = allStrings(h03);
	const allText = [...h03Strings, s03].join(" \n ");
	const assumed: string[] = [];

	const infra = (...keys: string[]) =>
		textAt(h03, "key_outputs", "infrastructure", ...keys) ?? textAt(h03, "infrastructure", ...keys);
	const frontendHosting = infra("frontend_hosting") ?? infra("frontend");
	const backendHosting =
		infra("backend_hosting") ?? infra("backend") ?? infra("hosting") ?? infra("platform");

	let backendPlatform = detectPlatform(backendHosting);
	let backendLabel = clean(backendHosting);
	let backendAssumed = false;
	if (!backendPlatform) {
		const candidates = detectPlatforms(allText).filter((p) => PLATFORMS[p].family !== "static-frontend");
		backendPlatform = candidates[0];
		if (backendPlatform) backendLabel = PLATFORMS[backendPlatform].name;
	}
	const frontendPlatform = detectPlatform(frontendHosting);
	if (!backendPlatform) {
		// A frontend-only host serves the API through its functions.
		backendPlatform = frontendPlatform ?? "render";
		backendLabel = PLATFORMS[backendPlatform].name;
		backendAssumed = true;
		assumed.push(
			`The backend is hosted on ${PLATFORMS[backendPlatform].name}; the inputs name no backend host.`,
		);
	}

	const explicitCloud = detectCloud(
		[infra("cloud"), textAt(h03, "key_outputs", "cloud"), backendHosting, allText].filter(Boolean).join(" "),
	);
	const cloud: Cloud = PLATFORMS[backendPlatform].cloud ?? explicitCloud ?? "none";
	const cloudAssumed = !explicitCloud && !PLATFORMS[backendPlatform].cloud;

	const dbText = textAtAny(h03, [
		["key_outputs", "database_stack", "primary"],
		["key_outputs", "database_stack", "database"],
		["key_outputs", "database"],
		["database"],
	]);
	const engine = clean(dbText) ?? "PostgreSQL";
	if (!dbText) assumed.push("The primary database is PostgreSQL; the technology-stack handoff names none.");
	const dbHost = textAtAny(h03, [
		["key_outputs", "database_stack", "hosting"],
		["key_outputs", "database_stack", "provider"],
		["key_outputs", "infrastructure", "database_hosting"],
	]);
	let provider =
		detectDatabase(dbHost) ??
		detectDatabase(dbText) ??
		detectDatabase([backendHosting, ...h03Strings].filter(Boolean).join(" "));
	let providerAssumed = false;
	if (!provider) {
		provider = defaultDatabaseFor(backendPlatform, cloud);
		providerAssumed = true;
		assumed.push(
			`${engine} runs on ${DATABASES[provider].name}, the managed option that pairs with ${PLATFORMS[backendPlatform].name}.`,
		);
	}

	const ciText = infra("ci_cd") ?? infra("ci") ?? textAt(h03, "key_outputs", "ci_cd");
	let ciTool = detectCi(ciText) ?? detectCi(allText);
	const ciAssumed = !ciTool;
	if (!ciTool) {
		ciTool = "github-actions";
		assumed.push("CI/CD runs on GitHub Actions; the inputs name no CI tool.");
	}

	const scale = detectScale([...h03Strings, s03]);
	if (!scale)
		assumed.push(
			"Traffic is moderate (thousands to hundreds of thousands of users); the inputs give no numbers.",
		);

	const complianceText = [...h03Strings, s03, ...allStrings(h08), ...allStrings(h09), s09].join(" \n ");
	const compliance = detectCompliance(complianceText);

	const projectName = projectNameOf(report, projectDirName);

	const flagTool = FLAG_TOOLS.find((f) => f.detect.test(complianceText))?.name;

	const frameworks = at(h08, "key_outputs", "testing_frameworks");
	const coverage = at(h08, "key_outputs", "coverage_targets");

	const stackMon = (k: string) => clean(textAt(h09, "key_outputs", "monitoring_stack", k));
	const h09Strings = allStrings(h09).join(" ");

	return {
		projectName,
		serviceName: slug(projectName),
		stack: {
			frontendFramework: clean(textAt(h03, "key_outputs", "frontend_stack", "framework")),
			backendRuntime: clean(textAt(h03, "key_outputs", "backend_stack", "runtime")),
			backendFramework: clean(textAt(h03, "key_outputs", "backend_stack", "framework")),
			language: language(
				textAt(h03, "key_outputs", "backend_stack", "runtime"),
				textAt(h03, "key_outputs", "backend_stack", "framework"),
			),
		},
		frontend:
			frontendPlatform && frontendPlatform !== backendPlatform
				? { platform: frontendPlatform, label: clean(frontendHosting)! }
				: undefined,
		backend: {
			platform: backendPlatform,
			label: backendLabel ?? PLATFORMS[backendPlatform].name,
			assumed: backendAssumed,
		},
		cloud,
		cloudAssumed,
		database: { engine, provider, providerAssumed, sizeGb: detectSizeGb([...h03Strings, s03]) },
		cache: clean(textAt(h03, "key_outputs", "database_stack", "cache")),
		ci: { tool: ciTool, label: clean(ciText) ?? CI_TOOLS[ciTool].name, assumed: ciAssumed },
		iacInStack: detectIac(allText),
		flagTool,
		scale: scale ?? "medium",
		scaleAssumed: !scale,
		compliance,
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
			gates: gatesFrom(h08),
		},
		monitoring: {
			apm: stackMon("apm") ?? firstTool([h09Strings, s09]),
			logging: stackMon("logging"),
			metrics: stackMon("metrics"),
			tracing: stackMon("tracing"),
			errors:
				stackMon("errors") ??
				stackMon("error_tracking") ??
				(/\bsentry\b/i.test(h09Strings) ? "Sentry" : undefined),
			alerts: alertsFrom(h09),
			dashboards: listOf(at(h09, "dashboards"))
				.map((d) => clean(noteText(d, ["name", "title"])))
				.filter((d): d is string => Boolean(d))
				.slice(0, 12),
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
	};
}

/** The one-line "what was learned" for a found handoff in the pre-flight report. */
