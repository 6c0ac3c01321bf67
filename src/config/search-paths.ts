/** Where `loadConfig()` looks, in order, when given no path (its own module: the early resume reads it). */
export const CONFIG_SEARCH_PATHS = [
  '.github/keel.yml',
  '.github/keel.yaml',
  'keel.yml',
  'keel.yaml',
  'keel.json',
];
