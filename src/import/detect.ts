import type { DocumentFormat } from './types.ts';
import { countLabels, countStrongLabels } from './fields.ts';
import { findQuestionHeadings, normaliseQuestionLayout } from './questionnaire.ts';

/*
 * Format detection by structure, not by file name: a questionnaire has (some of) the four
 * fixed questions, a fact sheet has "Label:" fields specific to fact sheets. The questions
 * are checked first because a questionnaire may start with a few fields (Projekt, Träger).
 */
export function detectFormat(text: string): DocumentFormat | null {
  const headings = findQuestionHeadings(normaliseQuestionLayout(text).split('\n'));
  const questions = headings.length;
  const strongQuestions = headings.filter((h) => h.strong).length;
  const questionnaireTitle = /\bFrageformular\b|\bFragebogen\b/i.test(text);
  const labels = countStrongLabels(text);
  // Numbered headings that only share a topic word with the questions ("2. Partner", "3. Erfahrungen")
  // may just as well be the sections of a fact sheet.
  if (strongQuestions >= 2 || (questions >= 2 && labels < 2) || (questionnaireTitle && questions >= 1)) return 'questionnaire';
  // Also a sheet whose sections are headed by questions ("Worum geht es?", "Wer?", "Wann?"): several weak labels.
  const anyLabels = countLabels(text);
  if (labels >= 2 || anyLabels >= 4 || (/\b(?:Projekt)?steckbrief\b/i.test(text) && (labels >= 1 || anyLabels >= 1))) return 'factsheet';
  return null;
}
