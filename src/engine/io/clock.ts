// The one clock: SOURCE_DATE_EPOCH fixes it so the same inputs give the same bytes.

export function nowIso(env: NodeJS.ProcessEnv = process.env): string {
	const epoch = env.SOURCE_DATE_EPOCH;
	if (epoch && /^\d+$/.test(epoch.trim())) {
		return new Date(Number(epoch.trim()) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
	}
	return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}
