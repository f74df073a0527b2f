#!/usr/bin/env node
import { runCli } from './cli/program';

void runCli(process.argv.slice(2)).then((code) => {
  // serve keeps running until a signal; every other command ends here.
  if (code !== 0) process.exit(code);
});
