/**
 * What a first visit opens: the practice template, kept exactly as the course prints it. Apart from the other
 * examples (index.ts), whose texts load when the Examples menu first opens (issue 18 §1: out of the first load).
 */
import practice from './practice-decouple-checkout.mmd?raw';

export interface Example {
  id: string;
  title: string;
  /** One line on what the diagram shows. */
  summary: string;
  text: string;
}

export const practiceTemplate: Example = {
  id: 'practice-decouple-checkout',
  title: 'Practice: decouple the checkout',
  summary: 'The synchronous checkout beside its Kafka-based redesign (Module 9 challenge)',
  text: practice,
};
