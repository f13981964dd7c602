// Runs the cross-engine checks (checks.mjs) in one engine and prints one
// JSON object on stdout: {engine, version, fatal, checks: [{name,
// problems, ms}]}. engines_test.go starts the servers, passes their
// addresses as a JSON config on stdin, and turns each check into a
// subtest. An engine that cannot start is a fatal error, never a skip.
//
//   node run.mjs --engine firefox|webkit [--checks seen.mjs] [--only name,name] < config.json
//
// --checks names another module of this folder whose checks to run
// instead of checks.mjs's (seen.mjs: seen_test.go's).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const drivers = { firefox: "./firefox.mjs", webkit: "./webkit.mjs" };

const { values } = parseArgs({ options: { engine: { type: "string" }, checks: { type: "string" }, only: { type: "string" } } });
const out = { engine: values.engine, version: "", fatal: "", checks: [] };
const print = () => process.stdout.write(JSON.stringify(out) + "\n");

async function readStdin() {
  let s = "";
  for await (const chunk of process.stdin) s += chunk;
  return JSON.parse(s);
}

async function main() {
  if (!drivers[values.engine]) {
    out.fatal = `unknown engine ${JSON.stringify(values.engine)}: want ${Object.keys(drivers).join(" or ")}`;
    return;
  }
  const cfg = await readStdin();
  if (values.checks && !/^[\w-]+\.mjs$/.test(values.checks)) {
    out.fatal = `--checks ${JSON.stringify(values.checks)}: want a module of this folder`;
    return;
  }
  const { checks } = await import("./" + (values.checks || "checks.mjs"));
  const mod = await import(drivers[values.engine]);
  const profile = mkdtempSync(join(tmpdir(), `gloss-${values.engine}-`));
  let d;
  try {
    d = await mod.start(profile);
  } catch (e) {
    out.fatal = `${values.engine} could not start: ${e.message.split("\n")[0]}\n  Install it with: ${mod.install}   (or run make deps as root)`;
    rmSync(profile, { recursive: true, force: true });
    return;
  }
  out.version = d.version;
  const only = values.only ? new Set(values.only.split(",")) : null;
  try {
    for (const c of checks) {
      if (only && !only.has(c.name)) continue;
      const t0 = Date.now();
      let problems;
      try {
        problems = await c.run(d, cfg);
      } catch (e) {
        problems = [`the check stopped: ${e.stack || e}`];
      }
      out.checks.push({ name: c.name, problems, ms: Date.now() - t0 });
      process.stderr.write(`${values.engine}: ${c.name}: ${problems.length ? problems.length + " problems" : "ok"} (${Date.now() - t0} ms)\n`);
    }
  } finally {
    await d.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

main().then(print, (e) => {
  out.fatal = String(e.stack || e);
  print();
}).finally(() => process.exit(0));
