// Sources of the per-platform runbook commands (knowledge/runbooks.ts): how to find the release to return to, and
// how to give a service a bigger instance.

export const RUNBOOK_SOURCES = {
	"fly-releases": { title: "flyctl: fly releases", url: "https://fly.io/docs/flyctl/releases/" },
	"fly-rollback-guide": {
		title: "Fly.io: Rollback guide",
		url: "https://fly.io/docs/blueprints/rollback-guide/",
	},
	"fly-scale-machine": {
		title: "Fly.io: Scale Machine CPU and RAM",
		url: "https://fly.io/docs/apps/scale-machine/",
	},
	"fly-scale-vm": { title: "flyctl: fly scale vm", url: "https://fly.io/docs/flyctl/scale-vm/" },
	"fly-scale-memory": { title: "flyctl: fly scale memory", url: "https://fly.io/docs/flyctl/scale-memory/" },
	"heroku-cli-releases": {
		title: "Heroku CLI commands: releases:rollback",
		url: "https://devcenter.heroku.com/articles/heroku-cli-commands#heroku-releases-rollback-release",
	},
	"heroku-ps-type": {
		title: "Heroku: Scaling your dyno formation (dyno types)",
		url: "https://devcenter.heroku.com/articles/scaling",
	},
	"gcloud-run-revisions-list": {
		title: "gcloud run revisions list",
		url: "https://cloud.google.com/sdk/gcloud/reference/run/revisions/list",
	},
	"gcloud-run-services-update": {
		title: "gcloud run services update (--cpu, --memory)",
		url: "https://cloud.google.com/sdk/gcloud/reference/run/services/update",
	},
	"aws-ecs-list-task-definitions": {
		title: "AWS CLI: aws ecs list-task-definitions",
		url: "https://docs.aws.amazon.com/cli/latest/reference/ecs/list-task-definitions.html",
	},
	"aws-lambda-list-versions": {
		title: "AWS CLI: aws lambda list-versions-by-function",
		url: "https://docs.aws.amazon.com/cli/latest/reference/lambda/list-versions-by-function.html",
	},
	"render-api-list-deploys": {
		title: "Render API: List deploys",
		url: "https://api-docs.render.com/reference/list-deploys",
	},
	"doctl-list-deployments": {
		title: "doctl apps list-deployments",
		url: "https://docs.digitalocean.com/reference/doctl/reference/apps/list-deployments/",
	},
	"netlify-api-list-deploys": {
		title: "Netlify API: listSiteDeploys and restoreSiteDeploy",
		url: "https://open-api.netlify.com/#tag/deploy",
	},
} as const;
