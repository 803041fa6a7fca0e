// The plan's shapes (jobs, steps) and the pieces it is built from: tool installs, images, gate steps, packaging.

import type { QualityGate } from "../../../inputs/context";
import {
	gateCommand,
	type ProjectLanguage,
	type REGISTRIES,
	type Recipe,
	type ServiceRef,
} from "../../../knowledge/pipelines";
import { type Cloud, imageVar } from "../../../knowledge/platforms";
import type { SourceId } from "../../../knowledge/sources";
import type { SectionModel } from "../model";
import { thresholdText } from "../stages";

export type OidcCloud = Exclude<Cloud, "none">;

export interface Step {
	name: string;
	run: string[];
	/** GitHub Actions runs this action instead of `run` (other CI tools run the shell); BASE_URL lines still run. */
	gha?: { uses: string; with: Record<string, string> };
}

export interface Job {
	id: string;
	name: string;
	trigger: "push" | "main" | "schedule" | "pr";
	env?: string;
	needs: string[];
	lang?: ProjectLanguage;
	cloud?: OidcCloud;
	secrets: string[];
	/** Non-secret variables of the job's environment its lines read (network IDs the IaC creates). */
	vars?: string[];
	/** Install lines on GitHub's Ubuntu runner and in the other tools' containers. */
	tools: { github: string[]; container: string[] };
	/** Container image on GitLab, CircleCI and Jenkins docker agents. */
	image: string;
	steps: Step[];
	/** Writes `IMAGE_<SVC>` (image by digest) for the deploy jobs. */
	produces: string[];
	consumes: string[];
	docker: boolean;
	/** Production: a person approves before the job runs. */
	approval: boolean;
	minutes: number;
}

export interface PipelinePlan {
	jobs: Job[];
	languages: ProjectLanguage[];
	recipe: Recipe;
	services: ServiceRef[];
	registry?: (typeof REGISTRIES)[keyof typeof REGISTRIES];
	/** Gates no command is known for: each runs a script the team owns, named after the gate. */
	scripted: QualityGate[];
	sources: SourceId[];
	/** Images are signed keyless with the CI's OIDC token; false where Sigstore does not trust the CI's issuer
	 * (self-managed GitLab), which signs with a cloud KMS key in `COSIGN_KEY` instead. */
	keyless?: boolean;
}

export const PREVIEW_PLATFORMS = ["vercel", "netlify"];
export const NONE = { github: [], container: [] };
export const TRIVY_INSTALL =
	'mkdir -p "$HOME/.local/bin" && curl -sSfL https://raw.githubusercontent.com/aquasecurity/trivy/main/contrib/install.sh | sh -s -- -b "$HOME/.local/bin"';
export const COSIGN_INSTALL =
	'curl -sSfL -o "$HOME/.local/bin/cosign" https://github.com/sigstore/cosign/releases/latest/download/cosign-linux-amd64 && chmod +x "$HOME/.local/bin/cosign"';
/** The cloud CLI a docker:27 (Alpine) build job needs to log in to the registry. */
export const CLOUD_CLI_ALPINE: Record<OidcCloud, string[]> = {
	aws: ["apk add --no-cache curl aws-cli"],
	gcp: [
		"apk add --no-cache curl bash python3",
		"curl -sSL https://sdk.cloud.google.com | bash -s -- --disable-prompts --install-dir=/opt",
		'export PATH="/opt/google-cloud-sdk/bin:$PATH"',
	],
	azure: ["apk add --no-cache curl py3-pip", "pip install --quiet --break-system-packages azure-cli"],
};

/** Python image with the AWS CLI installed by pip: the AWS CLI images set `aws` as entrypoint, which CI jobs cannot use. */
export const AWS_IMAGE = "python:3.12";

export function cloudImage(cloud: OidcCloud | undefined): string {
	if (cloud === "gcp") return "gcr.io/google.com/cloudsdktool/google-cloud-cli:stable";
	if (cloud === "azure") return "mcr.microsoft.com/azure-cli:latest";
	if (cloud === "aws") return AWS_IMAGE;
	return "buildpack-deps:bookworm-scm";
}

export const slug = (s: string) =>
	s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-|-$/g, "")
		.slice(0, 40)
		.replace(/-+$/, "");
export const envVar = imageVar;

export function coverageFor(m: SectionModel, lang: ProjectLanguage, multi: boolean): number {
	const covGates = m.ctx.testing.gates.filter((g) => gateCommand(g.name)?.coverage);
	const named = new RegExp(
		`\\b${lang.toolchain.label.replace(".", "\\.")}\\b|\\b${lang.toolchain.id}\\b`,
		"i",
	);
	const pick = (multi ? covGates.find((g) => named.test(g.name)) : undefined) ?? covGates[0];
	const n = pick ? /(\d+(?:\.\d+)?)\s*%/.exec(pick.threshold) : null;
	return n ? Number(n[1]) : m.coverageUnit;
}

export const SEVERITY = (g: QualityGate | undefined) =>
	g && /high/i.test(g.threshold) ? "CRITICAL,HIGH" : g ? "CRITICAL" : "CRITICAL,HIGH";

export function gateStep(
	g: QualityGate,
	lang: ProjectLanguage | undefined,
	health: string,
): Step | undefined {
	const c = gateCommand(g.name);
	const name = `${g.name} — ${thresholdText(g)}`;
	if (c?.coverage || c?.lint || c?.enforcedBy || c?.run === "image-scan") return undefined;
	if (c?.run === "smoke")
		return { name, run: [`curl -fsS --retry 5 --retry-all-errors "$BASE_URL${health}"`] };
	if (c?.run === "integration")
		return {
			name,
			run: [
				lang?.toolchain.id === "java"
					? "./mvnw -B verify -Pintegration"
					: `./scripts/gates/${slug(g.name)}.sh`,
			],
		};
	return { name, run: [c?.run ?? `./scripts/gates/${slug(g.name)}.sh`] };
}
export function packageZip(l: ProjectLanguage): string[] {
	switch (l.toolchain.id) {
		case "dotnet":
			return [
				"dotnet publish --configuration Release --output publish",
				"(cd publish && zip -qr ../app.zip .)",
			];
		case "java":
			return ["./mvnw -B -q package -DskipTests", "cp target/*.jar app.jar && zip -q app.zip app.jar"];
		case "node":
			return ["npm run build", "npm prune --omit=dev", "zip -qr app.zip . -x '.git/*'"];
		default:
			return ["zip -qr app.zip . -x '.git/*'"];
	}
}
