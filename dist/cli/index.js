#!/usr/bin/env node
import { loadCli } from '../keel/index.js';

await loadCli();
