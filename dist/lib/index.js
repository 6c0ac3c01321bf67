// The library: src/index.ts, bundled in ../keel/. Its types are lib/index.d.ts.
import { loadLibrary } from '../keel/index.js';

export const {
  ConfigError,
  FleetHealthBook,
  RouterError,
  configJsonSchema,
  createEndpointClient,
  createRouter,
  loadConfig,
  parseConfigText,
  probeHealth,
  renderStatusMarkdown,
  renderStatusText,
  scanCapabilities,
  systemClock,
} = await loadLibrary();
