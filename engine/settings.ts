/**
 * The settings schema for the app's main thread: what the editor completes and the inspector suggests. Apart from
 * engine/ui.ts because only views loaded on use read it (completions, a selected node's rows), and a module that
 * ui.ts re-exported would load with the first screen (issue 18 §1).
 */
export { SETTINGS, TARGET_SCOPES, setting, settingsFor } from './config/schema.ts';
export { readTarget } from './config/targets.ts';
