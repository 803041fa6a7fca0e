// PaaS sections as their practitioners would run them: platform settings, migrations, rollback and what the section
// leaves out (rejected alternatives), read from the fixtures of each platform.

import { cpSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTemps, tempDir } from "../helpers/project";
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
	}
});
