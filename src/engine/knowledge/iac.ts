// Infrastructure-as-code tools: what they are, licence and state handling, and which stacks they fit.

import type { Cloud } from "./clouds";
import { type Fact, fact, type SourceId } from "./sources";

export type IacToolId =
	| "terraform"
	| "opentofu"
	| "pulumi"
	| "aws-cdk"
	| "cloudformation"
	| "bicep"
	| "crossplane"
	| "sst"
	| "sam"
	| "ansible";

export interface IacTool {
	id: IacToolId;
	name: string;
	detect: RegExp;
	clouds: Cloud[] | "any";
	summary: string;
	licence: string;
	state: string;
	fit: string;
	tradeoff: string;
	facts: Fact[];
	sources: SourceId[];
}

export const IAC_TOOLS: Record<IacToolId, IacTool> = {
	terraform: {
		id: "terraform",
		name: "Terraform",
		detect: /\bterraform\b/i,
		clouds: "any",
		summary: "HCL with the largest provider and module ecosystem; plan/apply workflow",
		licence: "BUSL 1.1 for releases since 10 August 2023",
		state: "remote backend (S3 with use_lockfile, GCS, azurerm or HCP Terraform)",
		fit: "multi-cloud teams and the widest provider coverage",
		tradeoff: "largest ecosystem, but the BUSL licence matters to vendors building competing services",
		facts: [
			fact("HashiCorp moved Terraform's future releases from MPL 2.0 to BUSL 1.1 on 10 August 2023.", [
				"hashicorp-bsl",
			]),
			fact(
				"The S3 backend locks state with use_lockfile (S3 conditional writes); DynamoDB locking is deprecated; versioning on the bucket recovers earlier state.",
				["tf-s3-backend"],
			),
		],
		sources: ["hashicorp-bsl", "tf-s3-backend"],
	},
	opentofu: {
		id: "opentofu",
		name: "OpenTofu",
		detect: /\bopen ?tofu\b|\btofu\b/i,
		clouds: "any",
		summary: "the Linux Foundation fork of Terraform 1.5, same HCL and providers",
		licence: "MPL 2.0 (Linux Foundation)",
		state: "the same backends as Terraform, plus client-side state encryption (1.7+)",
		fit: "teams that want Terraform's ecosystem under an OSI licence, with encrypted state",
		tradeoff:
			"drop-in for Terraform ≤ 1.5 configurations and open-source licensed; newer Terraform-only features do not carry over",
		facts: [
			fact("OpenTofu is the MPL-2.0 fork of Terraform under the Linux Foundation.", ["opentofu-home"]),
			fact("OpenTofu 1.7 added client-side state encryption.", ["opentofu-encryption"]),
		],
		sources: ["opentofu-home", "opentofu-encryption"],
	},
	pulumi: {
		id: "pulumi",
		name: "Pulumi",
		detect: /\bpulumi\b/i,
		clouds: "any",
		summary: "infrastructure in TypeScript, Python, Go, .NET or Java",
		licence: "Apache 2.0",
		state: "Pulumi Cloud or a self-managed backend (s3://, gs://, azblob://); secrets encrypted in state",
		fit: "application teams who prefer a general-purpose language and unit-testable infrastructure",
		tradeoff:
			"real code and tests for infrastructure; a self-managed backend leaves backup and access control to you",
		facts: [
			fact(
				"Pulumi stores state in Pulumi Cloud or self-managed backends (s3://, azblob://, gs://, file://) and encrypts secrets in state.",
				["pulumi-state"],
			),
		],
		sources: ["pulumi-state"],
	},
	"aws-cdk": {
		id: "aws-cdk",
		name: "AWS CDK",
		detect: /\b(aws )?cdk\b/i,
		clouds: ["aws"],
		summary: "constructs in TypeScript/Python/Java/.NET/Go synthesised to CloudFormation",
		licence: "Apache 2.0",
		state: "CloudFormation stacks (AWS holds the state)",
		fit: "AWS-only application teams",
		tradeoff: "no state file to run, but AWS only and bound to CloudFormation's speed",
		facts: [fact("The CDK synthesises CloudFormation templates from constructs.", ["aws-cdk"], "M")],
		sources: ["aws-cdk"],
	},
	cloudformation: {
		id: "cloudformation",
		name: "AWS CloudFormation",
		detect: /\bcloudformation\b/i,
		clouds: ["aws"],
		summary: "AWS-native JSON/YAML templates",
		licence: "AWS service",
		state: "managed by AWS",
		fit: "AWS-only organisations that want no state file",
		tradeoff: "no state to manage; verbose templates and AWS only",
		facts: [fact("CloudFormation stacks keep their state in AWS.", ["aws-cdk"], "M")],
		sources: ["aws-cdk"],
	},
	bicep: {
		id: "bicep",
		name: "Azure Bicep",
		detect: /\bbicep\b|\barm templates?\b/i,
		clouds: ["azure"],
		summary:
			"a DSL compiling to ARM with day-0 support for every Azure resource, `what-if` previews and deployment stacks",
		licence: "MIT",
		state: "no state file: Azure Resource Manager is the source of truth",
		fit: "Azure-only teams",
		tradeoff: "first-class Azure coverage and no state, but Azure only",
		facts: [
			fact("Bicep has day-0 support for all Azure resource types, `what-if` previews and no state file.", [
				"azure-bicep",
			]),
		],
		sources: ["azure-bicep"],
	},
	crossplane: {
		id: "crossplane",
		name: "Crossplane",
		detect: /\bcrossplane\b/i,
		clouds: "any",
		summary: "a Kubernetes control plane that reconciles cloud resources continuously and corrects drift",
		licence: "Apache 2.0 (CNCF)",
		state: "the Kubernetes API (etcd)",
		fit: "platform teams on Kubernetes offering self-service infrastructure APIs",
		tradeoff: "continuous drift correction, but needs a Kubernetes control plane to run it",
		facts: [fact("Crossplane reconciles managed resources continuously and corrects drift.", ["crossplane"])],
		sources: ["crossplane"],
	},
	sst: {
		id: "sst",
		name: "SST",
		detect: /\bsst\b/i,
		clouds: ["aws"],
		summary:
			"a full-stack framework where `sst.config.ts` declares the app and its infrastructure (Pulumi and Terraform providers underneath)",
		licence: "MIT",
		state: "Pulumi-based state in your own account",
		fit: "TypeScript serverless teams on AWS or Cloudflare",
		tradeoff: "fastest path for TypeScript serverless apps; narrower than general IaC",
		facts: [
			fact("SST declares infrastructure in sst.config.ts and deploys to AWS and Cloudflare.", ["sst-docs"]),
		],
		sources: ["sst-docs"],
	},
	sam: {
		id: "sam",
		name: "AWS SAM",
		detect: /\b(aws )?sam\b|serverless application model/i,
		clouds: ["aws"],
		summary:
			"CloudFormation with serverless shorthand (`AWS::Serverless::Function`), where `AutoPublishAlias` and `DeploymentPreference` give gradual Lambda deployments",
		licence: "Apache 2.0 (the CLI); CloudFormation is an AWS service",
		state: "CloudFormation stacks (AWS holds the state)",
		fit: "Lambda-first applications on AWS that want gradual deployments without extra tooling",
		tradeoff: "gradual Lambda deploys and alarms built in; AWS only and bound to CloudFormation",
		facts: [
			fact(
				"SAM's AutoPublishAlias publishes a version and moves an alias on every deploy; DeploymentPreference shifts traffic through CodeDeploy (Canary, Linear or AllAtOnce) and rolls back on alarms.",
				["sam-safe-deploy"],
			),
		],
		sources: ["sam-safe-deploy"],
	},
	// Servers the project runs itself (VMs, dedicated servers): the inventory and roles are the infrastructure code.
	ansible: {
		id: "ansible",
		name: "Ansible",
		detect: /\bansible\b/i,
		clouds: "any",
		summary:
			"inventories and roles in Git describe every server from the operating system up; playbooks apply them over SSH",
		licence: "GPL 3.0 (ansible-core)",
		state: "no state file: the inventory in Git is the record of which servers exist and what they run",
		fit: "teams running their own virtual machines or dedicated servers",
		tradeoff:
			"configures servers it is given and keeps no state; creating cloud servers, DNS and buckets stays with Terraform or OpenTofu where the provider has one",
		facts: [
			fact(
				"ansible-vault encrypts variable files (group_vars, host_vars) or single values in the repository; playbooks decrypt them at run time.",
				["vm-ansible-vault"],
			),
		],
		sources: ["pipe-ansible-playbook", "vm-ansible-vault"],
	},
};

export const IAC_IDS = Object.keys(IAC_TOOLS) as IacToolId[];

export function detectIac(text: string | undefined): IacToolId | undefined {
	if (!text) return undefined;
	// OpenTofu before Terraform: "OpenTofu (Terraform fork)" names both.
	const order: IacToolId[] = [
		"opentofu",
		"terraform",
		"pulumi",
		"sst",
		"sam",
		"aws-cdk",
		"cloudformation",
		"bicep",
		"crossplane",
		"ansible",
	];
	return order.find((id) => IAC_TOOLS[id].detect.test(text));
}

export const SECRET_PATTERNS: Fact[] = [
	fact(
		"SOPS encrypts values in YAML/JSON/ENV files with AWS KMS, GCP KMS, Azure Key Vault, age or PGP, which fits secrets kept in Git.",
		["sops"],
	),
	fact(
		"External Secrets Operator syncs secrets from AWS Secrets Manager, Vault, Google Secret Manager or Azure Key Vault into Kubernetes Secrets.",
		["eso"],
	),
];

/** The clouds an IaC tool can provision, or "any"; a tool bound to another cloud than the project's is refused or flagged. */
export function iacFitsCloud(id: IacToolId, cloud: Cloud): boolean {
	const t = IAC_TOOLS[id];
	return t.clouds === "any" || t.clouds.includes(cloud);
}
