// Benchmarks: each measures its baseline in the same run, prints the ratio, the raw figures (median, min–max) and the
// target, and the script exits 1 when a target is missed. Run with `npm run bench` (builds first).

import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pty from "@lydell/node-pty";
import xterm from "@xterm/headless";
import { build } from "esbuild";
import { fastStringWidth, yogaWithoutFetch } from "../scripts/bundle-plugins.mjs";
import { installTarball, pack, userEnv } from "../scripts/pack-install.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(root, "bin", "genesis-tui.js");
const EXAMPLE = path.join(root, "examples", "harbor-bookings");
const FAKE = path.join(root, "test", "fixtures", "fake-agent.mjs");
const work = mkdtempSync(path.join(tmpdir(), "genesis-bench-"));
const stateDir = path.join(work, "state");
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
/** BENCH_ONLY=startup,yes,first-frame,flood,idle,cold-start (comma-separated) runs a subset. */
const ONLY = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const want = (name) => !ONLY || ONLY.includes(name);
const baseEnv = { ...process.env, GENESIS_TUI_STATE_DIR: stateDir, SOURCE_DATE_EPOCH: "1767225600" };
delete baseEnv.CI;

const stats = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};
const fmt = (x, unit) => `${x.toFixed(unit === "ms" ? 0 : unit === "%" || unit === "s" ? 2 : 1)} ${unit}`;
const results = [];
/** Prints a figure against its target; `info` figures have no target and never fail the run. */
function report(name, ours, base, unit, target, { ratio = true, note = "", info = false } = {}) {
	const o = stats(ours);
	const b = base && stats(base);
	const value = ratio ? o.median / b.median : o.median;
	const ok = info || value <= target;
	if (!info) results.push({ name, ok });
	const figure = ratio ? `${value.toFixed(2)}×` : fmt(value, unit);
	console.log(
		info
			? `INFO  ${name}: ${figure} (no target)`
			: `${ok ? "PASS" : "FAIL"}  ${name}: ${figure} (target ≤ ${ratio ? `${target}×` : fmt(target, unit)})`,
	);
	console.log(
		`      ours ${fmt(o.median, unit)} [${fmt(o.min, unit)} – ${fmt(o.max, unit)}]${b ? `; baseline ${fmt(b.median, unit)} [${fmt(b.min, unit)} – ${fmt(b.max, unit)}]` : ""}${note ? `; ${note}` : ""}`,
	);
}

function wall(cmd, args, opts = {}) {
	const t = process.hrtime.bigint();
	const r = spawnSync(cmd, args, { stdio: "ignore", ...opts });
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}`);
	return Number(process.hrtime.bigint() - t) / 1e6;
}

function freshProject() {
	const dir = mkdtempSync(path.join(work, "p-"));
	cpSync(EXAMPLE, dir, { recursive: true });
	return dir;
}

/** Alternating runs so machine noise hits both sides alike. */
function paired(runs, a, b) {
	const xs = [];
	const ys = [];
	for (let i = 0; i < runs; i++) {
		xs.push(a());
		ys.push(b());
	}
	return [xs, ys];
}

/** How long a bare `node -e ''` takes right now: printed beside the ratios, it shows how loaded the machine was. */
function bareNode(label) {
	const xs = Array.from({ length: 5 }, () => wall(process.execPath, ["-e", ""]));
	const b = stats(xs);
	console.log(
		`      bare node ${label}: ${fmt(b.median, "ms")} [${fmt(b.min, "ms")} – ${fmt(b.max, "ms")}]; load average ${loadavg()[0].toFixed(2)}`,
	);
}

console.log(`Node ${process.versions.node}, ${RUNS} runs`);
bareNode("at the start");

// 1. --version and --help against node -e ''.
if (want("startup")) {
	const [v, n1] = paired(
		RUNS,
		() => wall(process.execPath, [BIN, "--version"]),
		() => wall(process.execPath, ["-e", ""]),
	);
	report("genesis-tui --version vs node -e ''", v, n1, "ms", 1.5);
	const [h, n2] = paired(
		RUNS,
		() => wall(process.execPath, [BIN, "--help"]),
		() => wall(process.execPath, ["-e", ""]),
	);
	report("genesis-tui --help vs node -e ''", h, n2, "ms", 1.5);
}

// 3. --yes on a fresh copy of the example project against node -e ''.
if (want("yes")) {
	const [y, n] = paired(
		RUNS,
		() => wall(process.execPath, [BIN, "--yes"], { cwd: freshProject(), env: baseEnv }),
		() => wall(process.execPath, ["-e", ""]),
	);
	report("genesis-tui --yes (example project) vs node -e ''", y, n, "ms", 3);
}

/** Starts a command in a pseudo-terminal; resolves the time until `text` is on screen. */
function ptyUntil(file, args, { cols = 160, rows = 48, cwd = root, env = baseEnv, text }) {
	return new Promise((resolve, reject) => {
		const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
		const t0 = process.hrtime.bigint();
		const child = pty.spawn(file, args, {
			cols,
			rows,
			cwd,
			env: { ...env, CI: "false", TERM: "xterm-256color" },
		});
		let done = false;
		const timer = setTimeout(() => {
			child.kill("SIGKILL");
			reject(new Error(`"${text}" never appeared`));
		}, 20_000);
		child.onData((d) => {
			term.write(d, () => {
				if (done) return;
				const buf = term.buffer.active;
				for (let i = 0; i < rows; i++) {
					if (buf.getLine(i)?.translateToString(true).includes(text)) {
						done = true;
						clearTimeout(timer);
						const ms = Number(process.hrtime.bigint() - t0) / 1e6;
						child.kill("SIGKILL");
						resolve(ms);
						return;
					}
				}
			});
		});
	});
}

// 2. First frame of the wizard against a bundled Ink "hello".
if (want("first-frame")) {
	const outDir = path.join(work, "hello");
	mkdirSync(outDir, { recursive: true });
	// The baseline is bundled as any Ink app would be. The same hello with the bundle's two start-up changes (string
	// width's fast path, yoga without fetch) is measured too, for information: the ratio against it is the wizard's own
	// cost, without the part of the gain that comes from loading Ink itself faster.
	const helloOptions = (outfile, plugins) => ({
		entryPoints: [path.join(root, "bench", "hello.jsx")],
		outfile,
		plugins,
		bundle: true,
		format: "esm",
		platform: "node",
		target: "node20",
		minify: true,
		jsx: "automatic",
		define: { "process.env.NODE_ENV": '"production"', "process.env.DEV": '"false"' },
		alias: { "react-devtools-core": path.join(root, "scripts", "empty-module.mjs") },
		banner: {
			js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
		},
		logLevel: "error",
	});
	const hello = path.join(outDir, "hello.mjs");
	const helloPatched = path.join(outDir, "hello-patched.mjs");
	await build(helloOptions(hello, []));
	await build(helloOptions(helloPatched, [fastStringWidth(), yogaWithoutFetch()]));
	const ours = [];
	const base = [];
	const patched = [];
	for (let i = 0; i < RUNS; i++) {
		ours.push(await ptyUntil(process.execPath, [BIN], { cwd: freshProject(), text: "Enter start research" }));
		base.push(await ptyUntil(process.execPath, [hello], { text: "Hello from Ink" }));
		patched.push(await ptyUntil(process.execPath, [helloPatched], { text: "Hello from Ink" }));
	}
	report("first frame of the wizard vs a bundled Ink hello", ours, base, "ms", 1.3);
	report(
		"first frame of the wizard vs that hello with the bundle's start-up changes",
		ours,
		patched,
		"ms",
		0,
		{
			info: true,
		},
	);
}

/** CPU seconds (user + system) of a process so far, from /proc. */
function cpuSeconds(pid) {
	const f = readFileSync(`/proc/${pid}/stat`, "utf8");
	const fields = f.slice(f.lastIndexOf(")") + 2).split(" ");
	return (Number(fields[11]) + Number(fields[12])) / 100;
}
function rssPeakMb(pid) {
	const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
	return m ? Number(m[1]) / 1024 : 0;
}

// 4. Three agents × 200,000 lines in the research screen at 160×48, against a process that only drains the streams.
if (want("flood")) {
	const lines = Number(process.env.BENCH_FLOOD_LINES ?? 200_000);
	const agentEnv = { ...baseEnv, FAKE_AGENT_LINES: String(lines), FAKE_AGENT_LINGER_MS: "0" };
	const floodOnce = () =>
		new Promise((resolve, reject) => {
			const cols = 160;
			const rows = 48;
			const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
			const child = pty.spawn(
				process.execPath,
				[BIN, "--agent", `${process.execPath} ${FAKE} flood-marker`],
				{ cols, rows, cwd: freshProject(), env: { ...agentEnv, CI: "false", TERM: "xterm-256color" } },
			);
			let started = false;
			let cpuAtStart = 0;
			const latencies = [];
			let finished = false;
			const seen = new Set();
			const timer = setTimeout(
				() => {
					child.kill("SIGKILL");
					const buf = term.buffer.active;
					const screen = [];
					for (let i = 0; i < rows; i++) screen.push(buf.getLine(i)?.translateToString(true) ?? "");
					reject(new Error(`flood benchmark timed out; the screen:\n${screen.join("\n")}`));
				},
				Number(process.env.BENCH_FLOOD_TIMEOUT_MS ?? 120_000),
			);
			child.onData((d) => {
				term.write(d, () => {
					const buf = term.buffer.active;
					const screen = [];
					for (let i = 0; i < rows; i++) screen.push(buf.getLine(i)?.translateToString(true) ?? "");
					const text = screen.join("\n");
					if (!started && text.includes("Enter start research")) {
						started = true;
						cpuAtStart = cpuSeconds(child.pid);
						child.write("\r");
					}
					const now = Date.now();
					for (const m of text.matchAll(/LAST-LINE (\d{13})\b/g)) {
						if (seen.has(m[1])) continue;
						seen.add(m[1]);
						latencies.push(now - Number(m[1]));
					}
					// Done: every task finished (a flood has no findings block, so the built-in research answers and says so).
					if (!finished && /All three research tasks are done|answered\. Enter continues\./.test(text)) {
						finished = true;
						clearTimeout(timer);
						const cpu = cpuSeconds(child.pid) - cpuAtStart;
						const rss = rssPeakMb(child.pid);
						child.kill("SIGKILL");
						resolve({ cpu, rss, latency: Math.max(...latencies) });
					}
				});
			});
		});
	const drainOnce = () =>
		new Promise((resolve) => {
			// The baseline: one Node process that starts the same three agents and discards their output.
			const script = `const {spawn}=require("child_process");let n=3;for(let i=0;i<3;i++){const c=spawn(process.execPath,[${JSON.stringify(FAKE)},"flood-marker"],{stdio:["pipe","pipe","ignore"]});c.stdin.end("prompt");c.stdout.on("data",()=>{});c.on("exit",()=>{if(--n===0){const u=process.cpuUsage();console.log((u.user+u.system)/1e6)}})}`;
			const p = spawn(process.execPath, ["-e", script], { env: agentEnv });
			let out = "";
			p.stdout.on("data", (d) => {
				out += d;
			});
			p.on("exit", () => resolve(Number(out.trim())));
		});
	const runs = Math.max(3, Math.floor(RUNS / 3));
	const ours = [];
	const base = [];
	const bare = [];
	for (let i = 0; i < runs; i++) {
		bare.push(wall(process.execPath, ["-e", ""]));
		ours.push(await floodOnce());
		base.push(await drainOnce());
	}
	const perRun = ours.map((r, i) => `${(r.cpu / base[i]).toFixed(2)}×`).join(", ");
	const b = stats(bare);
	report(
		`CPU, 3 agents × ${lines.toLocaleString("en")} lines at 160×48 vs draining the same streams`,
		ours.map((r) => r.cpu),
		base,
		"s",
		1.6,
		{
			note: `each run ${perRun}; bare node -e '' before each run ${fmt(b.median, "ms")} [${fmt(b.min, "ms")} – ${fmt(b.max, "ms")}]`,
		},
	);
	report(
		"peak RSS during that flood",
		ours.map((r) => r.rss),
		undefined,
		"MB",
		150,
		{ ratio: false },
	);
	report(
		"last line on screen after it was written",
		ours.map((r) => r.latency),
		undefined,
		"ms",
		250,
		{ ratio: false },
	);
}

// 5. Three agents idle for 10 s: spinners only.
if (want("idle")) {
	const idleMs = Number(process.env.BENCH_IDLE_MS ?? 10_000);
	const measure = () =>
		new Promise((resolve, reject) => {
			const cols = 160;
			const rows = 48;
			const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
			const child = pty.spawn(process.execPath, [BIN, "--agent", `${process.execPath} ${FAKE} idle`], {
				cols,
				rows,
				cwd: freshProject(),
				env: { ...baseEnv, FAKE_AGENT_IDLE_MS: String(idleMs + 5000), CI: "false", TERM: "xterm-256color" },
			});
			let started = false;
			child.onData((d) =>
				term.write(d, () => {
					if (started) return;
					const first = term.buffer.active.getLine(term.buffer.active.length - 1);
					const text = [...Array(rows).keys()]
						.map((i) => term.buffer.active.getLine(i)?.translateToString(true) ?? "")
						.join("\n");
					if (text.includes("Enter start research")) {
						started = true;
						child.write("\r");
						setTimeout(() => {
							const c0 = cpuSeconds(child.pid);
							const t0 = Date.now();
							setTimeout(() => {
								const share = ((cpuSeconds(child.pid) - c0) / ((Date.now() - t0) / 1000)) * 100;
								child.kill("SIGKILL");
								resolve(share);
							}, idleMs);
						}, 1000);
					}
					void first;
				}),
			);
			setTimeout(() => reject(new Error("idle benchmark timed out")), idleMs + 30_000);
		});
	const shares = [];
	for (let i = 0; i < Math.max(1, Math.floor(RUNS / 3)); i++) shares.push(await measure());
	report(
		`CPU while 3 agents are idle for ${idleMs / 1000} s (share of one core)`,
		shares,
		undefined,
		"%",
		2,
		{ ratio: false },
	);
}

// 6. Cold start: the packed tarball installed offline into an empty folder and its first --version, against the same
// for a package of one file that prints its version.
if (want("cold-start")) {
	const packs = path.join(work, "packs");
	const minimal = path.join(work, "minimal");
	mkdirSync(packs, { recursive: true });
	mkdirSync(minimal, { recursive: true });
	writeFileSync(
		path.join(minimal, "package.json"),
		JSON.stringify({
			name: "minimal-cli",
			version: "1.0.0",
			bin: { "minimal-cli": "index.js" },
			files: ["index.js"],
		}),
	);
	writeFileSync(path.join(minimal, "index.js"), '#!/usr/bin/env node\nconsole.log("1.0.0");\n');
	// The build ran before the benchmarks (npm run bench), so packing skips prepack.
	const ours = pack(root, packs);
	const base = pack(minimal, packs);
	const env = { ...userEnv(), PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` };
	const coldStart = (tarball, command) => () => {
		const dir = mkdtempSync(path.join(work, "cold-"));
		const t = process.hrtime.bigint();
		installTarball(tarball, dir);
		const r = spawnSync(path.join(dir, "node_modules", ".bin", command), ["--version"], {
			env,
			encoding: "utf8",
		});
		const ms = Number(process.hrtime.bigint() - t) / 1e6;
		if (r.status !== 0 || !/^\d+\.\d+\.\d+\n$/.test(r.stdout))
			throw new Error(`${command} --version: ${r.stderr}`);
		return ms;
	};
	const [c, m] = paired(
		Math.max(3, Math.ceil(RUNS / 2)),
		coldStart(ours.tarball, "genesis-tui"),
		coldStart(base.tarball, "minimal-cli"),
	);
	report(
		"cold start: npm install --offline of the tarball + first --version vs a one-file package",
		c,
		m,
		"ms",
		1.5,
		{
			note: `tarball ${(ours.report.size / 1e6).toFixed(2)} MB, ${(ours.report.unpackedSize / 1e6).toFixed(2)} MB unpacked`,
		},
	);
}

rmSync(work, { recursive: true, force: true });
const failed = results.filter((r) => !r.ok);
console.log(failed.length ? `\n${failed.length} target(s) missed.` : "\nEvery target met.");
process.exitCode = failed.length ? 1 : 0;
if (!existsSync(BIN)) process.exitCode = 1;
