// Cloud Run's pipeline and runbooks: each traffic command targets the service the job deployed, every variable a
// runbook command reads is the pipeline's own or a listed prerequisite, and scaling raises the instance ceiling.

import { cpSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTemps, tempDir } from "../helpers/project";
import { compose } from "../helpers/state";

afterAll(cleanupTemps);

const FIXTURE = path.resolve(__dirname, "../fixtures/projects/cloud-run-gcp");

let cached: string | undefined;
function markdown(): string {
	if (!cached) {
		const dir = path.join(tempDir(), "cloud-run-gcp");
		cpSync(FIXTURE, dir, { recursive: true });
		cached = compose(dir).markdown;
	}
	return cached;
}

/** The lines of the GitHub Actions job `id` in the 10.2 workflow. */
function job(md: string, id: string): string {
	const start = md.indexOf(`\n  ${id}:\n`);
	expect(start, id).toBeGreaterThanOrEqual(0);
	const next = md.slice(start + 1).search(/\n {2}[a-z][\w-]*:\n|\n```/);
	return md.slice(start, next < 0 ? undefined : start + 1 + next);
}

function runbook(md: string, title: string): string {
	const start = md.indexOf(`### ${title} runbook`);
	expect(start, title).toBeGreaterThanOrEqual(0);
	const next = md.indexOf("\n### ", start + 4);
	return md.slice(start, next < 0 ? undefined : next);
}

describe("Cloud Run commands", () => {
	it("each deploy job moves traffic only on the service it deployed", () => {
		const md = markdown();
		for (const id of ["deploy-staging", "deploy-production"]) {
			const body = job(md, id);
			const deployed = new Set([...body.matchAll(/gcloud run deploy (\S+)/g)].map((x) => x[1]));
			const moved = [...body.matchAll(/gcloud run services update-traffic (\S+)/g)].map((x) => x[1]);
			expect(deployed.size, id).toBeGreaterThan(0);
			for (const svc of moved) expect(deployed.has(svc), `${id} moves traffic on ${svc}`).toBe(true);
		}
	});

	it("the runbooks' deploy and migration lines are the pipeline's, with the pipeline's variables", () => {
		const md = markdown();
		const deployLine = runbook(md, "Deployment").match(
			/`(gcloud run deploy [^`]+)` is what the pipeline runs/,
		)?.[1];
		expect(deployLine).toBeDefined();
		expect(job(md, "deploy-production")).toContain(deployLine!);
		expect(md).not.toMatch(/\$PROJECT_PRODUCTION|\$IMAGE_DIGEST|"\$REGION"|\$REGION\b(?!-)/);
	});

	it("the rollback runbook lists every variable its commands read and where it comes from", () => {
		const book = runbook(markdown(), "Rollback");
		expect(book).toMatch(/--region "\$GCP_REGION"/);
		expect(book).toMatch(/`GCP_REGION`[^\n]*pipeline's `GCP_REGION` variable/);
	});

	it("scaling raises the maximum instances, not concurrency, and handles traffic pinned by a rollback", () => {
		const md = markdown();
		const book = runbook(md, "Scaling");
		const infra = md.slice(md.indexOf("### Scaling configuration"), md.indexOf("## 10.4"));
		expect(book).toMatch(/gcloud run services update fieldnote [^`]*--max-instances=\d+/);
		expect(`${book}\n${infra}`).not.toMatch(/--concurrency|provisioned concurrency/);
		expect(book).toMatch(/0% of traffic[^\n]*update-traffic fieldnote [^`]*--to-latest/);
		expect(book).toMatch(/--min-instances/);
		expect(infra).not.toMatch(/stays above target for 3 minutes|one instance at a time/);
	});
});
