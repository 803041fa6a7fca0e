// The one clock: SOURCE_DATE_EPOCH fixes it so the same inputs give the same bytes.

/** The last second with a four-digit year (9999-12-31T23:59:59Z): the handoff's timestamps hold no more. */
export const MAX_SOURCE_DATE_EPOCH = 253_402_300_799;

/**
 * What is wrong with SOURCE_DATE_EPOCH, or undefined when it is unset, empty or valid. The reproducible-builds
 * specification asks for an integer of ASCII digits and for malformed values to stop the build.
 */
export function sourceDateEpochError(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const raw = env.SOURCE_DATE_EPOCH;
	if (raw === undefined || raw === "") return undefined;
	const shown = JSON.stringify(raw.replace(/[^\x20-\x7e]/g, "?").slice(0, 30));
	if (!/^\d{1,15}$/.test(raw))
		return `SOURCE_DATE_EPOCH=${shown} is not a number of seconds since 1970 (digits only, e.g. 1767225600); fix or unset it.`;
	if (Number(raw) > MAX_SOURCE_DATE_EPOCH)
		return `SOURCE_DATE_EPOCH=${shown} is after the year 9999 (the largest accepted is ${MAX_SOURCE_DATE_EPOCH}); fix or unset it.`;
	return undefined;
}

export function nowIso(env: NodeJS.ProcessEnv = process.env): string {
	const problem = sourceDateEpochError(env);
	if (problem) throw new RangeError(problem);
	const epoch = env.SOURCE_DATE_EPOCH;
	const ms = epoch ? Number(epoch) * 1000 : Date.now();
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
