// Writing helpers shared by the CI renderers: YAML scalars, literal blocks, job scripts and per-tool run conditions.

import type { Job } from "./plan-parts";

export function q(s: string): string {
	return /^[A-Za-z0-9_$][A-Za-z0-9_./@:+${}-]*$/.test(s) &&
		!/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(s)
		? s
		: `'${s.replace(/'/g, "''")}'`;
}

export function literal(prefix: string, indent: string, lines: string[]): string[] {
	return [`${prefix}|`, ...lines.map((l) => `${indent}${l}`)];
}

export const images = (j: Job) => j.produces.filter((p) => p.startsWith("IMAGE_"));
/** The file a build job hands on (`app.zip`, a JAR, a release tarball), when it hands on a file and not an image. */
export const fileOf = (list: string[]) => list.find((p) => !p.startsWith("IMAGE_"));
export const script = (j: Job) => j.steps.flatMap((s) => [`# ${s.name}`, ...s.run]);
/** Keyless signing needs the CI's OIDC token for Sigstore (GitHub, GitLab); elsewhere a cloud KMS key signs. */
export const kmsSign = (lines: string[]) =>
	lines.map((l) => l.replace("cosign sign --yes ", 'cosign sign --yes --key "$COSIGN_KEY" '));

/** When a job runs, per CI tool: on every push, on main only, on the nightly schedule, on a pull request. */
export const WHEN: Record<"github" | "gitlab" | "azure", Record<Job["trigger"], string>> = {
	github: {
		push: "github.event_name != 'schedule'",
		main: "github.event_name == 'push' && github.ref == 'refs/heads/main'",
		schedule: "github.event_name == 'schedule'",
		pr: "github.event_name == 'pull_request'",
	},
	gitlab: {
		push: '$CI_PIPELINE_SOURCE != "schedule"',
		main: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_PIPELINE_SOURCE != "schedule"',
		schedule: '$CI_PIPELINE_SOURCE == "schedule"',
		pr: '$CI_PIPELINE_SOURCE == "merge_request_event"',
	},
	azure: {
		push: "ne(variables['Build.Reason'], 'Schedule')",
		main: "and(succeeded(), eq(variables['Build.SourceBranch'], 'refs/heads/main'), ne(variables['Build.Reason'], 'Schedule'))",
		schedule: "eq(variables['Build.Reason'], 'Schedule')",
		pr: "eq(variables['Build.Reason'], 'PullRequest')",
	},
};
