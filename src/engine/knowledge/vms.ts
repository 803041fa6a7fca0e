// Virtual machines and dedicated servers: the configuration-management tools that deploy to them, the load
// balancers in front of them (and how each drains a host), and who provisions the servers. Each claim has a source.

import { type Fact, fact } from "./sources";

export type ConfigToolId = "ansible" | "salt" | "puppet" | "chef";
export type BalancerId = "haproxy" | "nginx" | "caddy" | "traefik" | "hcloud-lb";
export type HostProviderId = "hetzner";

export interface ConfigTool {
	id: ConfigToolId;
	name: string;
	detect: RegExp;
}

export const CONFIG_TOOLS: Record<ConfigToolId, ConfigTool> = {
	ansible: { id: "ansible", name: "Ansible", detect: /\bansible\b/i },
	salt: { id: "salt", name: "Salt", detect: /\bsalt ?(stack|project)?\b(?! ?(and|&) pepper)/i },
	puppet: { id: "puppet", name: "Puppet", detect: /\bpuppet\b/i },
	chef: { id: "chef", name: "Chef", detect: /\bchef (infra|server|client|cookbooks?)\b/i },
};

export interface Balancer {
	id: BalancerId;
	name: string;
	detect: RegExp;
	/** How one host leaves the pool before its restart and comes back after, in one line. */
	drain: string;
	/** Whether the rolling playbook drives it with a module or task of its own (otherwise a task file the team writes). */
	scripted: boolean;
	facts: Fact[];
}

export const BALANCERS: Record<BalancerId, Balancer> = {
	haproxy: {
		id: "haproxy",
		name: "HAProxy",
		detect: /\bhaproxy\b/i,
		drain:
			"the host is set to DRAIN and then MAINT on every HAProxy node through the Runtime API (`community.general.haproxy` with `state: disabled` and `drain: true`), and back to READY (`state: enabled`, `wait: true`) once its health endpoint answers",
		scripted: true,
		facts: [
			fact(
				"community.general.haproxy enables, disables and drains backend servers through HAProxy's admin socket; with `drain: true` it waits until the server has no active connections (or wait_interval × wait_retries passes) and continues once the status is MAINT; `wait: true` on `state: enabled` waits for UP.",
				["vm-ansible-haproxy"],
			),
			fact(
				"HAProxy's Runtime API sets a server to READY, DRAIN (out of load balancing, still health-checked and serving persistent connections) or MAINT; the change lives in memory unless server state is saved across reloads.",
				["vm-haproxy-server-states", "vm-haproxy-servers-state"],
			),
		],
	},
	nginx: {
		id: "nginx",
		name: "nginx",
		detect: /\bnginx\b/i,
		drain:
			"the host's `server` line in the nginx upstream is marked `down` and nginx is reloaded on every balancer, then the mark is removed and nginx reloaded again once the health endpoint answers (open-source nginx has no runtime API for upstreams)",
		scripted: true,
		facts: [
			fact(
				"In an nginx upstream block the `down` parameter marks a server as permanently unavailable; a reload applies the change without dropping connections.",
				["vm-nginx-upstream"],
				"S",
			),
		],
	},
	caddy: {
		id: "caddy",
		name: "Caddy",
		detect: /\bcaddy\b/i,
		drain:
			"the host is taken out of Caddy's `reverse_proxy` upstreams before its restart and put back after the health check; the tasks that do it live in `lb/drain.yml` and `lb/restore.yml`",
		scripted: false,
		facts: [],
	},
	traefik: {
		id: "traefik",
		name: "Traefik",
		detect: /\btraefik\b/i,
		drain:
			"the host is taken out of Traefik's service before its restart and put back after the health check; the tasks that do it live in `lb/drain.yml` and `lb/restore.yml`",
		scripted: false,
		facts: [],
	},
	"hcloud-lb": {
		id: "hcloud-lb",
		name: "Hetzner Cloud Load Balancer",
		detect: /\b(hetzner (cloud )?load ?balancer|hcloud[_ ]load[_ ]balancer)\b/i,
		drain:
			"the host is removed from the Hetzner Cloud Load Balancer's targets (`hetzner.hcloud.load_balancer_target` with `state: absent`) and added back after the health check",
		scripted: false,
		facts: [
			fact(
				"A Hetzner Cloud Load Balancer target is a cloud server, a label selector, or the IP of a dedicated server of the same account.",
				["vm-hcloud-lb-target"],
			),
		],
	},
};

export interface HostProvider {
	id: HostProviderId;
	name: string;
	detect: RegExp;
	/** The Terraform provider for the provider's cloud servers (and what it does not cover). */
	terraform: { source: string; server: string; firewall: string; note: string; facts: Fact[] };
	/** How dedicated (bare-metal) servers of this provider come to exist. */
	dedicated: Fact;
}

export const HOST_PROVIDERS: Record<HostProviderId, HostProvider> = {
	hetzner: {
		id: "hetzner",
		name: "Hetzner",
		detect: /\bhetzner\b|\bhcloud\b/i,
		terraform: {
			source: "hetznercloud/hcloud",
			server: "hcloud_server",
			firewall: "hcloud_firewall",
			note: "cloud servers, networks, firewalls, load balancers and volumes; reads the token from `HCLOUD_TOKEN`",
			facts: [
				fact(
					"The hcloud Terraform provider (hetznercloud/hcloud, also used by OpenTofu) manages Hetzner Cloud servers (`hcloud_server`), networks, firewalls, volumes and load balancers.",
					["vm-hcloud-provider"],
				),
			],
		},
		dedicated: fact(
			"Hetzner dedicated (Robot) servers are outside the hcloud provider: they are ordered in Robot, so the Ansible inventory is their record.",
			["vm-hetzner-dedicated-terraform"],
			"S",
		),
	},
};

/** Ansible's rolling-update keywords and the modules the playbook uses. */
export const ANSIBLE_FACTS = {
	serial: fact(
		"`serial` on a play sets how many hosts (a number, a percentage or a list) run the whole play before the next batch starts; with `serial: 1` one host at a time is out of service.",
		["ansible-serial"],
	),
	maxFail: fact(
		"`max_fail_percentage` aborts the play once more than that share of the current batch has failed; `max_fail_percentage: 0` stops the rollout at the first failed host, before the next batch.",
		["vm-ansible-error-handling"],
	),
	uri: fact(
		"`ansible.builtin.uri` with `status_code`, `until`, `retries` and `delay` polls an HTTP endpoint until it answers as expected, and fails the host otherwise.",
		["vm-ansible-uri"],
	),
	systemd: fact(
		"`ansible.builtin.systemd_service` (alias `systemd`) restarts a unit with `state: restarted`; `daemon_reload: true` re-reads changed unit files first.",
		["vm-ansible-systemd"],
	),
	symlink: fact(
		"`ansible.builtin.file` with `state: link` points a symlink at a path, so switching `current` to another release directory is one task.",
		["vm-ansible-file"],
	),
	vault: fact(
		"ansible-vault encrypts variable files (group_vars, host_vars) or single values (`encrypt_string`) in the repository; playbooks decrypt them at run time with `--vault-password-file` or `--vault-id`.",
		["vm-ansible-vault"],
	),
};

/**
 * What a CI job installs to run the playbook. community.general carries the haproxy module; its 10.x line declares
 * `requires_ansible: '>=2.15.0'`, so it runs on every ansible-core from 2.15; the range keeps a new major release
 * (which drops old ansible-core versions) out until the team moves to it.
 */
export const ANSIBLE_INSTALL = {
	collections: { "community.general": ">=10.0.0,<11.0.0" } as Record<string, string>,
	sources: ["vm-ansible-galaxy-install", "vm-community-general-runtime"] as const,
};

/**
 * The deploy job's SSH set-up: the key into ssh-agent and the hosts' public keys into known_hosts from a CI variable
 * (`ssh-keyscan` output taken once from a trusted network), so host-key checking stays on in a fresh container.
 */
export const SSH_SETUP = {
	lines: [
		'eval "$(ssh-agent -s)" && echo "$DEPLOY_SSH_KEY" | ssh-add -',
		"mkdir -p ~/.ssh && chmod 700 ~/.ssh && printf '%s\\n' \"$SSH_KNOWN_HOSTS\" >> ~/.ssh/known_hosts && chmod 644 ~/.ssh/known_hosts",
	],
	secrets: ["DEPLOY_SSH_KEY", "SSH_KNOWN_HOSTS"],
	sources: ["vm-gitlab-ssh-known-hosts"] as const,
};

/** The first id whose pattern matches, in the text's order. */
export function detectIn<T extends string>(
	text: string,
	table: Record<T, { detect: RegExp }>,
): T | undefined {
	let best: { id: T; index: number } | undefined;
	for (const id of Object.keys(table) as T[]) {
		const m = table[id].detect.exec(text);
		if (m && (best === undefined || m.index < best.index)) best = { id, index: m.index };
	}
	return best?.id;
}

/** "Hetzner dedicated servers (systemd services behind HAProxy)": how the project's servers run, in a short label. */
export function vmLabel(h: {
	containers: boolean;
	balancer?: BalancerId;
	kind?: "dedicated" | "cloud";
	provider?: HostProviderId;
}): string {
	const where = h.kind === "dedicated" ? "dedicated servers" : "virtual machines";
	const provider = h.provider ? `${HOST_PROVIDERS[h.provider].name} ` : "";
	const lb = h.balancer ? BALANCERS[h.balancer].name : h.containers ? "a reverse proxy" : "a load balancer";
	return `${provider}${where} (${h.containers ? "Docker Compose" : "systemd services"} behind ${lb})`;
}

/** Containers in production as the inputs say; unsaid, none when a configuration tool deploys, Compose otherwise. */
export function runsContainers(h: { containers?: { value: boolean }; configTool?: unknown }): boolean {
	return h.containers?.value ?? !h.configTool;
}
