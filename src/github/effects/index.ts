/** github/effects/: what the rest of keel uses of it. */
export { effectsError, githubMessage, saysMatching, statusOf } from './effects-errors.ts';
export { GitHubEffects } from './github-effects.ts';
export { repoEffects, trustedHostsOf } from './repo-effects.ts';
