// Gates run where Section 8 places them (`stage` / `when`), keep their thresholds, and stages last as long as their gates.

import { afterAll, describe, expect, it } from "vitest";
import type { QualityGate } from "../../src/engine/inputs/context";
import { loadProject } from "../../src/engine/output/compose";
import { gateMinutes, gateStages } from "../../src/engine/output/section/stages";
import { bareProject, cleanupTemps, HANDOFF_08 } from "../helpers/project";

const gate = (name: string, threshold: string, when?: string): QualityGate => ({
	name,
	threshold,
	blocking: true,
	when,
});

describe("gate placement", () => {
	it.each<[string, string | undefined, string[]]>([
		["k6 load test", "nightly + pre-release", ["nightly", "pre-release"]],
		["Flagger canary analysis", "production rollout", ["rollout"]],
		["Trivy image scan", "build", ["post-build"]],
		["RSpec", "CircleCI: every push", ["push"]],
		["k6 load test", "staging, before each seasonal pitch release", ["pre-release"]],
		["Review app manual QA", "Heroku review app (per PR)", ["pull-request"]],
		["Production smoke", "production, immediately after promotion", ["post-deploy"]],
		["Playwright @smoke on staging", "post-deploy-staging", ["staging"]],
		["Gatling load test", "Jenkins: release candidate (monthly)", ["pre-release"]],
		["Signed images", "cluster admission", ["admission"]],
		["PreTraffic hook (prod)", "pre-traffic", ["pre-swap"]],
		["Mutation tests", undefined, ["nightly"]],
		["Trivy image scan", undefined, ["post-build"]],
		["Unit coverage", undefined, ["push"]],
		["Cypress payment flows", undefined, ["staging"]],
	])("%s (%s) runs at %j", (name, when, stages) => {
		expect(gateStages(gate(name, "0 errors", when))).toEqual(stages);
	});

	it("reads durations from the gate's words, not latencies", () => {
		expect(gateMinutes(gate("k6", "250 rps for 10 min: p95 < 600 ms"))).toBe(10);
		expect(gateMinutes(gate("soak", "2000 rps for 1 h"))).toBe(60);
		expect(gateMinutes(gate("k6 p95", "< 300 ms at 500 req/s"))).toBeUndefined();
	});
});

describe("gates from handoff 08", () => {
	afterAll(cleanupTemps);
	it("keeps every gate (no cap at 20), its stage and a structured threshold with its unit", () => {
		const gates: unknown[] = Array.from({ length: 25 }, (_, i) => ({
			gate: `Gate ${i}`,
			threshold: "0 errors",
			stage: "lint",
		}));
		gates.push({ gate: "SimpleCov", threshold: { min: 85, unit: "%" }, stage: "every push" });
		const dir = bareProject({ [HANDOFF_08]: JSON.stringify({ quality_gates: gates }) });
		const out = loadProject(dir).context.testing.gates;
		expect(out).toHaveLength(26);
		expect(out[0]!.when).toBe("lint");
		expect(out[25]!.threshold).toBe("≥ 85%");
		expect(gateStages(out[25]!)).toEqual(["push"]);
	});
});
