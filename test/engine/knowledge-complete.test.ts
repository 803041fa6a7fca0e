import { describe, expect, it } from "vitest";
import { CLOUD_IDS, CLOUDS, type CloudFacts, missingCloudFacts } from "../../src/engine/knowledge/clouds";
import {
	detectPlatform,
	missingPlatformFacts,
	PLATFORM_IDS,
	PLATFORMS,
	type PlatformFacts,
} from "../../src/engine/knowledge/platforms";
import { SOURCES } from "../../src/engine/knowledge/sources";

describe("knowledge complete by construction", () => {
	it.each(PLATFORM_IDS)("platform %s carries every fact, each with a known source", (id) => {
		expect(missingPlatformFacts(PLATFORMS[id], SOURCES)).toEqual([]);
		expect(PLATFORMS[id].id).toBe(id);
	});

	it.each(CLOUD_IDS)("cloud %s carries every fact", (id) => {
		expect(missingCloudFacts(CLOUDS[id])).toEqual([]);
		expect(CLOUDS[id].id).toBe(id);
	});

	it("names every fact a new platform row leaves out", () => {
		const base = PLATFORMS.render;
		const partial: PlatformFacts = {
			...base,
			id: "koyeb",
			name: "Koyeb",
			detect: /\bkoyeb\b/i,
			ciToken: "",
			secrets: { store: "", how: "", facts: [] },
			rollback: { ...base.rollback, expectedTime: "", facts: [] },
			scaling: { ...base.scaling, metric: "" },
			configFile: undefined,
			iacResource: undefined,
			sources: ["koyeb-docs" as never],
		};
		const missing = missingPlatformFacts(partial, SOURCES);
		expect(missing).toEqual(
			expect.arrayContaining([
				"ciToken",
				"secrets",
				"secrets.facts",
				"rollback.expectedTime",
				"rollback.facts",
				"scaling.metric",
				"configFile",
				"source koyeb-docs",
			]),
		);
		// Facts the row does carry are not reported.
		expect(missing).not.toContain("registry.name");
		expect(missing).not.toContain("preview");
	});

	it("reports a platform whose detection does not find its own name", () => {
		const wrong = { ...PLATFORMS.fly, detect: /\bnothing-matches\b/ };
		expect(missingPlatformFacts(wrong, SOURCES)).toContain("detect (does not match the platform's own name)");
	});

	it("names every fact a new cloud leaves out", () => {
		const partial: CloudFacts = {
			...CLOUDS.gcp,
			id: "aws",
			registry: { name: "", host: "", facts: [] },
			objectStorage: { ...CLOUDS.gcp.objectStorage, immutability: "" },
		};
		expect(missingCloudFacts(partial)).toEqual(
			expect.arrayContaining([
				"registry.name",
				"registry.host",
				"registry.facts",
				"objectStorage.immutability",
			]),
		);
	});

	it("detects in the order the rows' priorities give: specific names before generic words", () => {
		const priorities = PLATFORM_IDS.map((id) => PLATFORMS[id].detectPriority);
		expect(new Set(priorities).size).toBe(priorities.length);
		// "Kubernetes on virtual machines" names both; Kubernetes (lower priority number) wins.
		expect(detectPlatform("Kubernetes on virtual machines")).toBe("kubernetes");
		expect(detectPlatform("Render with nginx in front")).toBe("render");
		expect(detectPlatform("Fly.io Machines behind nginx")).toBe("fly");
	});
});
