// The job plan written as a Jenkins declarative pipeline: credentials bound per stage, an `input` approval step.

import { oidcShellLogin } from "../../../knowledge/pipelines";
import type { SectionModel } from "../model";
import { hasCab } from "./plan";
import type { PipelinePlan } from "./plan-parts";
import { images, kmsSign, script } from "./write";

export function jenkins(m: SectionModel, plan: PipelinePlan): string {
	const sh = (lines: string[]) => [
		"sh '''",
		...lines
			.join("\n")
			.replace(/\\/g, "\\\\")
			.split("\n")
			.map((l) => `  ${l}`),
		"'''",
	];
	const out = [
		"pipeline {",
		"  agent any",
		"  options {",
		"    disableConcurrentBuilds()",
		"    timestamps()",
		"  }",
		"  environment {",
		'    GIT_SHA = "${env.GIT_COMMIT}"',
		"  }",
	];
	if (plan.jobs.some((j) => j.trigger === "schedule"))
		out.push("  triggers {", "    cron('H 3 * * *')", "  }");
	out.push("  stages {");
	const approver = hasCab(m) ? "change-advisory-board" : "release-approvers";
	for (const j of plan.jobs) {
		out.push(`    stage('${j.name.replace(/'/g, "")}') {`);
		if (j.trigger === "main")
			out.push(
				"      when {",
				"        branch 'main'",
				"        not { triggeredBy 'TimerTrigger' }",
				"      }",
			);
		else if (j.trigger === "schedule") out.push("      when { triggeredBy 'TimerTrigger' }");
		else if (j.trigger === "pr") out.push("      when { changeRequest() }");
		if (!j.docker) out.push("      agent {", `        docker { image '${j.image}' }`, "      }");
		if (j.approval)
			out.push(
				"      input {",
				`        message 'Deploy this build to ${j.env}?'`,
				`        submitter '${approver}'`,
				"      }",
			);
		if (j.env) out.push(`      options { lock('${j.env}') }`);
		out.push("      steps {");
		if (j.consumes.some((c) => c.startsWith("IMAGE_"))) out.push("        unstash 'image'");
		const creds = [
			...j.secrets.map(
				(s) => `string(credentialsId: '${s.toLowerCase().replace(/_/g, "-")}', variable: '${s}')`,
			),
			...(j.cloud ? [`file(credentialsId: '${j.cloud}-oidc-id-token', variable: 'OIDC_TOKEN_FILE')`] : []),
		];
		const body = [
			'mkdir -p "$HOME/.local/bin" && export PATH="$HOME/.local/bin:$PATH"',
			...(j.consumes.some((c) => c.startsWith("IMAGE_")) ? ["set -a && . ./image.env && set +a"] : []),
			...Object.entries(j.lang?.toolchain.cacheEnv ?? {}).map(
				([k, v]) => `export ${k}="${v.replace("$CI_PROJECT_DIR", "$WORKSPACE")}"`,
			),
			...(j.docker ? j.tools.github : j.tools.container),
			...(j.cloud ? oidcShellLogin(j.cloud, "$OIDC_TOKEN_FILE") : []),
			...kmsSign(script(j)),
			...images(j).map((v) => `echo "${v}=$${v}" >> image.env`),
		];
		if (creds.length)
			out.push(
				`        withCredentials([${creds.join(", ")}]) {`,
				...sh(body).map((l) => `          ${l}`),
				"        }",
			);
		else out.push(...sh(body).map((l) => `        ${l}`));
		if (images(j).length) out.push("        stash name: 'image', includes: 'image.env'");
		out.push("      }", "    }");
	}
	out.push("  }", "}");
	return out.join("\n");
}
