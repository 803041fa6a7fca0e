// The Ansible side of a VM project without containers: the artefact the stack builds, the rolling playbook that
// ships it host by host behind the balancer, the inventory, and what provisions the servers.

import { artefactFile, releasePaths, type VmProfile } from "../../../decisions/vm-platform";
import { HOST_PROVIDERS } from "../../../knowledge/vms";

export interface VmArtefact {
	/** The file the build job produces and Ansible ships. */
	file: string;
	build: string[];
	/** `copy`: one file (a JAR, a binary); `unarchive`: a release tarball. */
	install: "copy" | "unarchive";
	/** What the systemd unit starts, relative to the `current` release. */
	exec: string;
	label: string;
}

/** What each stack builds for a server without containers: a JAR, a Go binary, or a release tarball. */
export function vmArtefact(p: VmProfile): VmArtefact {
	const app = p.app;
	const file = artefactFile(p);
	switch (p.lang) {
		case "java":
			return {
				file,
				build: ["./mvnw -B -q package -DskipTests", `cp target/*.jar ${app}.jar`],
				install: "copy",
				exec: `java -jar ${app}.jar`,
				label: "the executable JAR",
			};
		case "go":
			return {
				file,
				build: [`CGO_ENABLED=0 go build -trimpath -o ${app} .`],
				install: "copy",
				exec: `./${app}`,
				label: "the static Go binary",
			};
		case "python":
			return {
				file,
				build: [
					"python -m pip install --quiet --target vendor -r requirements.txt",
					`tar -czf /tmp/${app}.tar.gz --exclude=.git . && mv /tmp/${app}.tar.gz .`,
				],
				install: "unarchive",
				exec: "python -m gunicorn (with PYTHONPATH=vendor)",
				label: "a release tarball (code and its dependencies under `vendor/`)",
			};
		case "dotnet":
			return {
				file,
				build: [
					"dotnet publish --configuration Release --output publish",
					`tar -czf ${app}.tar.gz -C publish .`,
				],
				install: "unarchive",
				exec: `dotnet ${app}.dll`,
				label: "a release tarball of the published output",
			};
		case "ruby":
			return {
				file,
				build: [
					"bundle config set --local deployment true && bundle install --jobs 4",
					`tar -czf /tmp/${app}.tar.gz --exclude=.git . && mv /tmp/${app}.tar.gz .`,
				],
				install: "unarchive",
				exec: "bundle exec puma -C config/puma.rb",
				label: "a release tarball (code and vendored gems)",
			};
		default:
			return {
				file,
				build: [
					"npm run build",
					"npm prune --omit=dev",
					`tar -czf /tmp/${app}.tar.gz --exclude=.git . && mv /tmp/${app}.tar.gz .`,
				],
				install: "unarchive",
				exec: "node dist/server.js",
				label: "a release tarball (build output and production dependencies)",
			};
	}
}

/** Application host groups in rollout order: active sites first, standby sites after, one group when no sites. */
export function siteGroups(p: VmProfile): { group: string; lb: string; site?: string }[] {
	if (!p.sites.length) return [{ group: "app", lb: "lb" }];
	const sorted = [...p.sites.filter((s) => !s.standby), ...p.sites.filter((s) => s.standby)];
	return sorted.map((s) => ({ group: `app_${s.name}`, lb: `lb_${s.name}`, site: s.name }));
}

const q = (s: string) => `"${s.replace(/"/g, '\\"')}"`;

function fetchTasks(p: VmProfile, a: VmArtefact): string[] {
	const get = p.store
		? [
				`    - name: ${q(`Fetch the release artefact from ${p.store}`)}`,
				"      ansible.builtin.get_url:",
				`        url: "{{ artefact_base_url }}/{{ release }}/${a.file}"`,
				`        dest: "{{ release_dir }}/${a.install === "copy" ? a.file : "release.tar.gz"}"`,
				`        mode: "0755"`,
			]
		: [
				"    - name: Copy the release artefact from the deploy job",
				"      ansible.builtin.copy:",
				`        src: "{{ artefact }}"`,
				`        dest: "{{ release_dir }}/${a.install === "copy" ? a.file : "release.tar.gz"}"`,
				`        mode: "0755"`,
			];
	const unpack =
		a.install === "unarchive"
			? [
					"    - name: Unpack the release",
					"      ansible.builtin.unarchive:",
					`        src: "{{ release_dir }}/release.tar.gz"`,
					`        dest: "{{ release_dir }}"`,
					"        remote_src: true",
				]
			: [];
	return [
		"    - name: Create the release directory",
		"      ansible.builtin.file:",
		`        path: "{{ release_dir }}"`,
		"        state: directory",
		`        mode: "0755"`,
		...get,
		...unpack,
	];
}

function lbTasks(p: VmProfile, lbGroup: string, action: "drain" | "restore"): string[] {
	const loop = [`      delegate_to: "{{ item }}"`, `      loop: "{{ groups['${lbGroup}'] }}"`];
	switch (p.balancer) {
		case "haproxy":
			return action === "drain"
				? [
						"    - name: Drain this host on every HAProxy node, DRAIN then MAINT once its sessions end",
						"      community.general.haproxy:",
						"        state: disabled",
						"        drain: true",
						`        host: "{{ inventory_hostname }}"`,
						`        backend: "{{ app }}"`,
						"        socket: /run/haproxy/admin.sock",
						"        wait_interval: 5",
						"        wait_retries: 60",
						...loop,
					]
				: [
						"    - name: Put this host back on every HAProxy node, READY then UP",
						"      community.general.haproxy:",
						"        state: enabled",
						`        host: "{{ inventory_hostname }}"`,
						`        backend: "{{ app }}"`,
						"        socket: /run/haproxy/admin.sock",
						"        wait: true",
						...loop,
					];
		case "nginx":
			return [
				`    - name: ${q(`${action === "drain" ? "Mark this host down" : "Remove the down mark of this host"} in the nginx upstream`)}`,
				"      ansible.builtin.replace:",
				`        path: "/etc/nginx/conf.d/{{ app }}-upstream.conf"`,
				`        regexp: '^(\\s*server {{ ansible_host }}:{{ app_port }})(?: down)?;'`,
				`        replace: '${action === "drain" ? "\\1 down;" : "\\1;"}'`,
				...loop,
				"    - name: Reload nginx on every balancer",
				"      ansible.builtin.systemd_service:",
				"        name: nginx",
				"        state: reloaded",
				...loop,
			];
		default:
			return [
				`    - name: ${q(`${action === "drain" ? "Take this host out of" : "Put this host back into"} the load balancer`)}`,
				`      ansible.builtin.include_tasks: lb/${action}.yml`,
			];
	}
}

/** The migration command the release runs once, before any host changes. */
export function migrationCommand(p: VmProfile, tool: string | undefined, fallback: string): string {
	if (tool === "flyway") return `flyway -configFiles=/etc/${p.app}/flyway.conf migrate`;
	if (tool === "liquibase") return `liquibase --defaults-file=/etc/${p.app}/liquibase.properties update`;
	return fallback;
}

/** `deploy.yml`: migrations once, then one rolling play per site with `serial: 1` and `max_fail_percentage: 0`. */
export function rollingPlaybook(p: VmProfile, migrate: string | undefined): string {
	const a = vmArtefact(p);
	const { root, current } = releasePaths(p);
	const groups = siteGroups(p);
	const vars = [
		"  vars:",
		`    app: ${p.app}`,
		"    app_port: 8080",
		`    release_dir: "${root}/{{ release }}"`,
	];
	const out: string[] = [
		`# ansible-playbook -i inventories/<environment> deploy.yml -e release=<git sha>${p.store ? "" : " -e artefact=<path>"}`,
	];
	if (migrate) {
		out.push(
			"- name: Migrate the database once, before any host changes",
			`  hosts: ${q(`${groups[0]!.group}[0]`)}`,
			"  become: true",
			"  tags: [migrate]",
			...vars,
			"  tasks:",
			...fetchTasks(p, a),
			`    - name: ${q("Run the release's migrations (expand/contract: the running release keeps working)")}`,
			"      ansible.builtin.shell:",
			`        cmd: ${q(`set -a && . /etc/${p.app}/${p.app}.env && set +a && ${migrate}`)}`,
			`        chdir: "{{ release_dir }}"`,
			"        executable: /bin/bash",
			...(p.lang === "python"
				? ["      environment:", `        PYTHONPATH: "{{ release_dir }}/vendor"`]
				: []),
			"      changed_when: true",
		);
	}
	for (const g of groups) {
		out.push(
			`- name: Roll ${p.app} out${g.site ? ` in ${g.site.toUpperCase()}` : ""}, one host at a time`,
			`  hosts: ${g.group}`,
			"  become: true",
			"  serial: 1",
			"  max_fail_percentage: 0",
			...vars,
			`    health_url: "http://127.0.0.1:{{ app_port }}${p.health}"`,
			"  pre_tasks:",
			...lbTasks(p, g.lb, "drain"),
			"  tasks:",
			...fetchTasks(p, a),
			"    - name: Point current at the new release",
			"      ansible.builtin.file:",
			`        src: "{{ release_dir }}"`,
			`        dest: ${current}`,
			"        state: link",
			"    - name: Restart the services",
			"      ansible.builtin.systemd_service:",
			`        name: "{{ item }}"`,
			"        state: restarted",
			"        daemon_reload: true",
			`      loop: [${p.units.join(", ")}]`,
			`    - name: ${q(`Wait until ${p.health} answers 200`)}`,
			"      ansible.builtin.uri:",
			`        url: "{{ health_url }}"`,
			"        status_code: 200",
			"      register: health",
			"      until: health.status == 200",
			"      retries: 30",
			"      delay: 5",
			"  post_tasks:",
			...lbTasks(p, g.lb, "restore"),
		);
	}
	return out.join("\n");
}

/** `inventories/production/hosts.yml`: the application hosts and balancers per site, the record of every server. */
export function inventoryExample(p: VmProfile): string {
	const groups = siteGroups(p);
	const lines = ["all:", "  children:"];
	if (groups.length > 1 || groups[0]!.site) {
		lines.push("    app:", "      children:");
		for (const g of groups) lines.push(`        ${g.group}:`);
	}
	for (const g of groups) {
		const s = g.site ?? "";
		lines.push(
			`    ${g.group}:`,
			"      hosts:",
			`        app-${s ? `${s}-` : ""}1: { ansible_host: 10.0.${groups.indexOf(g) + 1}.11 }`,
			`        app-${s ? `${s}-` : ""}2: { ansible_host: 10.0.${groups.indexOf(g) + 1}.12 }`,
			`    ${g.lb}:`,
			"      hosts:",
			`        lb-${s ? `${s}-` : ""}1: { ansible_host: 10.0.${groups.indexOf(g) + 1}.5 }`,
		);
	}
	return lines.join("\n");
}

/** Terraform for the provider's cloud servers (Hetzner Cloud), when the servers are cloud VMs there. */
export function hcloudExample(p: VmProfile, env: string): string | undefined {
	if (p.provider !== "hetzner" || p.kind === "dedicated") return undefined;
	const t = HOST_PROVIDERS.hetzner.terraform;
	const location = p.sites[0]?.name ?? "fsn1";
	return [
		"terraform {",
		"  required_providers {",
		`    hcloud = { source = "${t.source}" }`,
		"  }",
		"}",
		"",
		'provider "hcloud" {}   # token from HCLOUD_TOKEN',
		"",
		`resource "${t.server}" "app" {`,
		"  count       = 2",
		`  name        = "${p.app}-${env}-app-\${count.index + 1}"`,
		`  server_type = "cx22"`,
		`  image       = "debian-12"`,
		`  location    = "${location}"`,
		`  labels      = { app = "${p.app}", env = "${env}", role = "app" }`,
		"}",
	].join("\n");
}
