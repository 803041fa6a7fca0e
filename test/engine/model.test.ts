// The resolved project model: one fixture per failure class of the old input reading, each in upstream's shapes.

import { cpSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildContext } from "../../src/engine/inputs/context";
import { inputById, runPreflight } from "../../src/engine/inputs/preflight";
import { shapeNotes } from "../../src/engine/inputs/schemas";
import { summarizeInput } from "../../src/engine/inputs/summary";
import { projectPaths } from "../../src/engine/io/project";
import { bareProject, cleanupTemps, HANDOFF_03, tempDir } from "../helpers/project";
import { compose } from "../helpers/state";

afterAll(cleanupTemps);

const FIXTURES = path.resolve(__dirname, "../fixtures/projects");

function copy(name: string): string {
	const dir = path.join(tempDir(), `scratch-${name}-x7Qz`);
	cpSync(path.join(FIXTURES, name), dir, { recursive: true });
	return dir;
}

function ctxOf(dir: string) {
	return buildContext(runPreflight(projectPaths(dir), summarizeInput, shapeNotes), path.basename(dir));
}

/** Lines of fenced code in a Markdown text. */
function codeLines(markdown: string): string[] {
	const out: string[] = [];
	let inCode = false;
	for (const line of markdown.split("\n")) {
		if (line.startsWith("```")) inCode = !inCode;
		else if (inCode) out.push(line);
	}
	return out;
}

describe("a structured hosting object with rejected alternatives (EKS chosen, ECS rejected)", () => {
	const dir = copy("eks-argo-rejected-ecs");
	const ctx = ctxOf(dir);

	it("takes the platform from the hosting object, never from the rejected option", () => {
		expect(ctx.backend.platform).toBe("kubernetes");
		expect(ctx.model.platform.variant).toBe("eks");
		expect(ctx.model.platform.from).toEqual({
			file: "genesis_output/handoffs/handoff_03_technology_stack.json",
			path: "key_outputs.infrastructure.backend_hosting.platform",
			confidence: "structured",
		});
		expect(ctx.cloud).toBe("aws");
		expect(ctx.model.rejected.map((r) => r.label)).toContain("Amazon ECS on Fargate");
		expect(ctx.model.conflicts).toEqual([]);
	});

	it("reads GitOps and progressive delivery, the services list and the CI list", () => {
		expect(ctx.model.gitops?.value).toBe("argo-cd");
		expect(ctx.model.progressive?.value).toBe("argo-rollouts");
		expect(ctx.model.services.map((s) => [s.name, s.kind, s.ingress])).toEqual([
			["tfx-api", "api", true],
			["tfx-matcher-worker", "worker", false],
			["tfx-web", "web", true],
		]);
		expect(ctx.ci.tool).toBe("github-actions");
		expect(ctx.model.ci.from.path).toBe("key_outputs.infrastructure.ci_cd[0]");
	});

	it("writes no ECS command in the section", () => {
		const out = compose(dir);
		expect(codeLines(out.markdown).join("\n")).not.toMatch(/\baws ecs\b/);
		expect(out.markdown).toContain("Tidewater Freight Exchange");
	});
});

describe("SQLite on a Fly volume, without handoff 00", () => {
	const dir = copy("django-sqlite-fly-volume");
	const ctx = ctxOf(dir);

	it("keeps SQLite on the volume, not a managed Postgres the project does not have", () => {
		const primary = ctx.model.dataStores[0]!;
		expect([primary.role, primary.engine, primary.provider, primary.providerLabel]).toEqual([
			"primary",
			"SQLite",
			"unknown",
			"Fly volume",
		]);
		expect(ctx.database.engine).toMatch(/^SQLite/);
		expect(ctx.database.provider).not.toBe("fly-mpg");
		expect(ctx.database.provider).not.toBe("render-postgres");
		expect(ctx.database.providerAssumed).toBe(false);
	});

	it("names the project from handoff 03, never from the folder", () => {
		expect(ctx.projectName).toBe("Allotment Ledger");
		expect(ctx.model.name.from.path).toBe("project_name");
		const out = compose(dir);
		expect(out.markdown).not.toContain("x7Qz");
		// Another provider is named only where the handoff's own decision is quoted.
		const named = out.markdown.split("\n").filter((l) => /Render Postgres|Managed Postgres/.test(l));
		expect(named.every((l) => l.includes("(handoff 03)"))).toBe(true);
	});
});

describe("a PITR add-on that is not enabled, no staging, a flag tool and a small team", () => {
	const ctx = ctxOf(copy("render-pitr-not-enabled"));
	const primary = ctx.model.dataStores[0]!;

	it("records the add-on state and the plan", () => {
		expect(primary.provider).toBe("render-postgres");
		expect(primary.plan).toBe("Basic-1gb");
		expect(primary.pitr).toEqual({ enabled: false });
		expect(primary.notEnabled.join(" ")).toMatch(/point-in-time recovery/i);
	});

	it("binds the upstream decisions and constraints", () => {
		expect(ctx.flagTool).toBe("Flagsmith");
		expect(ctx.model.upstream.environments?.noStaging).toBe(true);
		expect(ctx.model.upstream.environments?.value).not.toContain("staging");
		expect(ctx.model.constraints.budgetMonthlyUsd?.value).toBe(45);
		expect(ctx.model.constraints.teamSize?.value).toBe(1);
		expect(ctx.model.constraints.noOnCall?.value).toBe(true);
	});
});

describe("template objects left in the handoffs", () => {
	const dir = copy("template-objects");
	const ctx = ctxOf(dir);

	it("drops and reports them; the complete section 09 text names the tools", () => {
		expect(ctx.monitoring.alerts.map((a) => a.name)).toEqual(["Checkout errors"]);
		expect(ctx.testing.gates.map((g) => g.name)).toEqual(["Unit tests"]);
		expect(ctx.model.dropped.map((d) => [d.what, d.from.path])).toEqual([
			["alert", "alerts_defined[0]"],
			["quality gate", "quality_gates[0]"],
		]);
		expect(ctx.model.monitoring.errors?.value).toBe("Sentry");
		expect(ctx.model.monitoring.errors?.from.confidence).toBe("text");
		expect(ctx.monitoring.dashboards).toEqual([]);
	});

	it("keeps the template row out of the section", () => {
		expect(compose(dir).markdown).not.toMatch(/alert_name|critical\/warning/);
	});
});

describe("40 quality gates and 39 alerts", () => {
	const dir = copy("forty-gates");
	const ctx = ctxOf(dir);

	it("uses every one of them, with stages and structured thresholds", () => {
		expect(ctx.testing.gates).toHaveLength(40);
		expect(ctx.monitoring.alerts).toHaveLength(39);
		const g = ctx.model.gates[0]!;
		expect([g.stage, g.metric, g.min, g.unit, g.threshold]).toEqual([
			"lint",
			"coverage of module 1",
			70,
			"%",
			"coverage of module 1 ≥ 70%",
		]);
		expect(ctx.model.gates.filter((x) => !x.blocking)).toHaveLength(10);
	});

	it("counts them truly in pre-flight", () => {
		const report = runPreflight(projectPaths(dir), summarizeInput, shapeNotes);
		expect(inputById(report, "handoff08").summary).toContain("40 quality gates");
		expect(inputById(report, "handoff09").summary).toContain("39 alerts");
	});
});

describe("every upstream handoff present (00, 02, 05, 07)", () => {
	const ctx = ctxOf(copy("full-upstream"));
	const m = ctx.model;

	it("takes the name and constraints from handoff 00", () => {
		expect(m.name).toEqual({
			value: "Lanternfish Clinic Portal",
			from: {
				file: "genesis_output/handoffs/handoff_00_init.json",
				path: "project.name",
				confidence: "structured",
			},
		});
		expect(m.constraints.slaPercent?.value).toBe(99.9);
		expect(m.constraints.residency?.value.jurisdiction).toBe("UK");
		expect(m.constraints.teamSize?.value).toBe(6);
		expect(m.constraints.changeApproval?.value).toMatch(/CAB/);
	});

	it("takes compliance from handoff 07 with its source, and services from handoff 05", () => {
		const iso = m.constraints.compliance.find((c) => c.value === "iso27001");
		expect(iso?.from.file).toBe("genesis_output/handoffs/handoff_07_security_compliance.json");
		expect(iso?.from.path).toBe("compliance_requirements[1].framework");
		expect(ctx.compliance).toEqual(expect.arrayContaining(["gdpr", "iso27001"]));
		expect(m.services.map((s) => `${s.name}:${s.kind}`)).toEqual([
			"portal-web:web",
			"booking-api:api",
			"notification-worker:worker",
			"records-export:cron",
		]);
	});

	it("binds handoff 09's paging tool, severity scale and for_section_10 verbatim", () => {
		expect(m.upstream.pagingTool?.value).toBe("incident.io");
		expect(m.upstream.severity?.value.levels).toEqual(["Sev0", "Sev1", "Sev2", "Sev3", "Sev4"]);
		expect(m.upstream.severity?.value.ack.Sev1).toBe("15 minutes");
		expect(m.upstream.forSection10.map((f) => f.value)).toEqual([
			"Hold the release if Sev0 or Sev1 alerts fire during the 30-minute watch window",
			"Canary analysis reads Application Insights failed-request rate",
		]);
	});
});

describe("free text only", () => {
	it("two platforms with no structured answer are a conflict, not a pick by list order", () => {
		const dir = bareProject({
			[HANDOFF_03]: JSON.stringify({ key_outputs: { backend_stack: { runtime: "Node.js 22" } } }),
			"genesis_output/sections/03_technology_stack.md":
				"# Stack\n\nThe API runs on Google Cloud Run.\nThe worker runs on Amazon ECS.\n",
		});
		const ctx = ctxOf(dir);
		expect(ctx.model.conflicts).toHaveLength(1);
		expect(ctx.model.conflicts[0]!.what).toBe("backend platform");
		expect(ctx.model.conflicts[0]!.candidates.sort()).toEqual(
			["Amazon ECS (Fargate)", "Google Cloud Run"].sort(),
		);
		expect(ctx.model.platform.from.confidence).toBe("text");
	});

	it("never reads a platform out of rejected alternatives or rationale", () => {
		const dir = bareProject({
			[HANDOFF_03]: JSON.stringify({
				key_outputs: { backend_stack: { runtime: "Go" } },
				decisions_made: [
					{
						decision: "Containers on Cloud Run",
						rationale: "ECS would tie us to AWS",
						rejected_alternatives: [{ option: "Amazon ECS", reason: "cost" }],
					},
				],
			}),
		});
		const ctx = ctxOf(dir);
		expect(ctx.backend.platform).toBe("cloud-run");
		expect(ctx.model.conflicts).toEqual([]);
	});

	it("without handoff 00 or 03 the folder name is an assumption", () => {
		const ctx = ctxOf(bareProject());
		expect(ctx.model.name.from.confidence).toBe("assumed");
	});
});
