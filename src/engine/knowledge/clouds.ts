// Per-cloud facts: CI identity, IaC state backend and its locking, secrets store, object storage and its immutability
// term, container registry and key management. Every cloud has every fact (the completeness test checks it); "none"
// describes a PaaS-only project, where the platform row supplies the token, registry and secrets instead.

import { type Fact, fact, type SourceId } from "./sources";

export type Cloud = "aws" | "gcp" | "azure" | "none";

export const CLOUD_IDS: Cloud[] = ["aws", "gcp", "azure", "none"];

export interface CloudFacts {
	id: Cloud;
	name: string;
	/** The isolation unit one environment gets: "AWS account", "Google Cloud project", "Azure subscription". */
	accountUnit: string;
	identity: {
		/** How a CI job proves who it is to the cloud, in one clause. */
		wording: string;
		/** The GitHub Actions step that exchanges the OIDC token (empty for PaaS: a scoped API token instead). */
		githubAction: string;
		sources: SourceId[];
	};
	stateBackend: {
		/** Terraform/OpenTofu backend type ("s3", "gcs", "azurerm", "remote"). */
		terraform: string;
		/** Pulumi self-managed backend URL scheme. */
		pulumi: string;
		/** What holds the state and how it is locked, in one clause. */
		wording: string;
		facts: Fact[];
	};
	secretsStore: { name: string; facts: Fact[] };
	objectStorage: {
		name: string;
		/** The provider's own name for write-once retention. */
		immutability: string;
		facts: Fact[];
	};
	registry: { name: string; host: string; facts: Fact[] };
	kms: { name: string; terraformResource: string; facts: Fact[] };
}

export const CLOUDS: Record<Cloud, CloudFacts> = {
	aws: {
		id: "aws",
		name: "AWS",
		accountUnit: "AWS account",
		identity: {
			wording:
				"the CI job's OIDC token assumes an IAM role whose trust policy checks the token's `sub` claim (repository and environment)",
			githubAction: "aws-actions/configure-aws-credentials",
			sources: ["gh-oidc-aws"],
		},
		stateBackend: {
			terraform: "s3",
			pulumi: "s3://",
			wording: "an S3 bucket with versioning, locked with `use_lockfile = true` (S3 conditional writes)",
			facts: [
				fact(
					"The S3 backend locks state with use_lockfile (S3 conditional writes); DynamoDB locking is deprecated; bucket versioning recovers earlier state.",
					["tf-s3-backend"],
				),
			],
		},
		secretsStore: {
			name: "AWS Secrets Manager",
			facts: [
				fact("Secrets Manager stores, rotates and audits secrets; access is granted per secret with IAM.", [
					"aws-secrets-manager",
				]),
			],
		},
		objectStorage: {
			name: "Amazon S3",
			immutability: "S3 Object Lock",
			facts: [
				fact(
					"S3 Object Lock stores objects write-once-read-many; in compliance mode no user, including root, can delete a locked version before its retention date.",
					["aws-s3-object-lock"],
				),
			],
		},
		registry: {
			name: "Amazon ECR",
			host: "<account>.dkr.ecr.<region>.amazonaws.com",
			facts: [
				fact("Amazon ECR is AWS's managed container registry, with IAM-controlled push and pull.", [
					"aws-ecr",
				]),
			],
		},
		kms: {
			name: "AWS KMS",
			terraformResource: "aws_kms_key",
			facts: [
				fact(
					"AWS KMS customer managed keys encrypt data at rest with key policies and rotation under your control.",
					["aws-kms"],
				),
			],
		},
	},
	gcp: {
		id: "gcp",
		name: "Google Cloud",
		accountUnit: "Google Cloud project",
		identity: {
			wording:
				"the CI job's OIDC token is exchanged through Workload Identity Federation for a service account bound to this repository",
			githubAction: "google-github-actions/auth",
			sources: ["gcp-gha-auth"],
		},
		stateBackend: {
			terraform: "gcs",
			pulumi: "gs://",
			wording: "a Cloud Storage bucket with object versioning; the gcs backend locks state natively",
			facts: [
				fact(
					"The gcs backend stores state in a Cloud Storage bucket and supports state locking; object versioning keeps earlier state.",
					["tf-gcs-backend"],
				),
			],
		},
		secretsStore: {
			name: "Google Secret Manager",
			facts: [
				fact("Secret Manager stores versioned secrets with IAM access per secret and audit logging.", [
					"gcp-secret-manager",
				]),
			],
		},
		objectStorage: {
			name: "Cloud Storage",
			immutability: "Cloud Storage Bucket Lock (a locked retention policy)",
			facts: [
				fact(
					"Bucket Lock makes a bucket's retention policy permanent: objects cannot be deleted or replaced until they reach the retention age.",
					["gcs-bucket-lock"],
				),
			],
		},
		registry: {
			name: "Artifact Registry",
			host: "<region>-docker.pkg.dev/<project>/<repository>",
			facts: [
				fact(
					"Cloud Run deploys images from Artifact Registry (or Docker Hub); other registries need an Artifact Registry remote repository.",
					["gcp-artifact-registry"],
				),
			],
		},
		kms: {
			name: "Cloud KMS",
			terraformResource: "google_kms_crypto_key",
			facts: [
				fact("Customer-managed encryption keys in Cloud KMS encrypt data at rest in Google Cloud services.", [
					"gcp-kms",
				]),
			],
		},
	},
	azure: {
		id: "azure",
		name: "Azure",
		accountUnit: "Azure subscription",
		identity: {
			wording:
				"the CI job's OIDC token matches a federated identity credential on an Entra application or user-assigned managed identity",
			githubAction: "azure/login",
			sources: ["azure-login"],
		},
		stateBackend: {
			terraform: "azurerm",
			pulumi: "azblob://",
			wording:
				"an Azure Storage blob container with versioning; the azurerm backend locks state with a blob lease",
			facts: [
				fact(
					"The azurerm backend stores state as a blob and supports state locking and consistency checking with Azure Blob Storage's native capabilities.",
					["tf-azurerm-backend"],
				),
			],
		},
		secretsStore: {
			name: "Azure Key Vault",
			facts: [
				fact("Key Vault stores secrets with Azure RBAC per vault or secret and logs every access.", [
					"azure-key-vault",
				]),
			],
		},
		objectStorage: {
			name: "Azure Blob Storage",
			immutability: "Azure immutable blob storage (a locked time-based retention policy)",
			facts: [
				fact(
					"Immutable storage for blobs keeps data in a WORM state under time-based retention or legal hold; a locked policy cannot be shortened.",
					["azure-immutable-blob"],
				),
			],
		},
		registry: {
			name: "Azure Container Registry",
			host: "<registry>.azurecr.io",
			facts: [
				fact(
					"Azure Container Registry is a managed registry that Azure compute pulls from with managed identities.",
					["azure-acr"],
				),
			],
		},
		kms: {
			name: "Azure Key Vault keys",
			terraformResource: "azurerm_key_vault_key",
			facts: [
				fact("Key Vault holds customer-managed keys that Azure services use for encryption at rest.", [
					"azure-key-vault",
				]),
			],
		},
	},
	none: {
		id: "none",
		name: "no cloud account (PaaS only)",
		accountUnit: "platform project or team",
		identity: {
			wording:
				"there is no cloud role to assume: the pipeline uses the platform's API token scoped to one app and environment, stored as an environment secret",
			githubAction: "",
			sources: ["gh-envs"],
		},
		stateBackend: {
			terraform: "remote",
			pulumi: "https://api.pulumi.com",
			wording: "HCP Terraform, one workspace per environment (remote state, locked during runs)",
			facts: [
				fact("HCP Terraform stores state per workspace, versions it and locks it during runs.", [
					"hcp-terraform-state",
				]),
			],
		},
		secretsStore: {
			name: "the platform's encrypted environment variables",
			facts: [],
		},
		objectStorage: {
			name: "an S3-compatible bucket at a second provider",
			immutability: "object lock on that bucket (where the provider offers it)",
			facts: [],
		},
		registry: { name: "the platform's own registry", host: "", facts: [] },
		kms: { name: "the platform's encryption at rest", terraformResource: "", facts: [] },
	},
};

export function cloudFacts(cloud: Cloud): CloudFacts {
	return CLOUDS[cloud];
}

/** Every fact a cloud must have, by name; the completeness test reports the missing ones. */
export function missingCloudFacts(c: CloudFacts): string[] {
	const missing: string[] = [];
	if (!c.name) missing.push("name");
	if (!c.accountUnit) missing.push("accountUnit");
	if (!c.identity.wording) missing.push("identity.wording");
	if (!c.identity.sources.length) missing.push("identity.sources");
	if (!c.stateBackend.terraform) missing.push("stateBackend.terraform");
	if (!c.stateBackend.wording) missing.push("stateBackend.wording");
	if (!c.stateBackend.facts.length) missing.push("stateBackend.facts");
	if (!c.secretsStore.name) missing.push("secretsStore.name");
	if (!c.objectStorage.name) missing.push("objectStorage.name");
	if (!c.objectStorage.immutability) missing.push("objectStorage.immutability");
	if (!c.registry.name) missing.push("registry.name");
	if (!c.kms.name) missing.push("kms.name");
	if (c.id !== "none") {
		// A real cloud names its CI action, registry host and key resource, each with a source.
		if (!c.identity.githubAction) missing.push("identity.githubAction");
		if (!c.secretsStore.facts.length) missing.push("secretsStore.facts");
		if (!c.objectStorage.facts.length) missing.push("objectStorage.facts");
		if (!c.registry.host) missing.push("registry.host");
		if (!c.registry.facts.length) missing.push("registry.facts");
		if (!c.kms.terraformResource) missing.push("kms.terraformResource");
		if (!c.kms.facts.length) missing.push("kms.facts");
	}
	return missing;
}
