// The section against the project's inputs: every platform, cloud identity, registry and database it names is one
// the project uses; every recovery mechanism it cites is one the inputs provide; the strategy in prose is the one in
// the generated configuration; upstream decisions are carried; compliance claims cite a source.

import type { ProjectContext } from "../../inputs/context";
import { pagingStatus } from "../../knowledge/operations";
import type { Cloud } from "../../knowledge/platforms";
import {
	type Capabilities,
	capabilities,
	type EngineFamily,
	engineFamily,
	MECHANISM_TERMS,
	primaryStore,
	storeFacts,
} from "../../knowledge/stores";
import { at, isClaim, type SectionLine, sectionLines } from "./lines";
import { CLOUD_SIGNS, DATABASE_SIGNS, ENGINE_TOOLS, PLATFORM_SIGNS } from "./signatures";
import type { CheckResult } from "./types";

/** What the check needs to know about the project, read from the same context the section was written from. */
export interface CheckInputs {
	platforms: string[];
	cloud: Cloud;
	dbProvider: string;
	dbLabel: string;
	engine: EngineFamily;
	sizeKnown: boolean;
	caps: Capabilities;
	services: string[];
	flagTool?: string;
	pagingTool?: string;
	forSection10: string[];
	/** The retention the inputs set for the database's backups, in days. */
	retentionDays?: number;
	/** The paging tool is discontinued or in maintenance: its status, which the section must say. */
	pagingStatus?: string;
	/** The plan or edition of the database ("Enterprise", "standard-0"). */
	dbPlan?: string;
}

export function checkInputsOf(ctx: ProjectContext): CheckInputs {
	const store = primaryStore(ctx);
	const db = storeFacts(store);
	const model = ctx.model;
	return {
		platforms: [ctx.backend.platform, ctx.frontend?.platform].filter((p): p is NonNullable<typeof p> => !!p),
		cloud: ctx.cloud,
		dbProvider: store.provider,
		dbLabel: db.name,
		engine: engineFamily(`${store.engine} ${db.name}`),
		sizeKnown: store.sizeGb !== undefined,
		caps: capabilities(store, db),
		services: model?.services?.map((s) => s.name) ?? [],
		flagTool: model?.upstream?.featureFlagTool?.value ?? ctx.flagTool,
		pagingTool: model?.upstream?.pagingTool?.value,
		forSection10: model?.upstream?.forSection10?.map((s) => s.value) ?? [],
		...(store.backups?.retentionDays !== undefined ? { retentionDays: store.backups.retentionDays } : {}),
		...(store.plan ? { dbPlan: store.plan } : {}),
		...pagingOf(model?.upstream?.pagingTool),
	};
}

function pagingOf(tool: { value: string; label?: string } | undefined): { pagingStatus?: string } {
	const st = pagingStatus(tool?.value, tool?.label);
	return st ? { pagingStatus: `${st.edition ? st.name : tool!.value} is ${st.status}` } : {};
}

type Finding = string;
type SemanticRule = Omit<CheckResult, "passed" | "detail" | "group" | "required"> & {
	test: (lines: SectionLine[], inputs: CheckInputs, text: string) => Finding[];
};

/** A sentence that says a mechanism is absent, or recommends adding it, is not a claim that it exists. */
const NEGATED =
	/\b(no|not|none|without|lacks?|cannot|isn't|is not|are not|aren't|absent|add(ing)?|enable|enabling|recommend\w*|would|needs?|requires?|purchase|buy|upgrade|instead of|unlike|rather than)\b/i;

function scan(
	lines: SectionLine[],
	re: RegExp,
	reason: string,
	keep: (l: SectionLine) => boolean = isClaim,
): Finding[] {
	const out: Finding[] = [];
	for (const l of lines) {
		if (!keep(l)) continue;
		const m = re.exec(l.text);
		if (m) out.push(at(l, m, reason));
	}
	return out;
}

const inRecovery = (l: SectionLine) => isClaim(l) && /^10\.[56]\b/.test(l.h2);

const RULES: SemanticRule[] = [
	{
		id: "S1",
		label: "Names only the platforms, cloud identities and registries the project uses",
		test: (lines, inp) => {
			const out: Finding[] = [];
			for (const sig of PLATFORM_SIGNS) {
				// A provider's name is also its database's: DigitalOcean Managed PostgreSQL on another platform is used.
				if ([...inp.platforms, inp.dbProvider].some((p) => sig.owners.test(p))) continue;
				out.push(...scan(lines, sig.re, `names ${sig.label}, which the project does not use`));
			}
			for (const [cloud, re] of Object.entries(CLOUD_SIGNS)) {
				if (cloud === inp.cloud) continue;
				out.push(
					...scan(
						lines,
						re,
						`uses a ${cloud.toUpperCase()} identity, registry or CLI; the project runs on ${inp.cloud === "none" ? "no hyperscaler" : inp.cloud.toUpperCase()}`,
					),
				);
			}
			return out;
		},
	},
	{
		id: "S2",
		label: "Names only the database the project uses, with tools for its engine",
		test: (lines, inp) => {
			const out: Finding[] = [];
			for (const sig of DATABASE_SIGNS) {
				if (sig.owners.test(inp.dbProvider)) continue;
				out.push(...scan(lines, sig.re, `names ${sig.label}; the project's database is ${inp.dbLabel}`));
			}
			for (const tool of ENGINE_TOOLS) {
				if (tool.family === inp.engine) continue;
				out.push(...scan(lines, tool.re, `uses ${tool.label} on a ${inp.engine} database`));
			}
			// A service that runs several engines, named for another engine than the project's.
			const engineName =
				inp.engine === "mysql"
					? /\b(Cloud SQL|Amazon RDS|Azure Database) for PostgreSQL\b|\bAurora PostgreSQL\b/
					: inp.engine === "postgres"
						? /\b(Cloud SQL|Amazon RDS|Azure Database) for MySQL\b|\bAurora MySQL\b/
						: undefined;
			if (engineName)
				out.push(
					...scan(
						lines,
						engineName,
						`names a ${inp.engine === "mysql" ? "PostgreSQL" : "MySQL"} service; the project's database is ${inp.dbLabel}`,
					),
				);
			return out;
		},
	},
	{
		id: "S3",
		label: "Cites only recovery mechanisms the inputs provide or enable",
		test: (lines, inp) => {
			const out: Finding[] = [];
			// The reference table of DR patterns describes each pattern; only the row marked "(this plan)" is a claim.
			const patternRow = (l: SectionLine) =>
				/^\| (active-active|warm standby|pilot light|backup and restore) \|/.test(l.text) &&
				!/this plan/.test(l.text);
			const claim = (re: RegExp, reason: string) =>
				out.push(...scan(lines, re, reason, (l) => inRecovery(l) && !NEGATED.test(l.text) && !patternRow(l)));
			if (inp.caps.pitr !== "on")
				claim(
					MECHANISM_TERMS.pitr,
					inp.caps.pitr === "off"
						? "cites point-in-time recovery, which the inputs say is not enabled"
						: "cites point-in-time recovery, which this database or plan does not offer",
				);
			if (inp.caps.standby !== true)
				claim(MECHANISM_TERMS.standby, "cites a standby the inputs do not provision");
			if (!inp.caps.replicas) claim(MECHANISM_TERMS.replica, "cites a replica the inputs do not provision");
			else if (!inp.caps.crossRegion)
				claim(
					/replicates continuously|cross-region (read )?replica/i,
					"cites cross-region replication the inputs do not provision",
				);
			if (!inp.sizeKnown)
				out.push(
					...scan(
						lines,
						/\b(of|for) ~?\d+(\.\d+)? GB\b(?!\/)/,
						"computes a restore for a data size the inputs do not give",
						inRecovery,
					),
				);
			// Cloud SQL's replica failover and switchover exist on Enterprise Plus only.
			if (/^cloud-sql/.test(inp.dbProvider) && !/enterprise plus/i.test(inp.dbPlan ?? ""))
				claim(
					/gcloud sql instances switchover\b|promote-replica \S+ --failover\b/,
					`cites Cloud SQL switchover or replica failover, which exist on Enterprise Plus only (the inputs: ${inp.dbPlan ?? "no edition"})`,
				);
			if (inp.retentionDays !== undefined) {
				const row = lines.find((l) => inRecovery(l) && /^\| Retention \|/.test(l.text));
				if (row && !new RegExp(`\\b${inp.retentionDays}\\b`).test(row.text))
					out.push(
						`line ${row.n}: states a backup retention other than the inputs' (${inp.retentionDays} days)`,
					);
			}
			if (!inp.caps.multiWriter)
				out.push(
					...scan(
						lines,
						/active-active[^|]*\(this plan\)|\bactive-active\b.*\bthis plan\b/i,
						"plans active-active on a single-writer data store",
					),
				);
			return out;
		},
	},
	{
		id: "S4",
		label: "The strategy in prose is the one the configuration deploys",
		test: (lines) => {
			const prose = lines.map((l) => /\*\*Strategy: ([a-z-]+)\*\*/.exec(l.text)?.[1]).find(Boolean);
			if (!prose) return [];
			const CODE: Record<string, RegExp> = {
				canary: /\bcanary:|\bCanary\d+Percent|\bsetWeight\b|--traffic-split|\bcanaryAnalysis\b/,
				"blue-green": /\bblueGreen:|strategy = "bluegreen"|\bBlueGreen\b/,
				rolling: /strategy = "rolling"|\bRollingUpdate\b/,
			};
			const out: Finding[] = [];
			for (const [strategy, re] of Object.entries(CODE)) {
				if (strategy === prose) continue;
				for (const l of lines) {
					if (l.code === undefined) continue;
					const m = re.exec(l.text);
					if (m) out.push(at(l, m, `the configuration deploys ${strategy}; the prose says ${prose}`));
				}
			}
			return out;
		},
	},
	{
		id: "S5",
		label: "Upstream decisions, services and for_section_10 items are carried",
		test: (lines, inp, text) => {
			const out: Finding[] = [];
			const has = (s: string) => text.toLowerCase().includes(s.toLowerCase());
			for (const svc of inp.services) if (!has(svc)) out.push(`the service ${svc} is named nowhere`);
			if (inp.flagTool) {
				const word = inp.flagTool.split(/[\s(]/)[0]!;
				const flags = lines.filter((l) => /^Feature flags/.test(l.h3) && isClaim(l) && l.text.trim());
				if (flags.length && !flags.some((l) => l.text.toLowerCase().includes(word.toLowerCase())))
					out.push(
						`line ${flags[0]!.n}: the feature flags use a tool other than ${word}, which the inputs decided`,
					);
			}
			if (inp.pagingTool && !has(inp.pagingTool.split(/[\s(]/)[0]!))
				out.push(`the paging tool ${inp.pagingTool} is named nowhere`);
			if (inp.pagingStatus && inp.pagingTool) {
				const word = inp.pagingTool.split(/[\s(]/)[0]!.toLowerCase();
				const said = lines.some(
					(l) =>
						isClaim(l) &&
						l.text.toLowerCase().includes(word) &&
						/archived|ends? (its )?support|end of support|discontinued|no longer sold|maintenance mode/i.test(
							l.text,
						),
				);
				if (!said) out.push(`the paging tool's status is not said: ${inp.pagingStatus}`);
			}
			for (const item of inp.forSection10) {
				const words = item.toLowerCase().match(/[a-z0-9][a-z0-9.-]{3,}/g) ?? [];
				const found = words.filter((w) => has(w)).length;
				if (words.length && found / words.length < 0.5)
					out.push(`the for_section_10 item "${item.slice(0, 60)}" is not addressed`);
			}
			return out;
		},
	},
	{
		id: "S6",
		label: "Every compliance claim cites its source",
		test: (lines) => {
			const out: Finding[] = [];
			// A regime named and, within a few words, a control number, a cadence or a retention period.
			const CLAIM =
				/\b(PCI DSS|HIPAA|SOC 2|GDPR|ISO\/IEC 27001|ISO 27001|FCA|SYSC)\b.{0,60}?((?<![v\d.])\b\d{1,2}\.\d{1,2}(\.\d{1,2})?\b|164\.\d+|\bArt\. ?\d+|\bA\.\d+\.\d+|\bCC\d\.\d|\b(every|at least|yearly|annual(ly)?|quarterly|monthly)\b|\b\d+ (months|years)\b)/i;
			for (const l of lines) {
				if (!isClaim(l) || l.code !== undefined) continue;
				const m = CLAIM.exec(l.text);
				if (m && !/\[\d+(, \d+)*\]/.test(l.text)) out.push(at(l, m, "a compliance claim without a source"));
				const wrong = /\b12\.10\.1\b[^\n]*\b(tested|testing|12 months|annual)/i.exec(l.text);
				if (wrong) out.push(at(l, wrong, "annual incident-response testing is PCI DSS 12.10.2, not 12.10.1"));
			}
			return out;
		},
	},
];

export function semanticResults(markdown: string, inputs: CheckInputs): CheckResult[] {
	const lines = sectionLines(markdown);
	return RULES.map((r) => {
		const findings = r.test(lines, inputs, markdown);
		return {
			id: r.id,
			group: "inputs",
			label: r.label,
			required: true,
			passed: findings.length === 0,
			detail: findings.length
				? [
						...findings.slice(0, 12),
						...(findings.length > 12 ? [`and ${findings.length - 12} more`] : []),
					].join("\n")
				: undefined,
		};
	});
}
