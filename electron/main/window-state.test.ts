import { describe, expect, it } from 'vitest';
import { minimumWindowSize, restoreWindowState, windowStateToSave } from './window-state.ts';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const secondMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('window state', () => {
  it('puts the window back where it was', () => {
    const saved = windowStateToSave({ x: 100.4, y: 80, width: 1300, height: 900 }, false);
    expect(restoreWindowState(saved, [laptop])).toEqual({ bounds: { x: 100, y: 80, width: 1300, height: 900 }, maximized: false });
  });

  it('remembers that it was maximised', () => {
    expect(restoreWindowState({ x: 0, y: 0, width: 1200, height: 800, maximized: true }, [laptop]).maximized).toBe(true);
  });

  it('centres the window when its monitor has gone', () => {
    const onSecond = { x: 2200, y: 100, width: 1400, height: 900, maximized: false };
    expect(restoreWindowState(onSecond, [laptop, secondMonitor]).bounds).toMatchObject({ x: 2200, y: 100 });
    expect(restoreWindowState(onSecond, [laptop]).bounds).toEqual({ width: 1400, height: 900 });
  });

  it('centres the window when only a sliver of its title bar would show', () => {
    expect(restoreWindowState({ x: 1900, y: 0, width: 1200, height: 800, maximized: false }, [laptop]).bounds).not.toHaveProperty('x');
    expect(restoreWindowState({ x: 100, y: -790, width: 1200, height: 800, maximized: false }, [laptop]).bounds).not.toHaveProperty('x');
  });

  it('never opens smaller than the minimum or larger than the biggest monitor', () => {
    expect(restoreWindowState({ x: 0, y: 0, width: 10, height: 10, maximized: false }, [laptop]).bounds).toMatchObject(minimumWindowSize);
    expect(restoreWindowState({ x: 0, y: 0, width: 9000, height: 9000, maximized: false }, [laptop]).bounds).toMatchObject({
      width: 1920,
      height: 1040,
    });
  });

  it.each([
    undefined,
    null,
    'junk',
    { x: 'a' },
    { x: 0, y: 0, width: -5, height: 800, maximized: false },
    { x: 0.5, y: 0, width: 900, height: 800, maximized: false },
  ])('falls back to a centred default for %j', (saved) => {
    const state = restoreWindowState(saved, [laptop]);
    expect(state).toEqual({ bounds: { width: 1200, height: 800 }, maximized: false });
  });
});
