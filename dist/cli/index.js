#!/usr/bin/env node
import nodeModule from 'node:module';

nodeModule.enableCompileCache?.();
const { loadCli } = await import('../keel/index.js');
await loadCli();
