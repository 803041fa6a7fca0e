// Bundles the CLI into dist/ with esbuild: one entry, lazy chunks for the UI and the engine. Writes
// THIRD_PARTY_NOTICES for the packages the bundle contains.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { bundleOptions } from "./bundle-options.mjs";
import { missingPatches } from "./bundle-plugins.mjs";
import { collectNotices, renderNotices } from "./notices.mjs";

rmSync("dist", { recursive: true, force: true });
mkdirSync("dist", { recursive: true });

const result = await build(bundleOptions());
writeFileSync("dist/package.json", JSON.stringify({ type: "module" }));

// Both start-up patches must be in the bundle: an upgrade that skips one fails the build instead of slowing every start.
const missing = missingPatches(
	result.metafile,
	Object.keys(result.metafile.outputs)
		.filter((o) => o.endsWith(".js"))
		.map((o) => readFileSync(o, "utf8")),
);
if (missing.length) {
	for (const m of missing) console.error(`build: ${m}`);
	process.exit(1);
}

// The bundled packages' licences (legalComments is off, so the bundle itself carries none).
const notices = collectNotices(result.metafile);
writeFileSync("THIRD_PARTY_NOTICES", renderNotices(notices, "genesis-tui"));
const unlicensed = notices.filter((n) => n.text === undefined).map((n) => `${n.name}@${n.version}`);
if (unlicensed.length > 0)
	console.warn(
		`build: no licence text found for ${unlicensed.join(", ")}; THIRD_PARTY_NOTICES is incomplete.`,
	);
