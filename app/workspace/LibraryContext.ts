/**
 * Hands the workspace library to the components that open, create and rename workspaces.
 */
import { createContext, useContext } from 'react';
import type { Library } from './library.ts';

export const LibraryContext = createContext<Library | null>(null);

/** The app's workspace library (throws outside the provider: a wiring mistake, not a runtime state). */
export function useLibrary(): Library {
  const library = useContext(LibraryContext);
  if (!library) throw new Error('useLibrary needs a LibraryContext provider');
  return library;
}
