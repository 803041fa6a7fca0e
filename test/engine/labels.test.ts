// Diagram labels cut on word boundaries: never inside a word or parentheses, never ending on a word that leads into
// what was cut off.

import { describe, expect, it } from "vitest";
import { shorten } from "../../src/engine/output/section/md";

describe("shorten", () => {
	it("keeps short text as it is", () => {
		expect(shorten("a namespace per pull request", 60)).toBe("a namespace per pull request");
	});

	it("cuts on a word boundary and drops a trailing connective or article", () => {
		expect(
			shorten("a short-lived ECS service per pull request in a non-production cluster, removed on merge", 60),
		).toBe("a short-lived ECS service per pull request…");
		expect(
			shorten("a namespace per pull request created by the pipeline and deleted when it closes", 60),
		).toBe("a namespace per pull request created by the pipeline…");
	});

	it("never leaves a parenthesis open", () => {
		expect(shorten("critical journeys pass (no Section 8 gate given)", 36)).toBe("critical journeys pass…");
		const out = shorten("above = 90% payments & refunds (card and wallet) for every region", 30);
		expect(out).not.toMatch(/\([^)]*$/);
		expect(out.endsWith("…")).toBe(true);
		expect(out).not.toMatch(/\b(payme|refun)…$/);
	});
});
