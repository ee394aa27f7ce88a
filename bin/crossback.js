#!/usr/bin/env node
// The `crossback` command: its TypeScript sources run from a bundle that is rebuilt whenever a source
// file changed (bin/bundle.js), with stack traces mapped back to the sources.
import { mainEntry } from "./bundle.js";

process.setSourceMapsEnabled(true);
await import(await mainEntry());
