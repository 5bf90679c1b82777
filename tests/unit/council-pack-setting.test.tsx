// @vitest-environment jsdom
// The options page's council pack block: the pack in force, where it came from, that a newer
// one was refused (with its JSON paths), and the import passing the file's text up.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsForm, type OptionsFormProps } from '../../components/OptionsForm';
import type { CouncilPackSettingProps } from '../../components/CouncilPackSetting';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

function props(councilPack: CouncilPackSettingProps, locked: OptionsFormProps['locked'] = {}): OptionsFormProps {
  return {
    packId: 'testshire',
    packs: [
      { id: 'derby', name: 'Derby City' },
      { id: 'testshire', name: 'Testshire (your council’s pack)' },
    ],
    fieldMap: { id: 'lcs-demo', version: '3', inUse: true },
    origins: [],
    retentionDays: 30,
    holidays: { knownUntil: '2027-12-27', source: 'bundled' },
    stored: { assessments: 0 },
    locked,
    onPackChange: vi.fn(),
    onImportFieldMap: vi.fn(),
    onOriginsChange: vi.fn(),
    onRetentionChange: vi.fn(),
    onImportHolidays: vi.fn(),
    onClearAll: vi.fn(),
    councilPack,
  };
}

async function show(p: OptionsFormProps) {
  await act(() => {
    render(<OptionsForm {...p} />, container);
  });
  const block = container.querySelector('[data-council-pack]');
  if (!block) throw new Error('no council pack block');
  return block as HTMLElement;
}

describe('the council pack block in the options page', () => {
  it('says which pack is in force, where it came from, and that a newer one was refused, with its JSON paths', async () => {
    const block = await show(
      props({
        pack: { name: 'Testshire', version: '1.0', source: 'policy', kept: true, chosen: true },
        errors: [{ path: '$.rules[0].use', message: 'expected one of "assessment-timescale"' }],
        onImport: vi.fn(),
      }),
    );
    expect(block.textContent).toContain('Testshire');
    expect(block.textContent).toContain('1.0');
    expect(block.textContent).toContain('Set by your organisation');
    expect(block.querySelector('[data-council-pack-status]')?.textContent).toBe('In use. A newer pack has mistakes, so this one stays in use until it is fixed.');
    expect(block.querySelector('[role="alert"]')?.textContent).toContain('$.rules[0].use: expected one of "assessment-timescale"');
  });

  it('passes an imported file’s text up', async () => {
    const onImport = vi.fn();
    const block = await show(props({ pack: null, errors: [], onImport }));
    expect(block.textContent).toContain('No council pack has been imported.');
    const input = block.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File(['{"id":"testshire"}'], 'pack.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(onImport).toHaveBeenCalledWith('{"id":"testshire"}'));
  });

  it('cannot be changed when the organisation sets it', async () => {
    const block = await show(props({ pack: null, errors: [], onImport: vi.fn() }, { councilPack: true }));
    expect((block.querySelector('input[type="file"]') as HTMLInputElement).disabled).toBe(true);
    expect(block.textContent).toContain('Set by your organisation. Ask your IT team to change it.');
  });
});
