// The one place that loads Bolt at runtime. Socket Mode's undici is pinned to ^7 in
// package.json: undici 8 needs Node ≥ 22.19 and would crash the import on Node 20.
export { App, HTTPReceiver, LogLevel } from "@slack/bolt";
