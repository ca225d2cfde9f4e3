import type { DocumentFormat } from './types.ts';
import { countStrongLabels } from './fields.ts';
import { findQuestionHeadings } from './questionnaire.ts';

/*
 * Format detection by structure, not by file name: a questionnaire has (some of) the four
 * fixed questions, a fact sheet has "Label:" fields specific to fact sheets. The questions
 * are checked first because a questionnaire may start with a few fields (Projekt, Träger).
 */
export function detectFormat(text: string): DocumentFormat | null {
  const headings = findQuestionHeadings(text.split('\n'));
  const questions = headings.length;
  const strongQuestions = headings.filter((h) => h.strong).length;
  const questionnaireTitle = /\bFrageformular\b|\bFragebogen\b/i.test(text);
  const labels = countStrongLabels(text);
  // Numbered headings that only share a topic word with the questions ("2. Partner", "3. Erfahrungen")
  // may just as well be the sections of a fact sheet.
  if (strongQuestions >= 2 || (questions >= 2 && labels < 2) || (questionnaireTitle && questions >= 1)) return 'questionnaire';
  if (labels >= 2 || (/\b(?:Projekt)?steckbrief\b/i.test(text) && labels >= 1)) return 'factsheet';
  return null;
}
