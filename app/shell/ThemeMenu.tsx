/**
 * Light, dark, or the system's setting: a small menu in the top bar; the pick is remembered (app/shell/theme.ts).
 */
import { Menu } from './Menu.tsx';
import { setThemeChoice, useTheme, type ThemeChoice } from './theme.ts';

const CHOICES: [ThemeChoice, string][] = [
  ['system', 'Match the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

function ThemeIcon({ dark }: { dark: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      {dark ? (
        <path d="M13 9.6A5.5 5.5 0 0 1 6.4 3a5.5 5.5 0 1 0 6.6 6.6z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
      ) : (
        <g fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round">
          <circle cx="8" cy="8" r="3" />
          <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
        </g>
      )}
    </svg>
  );
}

export function ThemeMenu() {
  const { theme, choice } = useTheme();
  return (
    <Menu
      label={
        <>
          <ThemeIcon dark={theme === 'dark'} />
          <span className="sr-only">Theme</span>
        </>
      }
      title={`Theme: ${CHOICES.find(([c]) => c === choice)![1].toLowerCase()}`}
      testId="theme"
      align="right"
    >
      {(close) =>
        CHOICES.map(([c, label]) => (
          <button
            key={c}
            type="button"
            role="menuitemradio"
            aria-checked={choice === c}
            className={`menu-item${choice === c ? ' is-active' : ''}`}
            data-testid={`theme-${c}`}
            onClick={() => {
              setThemeChoice(c);
              close();
            }}
          >
            <span className="menu-item-label">
              {choice === c ? '✓ ' : ''}
              {label}
            </span>
          </button>
        ))
      }
    </Menu>
  );
}
