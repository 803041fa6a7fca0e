import { afterEach, describe, expect, it } from "vitest";
import { checkConsistency } from "../../src/engine/decisions/consistency";
import { recommendAll } from "../../src/engine/decisions/recommend";
import { buildDecisions } from "../../src/engine/decisions/spec";
import { bareProject, cleanupTemps, HANDOFF_03 } from "../helpers/project";
import { compose, researched } from "../helpers/state";

afterEach(cleanupTemps);

function project(
	infra: Record<string, string>,
	db: Record<string, string>,
	extra: Record<string, unknown> = {},
) {
	return bareProject({
		[HANDOFF_03]: JSON.stringify({
			project_name: "Kettle",
			key_outputs: { infrastructure: infra, database_stack: db, backend_stack: { framework: "Rails 8" } },
			...extra,
		}),
	});
}

const flySqlite = () =>
	project({ backend_hosting: "Fly.io Machines" }, { primary: "SQLite on a Fly volume" });

describe("platform rules on every choice", () => {
	it("recommends a strategy Fly.io can run with a volume", () => {
		const ctx = researched(flySqlite()).state.context;
		expect(recommendAll(ctx).strategy.value).toBe("rolling");
	});

	it("flags blue-green on Fly.io with a volume, with reason and source, and writes the replacement", () => {
		const dir = flySqlite();
		const ctx = researched(dir).state.context;
		const d = buildDecisions(recommendAll(ctx), { strategy: { value: "blue-green", provenance: "flag" } });
		const w = checkConsistency(d, ctx).find((x) => x.rule === "strategy-with-volume");
		expect(w?.level).toBe("warning");
		expect(w?.message).toMatch(/cannot run a blue-green deployment on a service with a volume/);
		expect(w?.message).toMatch(/the section uses rolling/);
		expect(w?.sources?.length).toBeGreaterThan(0);

		const out = compose(dir, { strategy: { value: "blue-green", provenance: "flag" } });
		expect(out.model.decisions.strategy).toBe("rolling");
		const toml = /```toml\n([\s\S]*?)```/.exec(out.markdown)![1]!;
		expect(toml).toContain('strategy = "rolling"');
		expect(toml).not.toContain("release_command =");
		expect(toml).toContain("min_machines_running = 1");
		expect(out.markdown).not.toMatch(/flyctl scale count [2-9]/);
		expect(out.handoff.assumptions.join("\n")).toMatch(/Platform rule \(strategy\)/);
	});

	it("keeps the chosen strategy in fly.toml when the platform can run it", () => {
		const dir = project(
			{ backend_hosting: "Fly.io Machines" },
			{ primary: "PostgreSQL", hosting: "Fly Managed Postgres" },
		);
		const out = compose(dir, { strategy: { value: "blue-green", provenance: "flag" } });
		expect(out.model.decisions.strategy).toBe("blue-green");
		expect(out.markdown).toContain('strategy = "bluegreen"');
		expect(out.model.warnings.filter((w) => w.rule)).toEqual([]);
	});

	it("refuses an IaC tool for another cloud and writes the recommended one instead", () => {
		const dir = project(
			{ backend_hosting: "AWS ECS Fargate" },
			{ primary: "PostgreSQL", hosting: "Amazon RDS" },
		);
		const ctx = researched(dir).state.context;
		const d = buildDecisions(recommendAll(ctx), { iac: { value: "bicep", provenance: "flag" } });
		const w = checkConsistency(d, ctx).find((x) => x.rule === "iac-other-cloud");
		expect(w?.message).toMatch(/Azure Bicep provisions Azure resources only, and this project runs on AWS/);
		const out = compose(dir, { iac: { value: "bicep", provenance: "flag" } });
		expect(out.model.decisions.iac).not.toBe("bicep");
		expect(out.markdown).not.toMatch(/Microsoft\.|```bicep/);
	});

	it("flags a local database file on a platform that cannot keep one", () => {
		const ctx = researched(project({ backend_hosting: "Google Cloud Run" }, { primary: "SQLite" })).state
			.context;
		const w = checkConsistency(buildDecisions(recommendAll(ctx), {}), ctx).find(
			(x) => x.rule === "local-file-database",
		);
		expect(w?.message).toMatch(/Google Cloud Run cannot keep a SQLite file/);
	});

	it("flags slots on an App Service tier that has none", () => {
		const ctx = researched(
			project({ backend_hosting: "Azure App Service (Basic B1)" }, { primary: "Azure SQL Database" }),
		).state.context;
		// The recommendation keeps to what the tier can run; a slot strategy chosen anyway is flagged.
		expect(recommendAll(ctx).strategy.value).toBe("rolling");
		const d = buildDecisions(recommendAll(ctx), { strategy: { value: "blue-green", provenance: "flag" } });
		const w = checkConsistency(d, ctx).find((x) => x.rule === "slot-tier");
		expect(w?.message).toMatch(/Standard or higher/);
	});

	it("raises no platform warning for the recommendations themselves", () => {
		for (const infra of ["Fly.io Machines", "Azure Container Apps", "DigitalOcean App Platform", "Vercel"]) {
			const ctx = researched(project({ backend_hosting: infra }, { primary: "PostgreSQL" })).state.context;
			const rules = checkConsistency(buildDecisions(recommendAll(ctx), {}), ctx).filter(
				(w) => w.rule && w.level === "warning",
			);
			expect(rules, infra).toEqual([]);
		}
	});
});
