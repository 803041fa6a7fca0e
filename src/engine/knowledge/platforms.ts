// Hosting platforms: how each deploys, rolls back, checks health and scales, with the source for every claim.

import { CLOUDS, type Cloud } from "./clouds";
import type { MigrationTool } from "./migrations";
import { type Fact, fact, type SourceId } from "./sources";

/** The ECS cluster of an environment: the name the pipeline deploys to, the runbooks and 10.6 act on. */
export const ecsCluster = (app: string, env: string) => `${app}-${env}`;
/** Non-secret CI variables (per environment) for a one-off Fargate task's awsvpc network: subnet IDs, comma-separated, and a security group. */
export const ECS_NETWORK_VARS: Readonly<Record<string, string>> = {
	ECS_SUBNETS: "the environment's private subnet IDs, comma-separated",
	ECS_SECURITY_GROUP: "the security group the migration task runs in",
};
/** `run-task --network-configuration` shorthand built from those variables (Fargate requires awsvpc). */
export const ECS_NETWORK_CONFIGURATION =
	"awsvpcConfiguration={subnets=[$ECS_SUBNETS],securityGroups=[$ECS_SECURITY_GROUP],assignPublicIp=DISABLED}";
/** The production task definition revision before the current one (`--family-prefix` takes the full family name). */
export const ecsPreviousTaskDefinition = (app: string) =>
	`aws ecs list-task-definitions --family-prefix ${app}-production --sort DESC --max-items 2 --query 'taskDefinitionArns[1]' --output text`;
/** The region the inputs name, else the pipeline's `$GCP_REGION` variable. */
const gcpRegion = (c?: RowContext) => c?.region ?? '"$GCP_REGION"';

/** The variable a pipeline's build job leaves a service's pushed image digest in (`IMAGE_FIELDNOTE`). */
export const imageVar = (svc: string) => `IMAGE_${svc.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}`;

export type { Cloud } from "./clouds";
export type Strategy = "rolling" | "blue-green" | "canary" | "recreate";
export type PlatformFamily = "kubernetes" | "containers" | "serverless" | "paas" | "static-frontend" | "vm";

export const STRATEGIES: Strategy[] = ["rolling", "blue-green", "canary", "recreate"];

export const STRATEGY_TRADEOFFS: Record<Strategy, string> = {
	rolling:
		"replaces instances in batches behind health checks; no extra capacity, but old and new versions serve side by side for a while",
	"blue-green":
		"a full second copy takes traffic in one switch; instant switch-back while the old copy is kept warm, at up to twice the capacity during the switch",
	canary:
		"a small share of traffic goes to the new version first and widens only while metrics stay healthy; smallest blast radius, needs metrics that can judge it",
	recreate:
		"stops the old version before starting the new one; simplest, but every deploy and every rollback is downtime",
};

export interface StrategyMechanism {
	/** One line: the platform-native mechanism, named concretely. */
	summary: string;
	steps: string[];
	facts: Fact[];
}

/** What a row's commands and config files may depend on besides the service name. */
export interface RowContext {
	/** The primary region the inputs name, in the platform's own spelling. */
	region?: string;
	/** The database is a local file (SQLite) on a volume. */
	localFileDb: boolean;
	/** The migration command of the project's framework. */
	migrate: string;
	/** The migration tool when the inputs name one (or their framework ships one); CI runs its `ci` form. */
	migrationTool?: MigrationTool;
	/** The chosen strategy: config files must say the same. */
	strategy: Strategy;
}

export interface PlatformFacts {
	/** The row's key in PLATFORMS. */
	id: string;
	name: string;
	family: PlatformFamily;
	/** The cloud the platform itself implies (Lambda → AWS); Kubernetes and PaaS imply none. */
	cloud: Cloud | undefined;
	detect: RegExp;
	/** Lower is tried first when several platforms are named in one text: specific names before generic words. */
	detectPriority: number;
	/** The environment secret CI deploys with when there is no cloud role to assume. */
	ciToken: string;
	/** How far that secret reaches, as the platform allows it ("a deploy token limited to this app"). */
	ciTokenScope?: string;
	/** Where the platform pulls images from; `pulls` tests a registry host the inputs name ("none": it builds from source). */
	registry: { name: string; pulls: RegExp | "any" | "none"; facts: Fact[] };
	/** Where application secrets live on this platform and how they reach the process. */
	secrets: { store: string; how: string; facts: Fact[] };
	/** A database that is a local file (SQLite) on this platform: impossible, or possible on exactly one instance. */
	localFileDb: { support: "none" | "single-instance"; why: Fact };
	/**
	 * Strategies that still work when the service mounts a volume; undefined when volumes do not constrain them.
	 * `mechanisms` replace the row's own for a service pinned to one instance by its volume.
	 */
	volumeStrategies?: {
		allowed: Strategy[];
		releaseCommandMounts: boolean;
		facts: Fact[];
		mechanisms?: Partial<Record<Strategy, StrategyMechanism>>;
	};
	/**
	 * One-time settings per app the deploy and the backups rely on, run once when an environment is created and kept
	 * in the platform's own CLI (the provider's IaC resource where it has one).
	 */
	setup?: { commands: (svc: string, c?: RowContext) => string[]; facts: Fact[] };
	/** A Terraform resource for the service, when the platform has a provider and no config file of its own. */
	iacResource?: (svc: string) => string;
	strategies: Partial<Record<Strategy, StrategyMechanism>>;
	defaultStrategy: Strategy;
	/** The strategy to move to when scale and metrics justify progressive delivery. */
	progressive?: Strategy;
	/** The deploy command for one environment ("staging", "production"); `previous` is the environment deployed just
	 * before it, if any (a promotion copies from there). */
	deployCommand: (svc: string, env: string, previous?: string) => string;
	rollback: {
		command: (svc: string, c?: RowContext) => string;
		console: string;
		expectedTime: string;
		expectedMinutes: number;
		facts: Fact[];
	};
	health: Fact;
	/** `autoscales`: the platform adds instances on its own; otherwise scaling out is a runbook step. */
	/** `minInstances`: the right production floor on this platform (0 where it scales to zero per request). */
	scaling: {
		metric: string;
		autoscales: boolean;
		minInstances: number;
		command: (svc: string, c?: RowContext) => string;
		/** What the operator does after the command (warm instances, traffic pinned by a rollback). */
		after?: (svc: string, c?: RowContext) => string;
		facts: Fact[];
	};
	/** The platform's own config file, which is part of the infrastructure code. */
	configFile?: { name: string; lang: string; body: (svc: string, c?: RowContext) => string };
	/** How schema migrations run on this platform, before the new version takes traffic. */
	migrate?: {
		how: string | ((c?: RowContext) => string);
		command: (svc: string, env: string, c?: RowContext) => string;
		/** Code-block language of the command ("bash" unless it is a config line). */
		lang?: string;
		facts: Fact[];
	};
	preview: string;
	/** Claims a section must not make on this platform. */
	caveats: Fact[];
	sources: SourceId[];
}

/**
 * Vercel Function regions by the AWS region they run in: functions are pinned next to the database, which the
 * inputs place by its AWS region name (Neon's `aws-eu-central-1`, Supabase's `eu-central-1`).
 */
const VERCEL_REGIONS: Record<string, string> = {
	"eu-north-1": "arn1",
	"ap-south-1": "bom1",
	"eu-west-3": "cdg1",
	"us-east-2": "cle1",
	"af-south-1": "cpt1",
	"eu-west-1": "dub1",
	"eu-central-1": "fra1",
	"sa-east-1": "gru1",
	"ap-east-1": "hkg1",
	"ap-northeast-1": "hnd1",
	"us-east-1": "iad1",
	"ap-northeast-2": "icn1",
	"ap-northeast-3": "kix1",
	"eu-west-2": "lhr1",
	"us-west-2": "pdx1",
	"us-west-1": "sfo1",
	"ap-southeast-1": "sin1",
	"ap-southeast-2": "syd1",
};

export function vercelRegion(dataRegion: string | undefined): string | undefined {
	// The AWS region code inside the inputs' wording ("aws-eu-central-1 (Frankfurt)", "eu-central-1").
	const code = /\b([a-z]{2}(?:-[a-z]+)+-\d)\b/i.exec(dataRegion ?? "")?.[1]?.toLowerCase();
	return code ? VERCEL_REGIONS[code] : undefined;
}

/** fly.toml spells the strategies its own way. */
const FLY_STRATEGY: Record<Strategy, string> = {
	rolling: "rolling",
	"blue-green": "bluegreen",
	canary: "canary",
	recreate: "immediate",
};

const k8sRollingFacts = [
	fact(
		"A Deployment's default strategy is RollingUpdate with maxSurge 25% and maxUnavailable 25%; Recreate is the alternative.",
		["k8s-deployment"],
	),
	fact(
		"`kubectl rollout undo deployment/<name>` returns to the previous ReplicaSet; revisionHistoryLimit (default 10) bounds how far back you can go.",
		["k8s-deployment"],
		"S",
	),
];

const ROWS = {
	kubernetes: {
		id: "kubernetes",
		name: "Kubernetes",
		family: "kubernetes",
		cloud: undefined,
		detect: /\b(kubernetes|k8s|eks|gke|aks|openshift|helm)\b/i,
		detectPriority: 110,
		ciToken: "GITOPS_DEPLOY_KEY",
		ciTokenScope: "a deploy key with write access to the environment repository only",
		registry: {
			name: "the cloud's registry (ECR, Artifact Registry or ACR) reached with the cluster's pull secret or node identity",
			pulls: "any",
			facts: [],
		},
		secrets: {
			store:
				"the cloud's secrets store, synced into Kubernetes Secrets by External Secrets Operator (or SOPS-encrypted in the environment repository)",
			how: "pods read them as environment variables or mounted files; CI never holds them",
			facts: [
				fact(
					"External Secrets Operator syncs secrets from AWS Secrets Manager, Vault, Google Secret Manager or Azure Key Vault into Kubernetes Secrets.",
					["eso"],
				),
			],
		},
		localFileDb: {
			support: "single-instance",
			why: fact(
				"A ReadWriteOnce volume mounts on one node, so a file database limits the workload to one replica.",
				["k8s-deployment"],
				"M",
			),
		},
		strategies: {
			rolling: {
				summary:
					"Kubernetes Deployment `RollingUpdate` (maxSurge 25%, maxUnavailable 0 for this service) gated by readiness probes",
				steps: [
					"new ReplicaSet scales up one surge batch at a time",
					"a pod receives traffic only after its readiness probe passes",
					"old pods drain once replacements are ready",
				],
				facts: k8sRollingFacts,
			},
			canary: {
				summary:
					"Argo Rollouts canary with steps 10% → 25% → 50% → 100% and an AnalysisTemplate on error rate and p95 latency",
				steps: [
					"`setWeight: 10` then pause 5 min with analysis",
					"`setWeight: 25`, `setWeight: 50` with analysis between steps",
					"promote to 100%; a failed analysis aborts and routes all traffic back to the stable ReplicaSet",
				],
				facts: [
					fact(
						"Argo Rollouts canary steps alternate setWeight and pause; `kubectl argo rollouts promote` advances a paused rollout.",
						["argo-canary"],
					),
					fact(
						"Flagger's rollback time is interval × threshold of failed checks; minimum promotion time is interval × (maxWeight / stepWeight).",
						["flagger-strategies"],
					),
				],
			},
			"blue-green": {
				summary:
					"Argo Rollouts blue-green with an activeService and a previewService, autoPromotionEnabled: false and scaleDownDelaySeconds kept for instant switch-back",
				steps: [
					"the new ReplicaSet comes up behind the previewService",
					"pre-promotion analysis runs against the preview",
					"promotion switches the activeService selector; the old ReplicaSet stays up for scaleDownDelaySeconds",
				],
				facts: [
					fact(
						"Argo Rollouts blue-green: activeService is mandatory, autoPromotionEnabled defaults to true, scaleDownDelaySeconds defaults to 30 s; a failed postPromotionAnalysis switches traffic back.",
						["argo-bluegreen"],
					),
				],
			},
			recreate: {
				summary: "Kubernetes Deployment strategy `Recreate`: all old pods stop before new ones start",
				steps: ["scale old ReplicaSet to zero", "start the new ReplicaSet"],
				facts: k8sRollingFacts,
			},
		},
		defaultStrategy: "rolling",
		progressive: "canary",
		deployCommand: (svc, env) =>
			`yq -i '.image.digest = strenv(IMAGE_DIGEST)' envs/${env}/${svc}/values.yaml && git commit -am "${svc}: promote $GIT_SHA to ${env}" && git push   # in the environment repository; Argo CD or Flux syncs it`,
		migrate: {
			how: "a Kubernetes Job run by the GitOps controller before the Deployment changes (an Argo CD PreSync hook or a Flux Kustomization the app depends on)",
			command: (svc, env) =>
				`# envs/${env}/${svc}/migrate-job.yaml: a Job with the release image, synced before the Deployment`,
			facts: [],
		},
		rollback: {
			command: (svc) =>
				`git revert --no-edit "$PROMOTION_COMMIT" && git push   # in the environment repository; the controller syncs ${svc} back`,
			console:
				"during a canary: `kubectl argo rollouts abort <rollout>` (Argo Rollouts) or Flagger's failed analysis; after promotion the revert commit is the rollback, because a manual `kubectl rollout undo` is reverted by the GitOps controller",
			expectedTime:
				"2–5 minutes (the controller syncs the revert; `argocd app sync` or `flux reconcile kustomization` makes it immediate)",
			expectedMinutes: 5,
			facts: [
				...k8sRollingFacts,
				fact(
					"`kubectl argo rollouts abort` stops a canary and returns traffic to the stable version.",
					["argo-canary"],
					"M",
				),
			],
		},
		health: fact(
			"Readiness probes gate traffic to each new pod; a Deployment that makes no progress for progressDeadlineSeconds (default 600) is marked failed.",
			["k8s-deployment"],
			"M",
		),
		scaling: {
			metric: "HorizontalPodAutoscaler on CPU utilisation (target 70%) with min/max replicas",
			autoscales: true,
			minInstances: 2,
			command: (svc) => `kubectl autoscale deployment ${svc} --cpu-percent=70 --min=3 --max=12`,
			facts: [
				fact(
					"The HorizontalPodAutoscaler scales a Deployment's replicas from observed metrics such as CPU utilisation.",
					["k8s-hpa"],
				),
			],
		},
		preview: "a namespace per pull request created by the pipeline and deleted when the pull request closes",
		caveats: [
			fact(
				"Argo Rollouts blue-green behind an AWS ALB ingress is documented as unsupported (target-group ordering can cause downtime); use canary with the ALB traffic router there.",
				["argo-bluegreen"],
			),
		],
		sources: ["k8s-deployment", "argo-canary", "argo-bluegreen", "flagger-strategies", "k8s-hpa"],
	},
	ecs: {
		id: "ecs",
		name: "Amazon ECS (Fargate)",
		family: "containers",
		cloud: "aws",
		detect: /\b(ecs|fargate|elastic container service)\b/i,
		detectPriority: 100,
		ciToken: "AWS_DEPLOY_ROLE_ARN",
		registry: {
			name: "Amazon ECR",
			pulls: "any",
			facts: CLOUDS.aws.registry.facts,
		},
		secrets: {
			store: "AWS Secrets Manager",
			how: "referenced by ARN in the task definition's `secrets` (`valueFrom`) and injected as environment variables when the task starts",
			facts: [
				fact(
					"ECS injects Secrets Manager secrets into containers as environment variables from the task definition's secrets field.",
					["aws-ecs-secrets"],
				),
			],
		},
		localFileDb: {
			support: "none",
			why: fact(
				"Fargate task storage is ephemeral: it is lost when the task stops.",
				["aws-ecs-deploycfg"],
				"M",
			),
		},
		strategies: {
			rolling: {
				summary:
					"ECS `ROLLING` deployments (minimumHealthyPercent 100, maximumPercent 200) with the deployment circuit breaker and rollback enabled",
				steps: [
					"ECS starts tasks of the new task definition up to maximumPercent",
					"the load balancer health check must pass before old tasks drain",
					"the circuit breaker fails a deployment that cannot reach steady state and rolls back to the last completed deployment",
				],
				facts: [
					fact(
						"ECS rolling deployments use minimumHealthyPercent/maximumPercent; the deployment circuit breaker with rollback returns to the last completed deployment; CloudWatch alarms can also trigger rollback.",
						["aws-ecs-deploycfg"],
					),
				],
			},
			"blue-green": {
				summary: "ECS native `BLUE_GREEN` deployment with a bake time before the old revision is retired",
				steps: [
					"the green task set registers with the test listener",
					"traffic shifts to green",
					"both revisions run for bakeTimeInMinutes before blue is removed",
				],
				facts: [
					fact(
						"ECS supports ROLLING, BLUE_GREEN (with bakeTimeInMinutes), LINEAR and CANARY deployment strategies.",
						["aws-ecs-deploycfg"],
					),
				],
			},
			canary: {
				summary: "ECS `CANARY` deployment (10% for 5 minutes, then 100%) with CloudWatch alarm rollback",
				steps: [
					"10% of traffic to the new task set",
					"CloudWatch alarms watched for the bake window",
					"100% shift or automatic rollback when an alarm fires",
				],
				facts: [
					fact(
						"CodeDeploy-controlled ECS deployments offer ECSCanary10percent5Minutes, ECSCanary10percent15Minutes, ECSLinear10PercentEvery1Minutes and ECSAllAtOnce.",
						["aws-codedeploy-configs"],
					),
				],
			},
			recreate: {
				summary: "ECS rolling with minimumHealthyPercent 0 (stop then start)",
				steps: ["old tasks stop", "new tasks start"],
				facts: [
					fact("minimumHealthyPercent 0 lets ECS stop every running task before starting new ones.", [
						"aws-ecs-deploycfg",
					]),
				],
			},
		},
		defaultStrategy: "rolling",
		progressive: "canary",
		deployCommand: (svc, env) =>
			`aws ecs update-service --cluster ${ecsCluster(svc, env)} --service ${svc} --task-definition ${svc}-${env} && aws ecs wait services-stable --cluster ${ecsCluster(svc, env)} --services ${svc}`,
		migrate: {
			how: "a one-off Fargate task from the release's task definition, awaited before the service update",
			command: (svc, env) =>
				`TASK=$(aws ecs run-task --cluster ${ecsCluster(svc, env)} --task-definition ${svc}-migrate-${env} --launch-type FARGATE --network-configuration "${ECS_NETWORK_CONFIGURATION}" --query 'tasks[0].taskArn' --output text) && aws ecs wait tasks-stopped --cluster ${ecsCluster(svc, env)} --tasks "$TASK"`,
			facts: [
				fact(
					"A Fargate task uses the awsvpc network mode, so `run-task` takes `--network-configuration` with the task's subnets and security groups.",
					["pipe-ecs-run-task"],
				),
			],
		},
		rollback: {
			command: (svc) =>
				`aws ecs update-service --cluster ${ecsCluster(svc, "production")} --service ${svc} --task-definition "$(${ecsPreviousTaskDefinition(svc)})" && aws ecs wait services-stable --cluster ${ecsCluster(svc, "production")} --services ${svc}`,
			console:
				"the circuit breaker rolls back on its own; by hand: ECS console → Service → Update → previous task definition revision",
			expectedTime: "3–6 minutes (new tasks start and pass the target-group health check)",
			expectedMinutes: 6,
			facts: [
				fact(
					"The deployment circuit breaker with rollback returns a failed deployment to the last completed one.",
					["aws-ecs-deploycfg"],
				),
				fact(
					"`aws ecs list-task-definitions --family-prefix` takes the full family name; with `--sort DESC` the newest revision comes first.",
					["aws-ecs-list-task-definitions"],
				),
			],
		},
		health: fact(
			"The deployment reaches steady state only when tasks pass the load balancer health check; otherwise the circuit breaker fails it.",
			["aws-ecs-deploycfg"],
		),
		scaling: {
			metric: "Application Auto Scaling target tracking on ECSServiceAverageCPUUtilization (target 60%)",
			autoscales: true,
			minInstances: 2,
			command: (svc) =>
				`aws application-autoscaling register-scalable-target --service-namespace ecs --resource-id service/${ecsCluster(svc, "production")}/${svc} --scalable-dimension ecs:service:DesiredCount --min-capacity 2 --max-capacity 10`,
			facts: [
				fact(
					"ECS services scale their desired count with Application Auto Scaling target-tracking policies.",
					["aws-ecs-deploycfg"],
					"M",
				),
			],
		},
		preview: "a short-lived ECS service per pull request in a non-production cluster, removed on merge",
		caveats: [],
		sources: ["aws-ecs-deploycfg", "aws-codedeploy-configs"],
	},
	lambda: {
		id: "lambda",
		name: "AWS Lambda",
		family: "serverless",
		cloud: "aws",
		detect: /\b(lambda|serverless framework|aws sam|api gateway)\b/i,
		detectPriority: 90,
		ciToken: "AWS_DEPLOY_ROLE_ARN",
		registry: {
			name: "Amazon ECR (container-image functions) or the SAM/SST deployment bucket (zip packages)",
			pulls: /\.dkr\.ecr\./,
			facts: [fact("Container-image Lambda functions are deployed from Amazon ECR.", ["aws-ecr"], "M")],
		},
		secrets: {
			store: "AWS Secrets Manager",
			how: "read by the function at cold start through the execution role (cached), never in plain environment variables",
			facts: CLOUDS.aws.secretsStore.facts,
		},
		localFileDb: {
			support: "none",
			why: fact(
				"A function's /tmp is per execution environment and disappears with it.",
				["aws-lambda-alias"],
				"M",
			),
		},
		strategies: {
			canary: {
				summary:
					"Lambda alias traffic shifting: SAM `AutoPublishAlias: live` with `DeploymentPreference: Canary10Percent5Minutes` and CloudWatch alarms",
				steps: [
					"`sam deploy` publishes a new version and CodeDeploy starts the shift on the `live` alias",
					"CodeDeploy shifts 10% of the `live` alias to it for 5 minutes",
					"CloudWatch alarms decide: shift 100% or roll the alias back",
				],
				facts: [
					fact(
						"A Lambda alias can send a weight of traffic to a second version with AdditionalVersionWeights.",
						["aws-lambda-alias"],
					),
					fact(
						"CodeDeploy offers LambdaCanary10Percent5Minutes/10/15/30 Minutes, LambdaLinear10PercentEvery1/2/3/10 Minutes and LambdaAllAtOnce.",
						["aws-codedeploy-configs"],
					),
				],
			},
			"blue-green": {
				summary:
					"Lambda alias switch (`LambdaAllAtOnce`): the `live` alias moves to the new version in one step",
				steps: [
					"publish a new version",
					"point the `live` alias at it",
					"the previous version stays published for instant switch-back",
				],
				facts: [
					fact("CodeDeploy's LambdaAllAtOnce shifts all alias traffic at once.", ["aws-codedeploy-configs"]),
				],
			},
			rolling: {
				summary: "Lambda linear traffic shifting (`LambdaLinear10PercentEvery1Minute`)",
				steps: ["10% more of the alias every minute", "alarms can stop and roll back at any step"],
				facts: [
					fact("CodeDeploy LambdaLinear configurations move 10% of traffic per interval.", [
						"aws-codedeploy-configs",
					]),
				],
			},
		},
		defaultStrategy: "canary",
		deployCommand: (svc, env) =>
			`sam build && sam deploy --config-env ${env} --stack-name ${svc}-${env} --no-confirm-changeset --no-fail-on-empty-changeset`,
		rollback: {
			command: (svc) =>
				`aws lambda update-alias --function-name ${svc} --name live --function-version $PREVIOUS_VERSION --routing-config '{}'`,
			console:
				"during a CodeDeploy deployment: `aws deploy stop-deployment --deployment-id $ID --auto-rollback-enabled`",
			expectedTime: "under 1 minute (an alias update)",
			expectedMinutes: 1,
			facts: [fact("Rolling back is pointing the alias at the previous version.", ["aws-lambda-alias"])],
		},
		health: fact(
			"CodeDeploy watches CloudWatch alarms during the shift and rolls the alias back when one fires.",
			["aws-codedeploy-configs"],
			"M",
		),
		scaling: {
			metric: "reserved and provisioned concurrency per function (concurrency is the scaling unit)",
			autoscales: true,
			minInstances: 0,
			command: (svc) =>
				`aws lambda put-provisioned-concurrency-config --function-name ${svc} --qualifier live --provisioned-concurrent-executions 10`,
			facts: [
				fact(
					"Lambda scales by concurrent executions; provisioned concurrency keeps instances initialised on an alias.",
					["aws-lambda-alias"],
					"M",
				),
			],
		},
		preview: "a separate stage (alias and API Gateway stage) per pull request",
		caveats: [],
		sources: ["aws-lambda-alias", "aws-codedeploy-configs", "sam-safe-deploy"],
	},
	"cloud-run": {
		id: "cloud-run",
		name: "Google Cloud Run",
		family: "serverless",
		cloud: "gcp",
		detect: /\bcloud run\b/i,
		detectPriority: 70,
		ciToken: "GCP_WIF_PROVIDER",
		registry: {
			name: "Artifact Registry",
			pulls: /(-docker\.pkg\.dev|\bgcr\.io|docker\.io)/,
			facts: CLOUDS.gcp.registry.facts,
		},
		secrets: {
			store: "Google Secret Manager",
			how: "mounted with `--set-secrets` as environment variables or files, read by the service's own service account",
			facts: [
				fact(
					"Cloud Run exposes Secret Manager secrets to a service as environment variables or mounted volumes.",
					["gcp-run-secrets"],
				),
			],
		},
		localFileDb: {
			support: "none",
			why: fact(
				"Cloud Run instances have an in-memory filesystem that is lost when the instance stops; instances come and go with traffic.",
				["gcp-run-rollouts"],
				"M",
			),
		},
		strategies: {
			canary: {
				summary:
					"Cloud Run revision traffic split: deploy with `--no-traffic --tag canary`, then 10% → 50% → 100%",
				steps: [
					"deploy a new revision with no traffic and a tag URL for smoke tests",
					"`gcloud run services update-traffic --to-tags canary=10`",
					"widen to 50% and then `--to-latest` while error rate and latency hold",
				],
				facts: [
					fact(
						"Cloud Run routes traffic to revisions by percentage; rolling back is sending 100% to a previous revision; in-flight requests complete.",
						["gcp-run-rollouts"],
					),
					fact(
						"A traffic split persists across later deploys until traffic is sent back to the latest revision.",
						["gcp-run-rollouts"],
					),
					fact("Google Cloud Deploy supports canary strategies on Cloud Run.", ["gcp-deploy-strategies"]),
				],
			},
			"blue-green": {
				summary:
					"Cloud Run revision switch: deploy with `--no-traffic`, verify on the tag URL, then move 100% in one step",
				steps: [
					"deploy a tagged revision with no traffic",
					"smoke-test the tag URL",
					"`update-traffic --to-latest`; the previous revision stays available",
				],
				facts: [
					fact("Revisions are immutable and stay addressable, so switching back is a traffic update.", [
						"gcp-run-rollouts",
					]),
				],
			},
			rolling: {
				summary: "Cloud Run default deploy: the new revision takes 100% once it is ready",
				steps: ["`gcloud run deploy` creates a revision", "traffic moves when the revision is ready"],
				facts: [
					fact("Cloud Run serves a new revision once it is ready and keeps earlier revisions for rollback.", [
						"gcp-run-rollouts",
					]),
				],
			},
		},
		defaultStrategy: "blue-green",
		progressive: "canary",
		// The same line the pipeline's deploy job runs (knowledge/pipelines.ts), with its variable names.
		deployCommand: (svc, env) =>
			`gcloud run deploy ${svc}${env === "production" ? "" : `-${env}`} --image "$${imageVar(svc)}" --region "$GCP_REGION" --no-traffic --tag "sha-\${GIT_SHA:0:7}"`,
		migrate: {
			how: "a Cloud Run job with the release image, executed and awaited before traffic moves; the deploy job of 10.2 runs these lines, with `GCP_REGION` from the pipeline's variables and the image variable set to the digest the build job pushed",
			command: (svc, env) => {
				const job = `${svc}-migrate${env === "production" ? "" : `-${env}`}`;
				return `gcloud run jobs update ${job} --image "$${imageVar(svc)}" --region "$GCP_REGION" && gcloud run jobs execute ${job} --region "$GCP_REGION" --wait`;
			},
			facts: [
				fact(
					"`gcloud run jobs execute --wait` runs a job and waits for the execution to finish.",
					["gcp-run-jobs"],
					"S",
				),
			],
		},
		rollback: {
			command: (svc, c) =>
				`gcloud run services update-traffic ${svc} --region ${gcpRegion(c)} --to-revisions="$PREVIOUS_REVISION=100"`,
			console: "Cloud Run console → service → Revisions → Manage traffic → previous revision 100%",
			expectedTime: "under 1 minute (a traffic update; no new instances are built)",
			expectedMinutes: 1,
			facts: [fact("Rolling back sends 100% of traffic to a previous revision.", ["gcp-run-rollouts"])],
		},
		health: fact(
			"A revision serves traffic only after its container starts listening and passes its startup probe.",
			["gcp-run-rollouts"],
			"M",
		),
		scaling: {
			metric:
				"instances between `--min-instances` and `--max-instances`; each instance takes up to its concurrency setting (80 requests at once by default), so capacity is the maximum instance count",
			autoscales: true,
			minInstances: 0,
			command: (svc, c) => `gcloud run services update ${svc} --region ${gcpRegion(c)} --max-instances=40`,
			after: (svc, c) =>
				`For cold-start latency, add \`--min-instances=1\` (one instance kept warm and billed all the time). The update creates a new revision: if a rollback pinned traffic to an earlier revision, the new one gets 0% of traffic, so either send traffic to it (\`gcloud run services update-traffic ${svc} --region ${gcpRegion(c)} --to-latest\`, only once the latest image is a good release) or keep the pin and set the same limit on the pinned revision's configuration in the IaC.`,
			facts: [
				fact(
					"Cloud Run adds instances as requests arrive, up to the maximum instances setting; each instance serves up to its concurrency setting, 80 by default.",
					["gcp-run-max-instances", "gcp-run-concurrency"],
				),
				fact(
					"Minimum instances keep instances warm to cut cold starts and are billed while idle.",
					["gcp-run-min-instances"],
					"S",
				),
				fact("A configuration change creates a new revision.", ["gcp-run-concurrency"]),
			],
		},
		preview: "a tagged no-traffic revision per pull request (`--tag pr-<number>`), reachable on its own URL",
		caveats: [],
		sources: ["gcp-run-rollouts", "gcp-deploy-strategies"],
	},
	"app-service": {
		id: "app-service",
		name: "Azure App Service",
		family: "paas",
		cloud: "azure",
		detect: /\b(app service|azure web ?apps?|webapp)\b/i,
		detectPriority: 80,
		ciToken: "AZURE_CLIENT_ID",
		registry: {
			name: "Azure Container Registry (for container apps) or a zip package",
			pulls: "any",
			facts: CLOUDS.azure.registry.facts,
		},
		secrets: {
			store: "Azure Key Vault",
			how: "Key Vault references in app settings (`@Microsoft.KeyVault(SecretUri=...)`) resolved with the app's managed identity; slot-sticky where they differ per slot",
			facts: [
				fact(
					"App settings can be Key Vault references that App Service resolves with the app's managed identity.",
					["azure-kv-references"],
				),
			],
		},
		localFileDb: {
			support: "none",
			why: fact(
				"Scaled-out App Service instances share network storage; a file database on it is not safe with concurrent writers and slot swaps.",
				["azure-slots"],
				"M",
			),
		},
		strategies: {
			"blue-green": {
				summary:
					"App Service deployment slots: deploy to the `staging` slot, warm it up, then swap into production",
				steps: [
					"deploy the artifact to the `staging` slot",
					"App Service warms the slot's instances before the swap",
					"swap; the previous build stays in the `staging` slot for swap-back",
				],
				facts: [
					fact(
						"Deployment slots are live apps; a swap warms instances first so no requests are dropped; slots need the Standard, Premium or Isolated tier.",
						["azure-slots"],
					),
				],
			},
			canary: {
				summary:
					"App Service slot traffic routing: send 10% of production traffic to the `staging` slot before the swap",
				steps: [
					"deploy to the `staging` slot",
					"route 10%, then 50%, to the `staging` slot with `az webapp traffic-routing set --distribution staging=<percent>`",
					"clear the routing (`az webapp traffic-routing clear`) and swap when metrics hold",
				],
				facts: [
					fact("App Service can route a percentage of production traffic to a slot.", ["azure-slots"], "M"),
				],
			},
			rolling: {
				summary: "App Service in-place deploy to the production slot (instances restart one by one)",
				steps: ["zip deploy to production", "instances restart"],
				facts: [
					fact("Deploying straight to production restarts the app; slots avoid that.", ["azure-slots"], "M"),
				],
			},
		},
		defaultStrategy: "blue-green",
		progressive: "canary",
		deployCommand: (svc, env) =>
			env === "production"
				? `az webapp deploy --resource-group rg-${svc}-production --name ${svc} --slot staging --src-path app.zip --type zip && az webapp deployment slot swap --resource-group rg-${svc}-production --name ${svc} --slot staging --target-slot production`
				: `az webapp deploy --resource-group rg-${svc}-${env} --name ${svc}-${env} --src-path app.zip --type zip`,
		migrate: {
			how: "App Service has no release phase or pre-deploy hook, so the production deploy job runs the migration against the production database (an environment secret, `MIGRATION_DATABASE_URL`, for a role allowed to change the schema) before the deploy to the `staging` slot (the slot swap does not wait for a migration); the running version must keep working on the migrated schema, so only expand changes ship with the code",
			command: (_svc, _env, c) => c?.migrationTool?.ci.run ?? "./scripts/migrate.sh",
			facts: [],
		},

		rollback: {
			command: (svc) =>
				`az webapp deployment slot swap --resource-group rg-${svc}-production --name ${svc} --slot staging --target-slot production`,
			console:
				"Azure portal → App Service → Deployment slots → Swap (staging ↔ production); during a canary, before the swap, `az webapp traffic-routing clear` alone sends every request back to production",
			expectedTime: "1–2 minutes (a swap back to the still-warm previous build)",
			expectedMinutes: 2,
			facts: [
				fact(
					"After a swap the previous build is in the staging slot, so swapping again restores it.",
					["azure-slots"],
					"S",
				),
			],
		},
		health: fact(
			"Swap warm-up can be directed with WEBSITE_SWAP_WARMUP_PING_PATH and WEBSITE_SWAP_WARMUP_PING_STATUSES.",
			["azure-slots"],
			"S",
		),
		scaling: {
			metric: "App Service plan autoscale rules on CPU percentage (scale out at 70%, in at 30%)",
			autoscales: true,
			minInstances: 2,
			command: (svc) =>
				`az monitor autoscale create --resource-group rg-${svc}-production --resource ${svc}-plan --resource-type Microsoft.Web/serverfarms --min-count 2 --max-count 10 --count 2`,
			facts: [
				fact(
					"App Service plans scale out by instance count with Azure Monitor autoscale rules.",
					["azure-slots"],
					"M",
				),
			],
		},
		preview: "a deployment slot per long-lived branch; pull requests deploy to the `staging` slot",
		caveats: [
			fact("Deployment slots are not available on the Basic tier; the section assumes Standard or higher.", [
				"azure-slots",
			]),
		],
		sources: ["azure-slots"],
	},
	vercel: {
		id: "vercel",
		name: "Vercel",
		family: "static-frontend",
		cloud: undefined,
		detect: /\bvercel\b/i,
		detectPriority: 10,
		ciToken: "VERCEL_TOKEN",
		ciTokenScope:
			"an access token scoped to the team (Vercel tokens cannot be limited to one project: create it for a dedicated member who can reach this project only)",
		registry: {
			name: "none: Vercel builds the project (`vercel build`) and uploads the output",
			pulls: "none",
			facts: [],
		},
		secrets: {
			store: "Vercel environment variables per environment (Production, Preview, Development)",
			how: "encrypted at rest and injected at build and run time; `vercel pull` fetches them for `vercel build` in CI",
			facts: [
				fact(
					"Environment variables are set per environment (Production, Preview, Development) and encrypted at rest.",
					["vercel-env"],
					"S",
				),
			],
		},
		localFileDb: {
			support: "none",
			why: fact(
				"Vercel Functions have no persistent filesystem; each invocation may run on a new instance.",
				["vercel-rolling-releases"],
				"M",
			),
		},
		iacResource: (svc) =>
			`resource "vercel_project" "web" {\n  name      = "${svc}"\n  framework = "nextjs"\n}`,
		strategies: {
			"blue-green": {
				summary:
					"Vercel atomic deploys: every push builds an immutable preview deployment; production is an alias promoted in one step",
				steps: [
					"each pull request gets a preview deployment",
					"merge builds a production deployment",
					"the production domain switches atomically; earlier deployments stay available for Instant Rollback",
				],
				facts: [
					fact(
						"Instant Rollback returns production to a previous deployment; Hobby can roll back only to the immediately previous one, Pro and Enterprise to any eligible deployment.",
						["vercel-instant-rollback"],
					),
				],
			},
			canary: {
				summary:
					"Vercel Rolling Releases: 10% → 50% → 100% of traffic to the new deployment, with metrics compared at each stage",
				steps: [
					"the new production deployment receives 10%",
					"advance to 50% after the soak window",
					"complete, or abort (which triggers Instant Rollback)",
				],
				facts: [
					fact(
						"Rolling Releases (Pro and Enterprise) send a configurable fraction of traffic to the new deployment and advance manually or automatically.",
						["vercel-rolling-releases"],
					),
				],
			},
		},
		defaultStrategy: "blue-green",
		progressive: "canary",
		deployCommand: (_svc, env) =>
			env === "production" ? "vercel deploy --prebuilt --prod" : `vercel deploy --prebuilt --target=${env}`,
		migrate: {
			how: "Vercel has no release phase or pre-deploy hook, so the production deploy job runs the migration against the production database (an environment secret, `MIGRATION_DATABASE_URL`, for a role allowed to change the schema) before `vercel deploy --prebuilt`; the running version must keep working on the migrated schema, so only expand changes ship with the code",
			command: (_svc, _env, c) => c?.migrationTool?.ci.run ?? "./scripts/migrate.sh",
			facts: [],
		},

		rollback: {
			command: () => "vercel rollback && vercel rollback status",
			console:
				"Vercel dashboard → Deployments → previous production deployment → Instant Rollback; undo with `vercel promote <deployment>`",
			expectedTime: "seconds (an alias switch; nothing is rebuilt)",
			expectedMinutes: 1,
			facts: [
				fact(
					"`vercel rollback [deployment]` reverts production; `vercel rollback status` reports progress; `vercel promote` undoes it.",
					["vercel-cli-rollback"],
				),
				fact(
					"A rolled-back deployment keeps its original build configuration and environment variables; cron jobs revert too.",
					["vercel-instant-rollback"],
				),
			],
		},
		health: fact(
			"A production deployment is promoted only after its build succeeds; Rolling Releases add metric comparison before full traffic.",
			["vercel-rolling-releases"],
			"M",
		),
		scaling: {
			metric:
				"automatic per-request scaling of Vercel Functions (no instance count to manage); limits are function duration and memory",
			autoscales: true,
			minInstances: 0,
			command: () => "vercel.json → functions.<path>.maxDuration / memory",
			facts: [
				fact(
					"Vercel Functions scale per request; configuration sets memory and maximum duration.",
					["vercel-rolling-releases"],
					"M",
				),
			],
		},
		configFile: {
			name: "vercel.json",
			lang: "json",
			body: (_svc, c) =>
				JSON.stringify(
					{
						$schema: "https://openapi.vercel.sh/vercel.json",
						framework: "nextjs",
						...(vercelRegion(c?.region) ? { regions: [vercelRegion(c?.region)] } : {}),
						functions: { "app/api/**/*": { maxDuration: 30 } },
						crons: [],
					},
					null,
					2,
				),
		},
		preview: "a preview deployment for every pull request with its own URL",
		caveats: [
			fact(
				"Vercel Functions run in Washington, D.C. (`iad1`) unless the project settings or `regions` in vercel.json place them elsewhere; vercel.json pins them to the region next to the database (AWS region codes map one to one: eu-central-1 is `fra1`, eu-west-1 `dub1`, eu-west-2 `lhr1`).",
				["vercel-function-regions"],
			),
			fact(
				"On the Hobby plan Instant Rollback reaches only the immediately previous production deployment.",
				["vercel-instant-rollback"],
			),
		],
		sources: ["vercel-instant-rollback", "vercel-cli-rollback", "vercel-rolling-releases"],
	},
	netlify: {
		id: "netlify",
		name: "Netlify",
		family: "static-frontend",
		cloud: undefined,
		detect: /\bnetlify\b/i,
		detectPriority: 11,
		ciToken: "NETLIFY_AUTH_TOKEN",
		ciTokenScope:
			"a personal access token with its user's rights (Netlify has no per-site tokens: create it for a dedicated member who can reach this site only)",
		registry: { name: "none: Netlify builds the site and uploads the output", pulls: "none", facts: [] },
		secrets: {
			store: "Netlify environment variables scoped by deploy context",
			how: "set per context (production, deploy-preview, branch-deploy) and injected at build and function run time",
			facts: [
				fact(
					"Environment variables can be scoped to deploy contexts such as production and deploy previews.",
					["netlify-env"],
					"S",
				),
			],
		},
		localFileDb: {
			support: "none",
			why: fact(
				"Netlify serves static files from the CDN and runs functions per request; there is no persistent disk.",
				["netlify-deploys"],
				"M",
			),
		},
		strategies: {
			"blue-green": {
				summary: "Netlify atomic deploys: each deploy is immutable; publishing switches the site in one step",
				steps: [
					"deploy previews for pull requests",
					"production deploy publishes atomically",
					"earlier deploys stay available to publish again",
				],
				facts: [
					fact("An earlier deploy can be published again from the Deploys list.", ["netlify-deploys"], "M"),
				],
			},
		},
		defaultStrategy: "blue-green",
		deployCommand: (_svc, env) =>
			env === "production" ? "netlify deploy --prod --dir=dist" : `netlify deploy --dir=dist --alias=${env}`,
		migrate: {
			how: "Netlify has no release phase or pre-deploy hook, so the production deploy job runs the migration against the production database (an environment secret, `MIGRATION_DATABASE_URL`, for a role allowed to change the schema) before `netlify deploy --prod`; the running version must keep working on the migrated schema, so only expand changes ship with the code",
			command: (_svc, _env, c) => c?.migrationTool?.ci.run ?? "./scripts/migrate.sh",
			facts: [],
		},

		rollback: {
			command: () =>
				'netlify api restoreSiteDeploy --data "{\\"site_id\\": \\"$SITE_ID\\", \\"deploy_id\\": \\"$PREVIOUS_DEPLOY_ID\\"}"',
			console: "Netlify dashboard → Deploys → previous deploy → Publish deploy",
			expectedTime: "seconds (the previous deploy is published again)",
			expectedMinutes: 1,
			facts: [fact("Publishing an earlier deploy restores it without a rebuild.", ["netlify-deploys"], "M")],
		},
		health: fact("A deploy is published only after its build succeeds.", ["netlify-deploys"], "M"),
		scaling: {
			metric: "CDN-served static assets and per-request functions; nothing to scale by hand",
			autoscales: true,
			minInstances: 0,
			command: () => "netlify.toml → [functions] settings",
			facts: [
				fact("Static assets are served from the CDN; functions scale per request.", ["netlify-deploys"], "M"),
			],
		},
		configFile: {
			name: "netlify.toml",
			lang: "toml",
			body: () =>
				'[build]\n  command = "npm run build"\n  publish = "dist"\n\n[context.deploy-preview]\n  command = "npm run build:preview"',
		},
		preview: "a Deploy Preview for every pull request",
		caveats: [],
		sources: ["netlify-deploys"],
	},
	"cloudflare-pages": {
		id: "cloudflare-pages",
		name: "Cloudflare Pages",
		family: "static-frontend",
		cloud: undefined,
		detect: /\bcloudflare (pages|workers)\b/i,
		detectPriority: 12,
		ciToken: "CLOUDFLARE_API_TOKEN",
		ciTokenScope: "an API token limited to this account and to the permissions the deploy needs",
		registry: { name: "none: Pages uploads the built assets", pulls: "none", facts: [] },
		secrets: {
			store: "Pages environment variables and secrets per environment (production, preview)",
			how: "bound to Functions at run time; secrets are encrypted and not shown after they are set",
			facts: [
				fact(
					"Pages Functions receive environment variables and secrets as bindings per environment.",
					["cf-pages-env"],
					"S",
				),
			],
		},
		localFileDb: {
			support: "none",
			why: fact("Pages runs at the edge with no persistent local disk.", ["cf-pages-rollbacks"], "M"),
		},
		strategies: {
			"blue-green": {
				summary: "Cloudflare Pages atomic deploys with instant rollback to an earlier production deployment",
				steps: [
					"preview deployment per branch",
					"production deployment on merge",
					"rollback from the Deployments list",
				],
				facts: [
					fact(
						"Pages rolls back instantly to an earlier production deployment; preview deployments are not rollback targets.",
						["cf-pages-rollbacks"],
					),
				],
			},
		},
		defaultStrategy: "blue-green",
		deployCommand: (_svc, env) =>
			`wrangler pages deploy dist --branch ${env === "production" ? "main" : env}`,
		rollback: {
			command: () => "Cloudflare dashboard → Pages project → Deployments → … → Rollback to this deployment",
			console: "Cloudflare dashboard → Pages project → Deployments → Rollback to this deployment",
			expectedTime: "seconds",
			expectedMinutes: 1,
			facts: [fact("Rollback to an earlier production deployment is instant.", ["cf-pages-rollbacks"])],
		},
		health: fact("Only successful builds become deployments.", ["cf-pages-rollbacks"], "M"),
		scaling: {
			metric: "served from the edge; nothing to scale",
			autoscales: true,
			minInstances: 0,
			command: () => "none",
			facts: [],
		},
		configFile: {
			name: "wrangler.toml",
			lang: "toml",
			body: (svc) => `name = "${svc}"\npages_build_output_dir = "./dist"\ncompatibility_date = "2024-09-23"`,
		},
		preview: "a preview deployment per branch",
		caveats: [],
		sources: ["cf-pages-rollbacks"],
	},
	render: {
		id: "render",
		name: "Render",
		family: "paas",
		cloud: undefined,
		detect: /\brender(\.com)?\b(?!ing)/i,
		detectPriority: 21,
		ciToken: "RENDER_API_KEY",
		ciTokenScope:
			"an API key with its user's access to every workspace that user belongs to (Render keys have no narrower scope: create it for a dedicated user in this workspace only)",
		registry: {
			name: "Render's own build from the repository, or an image-backed service pulling a tagged image with a registry credential",
			pulls: "any",
			facts: [],
		},
		secrets: {
			store: "Render environment variables and environment groups (plus secret files)",
			how: "set per service or shared through an environment group; `sync: false` in render.yaml keeps values out of the Blueprint",
			facts: [
				fact(
					"Render stores environment variables per service, shares them through environment groups and supports secret files.",
					["render-env"],
					"S",
				),
			],
		},
		localFileDb: {
			support: "single-instance",
			why: fact(
				"A service with a persistent disk cannot scale to several instances and loses zero-downtime deploys.",
				["render-disks"],
				"S",
			),
		},
		iacResource: (svc) =>
			`resource "render_web_service" "api" {\n  name   = "${svc}-\${var.environment}"\n  plan   = var.instance_plan\n  region = var.render_region\n}`,
		strategies: {
			rolling: {
				summary:
					"Render zero-downtime deploys: the new instance must pass the health check path before traffic moves",
				steps: [
					"Render builds the image once per deploy",
					"the new instance must answer the health check path with 2xx/3xx",
					"traffic switches, then the old instance stops",
				],
				facts: [
					fact(
						"Zero-downtime deploys use the health check path (2xx/3xx within 5 s); a new instance failing health checks for 15 consecutive minutes is abandoned.",
						["render-health"],
					),
				],
			},
		},
		defaultStrategy: "rolling",
		deployCommand: (svc) =>
			`render deploys create "$${svc.toUpperCase().replace(/-/g, "_")}_SERVICE_ID" --commit "$GIT_SHA" --wait --confirm -o json`,
		migrate: {
			how: "the service's pre-deploy command (`preDeployCommand` in render.yaml) runs after the build and before the new instance takes traffic; if it fails, the deploy is cancelled and the previous instance keeps serving",
			command: (_svc, _env, c) => `preDeployCommand: ${c?.migrate ?? "./scripts/migrate.sh"}`,
			lang: "yaml",
			facts: [
				fact(
					"A pre-deploy command runs after the build and before the deploy on paid instance types; a failing one cancels the deploy.",
					["render-predeploy"],
					"S",
				),
			],
		},
		rollback: {
			command: (svc) =>
				`curl -fsS -X POST -H "Authorization: Bearer $RENDER_API_KEY" -H "Content-Type: application/json" "https://api.render.com/v1/services/$${svc.toUpperCase().replace(/-/g, "_")}_SERVICE_ID/rollback" -d "{\\"deployId\\": \\"$PREVIOUS_DEPLOY_ID\\"}"`,
			console:
				"Render dashboard → service → Events → previous successful deploy → Rollback (this disables auto-deploy until re-enabled)",
			expectedTime: "1–3 minutes (the retained build is reused, no rebuild)",
			expectedMinutes: 3,
			facts: [
				fact(
					"Rollback reuses the previous build artifact; a dashboard rollback disables auto-deploy until re-enabled, an API rollback does not.",
					["render-rollbacks"],
				),
				fact("Builds retained for rollback: Free 2, Hobby 5, Pro 15, Scale/Enterprise 30.", [
					"render-rollbacks",
				]),
				fact("Rolling back code does not roll back the database schema.", ["render-rollback-article"]),
			],
		},
		health: fact(
			"Render routes traffic to a new instance only after the health check path returns 2xx/3xx.",
			["render-health"],
		),
		scaling: {
			metric: "instance count, or autoscaling on CPU and memory targets (paid plans)",
			autoscales: true,
			minInstances: 1,
			command: () =>
				"render.yaml → services[].scaling: { minInstances: 2, maxInstances: 6, targetCPUPercent: 70 }",
			facts: [
				fact(
					"Render Blueprints (render.yaml) declare services, including scaling settings.",
					["render-health"],
					"M",
				),
			],
		},
		configFile: {
			name: "render.yaml",
			lang: "yaml",
			body: (svc, c) =>
				`services:\n  - type: web\n    name: ${svc}\n    runtime: docker\n    healthCheckPath: /healthz\n    preDeployCommand: ${c?.migrate ?? "./scripts/migrate.sh"}\n    autoDeploy: false\n    scaling:\n      minInstances: 2\n      maxInstances: 6\n      targetCPUPercent: 70`,
		},
		preview: "Render preview environments per pull request (render.yaml `previews.generation: automatic`)",
		caveats: [],
		sources: ["render-rollbacks", "render-rollback-article", "render-health"],
	},
	railway: {
		id: "railway",
		name: "Railway",
		family: "paas",
		cloud: undefined,
		detect: /\brailway\b/i,
		detectPriority: 20,
		ciToken: "RAILWAY_TOKEN",
		ciTokenScope: "a project token, limited to one environment of this project",
		registry: {
			name: "Railway's own build (Railpack or Dockerfile), or a public or private image",
			pulls: "any",
			facts: [],
		},
		secrets: {
			store: "Railway service variables per environment (sealed variables for secrets)",
			how: "injected as environment variables at build and run time; sealed values are never shown again",
			facts: [
				fact(
					"Variables are set per service and environment; sealed variables are not visible after they are set.",
					["railway-variables"],
					"S",
				),
			],
		},
		localFileDb: {
			support: "single-instance",
			why: fact("A volume mounts to one deployment at a time, so replicas cannot be used with it.", [
				"railway-volumes",
			]),
		},
		strategies: {
			rolling: {
				summary:
					"Railway health-checked deploys: the new deployment goes live only after its healthcheck path returns HTTP 200, with an overlap window for draining",
				steps: [
					"Railway builds and starts the new deployment",
					"traffic moves only after the healthcheck returns 200 (timeout 300 s by default)",
					"the old deployment drains during RAILWAY_DEPLOYMENT_OVERLAP_SECONDS",
				],
				facts: [
					fact(
						"A new deployment becomes active only after its healthcheck returns HTTP 200; the default timeout is 300 s; Railway does not keep probing afterwards.",
						["railway-health"],
					),
					fact(
						"Services with a volume mount it to one deployment at a time, so a redeploy has a brief downtime and replicas cannot be used with volumes.",
						["railway-volumes"],
					),
				],
			},
		},
		defaultStrategy: "rolling",
		deployCommand: (svc, env) => `railway up --service ${svc} --environment ${env} --ci`,
		rollback: {
			// The CLI has no rollback: `railway redeploy` only redeploys the newest deployment (the bad one).
			command: (svc) => `Railway dashboard → ${svc} → Deployments → ⋮ on the last good deployment → Rollback`,
			console: "Railway dashboard → service → Deployments → previous deployment → ⋮ → Rollback",
			expectedTime: "1–3 minutes (the previous image is redeployed and must pass the healthcheck)",
			expectedMinutes: 3,
			facts: [
				fact(
					"A rollback restores a previous deployment's image and variables from the Deployments list; the CLI's `railway redeploy` redeploys only the newest deployment, so it is not a rollback.",
					["railway-deployment-actions", "railway-cli-redeploy"],
					"M",
				),
			],
		},
		health: fact("The healthcheck gates only the switch-over; continuous health must come from monitoring.", [
			"railway-health",
		]),
		scaling: {
			metric: "replica count per service and vertical limits per replica",
			autoscales: false,
			minInstances: 1,
			command: () => "railway.json → deploy.numReplicas: 2 (services without a volume)",
			facts: [fact("Replicas cannot be used with a service that has a volume.", ["railway-volumes"])],
		},
		configFile: {
			name: "railway.json",
			lang: "json",
			body: () =>
				JSON.stringify(
					{
						$schema: "https://railway.com/railway.schema.json",
						build: { builder: "DOCKERFILE" },
						deploy: {
							healthcheckPath: "/healthz",
							healthcheckTimeout: 120,
							numReplicas: 2,
							restartPolicyType: "ON_FAILURE",
						},
					},
					null,
					2,
				),
		},
		preview: "Railway PR environments: a temporary copy of a chosen base environment per pull request",
		caveats: [
			fact("Replicas and zero-downtime redeploys are not available for services with a volume.", [
				"railway-volumes",
			]),
		],
		sources: ["railway-health", "railway-volumes"],
	},
	fly: {
		id: "fly",
		name: "Fly.io",
		family: "paas",
		cloud: undefined,
		detect: /\b(fly\.io|flyctl|fly machines?)\b/i,
		detectPriority: 22,
		ciToken: "FLY_API_TOKEN",
		ciTokenScope: "a deploy token limited to this app (`fly tokens create deploy`)",
		registry: {
			name: "registry.fly.io (`fly deploy` builds and pushes there)",
			pulls: /registry\.fly\.io|docker\.io/,
			facts: [
				fact(
					"`fly deploy` builds the image and pushes it to the app's repository on registry.fly.io before creating Machines.",
					["fly-config"],
					"M",
				),
			],
		},
		secrets: {
			store: "Fly app secrets (`fly secrets set`)",
			how: "encrypted, injected as environment variables; setting a secret restarts the Machines unless `--stage` is used",
			facts: [
				fact(
					"Fly secrets are encrypted and exposed to Machines as environment variables; setting them triggers a redeploy unless staged.",
					["fly-secrets"],
					"S",
				),
			],
		},
		localFileDb: {
			support: "single-instance",
			why: fact(
				"A Fly Volume belongs to one Machine and is not shared, so a SQLite file lives on exactly one Machine.",
				["fly-volumes"],
			),
		},
		volumeStrategies: {
			allowed: ["rolling", "recreate"],
			releaseCommandMounts: false,
			facts: [
				fact(
					"bluegreen and canary cannot be used with volumes; rolling and immediate can.",
					["fly-config"],
					"S",
				),
				fact("release_command runs in a temporary Machine that has no access to volumes.", ["fly-deploy"]),
			],
			mechanisms: {
				rolling: {
					summary:
						'Fly.io `[deploy] strategy = "rolling"` on the one Machine that holds the volume: that Machine is stopped, updated and started again, so each deploy is a short outage (a stop-start) until the new version passes the fly.toml checks',
					steps: [
						"the Machine is stopped: a second Machine cannot take over, because the volume and the SQLite file on it belong to this one",
						"it starts on the new image, runs the migrations at start-up against the file on the volume, then must pass the fly.toml checks",
						"requests fail or wait at the proxy until the checks pass; the outage lasts as long as the boot and the migrations",
					],
					facts: [
						fact(
							"The rolling strategy replaces running Machines one at a time; with a single Machine there is nothing to serve while it is replaced.",
							["fly-config"],
							"M",
						),
						fact("A Fly Volume belongs to one Machine and is not shared.", ["fly-volumes"]),
					],
				},
				recreate: {
					summary:
						'Fly.io `[deploy] strategy = "immediate"` on the one Machine that holds the volume: the Machine is replaced at once without waiting for health checks, so each deploy is a short outage and a failing release is found only by the smoke test',
					steps: [
						"the Machine restarts on the new image straight away",
						"migrations run at start-up against the file on the volume",
						"the smoke test, not Fly, decides whether the release is healthy",
					],
					facts: [
						fact(
							"immediate replaces every Machine at once and does not wait for health checks.",
							["fly-config"],
							"M",
						),
					],
				},
			},
		},
		setup: {
			// Only a volume has snapshots to keep: the SQLite file's daily copies.
			commands: (svc, c) =>
				c?.localFileDb
					? [
							`flyctl volumes list --app ${svc}   # the id of the data volume`,
							`flyctl volumes update "$VOLUME_ID" --snapshot-retention 14 --app ${svc}   # daily snapshots kept 14 days instead of the default 5`,
						]
					: [],
			facts: [
				fact(
					"Fly takes a daily snapshot of every volume and keeps it 5 days by default; retention can be set from 1 to 60 days with `fly volumes update <id> --snapshot-retention <days>`, and applies to new snapshots only.",
					["fly-snapshots", "fly-volumes-update"],
				),
			],
		},
		strategies: {
			rolling: {
				summary:
					'Fly.io `[deploy] strategy = "rolling"`: Machines are replaced in batches (max_unavailable 0.33), each gated by the fly.toml checks',
				steps: [
					"migrations run first (`release_command` in a temporary Machine, or at start-up in the Machine that holds the volume)",
					"Machines are replaced a batch at a time",
					"health checks gate each batch",
				],
				facts: [
					fact(
						"Fly deploy strategies: rolling (default, max_unavailable 0.33), immediate, canary, bluegreen (needs a health check and no volumes); release_command runs before release.",
						["fly-config"],
					),
				],
			},
			"blue-green": {
				summary:
					'Fly.io `strategy = "bluegreen"`: a full set of new Machines passes health checks before traffic moves',
				steps: [
					"new Machines boot alongside the old ones",
					"all must pass health checks",
					"traffic switches and old Machines are destroyed",
				],
				facts: [
					fact("bluegreen needs at least one health check and cannot be used with volumes.", ["fly-config"]),
				],
			},
			canary: {
				summary: 'Fly.io `strategy = "canary"`: one new Machine first, then a rolling update',
				steps: ["one Machine with the new image", "health checks pass", "the rest roll"],
				facts: [fact("canary boots a single new Machine before rolling the rest.", ["fly-config"])],
			},
		},
		defaultStrategy: "rolling",
		progressive: "canary",
		deployCommand: (svc, env) =>
			`flyctl deploy --remote-only --app ${env === "production" ? svc : `${svc}-${env}`} --image-label "$GIT_SHA"`,
		migrate: {
			how: (c) =>
				c?.localFileDb
					? "at start-up in the one Machine that mounts the volume, before it passes its checks, because the SQLite file lives there"
					: "`release_command` in fly.toml runs in a temporary Machine before the new release; a failure stops the deploy",
			command: (svc, env, c) =>
				c?.localFileDb
					? `# runs in the app's own Machine at start-up (entrypoint): ${c.migrate}`
					: `# fly.toml [deploy] release_command = "${c?.migrate ?? "./scripts/migrate.sh"}" (app ${env === "production" ? svc : `${svc}-${env}`})`,
			facts: [
				fact("release_command runs in a temporary Machine that has no access to volumes.", ["fly-deploy"]),
			],
		},
		rollback: {
			command: (svc) =>
				`flyctl releases --app ${svc} --image && flyctl deploy --app ${svc} --image "$PREVIOUS_IMAGE"`,
			console: "Fly dashboard → app → Releases lists previous images to redeploy",
			expectedTime: "2–4 minutes (Machines are replaced with the previous image)",
			expectedMinutes: 4,
			facts: [fact("Rolling back is redeploying the previous image.", ["fly-config"], "M")],
		},
		health: fact("Each Machine must pass the checks in fly.toml before the deploy continues.", [
			"fly-config",
		]),
		scaling: {
			metric: "Machine count per region plus auto start/stop on load",
			autoscales: true,
			minInstances: 2,
			command: (svc, c) =>
				c?.localFileDb
					? `flyctl scale vm shared-cpu-2x --app ${svc}   # scale up, not out: the SQLite volume lives on one Machine`
					: `flyctl scale count 2 --app ${svc}${c?.region ? ` --region ${c.region}` : ""}`,
			facts: [
				fact("fly.toml sets min_machines_running and auto start/stop of Machines.", ["fly-config"], "M"),
			],
		},
		configFile: {
			name: "fly.toml",
			lang: "toml",
			body: (svc, c) =>
				[
					`app = "${svc}"`,
					c?.region
						? `primary_region = "${c.region}"`
						: "# primary_region: the region the inputs place the users and data in (none was named)",
					"",
					"[deploy]",
					`  strategy = "${FLY_STRATEGY[c?.strategy ?? "rolling"]}"`,
					...(c?.localFileDb
						? ["  # no release_command: its temporary Machine has no volume; migrations run at start-up"]
						: [`  release_command = "${c?.migrate ?? "./scripts/migrate.sh"}"`]),
					...(c?.localFileDb ? ["", "[mounts]", '  source = "data"', '  destination = "/data"'] : []),
					"",
					"[http_service]",
					"  internal_port = 8080",
					`  min_machines_running = ${c?.localFileDb ? 1 : 2}`,
					...(c?.localFileDb ? ['  auto_stop_machines = "off"'] : []),
					"",
					"[[http_service.checks]]",
					'  path = "/healthz"',
					'  interval = "15s"',
					'  timeout = "2s"',
				].join("\n"),
		},
		preview: "a separate Fly app per pull request (`fly deploy --app <app>-pr-<number>`), destroyed on merge",
		caveats: [
			fact("`bluegreen` cannot be used with volumes.", ["fly-config"]),
			fact("Fly Postgres (unmanaged) leaves failover and disaster recovery to you.", ["fly-pg-unmanaged"]),
		],
		sources: ["fly-config"],
	},
	heroku: {
		id: "heroku",
		name: "Heroku",
		family: "paas",
		cloud: undefined,
		detect: /\bheroku\b/i,
		detectPriority: 23,
		ciToken: "HEROKU_API_KEY",
		ciTokenScope:
			"an API token with its user's rights (Heroku tokens are not per app: create it for a dedicated deploy user who is a collaborator on these apps only)",
		registry: {
			name: "slug built by Heroku from the repository (or registry.heroku.com for container apps)",
			pulls: /registry\.heroku\.com/,
			facts: [],
		},
		secrets: {
			store: "Heroku config vars",
			how: "`heroku config:set` per app; changing one creates a new release and restarts the dynos",
			facts: [
				fact(
					"Config vars are set per app, exposed as environment variables, and changing them creates a new release.",
					["heroku-config-vars"],
					"S",
				),
			],
		},
		localFileDb: {
			support: "none",
			why: fact("Dynos have an ephemeral filesystem that is discarded on every restart and deploy.", [
				"heroku-dynos-fs",
			]),
		},
		iacResource: (svc) =>
			`resource "heroku_app" "api" {\n  name   = var.environment == "production" ? "${svc}" : "${svc}-\${var.environment}"\n  region = var.heroku_region\n}\n\n# The pipeline exists once (a shared root module or \`heroku pipelines:create ${svc}\`); each environment couples its app to it.\nresource "heroku_pipeline_coupling" "api" {\n  app_id   = heroku_app.api.id\n  pipeline = var.heroku_pipeline_id\n  stage    = var.pipeline_stage   # this environment's stage in the pipeline, from its tfvars\n}\n\n# Preboot: new web dynos take traffic before the old ones stop (Standard and Performance dynos only).\nresource "heroku_app_feature" "preboot" {\n  app_id = heroku_app.api.id\n  name   = "preboot"\n}`,
		setup: {
			commands: (svc) => [
				`heroku features:enable preboot --app ${svc}   # overlapping deploys: new web dynos serve before the old ones stop`,
				`heroku pg:backups:schedule DATABASE_URL --at '02:00 UTC' --app ${svc}   # a nightly logical backup beside Heroku Postgres continuous protection`,
				`heroku pg:backups:schedules --app ${svc}`,
			],
			facts: [
				fact(
					"Preboot is enabled per app with `heroku features:enable preboot`; it is available on the Common Runtime to Standard and Performance dynos only, and enabling it does not restart the app.",
					["heroku-preboot"],
					"S",
				),
				fact(
					"`heroku pg:backups:schedule DATABASE --at '<hour>:00 <timezone>'` schedules a daily logical backup of the database; it is separate from the continuous protection and rollback of Standard and higher plans.",
					["heroku-pg-backups"],
					"S",
				),
			],
		},
		strategies: {
			rolling: {
				summary:
					"Heroku pipeline promotion with Preboot: the slug already tested before production is promoted, the release phase migrates, new dynos take traffic before the old ones stop",
				steps: [
					"`heroku pipelines:promote` copies the slug of the app before production to production (no rebuild)",
					"the `release:` process in the Procfile runs migrations; a failure stops the release",
					"with Preboot the new dynos start and receive traffic before the old ones stop",
				],
				facts: [
					fact(
						"A release can be rolled back with `heroku releases:rollback`; the database is not rolled back with it.",
						["heroku-releases", "heroku-pg-rollback"],
						"S",
					),
				],
			},
		},
		defaultStrategy: "rolling",
		deployCommand: (svc, env, previous) =>
			env === "production" && previous
				? `heroku pipelines:promote --app ${svc}-${previous} --to ${svc}`
				: `git push "https://heroku:$HEROKU_API_KEY@git.heroku.com/${env === "production" ? svc : `${svc}-${env}`}.git" "HEAD:refs/heads/main"`,
		migrate: {
			how: "the release phase: a `release:` process in the Procfile runs before the new release goes live",
			command: (_svc, _env, c) => `release: ${c?.migrate ?? "./scripts/migrate.sh"}`,
			lang: "text",
			facts: [
				fact(
					"The release phase runs a command before a new release is deployed; if it fails, the release is not deployed.",
					["heroku-release-phase"],
					"S",
				),
			],
		},
		rollback: {
			command: (svc) =>
				`heroku releases --app ${svc} && heroku releases:rollback $PREVIOUS_RELEASE --app ${svc}`,
			console: "Heroku dashboard → Activity → Roll back to here",
			expectedTime: "1–2 minutes (dynos restart on the previous slug)",
			expectedMinutes: 2,
			facts: [
				fact(
					"`heroku releases:rollback` returns to a previous release; Heroku Postgres rollback is a separate operation.",
					["heroku-releases", "heroku-pg-rollback"],
					"S",
				),
			],
		},
		health: fact(
			"With Preboot (`heroku features:enable preboot`) new dynos start and receive traffic before the old ones are shut down.",
			["heroku-preboot"],
			"S",
		),
		scaling: {
			metric: "dyno count and dyno size; autoscaling on response time for Performance dynos",
			autoscales: false,
			minInstances: 2,
			command: (svc) => `heroku ps:scale web=3 --app ${svc}`,
			facts: [fact("Heroku scales by dyno count with `heroku ps:scale`.", ["heroku-releases"], "M")],
		},
		preview: "Heroku Review Apps per pull request",
		caveats: [
			fact(
				"The Common Runtime has no traffic split between releases: a release goes to every web dyno at once (with Preboot the old and new dynos overlap for a few minutes), so a canary is a feature-flag percentage, not a platform deploy.",
				["heroku-preboot"],
				"M",
			),
			fact(
				"`heroku releases:rollback` returns the code and config vars to an earlier release; it does not roll back the database or the add-ons.",
				["heroku-releases"],
				"S",
			),
		],
		sources: [
			"heroku-releases",
			"heroku-pg-rollback",
			"heroku-preboot",
			"heroku-pipelines",
			"heroku-release-phase",
			"heroku-pg-backups",
		],
	},
	"container-apps": {
		id: "container-apps",
		name: "Azure Container Apps",
		family: "containers",
		cloud: "azure",
		detect: /\b(azure container apps?|container apps|containerapps?)\b/i,
		detectPriority: 75,
		ciToken: "AZURE_CLIENT_ID",
		registry: {
			name: "Azure Container Registry, pulled with the app's managed identity",
			pulls: "any",
			facts: CLOUDS.azure.registry.facts,
		},
		secrets: {
			store: "Azure Key Vault, referenced as Container Apps secrets",
			how: "each secret is a Key Vault reference read with the app's managed identity and exposed to containers with `secretref:` environment variables",
			facts: [
				fact(
					"Container Apps secrets can reference Key Vault secrets through a managed identity and are exposed to containers as environment variables with secretref.",
					["aca-secrets"],
					"S",
				),
			],
		},
		localFileDb: {
			support: "none",
			why: fact(
				"Replicas come and go with the scale rules and their container filesystem is ephemeral.",
				["aca-scale"],
				"M",
			),
		},
		strategies: {
			"blue-green": {
				summary:
					"Container Apps multiple revision mode: the new revision starts with 0% traffic under the label `green`, is smoke-tested on its label URL, then `az containerapp ingress traffic set --label-weight` moves traffic from `blue`",
				steps: [
					"`az containerapp update --revision-suffix <sha>` creates a revision that gets no traffic while weights are pinned to labels",
					"`az containerapp revision label add --label green` and smoke tests against the label's own URL",
					"`az containerapp ingress traffic set --label-weight blue=0 green=100`, then `az containerapp revision label swap` so `blue` names the live revision",
				],
				facts: [
					fact(
						"In multiple revision mode traffic is split between active revisions by weight, by revision name or by label; all weights must add up to 100%.",
						["aca-traffic"],
					),
					fact(
						"`az containerapp ingress traffic set` takes `--revision-weight` and `--label-weight`; `az containerapp revision label add/swap` manage labels.",
						["aca-cli-traffic"],
					),
				],
			},
			canary: {
				summary:
					"Container Apps weighted labels: `--label-weight blue=90 green=10`, then 50/50, then 0/100 while the alerts stay quiet",
				steps: [
					"new revision labelled `green` with 0% traffic, smoke-tested on its label URL",
					"`az containerapp ingress traffic set --label-weight blue=90 green=10`, then `blue=50 green=50`",
					"`blue=0 green=100` and a label swap; any alert during a step sets `blue=100 green=0`",
				],
				facts: [
					fact(
						"Traffic splitting by weight lets a new revision take a share of traffic before it takes all of it.",
						["aca-traffic"],
					),
				],
			},
			rolling: {
				summary:
					"Container Apps single revision mode: the new revision replaces the old one once its replicas are ready (the mode for workers without ingress)",
				steps: [
					"`az containerapp update --image` creates a new revision",
					"the old revision is deactivated once the new one is running",
				],
				facts: [
					fact(
						"In single revision mode a new revision replaces the active one once it is ready.",
						["aca-revisions"],
						"S",
					),
				],
			},
		},
		defaultStrategy: "blue-green",
		progressive: "canary",
		deployCommand: (svc, env) =>
			`az containerapp update --name ${svc} --resource-group rg-${svc}-${env} --image "$REGISTRY/${svc}@$IMAGE_DIGEST" --revision-suffix "sha-$SHORT_SHA" && az containerapp revision label add --name ${svc} --resource-group rg-${svc}-${env} --label green --revision "${svc}--sha-$SHORT_SHA" --yes`,
		migrate: {
			how: "a Container Apps job with the release image, started and awaited (its execution must end `Succeeded`) before the new revision is created",
			command: (svc, env) =>
				[
					`az containerapp job update --name ${svc}-migrate --resource-group rg-${svc}-${env} --image "$REGISTRY/${svc}@$IMAGE_DIGEST"`,
					`EXECUTION="$(az containerapp job start --name ${svc}-migrate --resource-group rg-${svc}-${env} --query name --output tsv)"`,
					`az containerapp job execution show --name ${svc}-migrate --resource-group rg-${svc}-${env} --job-execution-name "$EXECUTION" --query properties.status --output tsv   # poll until Succeeded or Failed`,
				].join("\n"),
			facts: [
				fact(
					"Container Apps jobs run containerised tasks to completion, started manually, on a schedule or by events.",
					["aca-jobs"],
					"S",
				),
				fact(
					"`az containerapp job execution show` reports one execution's status (Running, Processing, Succeeded, Failed).",
					["aca-job-execution"],
					"S",
				),
			],
		},
		rollback: {
			command: (svc) =>
				`az containerapp ingress traffic set --name ${svc} --resource-group rg-${svc}-production --label-weight blue=100 green=0`,
			console:
				"Azure portal → Container App → Revisions and replicas → set the previous revision's traffic to 100%",
			expectedTime: "under 1 minute (a traffic weight change; the previous revision is still running)",
			expectedMinutes: 1,
			facts: [
				fact(
					"Moving the traffic weight back to the previous revision or label restores it without a redeploy.",
					["aca-traffic"],
				),
			],
		},
		health: fact(
			"A revision receives traffic only once its replicas pass their startup and readiness probes.",
			["aca-revisions"],
			"M",
		),
		scaling: {
			metric:
				"KEDA scale rules per app: HTTP concurrency for the APIs, queue length for the workers, between min and max replicas",
			autoscales: true,
			minInstances: 1,
			command: (svc) =>
				`az containerapp update --name ${svc} --resource-group rg-${svc}-production --min-replicas 1 --max-replicas 10 --scale-rule-name http --scale-rule-type http --scale-rule-http-concurrency 50`,
			facts: [
				fact(
					"Container Apps scale replicas with rules (HTTP, TCP, CPU, memory or any KEDA scaler) between minimum and maximum replica counts; a minimum of 0 scales to zero.",
					["aca-scale"],
					"S",
				),
			],
		},
		preview: "a revision per pull request labelled `pr-<number>` with 0% traffic, reachable on its label URL",
		caveats: [
			fact(
				"Apps without ingress (queue workers) and Container Apps jobs are not traffic-split: they get a new revision or a new job image.",
				["aca-jobs"],
				"S",
			),
		],
		sources: ["aca-traffic", "aca-cli-traffic", "aca-revisions", "aca-secrets", "aca-jobs", "aca-scale"],
	},
	"do-app-platform": {
		id: "do-app-platform",
		name: "DigitalOcean App Platform",
		family: "paas",
		cloud: undefined,
		detect: /\b(digitalocean app platform|do app platform|app platform)\b|\.do\/app\.ya?ml/i,
		detectPriority: 24,
		ciToken: "DIGITALOCEAN_ACCESS_TOKEN",
		ciTokenScope: "a token with custom scopes limited to App Platform",
		registry: {
			name: "App Platform's own build from the repository, or DigitalOcean Container Registry, Docker Hub or GHCR images",
			pulls: /registry\.digitalocean\.com|docker\.io|ghcr\.io/,
			facts: [
				fact(
					"App Platform deploys container images from DigitalOcean Container Registry, Docker Hub or GitHub Container Registry.",
					["do-registry"],
					"S",
				),
			],
		},
		secrets: {
			store: "App Platform environment variables of type SECRET in the app spec",
			how: "encrypted by App Platform; the spec in the repository holds only the encrypted value, and the component reads it as an environment variable",
			facts: [
				fact(
					"App-level and component-level environment variables can be marked as secrets, which App Platform encrypts.",
					["do-app-env"],
					"S",
				),
			],
		},
		localFileDb: {
			support: "none",
			why: fact(
				"App Platform components have ephemeral local storage that is lost on every redeploy.",
				["do-app-spec"],
				"M",
			),
		},
		configFile: {
			name: ".do/app.yaml",
			lang: "yaml",
			body: (svc, c) =>
				`name: ${svc}\nservices:\n  - name: api\n    github:\n      repo: your-org/${svc}\n      branch: main\n      deploy_on_push: false\n    http_port: 8080\n    instance_count: 1\n    health_check:\n      http_path: /healthz\njobs:\n  - name: migrate\n    kind: PRE_DEPLOY\n    github:\n      repo: your-org/${svc}\n      branch: main\n    run_command: ${c?.migrate ?? "./scripts/migrate.sh"}`,
		},
		strategies: {
			rolling: {
				summary:
					"App Platform deployment of the whole app from `.do/app.yaml`: build, the `PRE_DEPLOY` migration job, then components replaced once their health checks pass",
				steps: [
					"the spec is applied and every component is built",
					"the `PRE_DEPLOY` job runs migrations; a failing job stops the deployment",
					"new containers replace the old ones once the health check passes",
				],
				facts: [
					fact(
						"Deploy-time jobs run before (PRE_DEPLOY) or after (POST_DEPLOY) a deployment; scheduled jobs run on a cron expression.",
						["do-app-jobs"],
					),
					fact(
						"The app spec declares services, workers, static sites and jobs with their health checks and instance counts.",
						["do-app-spec"],
						"S",
					),
				],
			},
		},
		defaultStrategy: "rolling",
		deployCommand: () => 'doctl apps update "$DO_APP_ID" --spec .do/app.yaml --wait',
		migrate: {
			how: "a `PRE_DEPLOY` job in `.do/app.yaml`: it runs after the build and before the new components take traffic, and a failure stops the deployment",
			command: (svc, _env, c) =>
				`# .do/app.yaml (app ${svc}): jobs[].kind PRE_DEPLOY, run_command: ${c?.migrate ?? "./scripts/migrate.sh"}`,
			facts: [
				fact("Deploy-time jobs run before (PRE_DEPLOY) or after (POST_DEPLOY) a deployment.", [
					"do-app-jobs",
				]),
			],
		},
		rollback: {
			command: () =>
				`curl -fsS -X POST -H "Authorization: Bearer $DIGITALOCEAN_ACCESS_TOKEN" -H "Content-Type: application/json" "https://api.digitalocean.com/v2/apps/$DO_APP_ID/rollback" -d "{\\"deployment_id\\": \\"$GOOD_DEPLOYMENT_ID\\"}"`,
			console:
				"control panel → app → Activity → a previous deployment → Rollback; the app stays pinned until the rollback is committed (`/rollback/commit`) or reverted (`/rollback/revert`)",
			expectedTime: "3–5 minutes (a new deployment of the earlier build; database migrations are not undone)",
			expectedMinutes: 5,
			facts: [
				fact(
					"A rollback creates a new deployment of an earlier one and pins the app to it: new deployments, including auto-deploys, are blocked until the rollback is committed or reverted.",
					["do-app-rollback"],
				),
			],
		},
		health: fact(
			"Each service's health check must pass before the new deployment takes traffic; a failing deployment leaves the previous one serving.",
			["do-app-spec"],
			"M",
		),
		scaling: {
			metric:
				"instance count and instance size per component; autoscaling only on dedicated-CPU instance sizes",
			autoscales: false,
			minInstances: 1,
			command: () =>
				".do/app.yaml → services[].instance_count (and instance_size_slug), applied with the next deployment",
			facts: [
				fact("Components scale by instance_count and instance size in the app spec.", ["do-app-spec"], "M"),
			],
		},
		preview:
			"none by default: a preview app built from the production spec would attach the production database and secrets, so previews need their own spec with a throwaway database before they are turned on",
		caveats: [
			fact(
				"A pull-request preview from the deploy action (`deploy_pr_preview`) renames the app and strips domains and alerts from the spec, but keeps its databases and environment variables: built from the production spec it would attach the production database and secrets, and each preview app is billed like another app.",
				["do-app-action"],
				"S",
			),
		],
		sources: ["do-app-spec", "do-app-jobs", "do-app-rollback", "do-app-env", "do-registry", "do-app-action"],
	},
	vm: {
		id: "vm",
		name: "virtual machines (Docker Compose behind a reverse proxy)",
		family: "vm",
		cloud: undefined,
		detect:
			/\b(ec2|compute engine|droplet|hetzner|linode|virtual machines?|vms?|docker compose|systemd|bare[- ]metal|dedicated (servers?|hosts?)|root servers?|on[- ]prem(ises)?|nginx|caddy)\b/i,
		detectPriority: 200,
		ciToken: "DEPLOY_SSH_KEY",
		ciTokenScope: "an SSH key accepted only by the deploy user on these hosts",
		registry: { name: "the team's container registry or artifact store", pulls: "any", facts: [] },
		secrets: {
			store: "SOPS- or Ansible Vault-encrypted variables in the repository",
			how: "decrypted by the deploy job and written to an environment file readable only by the service user",
			facts: [
				fact(
					"SOPS encrypts values in YAML/JSON/ENV files with AWS KMS, GCP KMS, Azure Key Vault, age or PGP, which fits secrets kept in Git.",
					["sops"],
				),
			],
		},
		localFileDb: {
			support: "single-instance",
			why: fact("A database file on one VM's disk is reachable only from that VM.", ["k8s-deployment"], "M"),
		},
		strategies: {
			"blue-green": {
				summary:
					"two Compose projects (blue and green) behind the reverse proxy; the proxy's upstream is switched after the new one passes /healthz",
				steps: [
					"start the idle colour with the new image tag",
					"curl its /healthz until 200",
					"switch the proxy upstream and reload; keep the old colour running for rollback",
				],
				facts: [
					fact(
						"Blue-green keeps the old stack warm so switching back takes seconds.",
						["argo-bluegreen"],
						"M",
					),
				],
			},
			rolling: {
				summary:
					"one VM at a time: drain it from the load balancer, update the Compose stack, health-check, re-add",
				steps: ["drain one VM", "`docker compose pull && docker compose up -d`", "wait for /healthz, re-add"],
				facts: [
					fact(
						"Rolling updates replace instances in batches behind the load balancer.",
						["k8s-deployment"],
						"M",
					),
				],
			},
			recreate: {
				summary: "`docker compose up -d` with the new tag (containers are recreated in place)",
				steps: ["pull", "recreate"],
				facts: [
					fact("Recreating in place means downtime for every deploy and rollback.", ["k8s-deployment"], "M"),
				],
			},
		},
		defaultStrategy: "blue-green",
		deployCommand: (_svc, env) =>
			`ssh deploy@${env}.internal 'IMAGE_TAG=$GIT_SHA docker compose -p app-green up -d && ./scripts/switch-upstream.sh green'`,
		rollback: {
			command: () => "./scripts/switch-upstream.sh blue   # the previous colour is still running",
			console: "or redeploy the previous tag: `IMAGE_TAG=$PREVIOUS_SHA docker compose up -d`",
			expectedTime:
				"under 1 minute while the previous colour runs; 3–5 minutes when it must be started again",
			expectedMinutes: 5,
			facts: [
				fact("Switching the proxy back to the warm previous stack takes seconds.", ["argo-bluegreen"], "M"),
			],
		},
		health: fact(
			"The switch script refuses to move traffic until /healthz answers 200.",
			["k8s-deployment"],
			"M",
		),
		scaling: {
			metric: "VM count behind the load balancer (an autoscaling group on CPU where the cloud offers one)",
			autoscales: false,
			minInstances: 2,
			command: () => "add a VM from the image and register it with the load balancer",
			facts: [],
		},
		preview: "none by default; a shared non-production VM",
		caveats: [],
		sources: ["k8s-deployment"],
	},
} satisfies Record<string, PlatformFacts>;

/** A platform is one row above: its id is the row's key. */
export type PlatformId = keyof typeof ROWS;
export const PLATFORMS: Record<PlatformId, PlatformFacts> = ROWS;

/** Detection order comes from each row's detectPriority: specific platform names before generic words (Kubernetes before VM words). */
export const PLATFORM_IDS = Object.keys(PLATFORMS) as PlatformId[];
const DETECT_ORDER: PlatformId[] = [...PLATFORM_IDS].sort(
	(a, b) => PLATFORMS[a].detectPriority - PLATFORMS[b].detectPriority,
);

export function detectPlatform(text: string | undefined): PlatformId | undefined {
	if (!text) return undefined;
	return DETECT_ORDER.find((id) => PLATFORMS[id].detect.test(text));
}

export function detectPlatforms(text: string): PlatformId[] {
	return DETECT_ORDER.filter((id) => PLATFORMS[id].detect.test(text));
}

/**
 * Every fact a platform row must carry, by name; the completeness test lists what a row is missing, so adding a
 * platform is one row plus its sources.
 */
export function missingPlatformFacts(p: PlatformFacts, knownSources: Record<string, unknown>): string[] {
	const missing: string[] = [];
	const need = (ok: unknown, what: string) => {
		if (!ok) missing.push(what);
	};
	need(p.name, "name");
	need(p.detect.test(p.name), "detect (does not match the platform's own name)");
	need(Number.isFinite(p.detectPriority), "detectPriority");
	need(p.strategies[p.defaultStrategy], `strategies.${p.defaultStrategy} (the default strategy)`);
	if (p.progressive)
		need(p.strategies[p.progressive], `strategies.${p.progressive} (the progressive strategy)`);
	for (const [s, mech] of Object.entries(p.strategies)) {
		need(mech?.summary, `strategies.${s}.summary`);
		need(mech?.facts.length, `strategies.${s}.facts`);
	}
	need(p.deployCommand("app", "production"), "deployCommand");
	need(p.rollback.command("app"), "rollback.command");
	need(p.rollback.expectedTime, "rollback.expectedTime");
	need(p.rollback.expectedMinutes > 0, "rollback.expectedMinutes");
	need(p.rollback.facts.length, "rollback.facts");
	need(p.health.sources.length, "health");
	need(p.scaling.metric, "scaling.metric");
	need(p.scaling.minInstances >= 0, "scaling.minInstances");
	need(/^[A-Z][A-Z0-9_]+$/.test(p.ciToken), "ciToken");
	need(p.registry.name, "registry.name");
	need(p.secrets.store && p.secrets.how, "secrets");
	need(p.secrets.facts.length, "secrets.facts");
	need(p.localFileDb.why.sources.length, "localFileDb.why");
	need(p.preview, "preview");
	need(p.sources.length, "sources");
	// A PaaS outside the clouds is described by its own config file (or its Terraform provider).
	if (p.cloud === undefined && p.family !== "kubernetes" && p.family !== "vm")
		need(p.configFile ?? p.iacResource, "configFile");
	const cited = [
		...Object.values(p.strategies).flatMap((m) => m?.facts ?? []),
		...p.rollback.facts,
		p.health,
		...p.scaling.facts,
		...p.registry.facts,
		...p.secrets.facts,
		p.localFileDb.why,
		...(p.volumeStrategies?.facts ?? []),
		...p.caveats,
	].flatMap((f) => f.sources);
	for (const id of new Set([...cited, ...p.sources])) {
		if (!(id in knownSources)) missing.push(`source ${id}`);
	}
	return missing;
}
