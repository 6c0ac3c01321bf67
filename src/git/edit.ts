/** One change to the workspace. Paths are workspace-relative and checked before anything is written. */
export type Edit =
  | { kind: 'write'; path: string; content: string }
  | {
      kind: 'replace';
      path: string;
      search: string;
      replace: string;
      /**
       * Search and replace are whole lines (the coder's SEARCH/REPLACE blocks and diff hunks): the search
       * matches only where a line starts, and lenient matching may compare it line by line.
       */
      wholeLines?: boolean;
    }
  | { kind: 'delete'; path: string };
