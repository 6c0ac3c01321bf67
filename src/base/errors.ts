export function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Last-resort error text for the CLI: the message and, for unexpected errors, the stack. */
export function formatFatal(error: unknown): string {
  if (error instanceof Error) {
    const named = error as Error & { code?: unknown; expected?: boolean };
    // Errors we raise on purpose (config, router exhaustion) read better without a stack.
    if (named.expected === true) return `keel: ${error.message}\n`;
    return `keel: ${error.stack ?? error.message}\n`;
  }
  return `keel: ${String(error)}\n`;
}
