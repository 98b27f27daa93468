import { z } from 'zod';

/**
 * Remembers where the window was (window-state.json in the data folder, through electron-store)
 * and puts it back only where it can be seen: a monitor that has gone, or a hand-edited file,
 * must never open the app off-screen or at a useless size.
 */

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** x and y are left out when the window should be centred. */
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

export const minimumWindowSize = { width: 800, height: 560 } as const;
const defaultSize = { width: 1200, height: 800 } as const;
/** How much of the window's top strip must lie on a monitor for it to be reachable. */
const reachable = { width: 120, height: 40 } as const;

const savedWindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});

export type SavedWindowState = z.infer<typeof savedWindowStateSchema>;

/** What to save when the window closes: its normal (unmaximised) bounds and whether it was maximised. */
export function windowStateToSave(normalBounds: Area, maximized: boolean): SavedWindowState {
  return { ...roundArea(normalBounds), maximized };
}

/** Where to open the window, from what was saved (anything, or nothing) and the monitors' work areas. */
export function restoreWindowState(saved: unknown, workAreas: readonly Area[]): WindowState {
  const parsed = savedWindowStateSchema.safeParse(saved);
  const largest = workAreas.reduce<Area | undefined>(
    (best, area) => (!best || area.width * area.height > best.width * best.height ? area : best),
    undefined,
  );
  const fit = (wanted: { width: number; height: number }) => ({
    width: clamp(wanted.width, minimumWindowSize.width, largest?.width ?? wanted.width),
    height: clamp(wanted.height, minimumWindowSize.height, largest?.height ?? wanted.height),
  });
  if (!parsed.success) return { bounds: fit(defaultSize), maximized: false };

  const size = fit(parsed.data);
  const topStrip = { x: parsed.data.x, y: parsed.data.y, width: size.width, height: reachable.height };
  const onScreen = workAreas.some((area) => {
    const overlap = intersection(topStrip, area);
    return overlap.width >= Math.min(reachable.width, size.width) && overlap.height >= reachable.height;
  });
  return {
    bounds: onScreen ? { x: parsed.data.x, y: parsed.data.y, ...size } : size,
    maximized: parsed.data.maximized,
  };
}

function intersection(a: Area, b: Area): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

function roundArea(area: Area): Area {
  return { x: Math.round(area.x), y: Math.round(area.y), width: Math.round(area.width), height: Math.round(area.height) };
}
