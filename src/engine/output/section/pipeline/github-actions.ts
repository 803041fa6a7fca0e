// The job plan written as a GitHub Actions workflow: OIDC login actions, job outputs carry the digests.

import { CLOUD_OIDC } from "../../../knowledge/pipelines";
import type { SectionModel } from "../model";
import type { OidcCloud, PipelinePlan } from "./plan-parts";
import { fileOf, images, literal, q, script, WHEN } from "./write";

function ghaLogin(cloud: OidcCloud): string[] {
	switch (cloud) {
		case "aws":
			return [
				"      - uses: aws-actions/configure-aws-credentials@v4",
				"        with:",
				"          role-to-assume: ${{ vars.AWS_ROLE_ARN }}",
				"          aws-region: ${{ vars.AWS_REGION }}",
			];
		case "gcp":
			return [
				"      - uses: google-github-actions/auth@v2",
				"        with:",
				"          workload_identity_provider: ${{ vars.GCP_WIF_PROVIDER }}",
				"          service_account: ${{ vars.GCP_DEPLOY_SA }}",
				"      - uses: google-github-actions/setup-gcloud@v2",
			];
		case "azure":
			return [
				"      - uses: azure/login@v2",
				"        with:",
				"          client-id: ${{ vars.AZURE_CLIENT_ID }}",
				"          tenant-id: ${{ vars.AZURE_TENANT_ID }}",
				"          subscription-id: ${{ vars.AZURE_SUBSCRIPTION_ID }}",
			];
	}
}

export function githubActions(m: SectionModel, plan: PipelinePlan): string {
	const hasSchedule = plan.jobs.some((j) => j.trigger === "schedule");
	const out = [
		"name: deploy",
		"on:",
		"  pull_request:",
		"  push:",
		"    branches: [main]",
		...(hasSchedule ? ["  schedule:", "    - cron: '0 3 * * *'"] : []),
		"permissions:",
		"  contents: read",
		"env:",
		"  GIT_SHA: ${{ github.sha }}",
		"jobs:",
	];
	for (const j of plan.jobs) {
		const cond = WHEN.github[j.trigger];
		out.push(`  ${j.id}:`, `    name: ${q(j.name)}`, `    if: ${cond}`, "    runs-on: ubuntu-latest");
		if (j.needs.length) out.push(`    needs: [${j.needs.join(", ")}]`);
		out.push(`    timeout-minutes: ${Math.max(10, j.minutes * 2)}`);
		if (j.env && j.trigger === "pr")
			out.push(
				`    environment: ${j.env}`,
				"    concurrency:",
				`      group: preview-\${{ github.ref }}`,
				"      cancel-in-progress: true",
			);
		else if (j.env)
			out.push(
				`    environment: ${j.env}`,
				"    concurrency:",
				`      group: deploy-${j.env}`,
				"      cancel-in-progress: false",
			);
		else if (j.trigger === "push")
			out.push(
				"    concurrency:",
				`      group: ${j.id}-\${{ github.ref }}`,
				"      cancel-in-progress: true",
			);
		if (j.cloud || images(j).length)
			out.push("    permissions:", "      contents: read", "      id-token: write");
		if (images(j).length) {
			out.push("    outputs:");
			for (const p of images(j)) out.push(`      ${p}: \${{ steps.image.outputs.${p} }}`);
		}
		const env: string[] = [];
		for (const c of j.consumes.filter((c) => c.startsWith("IMAGE_")))
			env.push(`      ${c}: \${{ needs.build.outputs.${c} }}`);
		for (const s of j.secrets) env.push(`      ${s}: \${{ secrets.${s} }}`);
		if (j.cloud) for (const v of CLOUD_OIDC[j.cloud].vars) env.push(`      ${v}: \${{ vars.${v} }}`);
		const hosts = new Set(
			j.steps.flatMap((s) =>
				s.run.flatMap((r) =>
					[...r.matchAll(/\$([A-Z]+_(?:URL|HOST))\b/g)]
						.map((x) => x[1]!)
						.filter((v) => v !== "BASE_URL" && v !== "SERVICE_URL"),
				),
			),
		);
		for (const e of [...hosts, ...(j.vars ?? [])]) env.push(`      ${e}: \${{ vars.${e} }}`);
		if (env.length) out.push("    env:", ...env);
		out.push("    steps:", "      - uses: actions/checkout@v4");
		if (j.lang) {
			const setup = j.lang.toolchain.gha(j.lang.version);
			out.push(`      - uses: ${setup.uses}`, "        with:");
			for (const [k, v] of Object.entries(setup.with)) out.push(`          ${k}: ${q(v)}`);
		}
		if (j.cloud) out.push(...ghaLogin(j.cloud));
		if (m.platform.id === "fly" && j.env)
			out.push("      - uses: superfly/flyctl-actions/setup-flyctl@master");
		if (fileOf(j.consumes))
			out.push("      - uses: actions/download-artifact@v4", "        with:", "          name: app");
		if (j.tools.github.length)
			out.push(
				"      - name: Install tools",
				...literal("        run: ", "          ", [
					...j.tools.github,
					'echo "$HOME/.local/bin" >> "$GITHUB_PATH"',
				]),
			);
		// Each step is a new shell: a job that hands image digests on runs its build as one step.
		const steps = images(j).length
			? [{ name: j.steps.map((s) => s.name).join("; "), run: script(j) }]
			: j.steps;
		for (const s of steps) {
			if (s.gha) {
				out.push(`      - name: ${q(s.name)}`, `        uses: ${s.gha.uses}`, "        with:");
				for (const [k, v] of Object.entries(s.gha.with)) out.push(`          ${k}: ${q(v)}`);
			}
			const run = s.gha ? s.run.filter((r) => r.startsWith("BASE_URL=")) : [...s.run];
			if (!run.length) continue;
			if (images(j).length) run.push(...images(j).map((v) => `echo "${v}=$${v}" >> "$GITHUB_OUTPUT"`));
			if (run.some((r) => r.startsWith("BASE_URL="))) run.push('echo "BASE_URL=$BASE_URL" >> "$GITHUB_ENV"');
			const name = s.gha ? "Target the deployed app" : s.name;
			out.push(`      - name: ${q(name.length > 80 ? `${name.slice(0, 77)}...` : name)}`);
			if (images(j).length) out.push("        id: image");
			out.push(...literal("        run: ", "          ", run));
		}
		const file = fileOf(j.produces);
		if (file)
			out.push(
				"      - uses: actions/upload-artifact@v4",
				"        with:",
				"          name: app",
				`          path: ${file}`,
			);
	}
	return out.join("\n");
}
