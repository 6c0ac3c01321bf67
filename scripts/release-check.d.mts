export function releaseProblems(options: { version: unknown; tags: string[]; distChanges: string }): string[];
