// Pipeline hardening advice speaks the CI tool's own language: actions and GITHUB_TOKEN only for GitHub Actions,
// orbs and contexts for CircleCI, images, include refs and protected variables for GitLab.

import { describe, expect, it } from "vitest";
import { CI_IDS, CI_TOOLS } from "../../src/engine/knowledge/cicd";
import { SOURCES } from "../../src/engine/knowledge/sources";

describe("CI hardening advice", () => {
	it("names GitHub Actions' actions and token only for GitHub Actions, with GitHub's guide only there", () => {
		for (const id of CI_IDS.filter((c) => c !== "github-actions")) {
			expect(CI_TOOLS[id].hardening, id).not.toMatch(/\baction\b|GITHUB_TOKEN|pipeline token/i);
			expect(CI_TOOLS[id].hardeningSources, id).not.toContain("gh-hardening");
		}
		expect(CI_TOOLS["github-actions"].hardening).toMatch(/full commit SHA/);
	});

	it("gives GitLab and CircleCI their own pinning and secret scoping", () => {
		expect(CI_TOOLS["gitlab-ci"].hardening).toMatch(/digest/);
		expect(CI_TOOLS["gitlab-ci"].hardening).toMatch(/`include:`.*`ref:`/);
		expect(CI_TOOLS["gitlab-ci"].hardening).toMatch(/protected/);
		expect(CI_TOOLS.circleci.hardening).toMatch(/orb to an exact version/);
		expect(CI_TOOLS.circleci.hardening).toMatch(/digest/);
		expect(CI_TOOLS.circleci.hardening).toMatch(/contexts restricted/);
	});

	it("cites a known source for every tool's advice", () => {
		for (const id of CI_IDS) {
			expect(CI_TOOLS[id].hardeningSources.length, id).toBeGreaterThan(0);
			for (const s of CI_TOOLS[id].hardeningSources) expect(SOURCES[s], `${id}: ${s}`).toBeDefined();
		}
	});
});
