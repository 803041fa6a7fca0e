// The job plan written as CircleCI config: the job's OIDC token, a workspace for digests, approval before production.

import { oidcShellLogin } from "../../../knowledge/pipelines";
import type { PipelinePlan } from "./plan-parts";
import { fileOf, images, kmsSign, literal, q, script } from "./write";

export function circleci(plan: PipelinePlan): string {
	const out = ["version: 2.1", "jobs:"];
	for (const j of plan.jobs) {
		out.push(`  ${j.id}:`);
		if (j.docker) out.push("    machine:", "      image: ubuntu-2204:current");
		else out.push("    docker:", `      - image: ${q(j.image)}`);
		out.push("    steps:", "      - checkout");
		if (j.consumes.length) out.push("      - attach_workspace:", "          at: /tmp/ws");
		const key = j.lang
			? `${j.lang.toolchain.id}-{{ checksum "${j.lang.toolchain.cacheKey[0]!.replace("**/", "")}" }}`
			: "";
		if (j.lang) out.push("      - restore_cache:", "          keys:", `            - ${q(key)}`);
		const body = [
			'export GIT_SHA="$CIRCLE_SHA1"',
			'mkdir -p "$HOME/.local/bin" && export PATH="$HOME/.local/bin:$PATH"',
		];
		for (const [k, v] of Object.entries(j.lang?.toolchain.cacheEnv ?? {}))
			body.push(`export ${k}="${v.replace("$CI_PROJECT_DIR", "$PWD")}"`);
		if (j.consumes.some((c) => c.startsWith("IMAGE_"))) body.push(". /tmp/ws/image.env");
		const takes = fileOf(j.consumes);
		if (takes) body.push(`cp /tmp/ws/${takes} .`);
		body.push(...(j.docker ? j.tools.github : j.tools.container));
		if (j.cloud)
			body.push(
				'echo "$CIRCLE_OIDC_TOKEN_V2" > /tmp/oidc-token',
				...oidcShellLogin(j.cloud, "/tmp/oidc-token"),
			);
		body.push(...kmsSign(script(j)));
		if (images(j).length)
			body.push("mkdir -p /tmp/ws", ...images(j).map((v) => `echo "export ${v}=$${v}" >> /tmp/ws/image.env`));
		const gives = fileOf(j.produces);
		if (gives) body.push(`mkdir -p /tmp/ws && cp ${gives} /tmp/ws/`);
		out.push(
			"      - run:",
			`          name: ${q(j.name)}`,
			...literal("          command: ", "            ", body),
		);
		if (j.lang)
			out.push(
				"      - save_cache:",
				`          key: ${q(key)}`,
				"          paths:",
				`            - ${q(j.lang.toolchain.cacheDir)}`,
			);
		if (j.produces.length)
			out.push(
				"      - persist_to_workspace:",
				"          root: /tmp/ws",
				"          paths:",
				"            - '*'",
			);
	}
	out.push("workflows:", "  release:", "    jobs:");
	for (const j of plan.jobs.filter((x) => x.trigger !== "schedule")) {
		let requires = [...j.needs];
		if (j.approval) {
			out.push(
				`      - approve-${j.env}:`,
				"          type: approval",
				`          requires: [${requires.join(", ")}]`,
				"          filters:",
				"            branches:",
				"              only: main",
			);
			requires = [`approve-${j.env}`];
		}
		const opts: string[] = [];
		if (requires.length) opts.push(`          requires: [${requires.join(", ")}]`);
		// One deploy per environment at a time, across pipelines: a later one waits for the running one.
		if (j.env && j.id.startsWith("deploy-"))
			opts.push(`          serial-group: << pipeline.project.slug >>/${j.id}`);
		if (j.env)
			opts.push(
				`          context: ${j.env}${[...j.secrets, ...(j.vars ?? [])].length ? `   # holds ${[...j.secrets, ...(j.vars ?? [])].join(", ")}` : ""}`,
			);
		if (j.trigger === "main")
			opts.push("          filters:", "            branches:", "              only: main");
		if (j.trigger === "pr")
			opts.push("          filters:", "            branches:", "              ignore: main");
		out.push(opts.length ? `      - ${j.id}:` : `      - ${j.id}`, ...opts);
	}
	const scheduled = plan.jobs.filter((x) => x.trigger === "schedule");
	if (scheduled.length)
		out.push(
			"  nightly:",
			"    triggers:",
			"      - schedule:",
			"          cron: '0 3 * * *'",
			"          filters:",
			"            branches:",
			"              only: main",
			"    jobs:",
			...scheduled.map((j) => `      - ${j.id}`),
		);
	return out.join("\n");
}
