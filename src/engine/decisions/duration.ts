// Durations as people type them ("15m", "4h", "1d", "90 seconds") to minutes, and back to short and long text.

const UNITS: [RegExp, number][] = [
	[/^(s|sec|secs|second|seconds)$/, 1 / 60],
	[/^(m|min|mins|minute|minutes)$/, 1],
	[/^(h|hr|hrs|hour|hours)$/, 60],
	[/^(d|day|days)$/, 1440],
	[/^(w|wk|week|weeks)$/, 10080],
];

export type DurationResult = { ok: true; minutes: number; text: string } | { ok: false; error: string };

/** Floor and ceiling of one use of a duration, in minutes; `zero` lets a bare 0 through as a meaningful value. */
export interface DurationRule {
	min: number;
	max: number;
	zero?: boolean;
}

/** Node's timers hold at most 2^31−1 ms (about 24.8 days); a longer delay fires after 1 ms. */
export const TIMER_LIMIT_MS = 2 ** 31 - 1;

const SECOND = 1 / 60;
const DAY = 1440;

/** Every duration the tool reads, with its floor and ceiling (listed in the README's limits table). */
export const DURATION_RULES = {
	/** Recovery objectives: 0 is a target (zero loss / no downtime) the section explains; at most a year. */
	rto: { min: SECOND, max: 366 * DAY, zero: true },
	rpo: { min: SECOND, max: 366 * DAY, zero: true },
	/** A snapshot at least every minute, at most once a year. */
	backupFrequency: { min: 1, max: 366 * DAY },
	/** An agent gets at least a second and at most 24 days, below the timer limit. */
	agentTimeout: { min: SECOND, max: 24 * DAY },
	/** Anything else typed as a duration. */
	any: { min: SECOND, max: 366 * DAY },
} as const satisfies Record<string, DurationRule>;

export function parseDuration(input: string, rule: DurationRule = DURATION_RULES.any): DurationResult {
	const raw = input.trim().toLowerCase();
	if (rule.zero && /^0+(?:\.0+)?\s*[a-z]*$/.test(raw)) {
		const unit = raw.replace(/^[0.]+\s*/, "");
		if (unit === "" || UNITS.some(([re]) => re.test(unit))) return { ok: true, minutes: 0, text: "0s" };
	}
	const m = /^(\d{1,12}(?:\.\d{1,6})?)\s*([a-z]+)$/.exec(raw);
	if (!m)
		return {
			ok: false,
			error: `"${input.trim().slice(0, 40)}" is not a duration; use a number and a unit, e.g. 30s, 15m, 4h, 1d`,
		};
	const value = Number(m[1]);
	const unit = UNITS.find(([re]) => re.test(m[2]!));
	if (!unit) return { ok: false, error: `unknown unit "${m[2]!.slice(0, 12)}"; use s, m, h, d or w` };
	const minutes = value * unit[1];
	const seconds = minutes * 60;
	if (minutes <= 0)
		return {
			ok: false,
			error: rule.zero
				? "a duration must be 0 or at least 1s"
				: `a duration must be at least ${formatDuration(rule.min)}`,
		};
	if (Math.abs(seconds - Math.round(seconds)) > 1e-6)
		return { ok: false, error: `durations are counted in whole seconds; ${m[1]}${m[2]} is not` };
	if (minutes < rule.min - 1e-9)
		return { ok: false, error: `a duration must be at least ${formatDuration(rule.min)}` };
	if (minutes > rule.max)
		return { ok: false, error: `a duration must be at most ${formatDuration(rule.max)}` };
	const exact = Math.round(seconds) / 60;
	return { ok: true, minutes: exact, text: formatDuration(exact) };
}

/** Shortest exact form: 30s, 15m, 4h, 1d. */
export function formatDuration(minutes: number): string {
	if (minutes === 0) return "0s";
	if (minutes < 1) return `${Math.round(minutes * 60)}s`;
	if (minutes % 1440 === 0) return `${minutes / 1440}d`;
	if (minutes % 60 === 0) return `${minutes / 60}h`;
	if (Number.isInteger(minutes)) return `${minutes}m`;
	return `${Math.round(minutes * 60)}s`;
}

/** Long form for prose: "15 minutes", "4 hours", "1 day". */
export function humanDuration(minutes: number): string {
	const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
	if (minutes < 1) return plural(Math.round(minutes * 60), "second");
	if (minutes % 1440 === 0) return plural(minutes / 1440, "day");
	if (minutes % 60 === 0) return plural(minutes / 60, "hour");
	if (minutes > 120) return `${+(minutes / 60).toFixed(1)} hours`;
	return plural(Math.round(minutes), "minute");
}
