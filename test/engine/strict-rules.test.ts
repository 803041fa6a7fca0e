// Every rule class, end to end through the engine: the finding with its reason for one value of one decision (what
// the screens show before confirming), the refusal under --strict on a screen, the replacement and the record in the
// handoff by default.

import { afterEach, describe, expect, it } from "vitest";
import { findingsForValue } from "../../src/engine/decisions/consistency";
import { buildDecisions, type DecisionId } from "../../src/engine/decisions/spec";
import { askedDecisions, type Override, reduce, type WizardState } from "../../src/engine/wizard/state";
import { bareProject, cleanupTemps, HANDOFF_03, HANDOFF_08 } from "../helpers/project";
import { compose, researched, toReview } from "../helpers/state";

afterEach(cleanupTemps);

function project(h03: Record<string, unknown>, files: Record<string, string> = {}) {
	return bareProject({ [HANDOFF_03]: JSON.stringify({ project_name: "Kettle", ...h03 }), ...files });
}

const infra = (infrastructure: Record<string, unknown>, database_stack: Record<string, string>) => ({
	key_outputs: { infrastructure, database_stack, backend_stack: { framework: "Rails 8" } },
});

const flySqlite = () =>
	project(infra({ backend_hosting: "Fly.io Machines" }, { primary: "SQLite on a Fly volume" }));
const awsRds = () =>
	project(infra({ backend_hosting: "AWS ECS Fargate" }, { primary: "PostgreSQL", hosting: "Amazon RDS" }));
const appServiceBasic = () =>
	project(infra({ backend_hosting: "Azure App Service (Basic B1)" }, { primary: "Azure SQL Database" }));
const cloudRunGhcr = () =>
	project(
		infra(
			{ backend_hosting: "Google Cloud Run", container_registry: "ghcr.io/kettle" },
			{ primary: "PostgreSQL", hosting: "Cloud SQL" },
		),
	);
const withStaging = () =>
	project(
		infra(
			{ backend_hosting: "Google Cloud Run", environments: ["dev", "staging", "production"] },
			{ primary: "PostgreSQL", hosting: "Cloud SQL" },
		),
	);

/** The state at the first decision, strict or not. */
function atDecisions(dir: string, strict: boolean, preset: Partial<Record<DecisionId, Override>> = {}) {
	return researched(dir, preset, strict).state;
}

/** Decides one value on the screen: the recommendations are kept up to that decision. */
function decide(state: WizardState, id: DecisionId, value: string): WizardState {
	let s = state;
	while (s.step === "decisions" && askedDecisions(s)[s.decisionIndex] !== id) {
		const cur = askedDecisions(s)[s.decisionIndex]!;
		s = reduce(s, {
			type: "DECIDE",
			id: cur,
			value: s.recommendations![cur].value,
			provenance: "recommended",
		});
	}
	return reduce(s, { type: "DECIDE", id, value, provenance: "user" });
}

/** [project, decision, a refused value, an accepted value, what the reason says] for each rule class a value causes. */
const CLASSES: [string, () => string, DecisionId, string, string, RegExp][] = [
	[
		"blue-green on Fly.io with a volume",
		flySqlite,
		"strategy",
		"blue-green",
		"rolling",
		/cannot run a blue-green deployment on a service with a volume/,
	],
	[
		"canary on Fly.io with a volume",
		flySqlite,
		"strategy",
		"canary",
		"rolling",
		/cannot run a canary deployment on a service with a volume/,
	],
	[
		"an IaC tool for another cloud",
		awsRds,
		"iac",
		"bicep",
		"terraform",
		/Azure Bicep provisions Azure resources only, and this project runs on AWS/,
	],
	[
		"slots on an App Service tier without them",
		appServiceBasic,
		"strategy",
		"blue-green",
		"rolling",
		/needs deployment slots.*Standard or higher/,
	],
	["an infeasible RPO", awsRds, "rpo", "1m", "1d", /RPO 1 minute/],
	[
		"removing staging the inputs define",
		withStaging,
		"environments",
		"development,production",
		"development,staging,production",
		/removes staging, which the inputs define/,
	],
];

describe("each rule class: flagged before confirming, refused under --strict, replaced and recorded otherwise", () => {
	it.each(CLASSES)("%s", (_name, make, id, bad, good, reason) => {
		const dir = make();
		const state = atDecisions(dir, true);
		// The screens' view of the value: the finding and its reason, marked as one --strict refuses.
		const shown = findingsForValue(state.recommendations!, {}, state.context, id, bad);
		expect(shown.refused.map((w) => w.message).join(" ")).toMatch(reason);
		expect(findingsForValue(state.recommendations!, {}, state.context, id, good).refused).toEqual([]);

		// --strict on a screen: not accepted, the reason is the error, the same decision is asked again.
		const refused = decide(state, id, bad);
		expect(refused.error).toMatch(reason);
		expect(refused.error).toMatch(/--strict: choose another value/);
		expect(refused.overrides[id]).toBeUndefined();
		const accepted = decide(refused, id, good);
		expect(accepted.error).toBeUndefined();
		expect(accepted.overrides[id]?.value).toBe(good);

		// Without --strict the value is taken; the handoff records the finding with its reason.
		const out = compose(dir, { [id]: { value: bad, provenance: "flag" } });
		const recorded = [...out.handoff.assumptions, ...out.handoff.open_questions].join("\n");
		expect(recorded).toMatch(reason);
	});

	it("a platform the inputs pin to the wrong registry: flagged for any CI value, and writing is refused under --strict", () => {
		const dir = cloudRunGhcr();
		const state = atDecisions(dir, true);
		const shown = findingsForValue(state.recommendations!, {}, state.context, "ci", "github-actions");
		expect(shown.findings.map((w) => w.message).join(" ")).toMatch(/deploys from Artifact Registry/);
		// No CI value removes it, so none is refused for it...
		expect(shown.refused).toEqual([]);
		// ...but the outputs are not written while it stands, and the review says why.
		const review = reduce(toReview(state), { type: "WRITE_STARTED" });
		expect(review.step).toBe("review");
		expect(review.error).toMatch(/Not written \(--strict\): Platform rule: .*Artifact Registry/);
		// Without --strict it is written and recorded.
		const out = compose(dir);
		expect(out.handoff.assumptions.join("\n")).toMatch(/Platform rule \(ci\): .*Artifact Registry/);
	});

	it("--strict on a screen: a flag that breaks a rule is not taken; its decision is asked with the reason", () => {
		const state = atDecisions(flySqlite(), true, { strategy: { value: "blue-green", provenance: "flag" } });
		expect(state.step).toBe("decisions");
		expect(state.preset.strategy).toBeUndefined();
		expect(state.error).toMatch(/--strategy blue-green is not accepted.*cannot run a blue-green deployment/);
		// A flag that breaks nothing stays a flag.
		const fine = atDecisions(flySqlite(), true, { strategy: { value: "rolling", provenance: "flag" } });
		expect(fine.preset.strategy?.value).toBe("rolling");
		expect(fine.error).toBeUndefined();
	});

	it("without --strict the screens take the value and the section uses the replacement", () => {
		const state = atDecisions(flySqlite(), false);
		const next = decide(state, "strategy", "blue-green");
		expect(next.error).toBeUndefined();
		expect(next.overrides.strategy?.value).toBe("blue-green");
		const out = compose(flySqlite(), { strategy: { value: "blue-green", provenance: "user" } });
		expect(out.markdown).toContain('strategy = "rolling"');
		expect(out.markdown).not.toContain('strategy = "bluegreen"');
	});

	it("one instance with a SQLite file and no release command: said as notes on every strategy, and the config keeps to them", () => {
		const dir = flySqlite();
		const state = atDecisions(dir, false);
		const notes = findingsForValue(state.recommendations!, {}, state.context, "strategy", "rolling");
		const rules = notes.findings.map((w) => w.rule);
		expect(rules).toContain("single-instance");
		expect(rules).toContain("release-command-volume");
		expect(notes.refused).toEqual([]);
		const out = compose(dir);
		const toml = /```toml\n([\s\S]*?)```/.exec(out.markdown)![1]!;
		expect(toml).toContain("min_machines_running = 1");
		expect(toml).not.toMatch(/^\s*release_command\s*=/m);
		expect(out.markdown).not.toMatch(/(fly|flyctl) scale count [2-9]/);
	});

	it("the recommendations themselves are never refused", () => {
		for (const make of [flySqlite, awsRds, appServiceBasic, withStaging]) {
			const state = atDecisions(make(), true);
			const d = buildDecisions(state.recommendations!, {});
			expect(d.strategy).toBeDefined();
			const review = reduce(toReview(state), { type: "WRITE_STARTED" });
			expect(review.error, make.name).toBeUndefined();
		}
	});
});

describe("an answers file that removes staging", () => {
	it("is the same choice as the flag: recorded with its reason", () => {
		const dir = project(
			infra(
				{ backend_hosting: "Google Cloud Run", environments: ["dev", "staging", "production"] },
				{ primary: "PostgreSQL", hosting: "Cloud SQL" },
			),
			{ [HANDOFF_08]: JSON.stringify({ quality_gates: [] }) },
		);
		const out = compose(dir, { environments: { value: "development,production", provenance: "answers" } });
		expect(out.handoff.assumptions.join("\n")).toMatch(
			/Environment removed \(environments\): This plan removes staging/,
		);
	});
});
