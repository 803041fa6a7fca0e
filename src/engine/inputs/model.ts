// ProjectModel: what the project is, resolved from every input, each fact with where it came from and how sure.
// Built by resolve.ts; ProjectContext carries it as `ctx.model` and derives its older fields from it.

import type { CiToolId } from "../knowledge/cicd";
import type { DbProviderId } from "../knowledge/databases";
import type { IacToolId } from "../knowledge/iac";
import type { MigrationToolId } from "../knowledge/migrations";
import type { ComplianceId } from "../knowledge/operations";
import type { Cloud, PlatformId } from "../knowledge/platforms";
import type { BalancerId, ConfigToolId, HostProviderId } from "../knowledge/vms";

/**
 * Where a fact came from. `file` is the input's path relative to the project root; `path` a JSON path
 * (`key_outputs.infrastructure.backend_hosting.platform`) or `line N` for text. Confidence: "structured" (a field
 * that names it), "text" (found in free text), "assumed" (the inputs do not say; a default).
 */
export interface Provenance {
	file: string;
	path?: string;
	confidence: "structured" | "text" | "assumed";
}

export interface Sourced<T> {
	value: T;
	from: Provenance;
}

export type ServiceKind = "web" | "api" | "worker" | "job" | "cron" | "static" | "function";

export interface ServiceModel {
	/** As the inputs name it (sanitised): `qm-ingest`, `tasks`, `migrate`. */
	name: string;
	kind: ServiceKind;
	/** Takes traffic from outside (a canary or a traffic split applies to it). */
	ingress: boolean;
	/** The command it runs, when the inputs give one (jobs, crons). */
	command?: string;
	/** A cron's schedule as the inputs give it ("hourly", "0 3 * * *"). */
	schedule?: string;
	/** A job that runs before each release (migrations). */
	preDeploy?: boolean;
	from: Provenance;
}

export type DataStoreRole = "primary" | "replica" | "cache" | "queue" | "object-storage" | "search" | "other";

export interface DataStoreModel {
	role: DataStoreRole;
	/** Canonical label: PostgreSQL, MySQL, SQLite, DynamoDB, Cosmos DB, SQL Server, Redis, MongoDB … */
	engine: string;
	/** Engine version when the inputs give it ("16", "8.0"). */
	version?: string;
	/** A knowledge id (DbProviderId) or "unknown" (self-run, a file on a volume, a provider the knowledge lacks). */
	provider: DbProviderId | "unknown";
	/** True when the provider is a default for the platform and cloud, not named by the inputs. */
	providerAssumed?: boolean;
	/** The provider as a canonical label ("Cloud SQL", "DigitalOcean Managed PostgreSQL", "Fly volume"). */
	providerLabel?: string;
	/** Canonical edition/plan/tier label: "Enterprise", "standard-0", "db-s-1vcpu-1gb". */
	plan?: string;
	region?: string;
	/** A synchronous standby in another zone (true), none (false), or not said (undefined). */
	ha?: boolean;
	replicas: { region?: string; kind: "read" | "standby" | "global-table" | "geo"; name?: string }[];
	pitr?: { enabled: boolean; windowDays?: number; logIntervalMinutes?: number };
	/**
	 * Scheduled backups as the inputs give them: `schedule` as written (sanitised), `intervalMinutes` the shortest
	 * interval it implies (hourly 60, daily 1440, weekly 10080), `retention` as written, `retentionDays` when it is a
	 * period, `tool` (pgBackRest, WAL-G …) and `locations`: the regions or sites the backups are kept in.
	 */
	backups?: {
		schedule?: string;
		intervalMinutes?: number;
		retention?: string;
		retentionDays?: number;
		tool?: string;
		locations?: string[];
	};
	sizeGb?: number;
	/** The distributed configuration store a self-run cluster manager uses, as written ("etcd 3.5, 3 members: …"). */
	dcs?: string;
	/** Add-ons or features the inputs say are NOT enabled ("PITR", "high availability"). */
	notEnabled: string[];
	from: Provenance;
}

export interface GateModel {
	name: string;
	/** The pipeline stage the inputs put it in ("test", "post-deploy-staging"), as given (sanitised). */
	stage?: string;
	/** The threshold as text ("80% line coverage", "≥ 80 %"). */
	threshold: string;
	metric?: string;
	min?: number;
	max?: number;
	unit?: string;
	blocking: boolean;
	from: Provenance;
}

export interface AlertModel {
	name: string;
	condition: string;
	/** Lower-case as given ("critical", "sev1", "p2", "warning"). */
	severity: string;
	/** Where it routes, when the inputs say ("PagerDuty high-urgency"). */
	route?: string;
	from: Provenance;
}

/** A monitoring tool: `value` its canonical name ("Datadog"), `label` the field's wording ("Datadog Logs (15-day index)"). */
export type ToolRef = Sourced<string> & { label?: string };

export interface MonitoringModel {
	apm?: ToolRef;
	logging?: ToolRef;
	metrics?: ToolRef;
	tracing?: ToolRef;
	errors?: ToolRef;
	uptime?: ToolRef;
	dashboards: string[];
}

/** How the project's own servers run (VM and dedicated-server platforms), each fact from the inputs. */
export interface HostsModel {
	/** The configuration-management tool that deploys to the servers. */
	/** `name` is the knowledge base's label, carried so the first screen needs no knowledge base. */
	configTool?: Sourced<ConfigToolId> & { name: string };
	/** Containers in production: false when the inputs rule them out (an ADR, "no containers"), true when they name them. */
	containers?: Sourced<boolean>;
	/** The load balancer in front of the application servers. */
	balancer?: Sourced<BalancerId> & { name: string };
	/** Dedicated (bare-metal) servers or cloud virtual machines. */
	serverKind?: Sourced<"dedicated" | "cloud">;
	provider?: Sourced<HostProviderId>;
	/** Sites (data centres or locations) holding application servers, the active one first; standby sites marked. */
	sites: { name: string; standby: boolean }[];
	/** Where release artefacts are stored for the hosts to fetch (Nexus, Artifactory), canonical label. */
	artefactStore?: Sourced<string>;
	/** Two pools of application servers behind the balancer (blue and green). */
	twoPools?: Sourced<boolean>;
}

export interface KubernetesDelivery {
	/** What splits canary traffic (Gateway API, an AWS ALB, a mesh or ingress controller). */
	router?: Sourced<"gatewayapi" | "alb" | "nginx" | "istio" | "linkerd">;
	/** Services are packaged as Helm charts (HelmRelease in the environment repository). */
	helm?: Sourced<boolean>;
	/** The inputs have CI apply to the clusters itself (`helm upgrade`, `kubectl apply` from CI). */
	pushDeploys?: Sourced<boolean>;
	/** Flux image automation updates an environment from the registry. */
	imageAutomation?: Sourced<boolean>;
}

export interface ProjectModel {
	/** Handoff 00 first, then handoff 03, the folder's name last (confidence "assumed"). */
	name: Sourced<string>;
	description?: Sourced<string>;
	/** The backend platform; `label` is how the inputs name it, `variant` a canonical sub-kind ("gke-autopilot"). */
	platform: Sourced<PlatformId> & { name: string; label: string; variant?: string; regions: string[] };
	/** A separate frontend host, when the inputs name one that differs from the backend's. */
	frontend?: Sourced<PlatformId> & { name: string; label: string };
	cloud: Sourced<Cloud>;
	gitops?: Sourced<"argo-cd" | "flux">;
	progressive?: Sourced<"argo-rollouts" | "flagger" | "codedeploy" | "native">;
	/** How a Kubernetes stack delivers, as the chosen text says (resolve-kubernetes.ts); absent elsewhere. */
	kubernetes?: KubernetesDelivery;
	/** Every service, worker, job, cron and static site the inputs name. */
	services: ServiceModel[];
	/** Every data store: the primary first, then replicas, caches, queues, object storage. */
	dataStores: DataStoreModel[];
	/** `name` is the knowledge base's label ("GitLab CI/CD"), `label` the input's wording. */
	ci: Sourced<CiToolId> & { name: string; label: string };
	iac?: Sourced<IacToolId> & { name: string };
	registry?: Sourced<string>;
	/** Environments the stack defines (handoff 03's infrastructure.environments). */
	environments?: Sourced<string[]>;
	/** The schema migration tool: named by the inputs, or the one the framework ships (Rails, Django, Laravel). */
	migrations?: Sourced<MigrationToolId> & { name: string };
	/** Languages and runtimes with versions (version_constraints, backend_stack.runtime). */
	languages: { name: string; version?: string; from: Provenance }[];
	/** Pinned tool packages other than runtimes (version_constraints: `ansible-core` 2.17), name lower-cased. */
	toolPins?: { name: string; version: string; from: Provenance }[];
	/** Alternatives the inputs considered and rejected: never chosen as the platform, database or tool. */
	rejected: { label: string; from: Provenance }[];
	constraints: {
		slaPercent?: Sourced<number>;
		compliance: Sourced<ComplianceId>[];
		/** The inputs say no formal compliance regime applies. */
		complianceNone?: Sourced<boolean>;
		residency?: Sourced<{ jurisdiction: string; regions: string[] }>;
		/** The monthly budget as the inputs state it; `currency` the one they state it in (USD when they say none). */
		budgetMonthlyUsd?: Sourced<number> & { currency?: "USD" | "EUR" | "GBP" };
		teamSize?: Sourced<number>;
		/** True when the inputs say there is no on-call rota (volunteers, best effort). */
		noOnCall?: Sourced<boolean>;
		/** A change-approval body or rule ("CAB", "2 approvals"), canonical label. */
		changeApproval?: Sourced<string>;
	};
	/** Decisions already made upstream: binding on this section. */
	upstream: {
		featureFlagTool?: Sourced<string>;
		/** Test/deploy environments decided upstream; `noStaging` when the inputs rule a staging environment out. */
		environments?: Sourced<string[]> & { noStaging?: boolean };
		/** `value` the canonical tool, `label` the input's wording ("Grafana OnCall OSS (self-hosted …)"). */
		pagingTool?: Sourced<string> & { label?: string };
		/** When someone answers pages: a 24/7 rota, working hours only, or nobody on call (best effort). */
		onCall?: Sourced<"24/7" | "business-hours" | "none">;
		/** The escalation chain after the first responder, as handoff 09 states it ("secondary after 15 min"). */
		escalation?: Sourced<{ who: string; afterMinutes?: number }[]>;
		severity?: Sourced<{ levels: string[]; ack: Record<string, string> }>;
		drRegions?: Sourced<string[]>;
		/** next_section_context.for_section_10 items of every handoff, verbatim (sanitised). */
		forSection10: Sourced<string>[];
	};
	monitoring: MonitoringModel;
	/** VM and dedicated-server platforms only: config tool, containers, balancer, sites. */
	hosts?: HostsModel;
	gates: GateModel[];
	alerts: AlertModel[];
	/** Two candidates with no structured answer: an open question (never picked by list order). */
	conflicts: { what: string; candidates: string[]; chosen?: string; from: Provenance[] }[];
	/** Items dropped (template placeholders etc.), reported in pre-flight. */
	dropped: { what: string; why: string; from: Provenance }[];
}

/** "handoff_03_technology_stack.json at key_outputs.database_stack.primary (structured)" in a short form. */
export function describeProvenance(p: Provenance): string {
	const file = p.file.replace(/^genesis_output\/(handoffs|sections)\//, "");
	const where = p.path ? `${file} ${p.path}` : file;
	return p.confidence === "assumed" ? `assumed (${where})` : where;
}
