import { afterEach, describe, expect, it } from "vitest";
import { buildContext } from "../../src/engine/inputs/context";
import { runPreflight } from "../../src/engine/inputs/preflight";
import { shapeNotes } from "../../src/engine/inputs/schemas";
import { summarizeInput } from "../../src/engine/inputs/summary";
import { projectPaths } from "../../src/engine/io/project";
import { bareProject, cleanupTemps, exampleProject, HANDOFF_03, HANDOFF_08 } from "../helpers/project";

afterEach(cleanupTemps);

function ctxOf(dir: string) {
	return buildContext(runPreflight(projectPaths(dir), summarizeInput, shapeNotes), "my-app");
}

describe("buildContext", () => {
	it("reads the example's stack, gates and monitoring", () => {
		const ctx = ctxOf(exampleProject());
		expect(ctx.projectName).toBe("Harbor Bookings");
		expect(ctx.serviceName).toBe("harbor-bookings");
		expect(ctx.backend).toEqual({ platform: "railway", label: "Railway", assumed: false });
		expect(ctx.frontend?.platform).toBe("vercel");
		expect(ctx.cloud).toBe("none");
		expect(ctx.database.provider).toBe("railway-postgres");
		expect(ctx.database.sizeGb).toBe(12);
		expect(ctx.ci.tool).toBe("github-actions");
		expect(ctx.scale).toBe("medium");
		expect(ctx.testing.coverage).toEqual({ unit: 80, integration: 70 });
		expect(ctx.testing.gates).toHaveLength(6);
		expect(ctx.monitoring.apm).toBe("Sentry");
		expect(ctx.monitoring.alerts[0]).toEqual({
			name: "API 5xx rate",
			condition: "5xx > 1% of requests for 5 min",
			severity: "critical",
		});
		expect(ctx.inherited.openQuestions.map((q) => q.source)).toEqual([
			"handoff_03",
			"handoff_08",
			"handoff_09",
		]);
		expect(ctx.assumed).toEqual([]);
	});

	it("assumes sensibly, and says so, when nothing is given", () => {
		const ctx = ctxOf(bareProject());
		expect(ctx.projectName).toBe("my app");
		expect(ctx.ci).toEqual({ tool: "github-actions", label: "GitHub Actions", assumed: true });
		expect(ctx.backend.assumed).toBe(true);
		expect(ctx.scaleAssumed).toBe(true);
		expect(ctx.assumed.length).toBeGreaterThanOrEqual(4);
	});

	it.each([
		[{ backend_hosting: "AWS ECS Fargate" }, "ecs", "aws", "rds-postgres"],
		[{ backend_hosting: "Google Cloud Run" }, "cloud-run", "gcp", "cloud-sql"],
		[{ backend_hosting: "Azure App Service" }, "app-service", "azure", "azure-pg-flexible"],
		[{ backend_hosting: "EKS (Kubernetes)" }, "kubernetes", "aws", "rds-postgres"],
		[{ backend_hosting: "Fly.io" }, "fly", "none", "fly-mpg"],
		[{ backend_hosting: "Heroku" }, "heroku", "none", "heroku-postgres"],
		[{ backend_hosting: "Render" }, "render", "none", "render-postgres"],
		[{ backend_hosting: "Hetzner VMs with Docker Compose" }, "vm", "none", "self-managed"],
	])("maps %j to its platform, cloud and database", (infra, platform, cloud, db) => {
		const ctx = ctxOf(
			bareProject({
				[HANDOFF_03]: JSON.stringify({
					key_outputs: { infrastructure: infra, database_stack: { primary: "PostgreSQL 16" } },
				}),
			}),
		);
		expect([ctx.backend.platform, ctx.cloud, ctx.database.provider]).toEqual([platform, cloud, db]);
	});

	it("detects compliance regimes named anywhere in the inputs", () => {
		const dir = bareProject({
			[HANDOFF_03]: JSON.stringify({
				key_outputs: { infrastructure: { backend_hosting: "ECS" } },
				assumptions: ["Card payments are in PCI-DSS scope"],
			}),
			[HANDOFF_08]: JSON.stringify({ decisions_made: ["SOC 2 Type II audit next year"] }),
		});
		expect(ctxOf(dir).compliance).toEqual(["pci-dss", "soc2"]);
	});
});
