import { loadAction } from '../keel/index.js';

export const { run } = await loadAction();
