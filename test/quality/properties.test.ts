// Property tests over generated projects: the handoff always validates, the section never holds a placeholder,
// every Mermaid block passes the checker, and `check` passes its required items.

import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { checkMermaid, checkSection, mermaidBlocks } from "../../src/engine/output/check";
import { Handoff10Schema } from "../../src/engine/output/handoff";
import { bareProject, cleanupTemps, HANDOFF_03, HANDOFF_08, HANDOFF_09 } from "../helpers/project";
import { compose } from "../helpers/state";

afterAll(cleanupTemps);

const PLACEHOLDER =
	/\[(tool|time|timestamp|frequency|strategy|count|name|value|x)\]|\bTBD\b|\bTODO\b|\bFIXME\b|\bXXX\b|\bundefined\b|\bNaN\b|\[object Object\]|lorem ipsum/i;
const VAGUE = /\b(various|etc\.|and so on|as needed|as appropriate|and more)\b/i;

/** Free text as an LLM might write it: any unicode, controls included, but not words the checks forbid on purpose. */
const text = fc
	.string({ unit: "grapheme", maxLength: 40 })
	.filter((s) => !PLACEHOLDER.test(s) && !VAGUE.test(s) && !/\b(todo|tbd|fixme)\b/i.test(s));
const hosting = fc.constantFrom(
	"Vercel",
	"Railway",
	"Render",
	"Fly.io",
	"Heroku",
	"AWS ECS Fargate",
	"AWS Lambda",
	"Google Cloud Run",
	"Azure App Service",
	"Amazon EKS",
	"GKE",
	"Netlify",
	"Hetzner VMs",
	"[tool]",
	"",
	"Some new PaaS",
);
const ci = fc.constantFrom(
	"GitHub Actions",
	"GitLab CI",
	"CircleCI",
	"Azure Pipelines",
	"Jenkins",
	"Buildkite",
	"[tool]",
);
const db = fc.constantFrom(
	"PostgreSQL 16",
	"MySQL 8",
	"Aurora PostgreSQL",
	"Cloud SQL",
	"Neon",
	"Supabase",
	"Azure SQL",
	"MongoDB Atlas",
);
const load = fc.constantFrom("", "2,000 users", "300,000 monthly active users", "5 million users", "MVP");
const regime = fc.constantFrom("", "PCI DSS", "HIPAA", "SOC 2", "GDPR", "ISO 27001");

const project = fc.record({
	frontend: hosting,
	backend: hosting,
	ci,
	db,
	load,
	regime,
	name: text,
	gates: fc.array(
		fc.record({
			gate: text,
			threshold: fc.oneof(text, fc.integer({ min: 0, max: 100 })),
			blocking: fc.boolean(),
		}),
		{ maxLength: 5 },
	),
	alerts: fc.array(
		fc.record({ name: text, condition: text, severity: fc.constantFrom("critical", "warning", "", "SEV-1") }),
		{ maxLength: 4 },
	),
	questions: fc.array(text, { maxLength: 3 }),
	coverage: fc.oneof(
		fc.constant(undefined),
		fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
		text,
	),
});

describe("generated projects", () => {
	it("always give a valid handoff and a clean, checkable section", () => {
		fc.assert(
			fc.property(project, (p) => {
				const dir = bareProject({
					[HANDOFF_03]: JSON.stringify({
						project_name: p.name,
						key_outputs: {
							infrastructure: { frontend_hosting: p.frontend, backend_hosting: p.backend, ci_cd: p.ci },
							database_stack: { primary: p.db },
						},
						expected_load: p.load,
						assumptions: p.regime ? [`${p.regime} applies`] : [],
						open_questions: p.questions,
					}),
					[HANDOFF_08]: JSON.stringify({
						key_outputs: { coverage_targets: { unit: p.coverage } },
						quality_gates: p.gates,
					}),
					[HANDOFF_09]: JSON.stringify({ alerts_defined: p.alerts }),
				});
				const out = compose(dir);
				expect(Handoff10Schema.safeParse(out.handoff).success).toBe(true);
				expect(out.markdown).not.toMatch(PLACEHOLDER);
				for (const b of mermaidBlocks(out.markdown)) expect(checkMermaid(b.body)).toBeUndefined();
				const report = checkSection(out.markdown);
				expect(report.requiredFailed.map((r) => `${r.id}: ${r.detail}`)).toEqual([]);
				expect(out.markdown).not.toMatch(
					/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
				);
			}),
			{ numRuns: 60 },
		);
	}, 120_000);
});
