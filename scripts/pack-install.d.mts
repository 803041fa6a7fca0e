export interface PackReport {
	filename: string;
	size: number;
	unpackedSize: number;
	files: { path: string; size: number; mode: number }[];
}
export function userEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function pack(
	project: string,
	dest: string,
	options?: { dryRun?: boolean },
): { tarball: string; report: PackReport };
export function installTarball(tarball: string, dir: string): { stdout: string; stderr: string };
