// PaaS sections as their practitioners would run them: platform settings, migrations, rollback and what the section
// leaves out (rejected alternatives), read from the fixtures of each platform.

import { cpSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bareProject, cleanupTemps, HANDOFF_03, tempDir } from "../helpers/project";
import { compose } from "../helpers/state";

afterAll(cleanupTemps);

const FIXTURES = path.resolve(__dirname, "../fixtures/projects");

function section(name: string) {
	const dir = path.join(tempDir(), name);
	cpSync(path.join(FIXTURES, name), dir, { recursive: true });
	return compose(dir);
}

/** The text of a `##` section, up to the next one. */
function part(md: string, heading: string): string {
	const start = md.indexOf(`## ${heading}`);
	if (start < 0) return "";
	const next = md.indexOf("\n## ", start + 3);
	return md.slice(start, next < 0 ? undefined : next);
}

describe("Heroku + Rails + CircleCI", () => {
	const out = section("heroku-rails-circleci");
	const md = out.markdown;

	it("enables Preboot and schedules logical backups on the production app, beside continuous protection", () => {
		expect(md).toContain("heroku features:enable preboot --app larder");
		expect(md).toMatch(/heroku pg:backups:schedule DATABASE_URL --at '\d\d:00 UTC' --app larder/);
		expect(md).toMatch(/resource "heroku_app_feature" "preboot"/);
	});

	it("names the production app the same in the pipeline, the IaC and the rollback", () => {
		expect(md).toContain("heroku pipelines:promote --app larder-staging --to larder\n");
		expect(md).toContain('var.environment == "production" ? "larder"');
		expect(md).toContain("heroku releases:rollback $PREVIOUS_RELEASE --app larder");
		expect(md).not.toContain("larder-production --");
	});

	it("migrates in the release phase and says a code rollback leaves the database as it is", () => {
		expect(md).toContain("release: bin/rails db:migrate");
		expect(md).toMatch(/does not roll back the database/);
	});

	it("says the Common Runtime has no canary traffic split", () => {
		expect(part(md, "10.1")).toMatch(/no traffic split between releases/);
	});

	it("keeps rejected alternatives on the pre-flight model and out of the section body", () => {
		expect(out.state.context.model.rejected.map((r) => r.label)).toEqual(
			expect.arrayContaining(["AWS ECS with RDS"]),
		);
		expect(md).not.toMatch(/\bECS\b|k3s|Hetzner|Rejected upstream/);
		expect(md).not.toMatch(/Heroku over /);
	});
});

describe("Fly.io with SQLite on one Machine", () => {
	for (const name of ["fly-sqlite", "django-sqlite-fly-volume"]) {
		it(`${name}: the deploy is a stop-start of the one Machine, with no batches and no release command`, () => {
			const approach = part(section(name).markdown, "10.1");
			expect(approach).toMatch(/stopped, updated and started again/);
			expect(approach).toMatch(/short outage/);
			expect(approach).not.toMatch(/max_unavailable|replaced in batches|batch at a time/);
			const strategy = approach.split("Platform limits")[0]!;
			expect(strategy).not.toMatch(/release_command|zero-downtime/);
			expect(approach).toMatch(
				/Migrations on Fly\.io: at start-up in the one Machine that mounts the volume/,
			);
		});
		it(`${name}: keeps the volume's daily snapshots longer than the 5-day default`, () => {
			expect(section(name).markdown).toMatch(
				/flyctl volumes update "\$VOLUME_ID" --snapshot-retention 14 --app /,
			);
		});
	}
	it("a Fly app without a volume gets no snapshot setting", () => {
		expect(section("fly-jenkins").markdown).not.toContain("--snapshot-retention");
	});
});

/** The lines of every fenced block of a language in the section. */
function blocks(md: string, lang: string): string[] {
	return [...md.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, "g"))].map((x) => x[1]!);
}

describe("Vercel + Neon + Drizzle", () => {
	const md = section("vercel-neon-drizzle").markdown;
	const workflow = blocks(md, "yaml").find((b) => b.includes("jobs:")) ?? "";

	it("reads the migration tool from the inputs' ORM and names it in the inputs table", () => {
		expect(md).toMatch(
			/\| Schema migrations \| Drizzle Kit \| handoff 03 key\\_outputs\.backend\\_stack\.orm \|/,
		);
	});

	it("migrates from the deploy job, before the production deploy, with the connection as an environment secret", () => {
		const prod = workflow.slice(workflow.indexOf("deploy-production:"));
		const migrate = prod.indexOf('DATABASE_URL="$MIGRATION_DATABASE_URL" npx drizzle-kit migrate');
		expect(migrate).toBeGreaterThan(0);
		expect(migrate).toBeLessThan(prod.indexOf("vercel deploy --prebuilt --prod"));
		expect(migrate).toBeGreaterThan(prod.indexOf("vercel build --prod"));
		expect(prod).toContain("MIGRATION_DATABASE_URL: ${{ secrets.MIGRATION_DATABASE_URL }}");
		expect(part(md, "10.1")).toMatch(/only expand changes ship with the code/);
	});

	it("pins the functions to the database's region, not Vercel's default", () => {
		const json = JSON.parse(blocks(md, "json").find((b) => b.includes("openapi.vercel.sh"))!);
		expect(json.regions).toEqual(["fra1"]);
		expect(md).toMatch(/Washington, D\.C\. \(`iad1`\)/);
	});

	it("sets Neon's history window to the Launch plan's maximum and says the default is 1 day", () => {
		expect(md).toMatch(
			/history_retention_seconds = 604800 +# Launch plan maximum \(7 days\); the default is 1 day/,
		);
	});
});

describe("Azure Container Apps (multiple revision mode)", () => {
	const md = section("aca-bicep").markdown;
	const prod = md.slice(md.indexOf("Deploy to production"));

	it("awaits the migration job's execution before creating the new revision", () => {
		const wait = prod.indexOf('test "$STATUS" = Succeeded');
		expect(prod).toMatch(/az containerapp job execution show [^\n]*--job-execution-name "\$EXECUTION"/);
		expect(wait).toBeGreaterThan(0);
		expect(wait).toBeLessThan(prod.indexOf("az containerapp update --name lumen-loyalty "));
	});

	it("labels the live revision blue and the new one green, smoke-tests the green label URL, then moves label weights", () => {
		expect(prod).toMatch(
			/az containerapp revision label add [^\n]*--label blue --revision "\$LIVE_REVISION"/,
		);
		expect(prod).toMatch(
			/az containerapp revision label add [^\n]*--label green --revision "lumen-loyalty--sha-/,
		);
		expect(prod).toMatch(/BASE_URL="https:\/\/lumen-loyalty---green\./);
		expect(prod).toMatch(/--label-weight blue=90 green=10[\s\S]*--label-weight blue=0 green=100/);
		expect(md).toMatch(/--label-weight blue=100 green=0/);
	});
});

describe("DigitalOcean App Platform", () => {
	const md = section("do-app-platform").markdown;

	it("deploys on GitHub Actions by applying the in-repo spec with the platform's action", () => {
		const workflow = blocks(md, "yaml").find((b) => b.includes("jobs:")) ?? "";
		expect(workflow).toMatch(
			/uses: digitalocean\/app_action\/deploy@v2\n\s+with:\n\s+token: '\$\{\{ secrets\.DIGITALOCEAN_ACCESS_TOKEN \}\}'\n\s+app_spec_location: '\.do\/app\.yaml'/,
		);
		// App Platform builds from the commit: the deploy job installs no dependencies of its own.
		expect(workflow.slice(workflow.indexOf("deploy-production:"))).not.toContain("pip install");
	});

	it("runs the project's own migration command in the PRE_DEPLOY job of the spec", () => {
		expect(md).toMatch(/kind: PRE_DEPLOY[\s\S]*run_command: python manage\.py migrate --noinput/);
	});

	it("says a preview built from the production spec would attach the production database and secrets", () => {
		expect(md).toMatch(/preview[^\n]*attach the production database and secrets/);
	});
});

describe("Render", () => {
	it("runs migrations as the service's pre-deploy command", () => {
		const md = section("render-heroku-paas").markdown;
		expect(md).toMatch(/preDeployCommand: /);
	});
});

describe("Azure App Service", () => {
	it("routes canary traffic to the staging slot, clears it, then swaps, all in the project's resource group", () => {
		const md = section("app-service-soc2").markdown;
		const prod = md.slice(md.indexOf("Deploy to production"));
		expect(prod).toMatch(
			/traffic-routing set --resource-group rg-clarion-hr-production --name clarion-hr --distribution staging=10[\s\S]*traffic-routing clear[\s\S]*deployment slot swap/,
		);
		// The restore runbook and 10.6 belong to the recovery runbooks.
		expect(md.slice(0, md.indexOf("## 10.4"))).not.toMatch(/rg-prod\b|rg-production\b/);
	});

	it("builds an EF Core migration bundle once and runs it before the slot deploy, never shipping it", () => {
		const dir = bareProject({
			[HANDOFF_03]: JSON.stringify({
				project_name: "Ledgerline",
				key_outputs: {
					backend_stack: { runtime: ".NET 8", framework: "ASP.NET Core", orm: "Entity Framework Core 8" },
					database_stack: { primary: "Azure SQL Database" },
					infrastructure: { backend_hosting: "Azure App Service", ci_cd: "GitHub Actions" },
				},
			}),
		});
		const md = compose(dir).markdown;
		expect(md).toMatch(
			/dotnet ef migrations bundle [^\n]*--output efbundle\n[^\n]*zip -qj app\.zip efbundle/,
		);
		const prod = md.slice(md.indexOf("deploy-production:"));
		const run = prod.indexOf('./efbundle --connection "$MIGRATION_DATABASE_URL"');
		expect(run).toBeGreaterThan(0);
		expect(run).toBeLessThan(prod.indexOf("az webapp deploy "));
		expect(prod.indexOf("zip -qd app.zip efbundle")).toBeLessThan(prod.indexOf("az webapp deploy "));
	});
});

describe("a platform with no previews of its own", () => {
	it("promises no preview URL and says production is the first deployed test", () => {
		const md = section("do-app-platform").markdown;
		const release = md.slice(md.indexOf("### Release process"), md.indexOf("### Feature flags"));
		expect(release).not.toMatch(/preview URL|verified on its preview/);
		expect(release).toMatch(/No preview deployment is set up on DigitalOcean App Platform/);
		expect(md).not.toMatch(/PREVIEW\["Preview: none/);
	});
});

describe("a region written with a gloss in the inputs", () => {
	it("uses the region's code in vercel.json and the Neon project, never the raw wording", () => {
		const dir = bareProject({
			[HANDOFF_03]: JSON.stringify({
				project_name: "Saltmarsh",
				key_outputs: {
					frontend_stack: { framework: "Next.js 15" },
					backend_stack: { runtime: "Node.js 22", framework: "Next.js Route Handlers", orm: "Prisma" },
					database_stack: {
						primary: {
							engine: "PostgreSQL 17",
							service: "Neon",
							plan: "Scale",
							region: "aws-eu-west-2 (London)",
						},
					},
					infrastructure: {
						frontend_hosting: "Vercel",
						backend_hosting: "Vercel Functions",
						ci_cd: "GitHub Actions",
					},
				},
			}),
		});
		const md = compose(dir).markdown;
		// The inputs table quotes the input; everything after it uses the code.
		expect(md.slice(md.indexOf("## 10.1"))).not.toContain("(London)");
		expect(md).toMatch(/"regions": \[\s*"lhr1"\s*\]/);
		expect(md).toMatch(/region_id\s+= "aws-eu-west-2"/);
		expect(md).toMatch(/history_retention_seconds = 2592000 +# Scale plan maximum \(30 days\)/);
		expect(md).toContain('DATABASE_URL="$MIGRATION_DATABASE_URL" npx prisma migrate deploy');
	});
});
