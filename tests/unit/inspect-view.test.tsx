// @vitest-environment jsdom
// Inspect mode's view: every entry with its state in words (never colour alone), Show me
// only where an entry read something, Pick a field's states, and the proposal with Copy.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InspectView, type InspectViewProps } from '../../components/InspectView';

const REPORT: InspectViewProps['report'] = {
  recognised: true,
  assessmentId: 'SA-1',
  sections: ['reasons'],
  frames: [],
  entries: [
    { entry: 'ref', fact: 'dates.referral', section: 'reasons', state: 'found', found: 'date', showPath: 'dates.referral' },
    { entry: 'icpc', fact: 'dates.icpc', section: 'reasons', state: 'not-found', reasons: ['nothing matched label "Date of ICPC"'] },
    { entry: 'plan', fact: 'planning.fileRead', section: 'plan', state: 'not-on-page', reasons: ['its section (plan) is not on this page'] },
  ],
};

function props(over: Partial<InspectViewProps> = {}): InspectViewProps {
  return {
    mapName: 'lcs-demo version 1.0.0',
    report: REPORT,
    coverage: { factsRead: ['dates.referral'], checkable: [{ ruleId: 'a' }], notCheckable: [{ ruleId: 'derby/icpc', needs: 'dates.icpc' }] },
    onRefresh: vi.fn(),
    onShowMe: vi.fn(),
    pick: { state: 'idle' },
    onPick: vi.fn(),
    onStopPicking: vi.fn(),
    onCopy: vi.fn(async () => true),
    ...over,
  };
}

const host = document.createElement('div');
document.body.appendChild(host);
afterEach(() => render(null, host));

describe('InspectView', () => {
  it('says each entry’s state in words, with why it found nothing', () => {
    act(() => render(<InspectView {...props()} />, host));
    const text = host.textContent ?? '';
    expect(text).toContain('Found: date');
    expect(text).toContain('Found nothing');
    expect(text).toContain('nothing matched label "Date of ICPC"');
    expect(text).toContain('derby/icpc needs dates.icpc');
    expect(host.querySelectorAll('[data-inspect-entry]')).toHaveLength(3);
  });

  it('Show me only for an entry that read something, named for screen readers', () => {
    const p = props();
    act(() => render(<InspectView {...p} />, host));
    const buttons = host.querySelectorAll('[data-show-entry]');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]?.textContent).toBe('Show me where ref read');
    act(() => (buttons[0] as HTMLButtonElement).click());
    expect(p.onShowMe).toHaveBeenCalledWith(REPORT && REPORT.recognised ? REPORT.entries[0] : undefined);
  });

  it('Pick a field: waiting, then a proposal to copy', async () => {
    act(() => render(<InspectView {...props({ pick: { state: 'waiting' } })} />, host));
    expect(host.textContent).toContain('Click the field on the case page');
    expect(host.textContent).toContain('Stop picking');
    const p = props({ pick: { state: 'proposed', json: '{ "fact": "?" }', notes: ['Replace "fact"'] } });
    act(() => render(<InspectView {...p} />, host));
    expect(host.querySelector('[data-proposed-entry]')?.textContent).toBe('{ "fact": "?" }');
    await act(async () => (host.querySelector('[data-copy-entry]') as HTMLButtonElement).click());
    expect(p.onCopy).toHaveBeenCalledWith('{ "fact": "?" }');
    expect(host.textContent).toContain('Copied');
  });

  it('a page the map does not recognise says what to check', () => {
    act(() => render(<InspectView {...props({ report: { recognised: false } })} />, host));
    expect(host.textContent).toContain('page.url');
  });
});
