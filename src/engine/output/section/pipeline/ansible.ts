// The pipeline of servers deployed by Ansible without containers: the build job makes the stack's own artefact (a
// JAR, a binary, a release tarball), stores it where the hosts fetch it (or hands it to the deploy job), and each
// deploy job runs the rolling playbook of 10.3 for its environment.

import { playbookCommand, VAULT_PASS_FILE, vmProfile } from "../../../decisions/vm-platform";
import type { ProjectContext } from "../../../inputs/context";
import type { Recipe } from "../../../knowledge/pipelines";
import { ANSIBLE_INSTALL, SSH_SETUP } from "../../../knowledge/vms";
import type { SectionModel } from "../model";
import { vmArtefact } from "../vm/ansible";

const upper = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, "_");

/** The build steps and the file the build job hands on (none when the artefact goes to the store the hosts read). */
export function ansibleBuild(m: SectionModel): { name: string; run: string[]; produces: string[] } {
	const p = vmProfile(m.ctx);
	const a = vmArtefact(p);
	if (!p.store) return { name: `Build ${a.file}`, run: a.build, produces: [a.file] };
	return {
		name: `Build ${a.file} and upload it to ${p.store}`,
		run: [
			...a.build,
			`curl -fsS --user "$ARTEFACT_STORE_USER:$ARTEFACT_STORE_PASSWORD" --upload-file ${a.file} "$ARTEFACT_STORE_URL/${p.app}/$GIT_SHA/${a.file}"`,
		],
		produces: [],
	};
}

/** Secrets the build job needs to upload the artefact. */
export function ansibleBuildSecrets(m: SectionModel): string[] {
	return vmProfile(m.ctx).store ? ["ARTEFACT_STORE_USER", "ARTEFACT_STORE_PASSWORD"] : [];
}

/**
 * The ansible-core requirement the CI job installs: the version the inputs pin (`2.17` → `>=2.17,<2.18`, an exact
 * `2.17.3` → `==2.17.3`), or none when the inputs pin nothing.
 */
export function ansibleCoreSpec(ctx: ProjectContext): string {
	const v = ctx.model.toolPins?.find((t) => t.name === "ansible-core")?.version;
	if (!v) return "ansible-core";
	const parts = v.split(".").map(Number);
	if (parts.length >= 3) return `ansible-core==${v}`;
	const next = parts.length === 2 ? `${parts[0]}.${parts[1]! + 1}` : `${parts[0]! + 1}`;
	return `ansible-core>=${v},<${next}`;
}

export function ansibleRecipe(m: SectionModel): Recipe {
	const p = vmProfile(m.ctx);
	const a = vmArtefact(p);
	const spec = ansibleCoreSpec(m.ctx);
	const core = /[<>=]/.test(spec) ? `"${spec}"` : spec;
	// community.general carries the haproxy module; ansible-core has the rest of the playbook's modules.
	const collections =
		p.balancer === "haproxy"
			? Object.entries(ANSIBLE_INSTALL.collections).map(
					([name, range]) => `ansible-galaxy collection install '${name}:${range}'`,
				)
			: [];
	return {
		registry: "none",
		identity: { kind: "token", secrets: () => [...SSH_SETUP.secrets, "ANSIBLE_VAULT_PASSWORD"] },
		tools: {
			github: [`pipx install ${core}`, ...collections],
			container: [`pip install --quiet ${core}`, ...collections],
		},
		image: "python:3.12",
		summary: `${a.label} (\`${a.file}\`) is built once${p.store ? ` and stored in ${p.store}` : ""}; \`deploy.yml\` rolls it out host by host${p.sites.length > 1 ? " and site by site" : ""} behind the balancer (\`serial: 1\`, \`max_fail_percentage: 0\`)`,
		deploy: (d) => [
			...SSH_SETUP.lines,
			`trap 'rm -f ${VAULT_PASS_FILE}' EXIT`,
			`printf %s "$ANSIBLE_VAULT_PASSWORD" > ${VAULT_PASS_FILE} && chmod 600 ${VAULT_PASS_FILE}`,
			playbookCommand(p, d.env, '"$GIT_SHA"'),
			`BASE_URL="$${upper(d.env)}_URL"`,
		],
		sources: [
			"pipe-ansible-playbook",
			"ansible-serial",
			"vm-ansible-vault",
			...SSH_SETUP.sources,
			...(collections.length ? ANSIBLE_INSTALL.sources : []),
		],
	};
}

/** The image of a Compose project on its own servers, saved to a file: no registry is needed to reach the hosts. */
export function composeImageFile(m: SectionModel): string {
	return `${vmProfile(m.ctx).app}-image.tar.gz`;
}

/** Build once for Compose on VMs: the image, saved and compressed, handed to the deploy jobs. */
export function composeBuild(m: SectionModel): { name: string; run: string[]; produces: string[] } {
	const app = vmProfile(m.ctx).app;
	const file = composeImageFile(m);
	return {
		name: `Build the ${app} image and save it to ${file}`,
		run: [`docker build --tag "${app}:$GIT_SHA" .`, `docker save "${app}:$GIT_SHA" | gzip > ${file}`],
		produces: [file],
	};
}

/**
 * Compose on the project's own servers: each host of the environment loads the image and runs the release script
 * that starts the idle colour, waits for its health check and switches the proxy (10.1's steps).
 */
export function composeRecipe(m: SectionModel): Recipe {
	const p = vmProfile(m.ctx);
	const file = composeImageFile(m);
	return {
		registry: "none",
		identity: { kind: "token", secrets: () => [...SSH_SETUP.secrets] },
		tools: { github: [], container: ["apt-get update -qq && apt-get install -y -qq openssh-client"] },
		image: "debian:bookworm-slim",
		summary: `the image is built once, saved to \`${file}\` and copied to each host of the environment, which loads it and runs \`/srv/${p.app}/scripts/release.sh\` (start the idle colour, wait for ${p.health}, switch the proxy)`,
		deploy: (d) => [
			...SSH_SETUP.lines,
			`for host in $${upper(d.env)}_HOSTS; do`,
			`  scp ${file} "deploy@$host:/tmp/${file}"`,
			`  ssh "deploy@$host" "gunzip -c /tmp/${file} | docker load && /srv/${p.app}/scripts/release.sh $GIT_SHA"`,
			"done",
			`BASE_URL="$${upper(d.env)}_URL"`,
		],
		sources: [...SSH_SETUP.sources],
	};
}
