import { afterEach, describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args";
import { checkConsistency } from "../../src/engine/decisions/consistency";
import { recommendAll } from "../../src/engine/decisions/recommend";
import { buildDecisions, DECISION_IDS, DECISIONS, validateDecision } from "../../src/engine/decisions/spec";
import { bareProject, cleanupTemps, exampleProject, HANDOFF_03 } from "../helpers/project";
import { researched } from "../helpers/state";

afterEach(cleanupTemps);

function ctxFor(infra: Record<string, string>, extra: Record<string, unknown> = {}) {
	const dir = bareProject({
		[HANDOFF_03]: JSON.stringify({
			key_outputs: { infrastructure: infra, database_stack: { primary: "PostgreSQL" } },
			...extra,
		}),
	});
	return researched(dir).state.context;
}

describe("recommendations", () => {
	it("recommends the platform's native strategy with rationale, alternatives and sources", () => {
		const recs = recommendAll(researched(exampleProject()).state.context);
		expect(recs.strategy.value).toBe("rolling");
		expect(recs.strategy.rationale).toMatch(/Railway/);
		expect(recs.strategy.sources.length).toBeGreaterThan(0);
		expect(recs.ci.value).toBe("github-actions");
		expect(recs.ci.alternatives.map((a) => a.value)).toContain("gitlab-ci");
	});

	it("moves to progressive delivery at scale when metrics can judge it", () => {
		const ctx = ctxFor(
			{ backend_hosting: "ECS Fargate" },
			{ expected_load: "2 million monthly active users" },
		);
		expect(recommendAll(ctx).strategy.value).toBe("canary");
	});

	it("on Kubernetes, moves to a canary only with a progressive-delivery controller the inputs run", () => {
		const load = { expected_load: "2 million monthly active users" };
		expect(recommendAll(ctxFor({ backend_hosting: "EKS" }, load)).strategy.value).toBe("rolling");
		const flagger = ctxFor({ backend_hosting: "EKS with Flux and Flagger canaries" }, load);
		expect(recommendAll(flagger).strategy.value).toBe("canary");
		expect(recommendAll(flagger).strategy.rationale).toMatch(/already runs Flagger/);
	});

	it("picks IaC by cloud and compliance", () => {
		expect(recommendAll(ctxFor({ backend_hosting: "Azure App Service" })).iac.value).toBe("bicep");
		expect(
			recommendAll(ctxFor({ backend_hosting: "ECS" }, { assumptions: ["HIPAA applies"] })).iac.value,
		).toBe("opentofu");
		expect(recommendAll(ctxFor({ backend_hosting: "Cloud Run" })).iac.value).toBe("terraform");
	});

	it("never promises an RPO the database cannot deliver", () => {
		const railway = recommendAll(researched(exampleProject()).state.context);
		expect(railway.rpo.value).toBe("1d");
		const rds = recommendAll(ctxFor({ backend_hosting: "ECS" }));
		expect(rds.rpo.value).toBe("15m");
	});
});

describe("validateDecision", () => {
	it("accepts spellings people use and normalises them", () => {
		expect(validateDecision("strategy", "Blue Green", undefined)).toEqual({ ok: true, value: "blue-green" });
		expect(validateDecision("iac", "OpenTofu", undefined)).toEqual({ ok: true, value: "opentofu" });
		expect(validateDecision("ci", "GitLab CI", undefined)).toEqual({ ok: true, value: "gitlab-ci" });
		expect(validateDecision("environments", "production, staging,development", undefined)).toEqual({
			ok: true,
			value: "development,staging,production",
		});
		expect(validateDecision("rto", "4 hours", undefined)).toEqual({ ok: true, value: "4h" });
	});

	it("refuses what the platform cannot do and says what it can", () => {
		const ctx = researched(exampleProject()).state.context;
		const r = validateDecision("strategy", "canary", ctx);
		expect(r).toEqual({ ok: false, error: "Railway has no native canary deployment; it supports rolling" });
	});

	it("refuses environments without production, and bad durations", () => {
		expect(validateDecision("environments", "dev,staging", undefined).ok).toBe(false);
		expect(validateDecision("rpo", "soon", undefined).ok).toBe(false);
	});
});

describe("checkConsistency", () => {
	it("says an RPO below the backup interval relies on PITR", () => {
		const ctx = ctxFor({ backend_hosting: "ECS" });
		const recs = recommendAll(ctx);
		const d = buildDecisions(recs, {
			rpo: { value: "5m", provenance: "user" },
			backupFrequency: { value: "1d", provenance: "user" },
		});
		const w = checkConsistency(d, ctx);
		expect(w.find((x) => x.decision === "rpo")?.message).toMatch(
			/met only through point-in-time recovery on Amazon RDS/,
		);
	});

	it("marks an RPO below what the database's mechanisms allow as infeasible", () => {
		const ctx = researched(exampleProject()).state.context;
		const d = buildDecisions(recommendAll(ctx), { rpo: { value: "15m", provenance: "user" } });
		const w = checkConsistency(d, ctx).find((x) => x.decision === "rpo");
		expect(w).toMatchObject({ level: "warning", infeasible: true });
		expect(w?.message).toMatch(/cannot be met on Railway PostgreSQL/);
		expect(w?.message).toMatch(/loses up to 1 day/);
	});

	it("marks an RTO below a restore as infeasible", () => {
		const ctx = researched(exampleProject()).state.context;
		const d = buildDecisions(recommendAll(ctx), { rto: { value: "15m", provenance: "user" } });
		const w = checkConsistency(d, ctx).find((x) => x.decision === "rto");
		expect(w).toMatchObject({ infeasible: true });
		expect(w?.message).toMatch(
			/RTO 15 minutes cannot be met: recovering from a logical error on Railway PostgreSQL \(volume-backed\) takes about 40 minutes \(detection and decision 15 min \+ restore of 12 GB/,
		);
	});

	it("without a data size, an RTO under the known part of a restore is still infeasible, and no size is invented", () => {
		const ctx = ctxFor({ backend_hosting: "ECS" });
		const d = buildDecisions(recommendAll(ctx), { rto: { value: "5m", provenance: "user" } });
		const w = checkConsistency(d, ctx).find((x) => x.decision === "rto");
		expect(w).toMatchObject({ infeasible: true });
		expect(w?.message).toMatch(/even before the restore itself/);
		expect(w?.message).not.toMatch(/\d+ GB/);
	});

	it("finds nothing wrong with the recommendations themselves", () => {
		for (const infra of [
			{ backend_hosting: "ECS" },
			{ backend_hosting: "Cloud Run" },
			{ backend_hosting: "Railway" },
		]) {
			const ctx = ctxFor(infra);
			expect(
				checkConsistency(buildDecisions(recommendAll(ctx), {}), ctx).filter((w) => w.level === "warning"),
			).toEqual([]);
		}
	});
});

describe("the decision registry", () => {
	it("gives every decision a label, a flag the parser reads into that decision, and examples its own check accepts", () => {
		for (const id of DECISION_IDS) {
			const spec = DECISIONS[id];
			expect(spec.id).toBe(id);
			expect(spec.label.length).toBeGreaterThan(3);
			const example = spec.kind === "checklist" ? spec.examples[0]! : spec.examples.at(-1)!;
			const opts = parseArgs([spec.flag, example], "/tmp");
			expect(opts[id]).toBe(example);
			const checked = validateDecision(id, example, undefined);
			expect(checked.ok, `${id} ${example}`).toBe(true);
			if (checked.ok) expect(spec.display(checked.value).length).toBeGreaterThan(0);
		}
	});

	it("refuses a value for a decision with a message, never by throwing", () => {
		for (const id of DECISION_IDS) {
			const r = validateDecision(id, "teleport", undefined);
			expect(r.ok).toBe(false);
		}
	});
});

describe("environments follow the project", () => {
	const H00 = "genesis_output/handoffs/handoff_00_init.json";
	const H08 = "genesis_output/handoffs/handoff_08_testing_strategy.json";
	const stack = JSON.stringify({
		key_outputs: { infrastructure: { backend_hosting: "Fly.io" }, database_stack: { primary: "PostgreSQL" } },
	});

	it("adds no staging when the testing strategy rules it out, and says where that was decided", () => {
		const dir = bareProject({
			[HANDOFF_03]: stack,
			[H08]: JSON.stringify({
				test_environments: ["local", "ci", "production"],
				next_section_context: { for_section_10: ["Gate deploys on pytest. There is no staging."] },
			}),
		});
		const rec = recommendAll(researched(dir).state.context).environments;
		expect(rec.value.split(",")).not.toContain("staging");
		expect(rec.value.split(",")).toContain("production");
		expect(rec.rationale).toMatch(/handoff_08/);
	});

	it("keeps the environments the testing strategy names, in the wizard's names", () => {
		const dir = bareProject({
			[HANDOFF_03]: stack,
			[H08]: JSON.stringify({ test_environments: ["local", "ci", "review", "staging", "production"] }),
		});
		const rec = recommendAll(researched(dir).state.context).environments;
		expect(rec.value).toBe("development,preview,staging,production");
	});

	it("gives a tiny budget no long-lived staging when nothing upstream decides, and says why", () => {
		const dir = bareProject({
			[HANDOFF_03]: stack,
			[H00]: JSON.stringify({
				project: { name: "Plotwise", constraints: "Budget: $15/month total. Team: one volunteer developer." },
			}),
		});
		const ctx = researched(dir).state.context;
		const rec = recommendAll(ctx).environments;
		expect(ctx.model.constraints.budgetMonthlyUsd?.value).toBe(15);
		expect(rec.value).toBe("development,production");
		expect(rec.rationale).toMatch(/\$15 a month/);
		expect(rec.alternatives.map((a) => a.value)).toContain("development,staging,production");
	});
});
