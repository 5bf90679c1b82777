// @vitest-environment jsdom
// Pick a field: the page never gets the click or the presses around it; a click it makes
// up picks nothing; Escape, or a second pick, answers the first as cancelled.
import { describe, expect, it, vi } from 'vitest';
import { CANCELLED, picker } from './pick-field';

describe('picker', () => {
  it('keeps the presses from the page and picks nothing for a made-up click', () => {
    document.body.replaceChildren(document.createElement('input'));
    const input = document.querySelector('input') as HTMLInputElement;
    const pageSaw = vi.fn();
    input.addEventListener('mousedown', pageSaw);
    input.addEventListener('click', pageSaw);
    const propose = vi.fn(() => ({ picked: true }));
    const pick = picker(window, () => [], propose);
    const answer = vi.fn();
    pick.start(answer);
    input.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    input.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(pageSaw).not.toHaveBeenCalled();
    expect(propose).not.toHaveBeenCalled();
    expect(answer).not.toHaveBeenCalled();
    pick.cancel();
  });

  it('answers cancelled for Escape and for a second pick, then lets the page have its events again', () => {
    const pick = picker(window, () => [], () => ({ picked: true }));
    const first = vi.fn();
    const second = vi.fn();
    pick.start(first);
    pick.start(second);
    expect(first).toHaveBeenCalledWith(CANCELLED);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(second).toHaveBeenCalledWith(CANCELLED);
    const pageSaw = vi.fn();
    document.body.addEventListener('click', pageSaw);
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(pageSaw).toHaveBeenCalledOnce();
  });
});
