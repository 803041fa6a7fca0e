import { describe, expect, it } from "vitest";
import { formatDuration, humanDuration, parseDuration } from "../../src/engine/decisions/duration";

describe("durations", () => {
	it.each([
		["15m", 15, "15m"],
		["4h", 240, "4h"],
		["1d", 1440, "1d"],
		["30s", 0.5, "30s"],
		["90 minutes", 90, "90m"],
		["2 hours", 120, "2h"],
		["1w", 10080, "7d"],
	])("%s is %d minutes", (input, minutes, text) => {
		expect(parseDuration(input)).toEqual({ ok: true, minutes, text });
	});

	it.each(["", "soon", "15", "-5m", "0m", "5 parsecs", "2y"])("rejects %j with a hint", (input) => {
		const r = parseDuration(input);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
	});

	it("formats long and short", () => {
		expect(formatDuration(60)).toBe("1h");
		expect(humanDuration(1)).toBe("1 minute");
		expect(humanDuration(150)).toBe("2.5 hours");
		expect(humanDuration(2880)).toBe("2 days");
	});
});
