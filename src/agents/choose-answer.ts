/**
 * Which of the answers in one reply counts (issue 10 §12). Models do not always answer once: they echo the
 * prompt's example first, correct themselves ("Wait, that's wrong… corrected:"), offer two options, or
 * answer and then take it back in prose. The rules, in order:
 *
 * 1. An answer equal to the prompt's example is never an answer (it is dropped, wherever it stands).
 * 2. Answers that say the same thing count once.
 * 3. Different answers: the last one counts when the words just before it withdraw the one before
 *    ("wait", "actually", "oops", "corrected" …) and offer no alternative ("option", "alternatively" …);
 *    otherwise the reply is ambiguous and the model is asked again. Choosing between two designs the model
 *    left open would be a guess.
 * 4. A reply cut at the output limit counts only when its last answer was complete before the cut.
 *
 * What happens when nothing counts is part of the outcome: `ask_again` (a complete reply the same model can
 * fix when told what was wrong) or `fail_over` (nothing came back — cut short, still thinking, empty —
 * and asking the same model the same thing again would most likely give the same).
 */

/** What the agent does with a reply. */
export type Reading<T> =
  { ok: true; value: T } | { ok: false; next: 'ask_again' | 'fail_over'; error: string };

/** One answer found in a reply, readable or not. */
export interface Found<T> {
  /** Character offsets in the text it was found in. */
  start: number;
  end: number;
  /** The answer, when it is one keel can use. */
  value?: T;
  /** Why it cannot be used (a sentence for the model). */
  error?: string;
  /** False for an answer that runs to the end of the text unfinished (an unclosed object, no COMMIT). */
  complete: boolean;
}

export interface ChooseOptions<T> {
  /** The prompt's own example (rule 1). */
  isExample(value: T): boolean;
  /** Two answers that say the same thing (rule 2). */
  same(a: T, b: T): boolean;
  /** The reply stopped at the output limit. */
  truncated: boolean;
  /** What the model is told when the reply holds no answer at all. */
  noAnswer: string;
}

/** Words that withdraw what came before. */
const CORRECTION =
  /\b(?:wait|actually|oops|sorry|my (?:bad|mistake)|mistake|wrong|incorrect|correct(?:ed|ion|ing)?|fix(?:ed)?|revis(?:e|ed|ion)|updated? (?:answer|version|review|plan)|on second thought|let me (?:redo|fix|correct|revise)|i (?:missed|forgot)|scratch that|ignore (?:the|my) (?:previous|above|first))\b/i;
/** Words that offer the next answer beside the one before, not instead of it. */
const ALTERNATIVE =
  /\b(?:alternatively|alternative|option\s*\d|option (?:one|two|a|b)|another (?:way|approach|option)|or you could|if you(?:'d| would)? (?:prefer|rather))\b/i;

/** A reading that also says which answer counted, among which (examples left out). */
export type Choice<T> =
  | { ok: true; value: T; chosen: Found<T>; answers: readonly Found<T>[] }
  | { ok: false; next: 'ask_again' | 'fail_over'; error: string };

export function chooseAnswer<T>(
  found: readonly Found<T>[],
  text: string,
  options: ChooseOptions<T>,
): Choice<T> {
  const answers = found.filter((answer) => answer.value === undefined || !options.isExample(answer.value));
  const complete = answers.filter((answer) => answer.complete);
  const lastComplete = complete.at(-1);
  // An unfinished answer after the last complete one is the model's last word: never skipped over.
  const unfinished = answers.find(
    (answer) => !answer.complete && (lastComplete === undefined || answer.start >= lastComplete.end),
  );
  if (lastComplete === undefined || unfinished !== undefined) {
    if (options.truncated) {
      return {
        ok: false,
        next: 'fail_over',
        error: 'the answer was cut off at the output limit before it was complete',
      };
    }
    const echoed = found.length > 0 && answers.length === 0;
    return {
      ok: false,
      next: 'ask_again',
      error: echoed
        ? 'the answer only repeats the example of the format: answer with the change for this task'
        : (unfinished?.error ??
          answers.find((answer) => answer.error !== undefined)?.error ??
          options.noAnswer),
    };
  }
  // Rule 2: the distinct answers, in order, each standing at its last repetition.
  const distinct: Found<T>[] = [];
  for (const answer of complete) {
    const before = distinct.at(-1);
    if (
      before?.value !== undefined &&
      answer.value !== undefined &&
      options.same(before.value, answer.value)
    ) {
      distinct[distinct.length - 1] = answer;
    } else distinct.push(answer);
  }
  const last = distinct.at(-1)!;
  if (distinct.length > 1) {
    const previous = distinct.at(-2)!;
    const between = text.slice(previous.end, last.start);
    if (!CORRECTION.test(between) || ALTERNATIVE.test(between)) {
      return {
        ok: false,
        next: 'ask_again',
        error: `the answer holds ${distinct.length} different answers and does not say which one counts: answer with exactly one`,
      };
    }
  }
  if (last.value === undefined) {
    return { ok: false, next: 'ask_again', error: last.error ?? options.noAnswer };
  }
  return { ok: true, value: last.value, chosen: last, answers };
}

/** Whether a stretch of prose withdraws or qualifies what came before it (for the reviewer's verdicts). */
export function soundsLikeCorrection(prose: string): boolean {
  return CORRECTION.test(prose);
}
