// The assessment's clock as a small picture (drawn here, no library) and, for everyone
// including screen readers, the same as a list. The picture is hidden from assistive tech.
import type { Timeline } from '../lib/verdict/timeline';
import { stateLook } from '../lib/verdict/deadline-states';
import { longDate } from './format';
import { StateIcon, stateStyle } from './parts';

const W = 320;
const LEFT = 12;
const RIGHT = W - 12;
const BAR_Y = 34;

export function ClockTimeline({ timeline: t }: { timeline: Timeline }) {
  const span = Math.max(1, t.length);
  const x = (day: number) => LEFT + ((RIGHT - LEFT) * Math.min(day, span)) / span;
  const todayX = x(t.todayDay);
  return (
    <figure class="timeline" data-timeline="">
      <figcaption class="timeline__caption">
        Working days from referral ({longDate(t.start)}) to {longDate(t.end)}: day {Math.min(t.todayDay, t.length)} of {t.length} today.
      </figcaption>
      <svg class="timeline__picture" viewBox={`0 0 ${W} 56`} width="100%" height="56" aria-hidden="true" focusable="false">
        <rect x={LEFT} y={BAR_Y - 3} width={RIGHT - LEFT} height="6" rx="3" fill="#b1b4b6" />
        <rect x={LEFT} y={BAR_Y - 3} width={Math.max(0, todayX - LEFT)} height="6" rx="3" fill="#505a5f" />
        {t.holidays.map((h) => (
          <g key={h.date} data-holiday={h.date}>
            <rect x={x(h.day) - 2} y={BAR_Y + 6} width="4" height="8" fill="#6f777b" />
          </g>
        ))}
        {t.milestones.map((m) => {
          const look = stateLook(m.state);
          const cx = x(m.day);
          return (
            <g key={`${m.ruleId}|${m.subjectId ?? ''}`} transform={`translate(${cx - 7} ${BAR_Y - 7})`} style={{ color: look.colour.edge }}>
              {m.happened ? (
                <circle cx="7" cy="7" r="6.5" fill="currentColor" stroke="#fff" stroke-width="1" />
              ) : (
                <path d="M7 .5 13.5 7 7 13.5.5 7Z" fill="#fff" stroke="currentColor" stroke-width="2" />
              )}
            </g>
          );
        })}
        <line x1={todayX} x2={todayX} y1="14" y2={BAR_Y + 10} stroke="#0b0c0c" stroke-width="2" />
        <text x={Math.min(Math.max(todayX, 22), W - 22)} y="10" text-anchor="middle" font-size="10" font-weight="bold" fill="#0b0c0c">
          Today
        </text>
      </svg>
      <ol class="timeline__list plain-list">
        <li>
          <span class="timeline__day">Day 0</span>
          <span aria-hidden="true" />
          <span class="timeline__text">Referral, {longDate(t.start)}</span>
        </li>
        {t.milestones.map((m) => (
          <li key={`${m.ruleId}|${m.subjectId ?? ''}`} data-milestone={m.ruleId} data-happened={m.happened ? 'yes' : 'no'} style={stateStyle(m.state)}>
            <span class="timeline__day">Day {m.day}</span>
            <StateIcon shape={m.state} />
            <span class="timeline__text">
              {m.label}: {m.happened ? `done ${longDate(m.date)}` : `due ${longDate(m.due)}`} ({stateLook(m.state).words.toLowerCase()})
            </span>
          </li>
        ))}
        {t.holidays.length > 0 ? (
          <li class="muted timeline__note">Bank holidays not counted: {t.holidays.map((h) => longDate(h.date)).join(', ')}</li>
        ) : null}
      </ol>
    </figure>
  );
}
