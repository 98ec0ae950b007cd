/**
 * The right-click fault menu's state: which node or edge it is for and where it opens (canvas coordinates).
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type FaultMenuTarget = { kind: 'node'; id: string } | { kind: 'edge'; id: string; from: string; to: string };

export interface FaultMenuState {
  target: FaultMenuTarget | null;
  x: number;
  y: number;
}

export const faultMenu = createStore<FaultMenuState>()(() => ({ target: null, x: 0, y: 0 }));

export const useFaultMenu = <T,>(selector: (s: FaultMenuState) => T): T => useStore(faultMenu, selector);

export function openFaultMenu(target: FaultMenuTarget, x: number, y: number): void {
  faultMenu.setState({ target, x, y });
}

export function closeFaultMenu(): void {
  faultMenu.setState({ target: null });
}
