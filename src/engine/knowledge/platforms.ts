// Hosting platforms: how each deploys, rolls back, checks health and scales, with the source for every claim.

import { type Fact, fact, type SourceId } from "./sources";

export type PlatformId =
	| "kubernetes"
	| "ecs"
	| "lambda"
	| "cloud-run"
	| "app-service"
	| "vercel"
	| "netlify"
	| "cloudflare-pages"
	| "render"
	| "railway"
	| "fly"
	| "heroku"
	| "vm";

export type Cloud = "aws" | "gcp" | "azure" | "none";
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

export interface PlatformFacts {
	id: PlatformId;
	name: string;
	family: PlatformFamily;
	/** The cloud the platform itself implies (Lambda → AWS); Kubernetes and PaaS imply none. */
	cloud: Cloud | undefined;
	detect: RegExp;
	strategies: Partial<Record<Strategy, StrategyMechanism>>;
	defaultStrategy: Strategy;
	/** The strategy to move to when scale and metrics justify progressive delivery. */
	progressive?: Strategy;
	/** The deploy command for one environment ("staging", "production"). */
	deployCommand: (svc: string, env: string) => string;
	rollback: {
		command: (svc: string) => string;
		console: string;
		expectedTime: string;
		expectedMinutes: number;
		facts: Fact[];
	};
	health: Fact;
	/** `autoscales`: the platform adds instances on its own; otherwise scaling out is a runbook step. */
	scaling: { metric: string; autoscales: boolean; command: (svc: string) => string; facts: Fact[] };
	/** The platform's own config file, which is part of the infrastructure code. */
	configFile?: { name: string; lang: string; body: (svc: string) => string };
	preview: string;
	/** Claims a section must not make on this platform. */
	caveats: Fact[];
	sources: SourceId[];
}

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

export const PLATFORMS: Record<PlatformId, PlatformFacts> = {
	kubernetes: {
		id: "kubernetes",
		name: "Kubernetes",
		family: "kubernetes",
		cloud: undefined,
		detect: /\b(kubernetes|k8s|eks|gke|aks|openshift|helm)\b/i,
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
			`kubectl --context ${env} set image deployment/${svc} ${svc}=$REGISTRY/${svc}:$GIT_SHA && kubectl --context ${env} rollout status deployment/${svc} --timeout=10m`,
		rollback: {
			command: (svc) => `kubectl rollout undo deployment/${svc} && kubectl rollout status deployment/${svc}`,
			console:
				"with Argo Rollouts: `kubectl argo rollouts abort <rollout>` during a canary, `kubectl argo rollouts undo <rollout>` after promotion",
			expectedTime: "1–3 minutes (pods of the previous ReplicaSet start and pass readiness)",
			expectedMinutes: 3,
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
			`aws ecs update-service --cluster ${env} --service ${svc} --task-definition ${svc}-${env}:$REVISION && aws ecs wait services-stable --cluster ${env} --services ${svc}`,
		rollback: {
			command: (svc) =>
				`aws ecs update-service --cluster prod --service ${svc} --task-definition ${svc}:$PREVIOUS_REVISION && aws ecs wait services-stable --cluster prod --services ${svc}`,
			console:
				"the circuit breaker rolls back on its own; by hand: ECS console → Service → Update → previous task definition revision",
			expectedTime: "3–6 minutes (new tasks start and pass the target-group health check)",
			expectedMinutes: 6,
			facts: [
				fact(
					"The deployment circuit breaker with rollback returns a failed deployment to the last completed one.",
					["aws-ecs-deploycfg"],
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
			command: (svc) =>
				`aws application-autoscaling register-scalable-target --service-namespace ecs --resource-id service/prod/${svc} --scalable-dimension ecs:service:DesiredCount --min-capacity 2 --max-capacity 10`,
			facts: [
				fact(
					"ECS services scale their desired count with Application Auto Scaling target-tracking policies.",
					["aws-ecs-deploycfg"],
					"M",
				),
			],
		},
		preview: "a short-lived ECS service per pull request in the staging cluster, removed on merge",
		caveats: [],
		sources: ["aws-ecs-deploycfg", "aws-codedeploy-configs"],
	},
	lambda: {
		id: "lambda",
		name: "AWS Lambda",
		family: "serverless",
		cloud: "aws",
		detect: /\b(lambda|serverless framework|aws sam|api gateway)\b/i,
		strategies: {
			canary: {
				summary: "Lambda alias traffic shifting with CodeDeploy `LambdaCanary10Percent5Minutes`",
				steps: [
					"publish a new version",
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
			`aws lambda publish-version --function-name ${svc}-${env} && aws deploy create-deployment --application-name ${svc}-${env} --deployment-group-name live --revision "$APPSPEC"`,
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
		sources: ["aws-lambda-alias", "aws-codedeploy-configs"],
	},
	"cloud-run": {
		id: "cloud-run",
		name: "Google Cloud Run",
		family: "serverless",
		cloud: "gcp",
		detect: /\bcloud run\b/i,
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
		deployCommand: (svc, env) =>
			`gcloud run deploy ${svc}-${env} --image $REGISTRY/${svc}:$GIT_SHA --region $REGION --no-traffic --tag sha-$SHORT_SHA`,
		rollback: {
			command: (svc) =>
				`gcloud run services update-traffic ${svc} --region $REGION --to-revisions=$PREVIOUS_REVISION=100`,
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
			metric: "request concurrency per instance (default target 80) with min and max instances",
			autoscales: true,
			command: (svc) =>
				`gcloud run services update ${svc} --region $REGION --min-instances=1 --max-instances=20 --concurrency=80`,
			facts: [
				fact(
					"Cloud Run scales instances on request concurrency between configured minimum and maximum instance counts.",
					["gcp-run-rollouts"],
					"M",
				),
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
		strategies: {
			"blue-green": {
				summary:
					"App Service deployment slots: deploy to the `staging` slot, warm it up, then swap into production",
				steps: [
					"deploy the artifact to the `staging` slot",
					"App Service warms the slot's instances before the swap",
					"swap; the previous build stays in `staging` for swap-back",
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
					"deploy to `staging`",
					"route 10% to `staging` with `az webapp traffic-routing set`",
					"swap when metrics hold",
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
				? `az webapp deploy --resource-group rg-production --name ${svc} --slot staging --src-path app.zip && az webapp deployment slot swap --resource-group rg-production --name ${svc} --slot staging --target-slot production`
				: `az webapp deploy --resource-group rg-${env} --name ${svc}-${env} --src-path app.zip`,
		rollback: {
			command: (svc) =>
				`az webapp deployment slot swap --resource-group rg-prod --name ${svc} --slot staging --target-slot production`,
			console: "Azure portal → App Service → Deployment slots → Swap (staging ↔ production)",
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
			command: (svc) =>
				`az monitor autoscale create --resource-group rg-prod --resource ${svc}-plan --resource-type Microsoft.Web/serverfarms --min-count 2 --max-count 10 --count 2`,
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
			body: () =>
				JSON.stringify(
					{
						$schema: "https://openapi.vercel.sh/vercel.json",
						framework: "nextjs",
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
		rollback: {
			command: () =>
				'netlify api restoreSiteDeploy --data \'{"site_id": "$SITE_ID", "deploy_id": "$PREVIOUS_DEPLOY_ID"}\'',
			console: "Netlify dashboard → Deploys → previous deploy → Publish deploy",
			expectedTime: "seconds (the previous deploy is published again)",
			expectedMinutes: 1,
			facts: [fact("Publishing an earlier deploy restores it without a rebuild.", ["netlify-deploys"], "M")],
		},
		health: fact("A deploy is published only after its build succeeds.", ["netlify-deploys"], "M"),
		scaling: {
			metric: "CDN-served static assets and per-request functions; nothing to scale by hand",
			autoscales: true,
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
			command: () => "none",
			facts: [],
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
		deployCommand: (svc, env) =>
			`curl -fsS -X POST "$RENDER_DEPLOY_HOOK_${env.toUpperCase()}?imgURL=$REGISTRY/${svc}:$GIT_SHA"`,
		rollback: {
			command: (svc) =>
				`curl -fsS -X POST -H "Authorization: Bearer $RENDER_API_KEY" https://api.render.com/v1/services/$${svc.toUpperCase().replace(/-/g, "_")}_SERVICE_ID/rollback -d '{"deployId":"$PREVIOUS_DEPLOY_ID"}'`,
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
			body: (svc) =>
				`services:\n  - type: web\n    name: ${svc}\n    runtime: docker\n    healthCheckPath: /healthz\n    autoDeploy: false\n    scaling:\n      minInstances: 2\n      maxInstances: 6\n      targetCPUPercent: 70`,
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
			command: (svc) => `railway redeploy --service ${svc} --deployment $PREVIOUS_DEPLOYMENT_ID`,
			console: "Railway dashboard → service → Deployments → previous deployment → ⋮ → Rollback",
			expectedTime: "1–3 minutes (the previous image is redeployed and must pass the healthcheck)",
			expectedMinutes: 3,
			facts: [
				fact(
					"Rolling back redeploys a previous deployment's image from the Deployments list.",
					["railway-health"],
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
		preview: "Railway PR environments: a temporary copy of the staging environment per pull request",
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
		strategies: {
			rolling: {
				summary:
					'Fly.io `[deploy] strategy = "rolling"` (max_unavailable 0.33) with a `release_command` for migrations',
				steps: [
					"`release_command` runs migrations in a temporary Machine; a non-zero exit stops the deploy",
					"Machines are replaced a third at a time",
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
			`fly deploy --app ${env === "production" ? svc : `${svc}-${env}`} --image $REGISTRY/${svc}:$GIT_SHA`,
		rollback: {
			command: (svc) =>
				`fly releases --app ${svc} --image && fly deploy --app ${svc} --image $PREVIOUS_IMAGE`,
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
			command: (svc) => `fly scale count 3 --app ${svc} --region iad`,
			facts: [
				fact("fly.toml sets min_machines_running and auto start/stop of Machines.", ["fly-config"], "M"),
			],
		},
		configFile: {
			name: "fly.toml",
			lang: "toml",
			body: (svc) =>
				`app = "${svc}"\nprimary_region = "iad"\n\n[deploy]\n  strategy = "rolling"\n  release_command = "npm run migrate"\n\n[http_service]\n  internal_port = 8080\n  min_machines_running = 2\n\n[[http_service.checks]]\n  path = "/healthz"\n  interval = "15s"\n  timeout = "2s"`,
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
		strategies: {
			rolling: {
				summary: "Heroku Preboot: new dynos start and receive traffic before the old ones stop",
				steps: [
					"release phase runs migrations",
					"new dynos boot (Preboot)",
					"the router moves traffic, old dynos stop",
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
		deployCommand: (svc, env) => `heroku container:release web --app ${svc}-${env}`,
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
		health: fact("Preboot keeps old dynos serving until new dynos are up.", ["heroku-releases"], "M"),
		scaling: {
			metric: "dyno count and dyno size; autoscaling on response time for Performance dynos",
			autoscales: false,
			command: (svc) => `heroku ps:scale web=3 --app ${svc}`,
			facts: [fact("Heroku scales by dyno count with `heroku ps:scale`.", ["heroku-releases"], "M")],
		},
		preview: "Heroku Review Apps per pull request",
		caveats: [],
		sources: ["heroku-releases", "heroku-pg-rollback"],
	},
	vm: {
		id: "vm",
		name: "virtual machines (Docker Compose behind a reverse proxy)",
		family: "vm",
		cloud: undefined,
		detect:
			/\b(ec2|compute engine|droplet|hetzner|linode|virtual machines?|vms?|docker compose|systemd|bare metal|nginx|caddy)\b/i,
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
			command: () => "add a VM from the image and register it with the load balancer",
			facts: [],
		},
		preview: "none by default; a shared staging VM",
		caveats: [],
		sources: ["k8s-deployment"],
	},
};

/** Detection order matters: specific platform names before generic ones (Kubernetes before VM words). */
const DETECT_ORDER: PlatformId[] = [
	"vercel",
	"netlify",
	"cloudflare-pages",
	"railway",
	"render",
	"fly",
	"heroku",
	"cloud-run",
	"app-service",
	"lambda",
	"ecs",
	"kubernetes",
	"vm",
];

export function detectPlatform(text: string | undefined): PlatformId | undefined {
	if (!text) return undefined;
	return DETECT_ORDER.find((id) => PLATFORMS[id].detect.test(text));
}

export function detectPlatforms(text: string): PlatformId[] {
	return DETECT_ORDER.filter((id) => PLATFORMS[id].detect.test(text));
}
