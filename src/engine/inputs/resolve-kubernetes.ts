// How a Kubernetes stack delivers, from the chosen text of handoffs 03/00 and section 03: the traffic router a
// canary needs, Helm packaging, CI applying to clusters itself (push model) and Flux image automation.

import type { KubernetesDelivery } from "./model";
import { chosenText, type StackDocs } from "./resolve-platform";
import { prov, sourced } from "./resolve-util";

const ROUTERS: { id: NonNullable<KubernetesDelivery["router"]>["value"]; re: RegExp }[] = [
	{ id: "gatewayapi", re: /\bgateway api\b|\bhttproute\b|\bgke gateway\b/i },
	{ id: "alb", re: /\baws load balancer controller\b|\balb\b(?! ?ingress controller is not)/i },
	{ id: "istio", re: /\bistio\b/i },
	{ id: "linkerd", re: /\blinkerd\b/i },
	{ id: "nginx", re: /\bingress[- ]nginx\b|\bnginx ingress\b/i },
];

/** A sentence that says what is not done ("CI never runs helm upgrade") does not count as doing it. */
const NEGATED = /\b(not|never|no|without|instead of|rather than|rejected)\b/i;
const PUSH =
	/\b(helm upgrade|helm install|kubectl apply|kubectl set image)\b[^.;]{0,80}\b(ci|pipeline|github actions|gitlab|jenkins|circleci|azure pipelines|jobs?)\b|\b(ci|pipeline|github actions|gitlab ci|jenkins|circleci|azure pipelines)\b[^.;]{0,80}\b(helm upgrade|helm install|kubectl apply|kubectl set image)\b/i;

export function resolveKubernetes(docs: StackDocs): KubernetesDelivery {
	const out: KubernetesDelivery = {};
	for (const e of chosenText(docs)) {
		const t = e.found.text;
		const from = prov(e.doc, e.found.path, e.found.path.startsWith("line") ? "text" : "structured");
		if (!out.router) {
			const r = ROUTERS.find((x) => x.re.test(t));
			if (r) out.router = sourced(r.id, from);
		}
		if (
			!out.helm &&
			/\bhelm ?(chart|release)s?\b|\bhelmrelease\b|\bhelm-controller\b/i.test(t) &&
			!NEGATED.test(t)
		)
			out.helm = sourced(true, from);
		if (!out.pushDeploys && PUSH.test(t) && !NEGATED.test(t)) out.pushDeploys = sourced(true, from);
		if (!out.imageAutomation && /\bimage[- ]automation\b|\bimagepolicy\b|\bimageupdateautomation\b/i.test(t))
			out.imageAutomation = sourced(true, from);
	}
	return out;
}
