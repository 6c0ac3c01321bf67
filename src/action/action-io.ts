/**
 * The Action's side of the runner, behind one small interface: inputs, outputs, saved state for `post`,
 * logs, annotations, the job summary. `actionsIO()` is the real one over @actions/core; tests pass fakes.
 */
import * as core from '@actions/core';
import { neutralizeWorkflowCommands } from '../base/workflow-commands.ts';

export interface Annotation {
  level: 'notice' | 'warning' | 'error';
  title: string;
  message: string;
}

export interface ActionIO {
  input(name: string): string;
  setOutput(name: string, value: string): void;
  /** Survives into the `post` step, even when `main` is killed right after. */
  saveState(name: string, value: string): void;
  getState(name: string): string;
  /** Masks a value in every log line from here on. */
  setSecret(value: string): void;
  info(text: string): void;
  annotate(annotation: Annotation): void;
  group<T>(title: string, body: () => Promise<T>): Promise<T>;
  /** Appends Markdown to the job summary. */
  summary(markdown: string): Promise<void>;
}

export function actionsIO(): ActionIO {
  return {
    input: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    saveState: (name, value) => core.saveState(name, value),
    getState: (name) => core.getState(name),
    setSecret: (value) => core.setSecret(value),
    // Log lines carry untrusted text (answers, issue titles): no workflow command may start in them.
    info: (text) => core.info(neutralizeWorkflowCommands(text)),
    annotate: ({ level, title, message }) => {
      const properties = { title };
      if (level === 'error') core.error(message, properties);
      else if (level === 'warning') core.warning(message, properties);
      else core.notice(message, properties);
    },
    group: (title, body) => core.group(title, body),
    summary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write();
    },
  };
}
