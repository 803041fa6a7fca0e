// The job plan written as GitLab CI: id_tokens for OIDC and Sigstore, dotenv digests, resource_group serialising.

import { CLOUD_OIDC, oidcShellLogin } from "../../../knowledge/pipelines";
import type { Job, PipelinePlan } from "./plan-parts";
import { fileOf, images, kmsSign, q, script, WHEN } from "./write";

export function gitlab(plan: PipelinePlan): string {
	const stageOf = (j: Job) =>
		j.trigger === "schedule" ? "scheduled" : j.id.startsWith("verify") ? "verify" : j.id;
	const stages = [...new Set(plan.jobs.map(stageOf))];
	const out = ["stages:", ...stages.map((s) => `  - ${s}`), "variables:", "  GIT_SHA: $CI_COMMIT_SHA"];
	for (const j of plan.jobs) {
		out.push(`${j.id}:`, `  stage: ${stageOf(j)}`, `  image: ${q(j.image)}`);
		if (j.docker) out.push("  services:", "    - docker:27-dind");
		if (j.needs.length) out.push("  needs:", ...j.needs.map((n) => `    - ${n}`));
		const rule = WHEN.gitlab[j.trigger];
		out.push("  rules:", `    - if: ${q(rule)}`);
		if (j.approval) out.push("      when: manual");
		if (j.trigger === "push") out.push("  interruptible: true");
		if (j.env) out.push("  environment:", `    name: ${j.env}`, `  resource_group: ${j.env}`);
		if (j.lang) {
			const t = j.lang.toolchain;
			out.push("  variables:");
			for (const [k, v] of Object.entries(t.cacheEnv)) out.push(`    ${k}: ${q(v)}`);
			out.push(
				"  cache:",
				"    key:",
				"      files:",
				...t.cacheKey.map((f) => `        - ${q(f)}`),
				"    paths:",
				`      - ${q(`${t.cacheDir}/`)}`,
			);
		}
		if (j.secrets.length)
			out.push(`  # protected, masked variables of the ${j.env} environment: ${j.secrets.join(", ")}`);
		if (j.vars?.length) out.push(`  # variables of the ${j.env} environment: ${j.vars.join(", ")}`);
		const tokens: string[] = [];
		if (j.cloud) tokens.push("    CLOUD_ID_TOKEN:", `      aud: ${q(CLOUD_OIDC[j.cloud].audience)}`);
		if (images(j).length && plan.keyless !== false)
			tokens.push("    SIGSTORE_ID_TOKEN:", "      aud: sigstore");
		if (tokens.length) out.push("  id_tokens:", ...tokens);
		const lines: string[] = ['export PATH="$HOME/.local/bin:$PATH"', ...j.tools.container];
		if (j.cloud)
			lines.push(
				'echo "$CLOUD_ID_TOKEN" > "$CI_PROJECT_DIR/.ci-id-token"',
				...oidcShellLogin(j.cloud, "$CI_PROJECT_DIR/.ci-id-token"),
			);
		lines.push(
			...(plan.keyless === false ? kmsSign(script(j)) : script(j)),
			...images(j).map((v) => `echo "${v}=$${v}" >> build.env`),
		);
		out.push("  script:", ...lines.map((l) => `    - ${q(l)}`));
		if (images(j).length) out.push("  artifacts:", "    reports:", "      dotenv: build.env");
		const file = fileOf(j.produces);
		if (file) out.push("  artifacts:", "    paths:", `      - ${file}`);
	}
	return out.join("\n");
}
