// Durations as people type them ("15m", "4h", "1d", "90 seconds") to minutes, and back to short and long text.

const UNITS: [RegExp, number][] = [
	[/^(s|sec|secs|second|seconds)$/, 1 / 60],
	[/^(m|min|mins|minute|minutes)$/, 1],
	[/^(h|hr|hrs|hour|hours)$/, 60],
	[/^(d|day|days)$/, 1440],
	[/^(w|wk|week|weeks)$/, 10080],
];

export type DurationResult = { ok: true; minutes: number; text: string } | { ok: false; error: string };

export function parseDuration(input: string): DurationResult {
	const raw = input.trim().toLowerCase();
	const m = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/.exec(raw);
	if (!m)
		return {
			ok: false,
			error: `"${input.trim().slice(0, 40)}" is not a duration; use a number and a unit, e.g. 30s, 15m, 4h, 1d`,
		};
	const value = Number(m[1]);
	const unit = UNITS.find(([re]) => re.test(m[2]!));
	if (!unit) return { ok: false, error: `unknown unit "${m[2]!.slice(0, 12)}"; use s, m, h, d or w` };
	const minutes = value * unit[1];
	if (minutes <= 0) return { ok: false, error: "a duration must be greater than zero" };
	if (minutes > 60 * 24 * 366) return { ok: false, error: "a duration must be at most a year" };
	return { ok: true, minutes, text: formatDuration(minutes) };
}

/** Shortest exact form: 30s, 15m, 4h, 1d. */
export function formatDuration(minutes: number): string {
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
