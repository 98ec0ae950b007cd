/**
 * On a phone the frame shows one view at a time; these tabs along the bottom switch between them: the lesson (or
 * the inspector), the text, the canvas with the playback bar, and the dock of panels with the playback bar.
 */
import { useRoute } from '../lessons/route.ts';
import { phoneViewFor, showPhoneView, useLayout, type PhoneView } from './layoutStore.ts';
import './PhoneTabs.css';

export function PhoneTabs() {
  const page = useRoute().page;
  const view = phoneViewFor(useLayout((s) => s.phoneView), page);
  const tabs: [PhoneView, string][] = [
    ['side', page === 'lesson' ? 'Lesson' : 'Inspector'],
    ['text', 'Text'],
    ['canvas', 'Canvas'],
    ['dock', 'Panels'],
  ];
  if (page !== 'lesson') tabs.push(tabs.shift()!);
  return (
    <nav className="phone-tabs" aria-label="Views" data-testid="phone-tabs">
      {tabs.map(([id, label]) => (
        <button
          key={id}
          type="button"
          className={`phone-tab${view === id ? ' is-active' : ''}`}
          aria-pressed={view === id}
          data-testid={`phone-tab-${id}`}
          onClick={() => showPhoneView(id)}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}
