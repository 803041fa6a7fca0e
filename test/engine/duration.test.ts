import { describe, expect, it } from "vitest";
import {
	DURATION_RULES,
	formatDuration,
	humanDuration,
	parseDuration,
	TIMER_LIMIT_MS,
} from "../../src/engine/decisions/duration";

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

describe("duration rules: a floor and a ceiling for each use", () => {
	it("sub-second and fractional-second values are refused, not rounded to zero", () => {
		for (const input of ["0.4s", "1.5s", "0.001m"]) {
			const r = parseDuration(input, DURATION_RULES.rto);
			expect(r.ok, input).toBe(false);
			if (!r.ok) expect(r.error).toMatch(/whole seconds/);
		}
		expect(parseDuration("1.5m", DURATION_RULES.rto)).toEqual({ ok: true, minutes: 1.5, text: "90s" });
	});

	it("0 is a meaningful recovery objective, and nothing else's", () => {
		for (const input of ["0", "0s", "0m", "0 minutes"]) {
			expect(parseDuration(input, DURATION_RULES.rpo), input).toEqual({ ok: true, minutes: 0, text: "0s" });
			expect(parseDuration(input, DURATION_RULES.rto).ok, input).toBe(true);
			expect(parseDuration(input, DURATION_RULES.backupFrequency).ok, input).toBe(false);
			expect(parseDuration(input, DURATION_RULES.agentTimeout).ok, input).toBe(false);
		}
		// What the parser writes, it reads back.
		expect(parseDuration(formatDuration(0), DURATION_RULES.rpo).ok).toBe(true);
	});

	it("agent timeouts stay below Node's timer limit", () => {
		expect(parseDuration("30d", DURATION_RULES.agentTimeout).ok).toBe(false);
		const max = parseDuration("24d", DURATION_RULES.agentTimeout);
		expect(max.ok && max.minutes * 60_000 <= TIMER_LIMIT_MS).toBe(true);
		expect(DURATION_RULES.agentTimeout.max * 60_000).toBeLessThanOrEqual(TIMER_LIMIT_MS);
	});

	it("ceilings and floors are named in the message", () => {
		const big = parseDuration("400d", DURATION_RULES.rto);
		expect(big.ok ? "" : big.error).toMatch(/at most 366d/);
		const small = parseDuration("30s", DURATION_RULES.backupFrequency);
		expect(small.ok ? "" : small.error).toMatch(/at least 1m/);
		const huge = parseDuration("99999999999999999999d", DURATION_RULES.rto);
		expect(huge.ok).toBe(false);
	});
});
