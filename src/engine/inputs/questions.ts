// Open questions: inherited from the input handoffs and raised by the synthesis for facts it had to assume.

import { readProjectFile } from "../io/fsread";
import { parseJson } from "../io/json";
import { sanitizeForFile } from "../io/sanitize";
import { DATABASES } from "../knowledge/databases";
import { PLATFORMS } from "../knowledge/platforms";
import type { ProjectContext } from "./context";
import { type Loose, textOf } from "./lenient";

export type QuestionSource = "handoff_03" | "handoff_08" | "handoff_09" | "section_10";

export interface OpenQuestion {
	id: string;
	text: string;
	source: QuestionSource;
	/** What the section assumes while the question is open. */
	assumption?: string;
	/** What an answer becomes in the handoff. */
	becomes: "decision" | "assumption";
	/** Short topic used when the answer is folded into the handoff ("Feature flags: Unleash"). */
	topic: string;
}

export interface Answer {
	text: string;
	provenance: "user" | "answers";
}

export const SOURCE_LABELS: Record<QuestionSource, string> = {
	handoff_03: "from Section 3 (technology stack)",
	handoff_08: "from Section 8 (testing strategy)",
	handoff_09: "from Section 9 (monitoring)",
	section_10: "raised by this section",
};

export function gatherQuestions(ctx: ProjectContext): OpenQuestion[] {
	const out: OpenQuestion[] = [];
	ctx.inherited.openQuestions.forEach((q, i) => {
		out.push({
			id: `${q.source.replace("handoff_", "h")}-${i + 1}`,
			text: q.text,
			source: q.source,
			becomes: "decision",
			topic: "Resolved question",
		});
	});
	const add = (q: Omit<OpenQuestion, "source" | "becomes"> & { becomes?: OpenQuestion["becomes"] }) =>
		out.push({ source: "section_10", becomes: "assumption", ...q });
	// Inputs that disagree, or name what the knowledge base does not cover: asked, never settled by list order.
	ctx.model.conflicts.forEach((c, i) => {
		const names = c.candidates.map((n) => sanitizeForFile(n)).join(" or ");
		add({
			id: `conflict-${i + 1}`,
			text:
				c.candidates.length > 1
					? `The inputs name ${names} for the ${c.what}, with no field that decides; which one runs production?`
					: `The inputs name ${names} for the ${c.what.replace(/ not in the knowledge base$/, "")}, which this tool's knowledge base does not cover; confirm its deploy, rollback and scaling mechanisms.`,
			...(c.chosen ? { assumption: `The section is written for ${c.chosen} until this is answered.` } : {}),
			topic: c.what.charAt(0).toUpperCase() + c.what.slice(1),
			becomes: "decision",
		});
	});
	if (ctx.backend.assumed && !ctx.model.conflicts.some((c) => c.what.startsWith("backend platform"))) {
		add({
			id: "backend-host",
			text: "Where will the backend run in production?",
			assumption: `It runs on ${PLATFORMS[ctx.backend.platform].name}.`,
			topic: "Backend hosting",
			becomes: "decision",
		});
	}
	if (ctx.database.providerAssumed) {
		add({
			id: "database-host",
			text: `Which service hosts the production ${ctx.database.engine} database?`,
			assumption: `${DATABASES[ctx.database.provider].name}.`,
			topic: "Database hosting",
			becomes: "decision",
		});
	}
	if (ctx.database.sizeGb === undefined) {
		add({
			id: "database-size",
			text: "How large is the production database today, and how fast does it grow?",
			assumption: "About 20 GB, growing slowly; restore times are estimated from that.",
			topic: "Database size",
		});
	}
	if (ctx.scaleAssumed) {
		add({
			id: "peak-traffic",
			text: "What peak traffic must production handle (users or requests per second)?",
			assumption: "Moderate traffic; autoscaling limits are sized for three times the normal load.",
			topic: "Peak traffic",
		});
	}
	if (!ctx.flagTool) {
		add({
			id: "feature-flags",
			text: "Which feature-flag service will the team use?",
			assumption: "The OpenFeature SDK with a self-hosted Unleash provider.",
			topic: "Feature flags",
			becomes: "decision",
		});
	}
	if (ctx.compliance.length === 0 && !ctx.model.constraints.complianceNone) {
		add({
			id: "compliance",
			text: "Is the product subject to PCI DSS, HIPAA, SOC 2, GDPR or ISO 27001?",
			assumption: "No regulatory regime applies; change control follows the team's own review rules.",
			topic: "Compliance scope",
		});
	}
	const db = DATABASES[ctx.database.provider];
	if (!db.pitr) {
		add({
			id: "wal-archiving",
			text: `${db.name} has no point-in-time recovery: should the team add ${db.id === "sqlite" ? "Litestream (the SQLite file replicated continuously to object storage)" : "continuous WAL archiving (WAL-G to object storage)"} to bring the RPO from a day down to minutes?`,
			assumption: "Not yet: the daily backups bound the RPO at one day.",
			topic: "WAL archiving",
			becomes: "decision",
		});
	}
	// Asked only when the inputs do not already say who is paged and by what (or that there is no on-call).
	const up = ctx.model.upstream;
	if (!up.pagingTool && !ctx.model.constraints.noOnCall)
		add({
			id: "on-call",
			text: "Who is on the on-call rotation, and which tool pages them?",
			assumption:
				"A weekly primary/secondary rotation of backend engineers, paged by the alerting tool from Section 9.",
			topic: "On-call",
		});
	if (!up.drRegions)
		add({
			id: "dr-region",
			text: "Which secondary region holds the off-site backups and the recovery environment?",
			assumption: "The provider's paired or nearest secondary region in the same jurisdiction.",
			topic: "Recovery region",
		});
	return out;
}

export type AnswersFileResult =
	| { ok: true; answers: Record<string, string>; decisions: Record<string, string> }
	| { ok: false; error: string };

/** Reads `--answers FILE`: {"answers": {"<id or question text>": "answer"}, "decisions": {"<decision>": "value"}}, or
 * the answers object alone. Decisions are checked by the driver, as flags are. */
export function readAnswersFile(root: string, absPath: string, display: string): AnswersFileResult {
	const read = readProjectFile(root, absPath);
	// The answers file may live outside the project: read it with its own folder as the root.
	const result =
		read.kind === "unreadable" && /outside the project/.test(read.reason)
			? readProjectFile("/", absPath)
			: read;
	if (result.kind === "missing")
		return { ok: false, error: `${display} does not exist; pass the path of a JSON answers file` };
	if (result.kind === "unreadable")
		return { ok: false, error: `${display} cannot be read: ${result.reason}` };
	const parsed = parseJson(result.text);
	if (!parsed.ok)
		return {
			ok: false,
			error: `${display} is not valid JSON at line ${parsed.line}, column ${parsed.column}: ${parsed.reason}`,
		};
	let obj = parsed.value;
	const decisions: Record<string, string> = {};
	if (obj && typeof obj === "object" && !Array.isArray(obj) && "decisions" in obj) {
		const d = (obj as Record<string, unknown>).decisions;
		if (!d || typeof d !== "object" || Array.isArray(d))
			return { ok: false, error: `${display}: "decisions" must be an object mapping decisions to values` };
		for (const [k, v] of Object.entries(d as Record<string, unknown>)) {
			const t = textOf(v as Loose);
			if (t) decisions[sanitizeForFile(k)] = sanitizeForFile(t);
		}
		const { decisions: _, ...rest } = obj as Record<string, unknown>;
		obj = ("answers" in rest ? rest : { answers: rest }) as typeof obj;
	}
	if (obj && typeof obj === "object" && !Array.isArray(obj) && "answers" in obj)
		obj = (obj as Record<string, unknown>).answers as typeof obj;
	if (!obj || typeof obj !== "object" || Array.isArray(obj)) {
		return {
			ok: false,
			error: `${display} must hold a JSON object mapping question ids (or question text) to answers`,
		};
	}
	const answers: Record<string, string> = {};
	for (const [k, v] of Object.entries(obj)) {
		const t = textOf(v);
		if (t) answers[sanitizeForFile(k)] = sanitizeForFile(t);
	}
	return { ok: true, answers, decisions };
}

/** Matches answers to questions by id or by the question's text (case and spacing ignored). */
export function matchAnswers(
	questions: OpenQuestion[],
	answers: Record<string, string>,
): { matched: Record<string, Answer>; unknown: string[] } {
	const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();
	const matched: Record<string, Answer> = {};
	const unknown: string[] = [];
	for (const [key, text] of Object.entries(answers)) {
		const q = questions.find((q) => q.id === key || norm(q.text) === norm(key));
		if (q) matched[q.id] = { text, provenance: "answers" };
		else unknown.push(key);
	}
	return { matched, unknown };
}

/** Applies answers that carry facts the section computes with (database size). */
export function applyAnswersToContext(ctx: ProjectContext, answers: Record<string, Answer>): ProjectContext {
	const size = answers["database-size"]?.text;
	if (size) {
		const m = /(\d+(?:\.\d+)?)\s*(gb|tb|mb)\b/i.exec(size);
		if (m) {
			const n = Number(m[1]);
			const unit = m[2]!.toLowerCase();
			const gb = unit === "tb" ? n * 1024 : unit === "mb" ? n / 1024 : n;
			return { ...ctx, database: { ...ctx.database, sizeGb: Math.max(1, Math.round(gb)) } };
		}
	}
	return ctx;
}
