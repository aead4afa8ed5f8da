// The one place that loads Bolt at runtime: the Node 20 shim must run first.
import "./compat/socket-mode-undici";

export { App, HTTPReceiver, LogLevel } from "@slack/bolt";
