// Runbook commands per platform: how the on-call person finds the release to return to (so the rollback's variable is
// defined, not assumed), and how a service gets a bigger instance when it cannot, or need not, get more of them.
// Platforms without an entry here use their row's rollback command as it stands (it names no variable to look up).

import { ecsCluster, ecsPreviousTaskDefinition, type PlatformId, type RowContext } from "./platforms";
import { type Fact, fact } from "./sources";

export interface RollbackScript {
	/** Shell lines, in order: find the last good release, then return to it. */
	lines: (svc: string, c: RowContext) => string[];
	/** Variables the operator's shell must already hold, each with where it comes from. */
	needs: (svc: string, c: RowContext) => string[];
	facts: Fact[];
}

/** `$GCP_REGION` (the pipeline's variable) unless the inputs name the region. */
function regionArg(c: RowContext): string {
	return c.region ? c.region : '"$GCP_REGION"';
}

/** The environment variable a Render service id is kept in (`KETTLE_NOTES_SERVICE_ID`). */
export function renderServiceIdVar(svc: string): string {
	return `${svc.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}_SERVICE_ID`;
}

export const ROLLBACK_SCRIPTS: Partial<Record<PlatformId, RollbackScript>> = {
	fly: {
		lines: (svc) => [
			`flyctl releases --app ${svc} --image   # newest first; the row under the bad release is the last good one`,
			'read -r -p "Docker image of the last good release: " PREVIOUS_IMAGE',
			`flyctl deploy --app ${svc} --image "$PREVIOUS_IMAGE"   # from the repository checkout, so fly.toml applies`,
		],
		needs: () => ["`FLY_API_TOKEN` or a `flyctl auth login` session"],
		facts: [
			fact("`fly releases --image` lists each release with the Docker image reference it ran.", [
				"fly-releases",
			]),
			fact(
				"Fly has no rollback command: a rollback is `fly deploy --image` with a previous release's image; migrations are not undone.",
				["fly-rollback-guide"],
			),
		],
	},
	heroku: {
		lines: (svc) => [
			`heroku releases --app ${svc} --num 5`,
			`heroku releases:rollback --app ${svc}   # with no release named, it returns to the one before the current`,
		],
		needs: () => ["a `heroku login` session or `HEROKU_API_KEY`"],
		facts: [
			fact("`heroku releases:rollback` without a release rolls back one release.", ["heroku-cli-releases"]),
		],
	},
	"cloud-run": {
		lines: (svc, c) => [
			`PREVIOUS_REVISION=$(gcloud run revisions list --service ${svc} --region ${regionArg(c)} --sort-by="~metadata.creationTimestamp" --format="value(metadata.name)" --limit=2 | tail -n 1)`,
			`gcloud run services update-traffic ${svc} --region ${regionArg(c)} --to-revisions="$PREVIOUS_REVISION=100"`,
		],
		needs: (_svc, c) => [
			"a `gcloud auth login` session with the Cloud Run Developer role, its project set to production's (`gcloud config set project`, the pipeline's `GCP_PROJECT` variable)",
			...(c.region
				? []
				: ["`GCP_REGION` set to the service's region: the value of the pipeline's `GCP_REGION` variable"]),
		],
		facts: [
			fact(
				"`gcloud run revisions list` takes `--service`, `--region` and the list flags `--sort-by`, `--format` and `--limit`.",
				["gcloud-run-revisions-list"],
			),
		],
	},
	ecs: {
		lines: (svc) => [
			`PREVIOUS_TASK_DEFINITION=$(${ecsPreviousTaskDefinition(svc)})`,
			`aws ecs update-service --cluster ${ecsCluster(svc, "production")} --service ${svc} --task-definition "$PREVIOUS_TASK_DEFINITION"`,
			`aws ecs wait services-stable --cluster ${ecsCluster(svc, "production")} --services ${svc}`,
		],
		needs: () => ["AWS credentials for the production account (the on-call role)"],
		facts: [
			fact(
				"`aws ecs list-task-definitions --family-prefix <family> --sort DESC` lists a family's revisions newest first.",
				["aws-ecs-list-task-definitions"],
			),
		],
	},
	lambda: {
		lines: (svc) => [
			`PREVIOUS_VERSION=$(aws lambda list-versions-by-function --function-name ${svc} --query 'Versions[-2].Version' --output text)`,
			`aws lambda update-alias --function-name ${svc} --name live --function-version "$PREVIOUS_VERSION" --routing-config '{}'`,
		],
		needs: () => ["AWS credentials for the production account (the on-call role)"],
		facts: [
			fact(
				"`aws lambda list-versions-by-function` lists `$LATEST` and the published versions, oldest published first.",
				["aws-lambda-list-versions"],
				"M",
			),
		],
	},
	railway: {
		lines: (svc) => [
			`railway deployment list --service ${svc}   # newest first: the row under the bad deployment is the last good one`,
			`# No CLI rollback: Railway dashboard → ${svc} → Deployments → ⋮ on that deployment → Rollback (image and variables)`,
		],
		needs: () => ["Railway dashboard access to the production environment", "a `railway login` session"],
		facts: [
			fact(
				"A rollback restores a previous deployment's image and variables from the Deployments list; deployments older than the plan's retention cannot be rolled back.",
				["railway-deployment-actions"],
			),
		],
	},
	render: {
		lines: (svc) => {
			const id = renderServiceIdVar(svc);
			return [
				`PREVIOUS_DEPLOY_ID=$(curl -fsS -H "Authorization: Bearer $RENDER_API_KEY" "https://api.render.com/v1/services/$${id}/deploys?limit=10" | jq -r '[.[].deploy | select(.status == "deactivated")][0].id')`,
				`curl -fsS -X POST -H "Authorization: Bearer $RENDER_API_KEY" -H "Content-Type: application/json" "https://api.render.com/v1/services/$${id}/rollback" -d "{\\"deployId\\": \\"$PREVIOUS_DEPLOY_ID\\"}"`,
			];
		},
		needs: (svc) => [
			"`RENDER_API_KEY`: an API key of the workspace",
			`\`${renderServiceIdVar(svc)}\`: the service id (\`srv-…\`) from the dashboard URL`,
		],
		facts: [
			fact(
				"Render's API lists a service's deploys newest first (`GET /v1/services/{serviceId}/deploys`); the deploy that was live before the current one is `deactivated`.",
				["render-api-list-deploys"],
				"S",
			),
		],
	},
	"do-app-platform": {
		lines: () => [
			'GOOD_DEPLOYMENT_ID=$(doctl apps list-deployments "$DO_APP_ID" --format ID,Phase --no-header | awk \'$2 == "SUPERSEDED" { print $1; exit }\')',
			'curl -fsS -X POST -H "Authorization: Bearer $DIGITALOCEAN_ACCESS_TOKEN" -H "Content-Type: application/json" "https://api.digitalocean.com/v2/apps/$DO_APP_ID/rollback" -d "{\\"deployment_id\\": \\"$GOOD_DEPLOYMENT_ID\\"}"',
		],
		needs: () => [
			"`DIGITALOCEAN_ACCESS_TOKEN`: a token with App Platform write scope (also used by `doctl`)",
			"`DO_APP_ID`: the app's id (`doctl apps list --format ID,Spec.Name`)",
		],
		facts: [
			fact(
				"`doctl apps list-deployments <app id>` lists an app's deployments; `--format` picks columns (ID, Phase …) and `--no-header` drops the header.",
				["doctl-list-deployments"],
			),
		],
	},
	netlify: {
		lines: () => [
			'PREVIOUS_DEPLOY_ID=$(netlify api listSiteDeploys --data "{\\"site_id\\": \\"$NETLIFY_SITE_ID\\"}" | jq -r \'[.[] | select(.state == "ready" and .context == "production")][1].id\')',
			'netlify api restoreSiteDeploy --data "{\\"site_id\\": \\"$NETLIFY_SITE_ID\\", \\"deploy_id\\": \\"$PREVIOUS_DEPLOY_ID\\"}"',
		],
		needs: () => ["`NETLIFY_AUTH_TOKEN` and `NETLIFY_SITE_ID` (the site's API id)"],
		facts: [
			fact(
				"The Netlify API lists a site's deploys (`listSiteDeploys`) and publishes an earlier one again (`restoreSiteDeploy`).",
				["netlify-api-list-deploys"],
				"S",
			),
		],
	},
};

export interface ScaleUp {
	/** Commands that give the service a bigger instance. */
	lines: (svc: string, c: RowContext) => string[];
	/** What else must change so the next deploy keeps the new size. */
	keep: string;
	facts: Fact[];
}

export const SCALE_UP: Partial<Record<PlatformId, ScaleUp>> = {
	fly: {
		lines: (svc) => [
			`flyctl scale show --app ${svc}`,
			`flyctl scale vm shared-cpu-2x --app ${svc}   # more CPU; the Machine restarts with the new size`,
			`flyctl scale memory 2048 --app ${svc}        # or only more memory`,
		],
		keep: "write the same size into fly.toml's `[[vm]]` section: a later `fly deploy` applies fly.toml's size over the scaled one",
		facts: [
			fact("`fly scale vm <size>` and `fly scale memory <MB>` resize an app's Machines.", [
				"fly-scale-vm",
				"fly-scale-memory",
			]),
			fact(
				"Scaled Machines restart with the new size; on the next deploy the `[[vm]]` settings in fly.toml take precedence.",
				["fly-scale-machine"],
			),
		],
	},
	heroku: {
		lines: (svc) => [`heroku ps:type web=standard-2x --app ${svc}`],
		keep: "record the dyno type in the IaC or app.json, so a rebuilt app gets the same size",
		facts: [fact("A process type's dyno type is changed with `heroku ps:type`.", ["heroku-ps-type"], "S")],
	},
	"cloud-run": {
		lines: (svc, c) => [`gcloud run services update ${svc} --region ${regionArg(c)} --cpu 2 --memory 2Gi`],
		keep: "set the same `cpu` and `memory` limits in the IaC, or the next apply reverts them",
		facts: [
			fact("`gcloud run services update` sets a service's `--cpu` and `--memory` limits.", [
				"gcloud-run-services-update",
			]),
		],
	},
};
