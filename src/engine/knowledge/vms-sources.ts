// Sources behind the VM and dedicated-server knowledge (knowledge/vms.ts): Ansible's rolling keywords and modules,
// the load balancers' drain mechanisms and the hosts' provisioning tools. Spread into SOURCES by sources.ts.

export const VM_SOURCES = {
	"vm-ansible-error-handling": {
		title: "Ansible: Error handling in playbooks (max_fail_percentage, any_errors_fatal)",
		url: "https://docs.ansible.com/ansible/latest/playbook_guide/playbooks_error_handling.html",
	},
	"vm-ansible-haproxy": {
		title: "Ansible: community.general.haproxy module (enable, disable, drain backend servers)",
		url: "https://docs.ansible.com/ansible/latest/collections/community/general/haproxy_module.html",
	},
	"vm-ansible-uri": {
		title: "Ansible: ansible.builtin.uri module",
		url: "https://docs.ansible.com/ansible/latest/collections/ansible/builtin/uri_module.html",
	},
	"vm-ansible-systemd": {
		title: "Ansible: ansible.builtin.systemd_service module",
		url: "https://docs.ansible.com/ansible/latest/collections/ansible/builtin/systemd_service_module.html",
	},
	"vm-ansible-file": {
		title: "Ansible: ansible.builtin.file module (state: link)",
		url: "https://docs.ansible.com/ansible/latest/collections/ansible/builtin/file_module.html",
	},
	"vm-ansible-galaxy-install": {
		title: "Ansible: Installing collections (version ranges with ansible-galaxy collection install)",
		url: "https://docs.ansible.com/ansible/latest/collections_guide/collections_installing.html",
	},
	"vm-community-general-runtime": {
		title: "community.general meta/runtime.yml (requires_ansible of the 10.x releases: >=2.15.0)",
		url: "https://github.com/ansible-collections/community.general/blob/stable-10/meta/runtime.yml",
	},
	"vm-gitlab-ssh-known-hosts": {
		title: "GitLab: Using SSH keys with GitLab CI/CD (verifying the SSH host keys with SSH_KNOWN_HOSTS)",
		url: "https://docs.gitlab.com/ci/jobs/ssh_keys/",
	},
	"vm-ansible-vault": {
		title: "Ansible: ansible-vault",
		url: "https://docs.ansible.com/ansible/latest/cli/ansible-vault.html",
	},
	"vm-haproxy-server-states": {
		title: "HAProxy: Enable/disable servers (READY, DRAIN, MAINT through the Runtime API)",
		url: "https://www.haproxy.com/documentation/hapee/2-2r1/management/enable-disable-servers/",
	},
	"vm-haproxy-servers-state": {
		title: "HAProxy Runtime API: show servers state",
		url: "https://www.haproxy.com/documentation/haproxy-runtime-api/reference/show-servers-state/",
	},
	"vm-nginx-upstream": {
		title: "nginx: ngx_http_upstream_module (server … down)",
		url: "https://nginx.org/en/docs/http/ngx_http_upstream_module.html#server",
	},
	"vm-hcloud-provider": {
		title: "Hetzner Cloud Terraform provider (hetznercloud/hcloud)",
		url: "https://github.com/hetznercloud/terraform-provider-hcloud",
	},
	"vm-hcloud-lb-target": {
		title: "Hetzner Cloud: Load Balancer targets (server, label selector, or the IP of a dedicated server)",
		url: "https://docs.ansible.com/ansible/latest/collections/hetzner/hcloud/load_balancer_target_module.html",
	},
	"vm-hetzner-dedicated-terraform": {
		title: "kube-hetzner discussion #283: the hcloud provider does not manage dedicated (Robot) servers",
		url: "https://github.com/kube-hetzner/terraform-hcloud-kube-hetzner/discussions/283",
	},
} as const;
