/** github/api/: what the rest of keel uses of it. */
export { type ActionContext, readActionContext, runUrl } from './context.ts';
export { writerLogins } from './identity.ts';
export { createOctokit, type GitHubClient } from './octokit.ts';
