// The job plan written as Azure Pipelines: stages, deployment jobs on environments whose checks approve and lock.

import type { Job, PipelinePlan } from "./plan-parts";
import { fileOf, images, kmsSign, literal, q, script, WHEN } from "./write";

export function azurePipelines(plan: PipelinePlan): string {
	const out = ["trigger:", "  branches:", "    include: [main]", "pr:", "  branches:", "    include: [main]"];
	if (plan.jobs.some((j) => j.trigger === "schedule"))
		out.push(
			"schedules:",
			"  - cron: '0 3 * * *'",
			"    displayName: nightly",
			"    branches:",
			"      include: [main]",
			"    always: true",
		);
	out.push("pool:", "  vmImage: ubuntu-latest", "variables:", "  GIT_SHA: $(Build.SourceVersion)", "stages:");
	const stageOf = (id: string) => (id.startsWith("verify") ? "verify" : id.replace(/-/g, "_"));
	const seen = new Set<string>();
	for (const j of plan.jobs) {
		const st = stageOf(j.id);
		if (seen.has(st)) continue;
		seen.add(st);
		const group = plan.jobs.filter((x) => stageOf(x.id) === st);
		const deps = [...new Set(j.needs.map(stageOf))];
		const cond = WHEN.azure[j.trigger];
		out.push(`  - stage: ${st}`, `    dependsOn: [${deps.join(", ")}]`, `    condition: ${q(cond)}`);
		const consumed = j.consumes.filter((c) => c.startsWith("IMAGE_"));
		if (consumed.length)
			out.push(
				"    variables:",
				...consumed.map((c) => `      ${c}: $[ stageDependencies.build.build.outputs['image.${c}'] ]`),
			);
		out.push("    jobs:");
		for (const g of group) {
			if (g.env)
				out.push(
					`      - deployment: ${g.id.replace(/-/g, "_")}`,
					`        environment: ${g.env}`,
					`        timeoutInMinutes: ${Math.max(10, g.minutes * 2)}`,
					"        strategy:",
					"          runOnce:",
					"            deploy:",
					"              steps:",
					"                - checkout: self",
					...azureSteps(g).map((l) => `      ${l}`),
				);
			else
				out.push(
					`      - job: ${g.id.replace(/-/g, "_")}`,
					`        timeoutInMinutes: ${Math.max(10, g.minutes * 2)}`,
					"        steps:",
					...azureSteps(g),
				);
		}
	}
	return out.join("\n");
}

function azureSteps(j: Job): string[] {
	const out: string[] = [];
	if (j.lang) {
		const t = j.lang.toolchain.azureTask(j.lang.version);
		const tc = j.lang.toolchain;
		out.push(`          - task: ${t.task}`, "            inputs:");
		for (const [k, v] of Object.entries(t.inputs)) out.push(`              ${k}: ${q(v)}`);
		out.push(
			"          - task: Cache@2",
			"            inputs:",
			`              key: ${q(`${tc.id} | "$(Agent.OS)" | ${tc.cacheKey.join(", ")}`)}`,
			`              path: $(Build.SourcesDirectory)/${tc.cacheDir}`,
		);
	}
	const takes = fileOf(j.consumes);
	if (takes) out.push("          - download: current", "            artifact: app");
	const env = Object.entries(j.lang?.toolchain.cacheEnv ?? {}).map(
		([k, v]) => `${k}="${v.replace("$CI_PROJECT_DIR", "$(Build.SourcesDirectory)")}"`,
	);
	const body = [
		'mkdir -p "$HOME/.local/bin" && export PATH="$HOME/.local/bin:$PATH"',
		...(env.length ? [`export ${env.join(" ")}`] : []),
		...(takes ? [`cp $(Pipeline.Workspace)/app/${takes} .`] : []),
		...j.tools.github,
		...kmsSign(script(j)),
		...images(j).map((v) => `echo "##vso[task.setvariable variable=${v};isOutput=true]$${v}"`),
	];
	if (j.cloud === "azure")
		out.push(
			"          - task: AzureCLI@2",
			...(images(j).length ? ["            name: image"] : []),
			"            inputs:",
			"              azureSubscription: $(AZURE_SERVICE_CONNECTION)",
			"              scriptType: bash",
			"              scriptLocation: inlineScript",
			...literal("              inlineScript: ", "                ", body),
		);
	else {
		out.push(...literal("          - script: ", "              ", body));
		if (images(j).length) out.push("            name: image");
		if (j.secrets.length)
			out.push("            env:", ...j.secrets.map((s) => `              ${s}: $(${s})`));
	}
	const gives = fileOf(j.produces);
	if (gives) out.push(`          - publish: ${gives}`, "            artifact: app");
	return out;
}
