/**
 * One vocabulary for deadline states: the words, the shape and the colours the panel, the
 * caseload, the work-tray badges and the toolbar badge all show. Imported by the content
 * script too, so it stays dependency-free (types only).
 *
 * A state is never shown by colour alone: each has its own shape, and words go with it.
 */
import type { CountdownStatus } from '../rules/types';
import { plural } from '../model/words';

/**
 * A deadline's state as shown: the engine's status, `error` when the rule itself failed, or
 * `date-problem` when a date it counts from cannot be right (so it is not counted down).
 */
export type DeadlineState = CountdownStatus | 'error' | 'date-problem';

/** One element of a 20×20 icon, drawn in the text colour; `cut` parts are drawn in the background colour. */
export interface ShapePart {
  tag: 'path' | 'circle' | 'rect';
  attrs: Readonly<Record<string, string>>;
  cut?: boolean;
}

export interface StateLook {
  /** The state in words, e.g. "Due soon". */
  words: string;
  /** What the shape is, for the README and tests, e.g. "solid octagon". */
  shapeName: string;
  shape: readonly ShapePart[];
  /** Text and icon colour, tag background and the strong edge colour (left border, badge). */
  colour: { text: string; background: string; edge: string };
  /** Most urgent first; used to sort deadlines and assessments. */
  urgency: number;
}

const NEUTRAL = { text: '#383f43', background: '#eeefef', edge: '#505a5f' };

const QUESTION: readonly ShapePart[] = [
  { tag: 'circle', attrs: { cx: '10', cy: '10', r: '8', fill: 'none', stroke: 'currentColor', 'stroke-width': '2', 'stroke-dasharray': '3 2' } },
  {
    tag: 'path',
    attrs: { d: 'M7.8 7.8a2.3 2.3 0 1 1 3.2 2.1c-.7.3-1 .8-1 1.5v.4M10 14.5v.5', fill: 'none', stroke: 'currentColor', 'stroke-width': '1.8', 'stroke-linecap': 'round' },
  },
];

const TICK = 'm5.5 10.5 3 3 6-6.5';

export const DEADLINE_STATES: Readonly<Record<DeadlineState, StateLook>> = {
  overdue: {
    words: 'Overdue',
    shapeName: 'solid octagon (a stop sign) with "!"',
    shape: [
      { tag: 'path', attrs: { d: 'M6.3 1h7.4L19 6.3v7.4L13.7 19H6.3L1 13.7V6.3Z', fill: 'currentColor' } },
      { tag: 'path', attrs: { d: 'M10 5v6M10 14v.5', stroke: '#fff', 'stroke-width': '2.2', 'stroke-linecap': 'round' }, cut: true },
    ],
    colour: { text: '#942514', background: '#f4d7d2', edge: '#d4351c' },
    urgency: 0,
  },
  'due-today': {
    words: 'Due today',
    shapeName: 'solid triangle with "!"',
    shape: [
      { tag: 'path', attrs: { d: 'M10 1 19.5 18.5H.5Z', fill: 'currentColor' } },
      { tag: 'path', attrs: { d: 'M10 7.5v5M10 15v.5', stroke: '#fff', 'stroke-width': '2', 'stroke-linecap': 'round' }, cut: true },
    ],
    colour: { text: '#6e3619', background: '#fcd6c3', edge: '#c14e11' },
    urgency: 1,
  },
  'due-soon': {
    words: 'Due soon',
    shapeName: 'outlined triangle with "!"',
    shape: [
      { tag: 'path', attrs: { d: 'M10 2 19 18H1Z', fill: 'none', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linejoin': 'round' } },
      { tag: 'path', attrs: { d: 'M10 8v4M10 14.5v.5', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round' } },
    ],
    colour: { text: '#594d00', background: '#fff7bf', edge: '#b58800' },
    urgency: 2,
  },
  missing: { words: 'Start date not recorded', shapeName: 'dashed circle with "?"', shape: QUESTION, colour: NEUTRAL, urgency: 3 },
  error: {
    words: 'Could not check',
    shapeName: 'dashed circle with a cross',
    shape: [
      { tag: 'circle', attrs: { cx: '10', cy: '10', r: '8', fill: 'none', stroke: 'currentColor', 'stroke-width': '2', 'stroke-dasharray': '3 2' } },
      { tag: 'path', attrs: { d: 'm7 7 6 6m0-6-6 6', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round' } },
    ],
    colour: NEUTRAL,
    urgency: 3.5,
  },
  'date-problem': { words: 'Check the date', shapeName: 'dashed circle with "?"', shape: QUESTION, colour: NEUTRAL, urgency: 3.2 },
  unknown: { words: 'Not read yet', shapeName: 'dashed circle with "?"', shape: QUESTION, colour: NEUTRAL, urgency: 4 },
  'on-track': {
    words: 'On track',
    shapeName: 'clock face',
    shape: [
      { tag: 'circle', attrs: { cx: '10', cy: '10', r: '8', fill: 'none', stroke: 'currentColor', 'stroke-width': '2' } },
      { tag: 'path', attrs: { d: 'M10 5v5l3 2', fill: 'none', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round' } },
    ],
    colour: { text: '#0c2d4a', background: '#bbd4ea', edge: '#1d70b8' },
    urgency: 5,
  },
  'met-late': {
    words: 'Met late',
    shapeName: 'outlined square with a tick',
    shape: [
      { tag: 'rect', attrs: { x: '1.5', y: '1.5', width: '17', height: '17', rx: '2', fill: 'none', stroke: 'currentColor', 'stroke-width': '2' } },
      { tag: 'path', attrs: { d: TICK, fill: 'none', stroke: 'currentColor', 'stroke-width': '2.2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' } },
    ],
    colour: { text: '#3d2375', background: '#dbd5e9', edge: '#4c2c92' },
    urgency: 6,
  },
  'met-on-time': {
    words: 'Met on time',
    shapeName: 'solid circle with a tick',
    shape: [
      { tag: 'circle', attrs: { cx: '10', cy: '10', r: '9', fill: 'currentColor' } },
      {
        tag: 'path',
        attrs: { d: TICK, fill: 'none', stroke: '#fff', 'stroke-width': '2.2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' },
        cut: true,
      },
    ],
    colour: { text: '#005a30', background: '#cce2d8', edge: '#00703c' },
    urgency: 7,
  },
  'not-applicable': { words: 'Does not apply', shapeName: 'dashed circle with "?"', shape: QUESTION, colour: NEUTRAL, urgency: 8 },
};

/** The look of a state; anything unexpected (an old stored value) looks like "not read yet". */
export function stateLook(state: string): StateLook {
  return Object.prototype.hasOwnProperty.call(DEADLINE_STATES, state) ? DEADLINE_STATES[state as DeadlineState] : DEADLINE_STATES.unknown;
}

/** A deadline's state in words, e.g. "Due soon", "Met late", "Not read yet". */
export function stateWords(state: string): string {
  return stateLook(state).words;
}

/** The state a countdown is shown with. */
export function deadlineState(c: { status: CountdownStatus; error?: string; dateProblem?: string }): DeadlineState {
  return c.error ? 'error' : c.dateProblem ? 'date-problem' : c.status;
}

/** States that need someone to act before the deadline: the ones the badges and nudges count. */
export const RUNNING_STATES: readonly DeadlineState[] = ['overdue', 'due-today', 'due-soon', 'on-track'];


/** "1 working day", "3 working days". */
export function workingDaysText(n: number): string {
  return plural(n, 'working day', 'working days');
}
