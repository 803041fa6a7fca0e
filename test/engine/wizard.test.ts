import { afterEach, describe, expect, it } from "vitest";
import { askedDecisions, currentValue, reduce } from "../../src/engine/wizard/state";
import { cleanupTemps, exampleProject } from "../helpers/project";
import { researched, toReview } from "../helpers/state";

afterEach(cleanupTemps);

describe("wizard state machine", () => {
	it("moves preflight → research → decisions once all research is done", () => {
		const { state } = researched(exampleProject());
		expect(state.step).toBe("decisions");
		expect(state.recommendations?.strategy.value).toBe("rolling");
	});

	it("waits for all three research tasks", () => {
		const { state } = researched(exampleProject());
		const pending = {
			...state,
			step: "research" as const,
			research: { ...state.research, iac: { ...state.research.iac, status: "running" as const } },
		};
		expect(reduce(pending, { type: "RESEARCH_COMPLETE" }).step).toBe("research");
	});

	it("walks decisions forward and back, keeping the values", () => {
		let { state } = researched(exampleProject());
		state = reduce(state, { type: "DECIDE", id: "strategy", value: "rolling", provenance: "user" });
		state = reduce(state, { type: "DECIDE", id: "iac", value: "pulumi", provenance: "user" });
		expect(state.decisionIndex).toBe(2);
		state = reduce(state, { type: "BACK" });
		expect(state.decisionIndex).toBe(1);
		expect(currentValue(state, "iac")).toBe("pulumi");
	});

	it("keeps an invalid value out and reports why", () => {
		const { state } = researched(exampleProject());
		const next = reduce(state, { type: "DECIDE", id: "strategy", value: "canary", provenance: "user" });
		expect(next.decisionIndex).toBe(0);
		expect(next.error).toMatch(/no native canary/);
	});

	it("skips decisions fixed by flags", () => {
		const { state } = researched(exampleProject(), { strategy: { value: "rolling", provenance: "flag" } });
		expect(askedDecisions(state)[0]).toBe("iac");
	});

	it("answers and skips questions, then reaches review", () => {
		let { state } = researched(exampleProject());
		state = toReview({ ...state });
		expect(state.step).toBe("review");
		const back = reduce(state, { type: "BACK" });
		expect(back.step).toBe("questions");
		const answered = reduce(back, {
			type: "ANSWER",
			id: back.questions.at(-1)!.id,
			text: "eu-west-1",
			provenance: "user",
		});
		expect(answered.step).toBe("review");
		expect(answered.answers[back.questions.at(-1)!.id]?.text).toBe("eu-west-1");
	});
});
