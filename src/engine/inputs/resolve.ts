// Resolves the ProjectModel from the pre-flight report: every input that exists, structured fields first.

import { DATABASES } from "../knowledge/databases";
import { IAC_TOOLS } from "../knowledge/iac";
import { runsContainers, vmLabel } from "../knowledge/vms";
import type { ProjectModel } from "./model";
import { type InputId, maybeInput, type PreflightReport } from "./preflight";
import { resolveDataStores } from "./resolve-data-stores";
import { resolveHosts } from "./resolve-hosts";
import { resolveKubernetes } from "./resolve-kubernetes";
import { resolveAlerts, resolveGates, resolveMonitoring } from "./resolve-monitoring";
import { resolvePlatform } from "./resolve-platform";
import { resolveConstraints, resolveDescription, resolveName } from "./resolve-project";
import { resolveServices } from "./resolve-services";
import {
	resolveCi,
	resolveDelivery,
	resolveIac,
	resolveLanguages,
	resolveMigrations,
	resolveRejected,
	resolveToolPins,
} from "./resolve-tools";
import { resolveUpstream } from "./resolve-upstream";
import { type Doc, slug } from "./resolve-util";

function doc(report: PreflightReport, id: InputId): Doc | undefined {
	const input = maybeInput(report, id);
	if (input?.state !== "found") return undefined;
	return { file: input.file, data: input.data, text: input.text };
}

export function resolveModel(report: PreflightReport, projectDirName: string): ProjectModel {
	const docs = {
		h00: doc(report, "handoff00"),
		h02: doc(report, "handoff02"),
		h03: doc(report, "handoff03"),
		h05: doc(report, "handoff05"),
		h07: doc(report, "handoff07"),
		h08: doc(report, "handoff08"),
		h09: doc(report, "handoff09"),
		s03: doc(report, "section03"),
		s09: doc(report, "section09"),
	};
	const conflicts: ProjectModel["conflicts"] = [];
	const dropped: ProjectModel["dropped"] = [];
	const name = resolveName(docs, projectDirName);
	const { platform, frontend, cloud } = resolvePlatform(docs, conflicts);
	const alerts = resolveAlerts(docs, dropped);
	const model: ProjectModel = {
		name,
		platform,
		cloud,
		services: resolveServices(docs, slug(name.value)),
		dataStores: resolveDataStores(docs, platform.value, cloud.value, conflicts),
		ci: resolveCi(docs, conflicts),
		languages: resolveLanguages(docs),
		toolPins: resolveToolPins(docs),
		rejected: resolveRejected([docs.h00, docs.h03, docs.h05, docs.h08, docs.h09]),
		constraints: resolveConstraints(docs),
		upstream: resolveUpstream(docs, alerts),
		monitoring: resolveMonitoring(docs),
		gates: resolveGates(docs, dropped),
		alerts,
		conflicts,
		dropped,
		...resolveDelivery(docs),
		...(platform.value === "kubernetes" ? { kubernetes: resolveKubernetes(docs) } : {}),
	};
	const description = resolveDescription(docs);
	if (description) model.description = description;
	if (frontend) model.frontend = frontend;
	const hosts = resolveHosts(docs, platform);
	if (hosts) {
		model.hosts = hosts;
		model.platform.name = vmLabel({
			containers: runsContainers(hosts),
			balancer: hosts.balancer?.value,
			kind: hosts.serverKind?.value,
			provider: hosts.provider?.value,
		});
	}
	const migrations = resolveMigrations(docs);
	if (migrations) model.migrations = migrations;
	const iac = resolveIac(docs);
	if (iac) model.iac = { ...iac, name: IAC_TOOLS[iac.value].name };
	for (const d of model.dataStores)
		if (!d.providerLabel && d.provider !== "unknown") {
			// The knowledge base's label names an engine ("Cloud SQL for PostgreSQL"); never another engine than the store's.
			const name = DATABASES[d.provider].name;
			const other = /\b(PostgreSQL|Postgres|MySQL)\b/.exec(name);
			d.providerLabel =
				other &&
				!d.engine.startsWith(
					other[1]!.replace("Postgres", "PostgreSQL").replace("PostgreSQLQL", "PostgreSQL"),
				)
					? name.replace(/\s*(for|with)?\s*\b(PostgreSQL|Postgres|MySQL)\b\s*/, " ").trim()
					: name;
		}
	return model;
}
