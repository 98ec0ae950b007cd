/**
 * A lesson's reading: what the learner will be able to do, then the text with its diagrams, its figures worked out
 * from the topology in the editor (they follow each edit that parses).
 */
import { memo, useMemo } from 'react';
import { useApp } from '../state/store.ts';
import type { Lesson } from '../../lessons/index.ts';
import { Markdown, type MarkdownContext } from './Markdown.tsx';
import { MermaidFigure } from './MermaidFigure.tsx';

const diagram = (source: string, key: string) => <MermaidFigure key={key} source={source} />;

const NO_FIGURES: Record<string, string> = {};

/** Until the text has parsed once, figures show as pending rather than as raw placeholders. */
const pending = (reading: string) => Object.fromEntries([...reading.matchAll(/\{\{\s*([\w-]+)\s*\}\}/g)].map((m) => [m[1]!, '…']));

export const Reading = memo(function Reading({ lesson }: { lesson: Lesson }) {
  const topology = useApp((s) => s.good?.topology ?? null);
  const figures = useMemo(() => {
    // A constant when there are none, so a parse does not re-render a reading that has no figures.
    if (!lesson.figures) return NO_FIGURES;
    return topology ? lesson.figures(topology) : pending(lesson.reading);
  }, [topology, lesson]);
  const ctx: MarkdownContext = useMemo(() => ({ figures, diagram }), [figures]);
  return (
    <article className="reading" data-testid="lesson-reading">
      <section className="reading-objectives" aria-label="Objectives">
        <h2>You will be able to</h2>
        <ul>
          {lesson.objectives.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      </section>
      <Markdown source={lesson.reading} ctx={ctx} />
    </article>
  );
});
