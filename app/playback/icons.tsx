/**
 * The playback bar's icons: small strokes in currentColor, 16px.
 */
const common = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true } as const;

export const PlayIcon = () => (
  <svg {...common}>
    <path d="M4.5 2.8v10.4L13 8z" fill="currentColor" />
  </svg>
);

export const PauseIcon = () => (
  <svg {...common}>
    <rect x="3.5" y="2.8" width="3.2" height="10.4" rx="1" fill="currentColor" />
    <rect x="9.3" y="2.8" width="3.2" height="10.4" rx="1" fill="currentColor" />
  </svg>
);

/** One event forward: a bar and a small play head. */
export const StepIcon = () => (
  <svg {...common}>
    <path d="M3.5 3.5v9L9.5 8z" fill="currentColor" />
    <rect x="10.5" y="3.5" width="2" height="9" rx="0.8" fill="currentColor" />
  </svg>
);

/** To the next message hop: a dot jumping along an arrow. */
export const HopIcon = () => (
  <svg {...common}>
    <circle cx="4" cy="8" r="2.2" fill="currentColor" />
    <path d="M7.5 8h6M11 5.2 13.8 8 11 10.8" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

export const BackIcon = () => (
  <svg {...common}>
    <path d="M12.5 3.5v9L6.5 8z" fill="currentColor" />
    <rect x="3.5" y="3.5" width="2" height="9" rx="0.8" fill="currentColor" />
  </svg>
);

export const ResetIcon = () => (
  <svg {...common}>
    <path d="M3.2 8a4.8 4.8 0 1 0 1.6-3.6M3 2.5v2.8h2.8" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);
