/** One change to the workspace. Paths are workspace-relative and checked before anything is written. */
export type Edit =
  | { kind: 'write'; path: string; content: string }
  | { kind: 'replace'; path: string; search: string; replace: string }
  | { kind: 'delete'; path: string };
