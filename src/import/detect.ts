import type { DocumentFormat } from './types.ts';
import { countStrongLabels } from './fields.ts';
import { findQuestionHeadings } from './questionnaire.ts';

/*
 * Format detection by structure, not by file name: a questionnaire has (some of) the four
 * fixed questions, a fact sheet has "Label:" fields specific to fact sheets. The questions
 * are checked first because a questionnaire may start with a few fields (Projekt, Träger).
 */
export function detectFormat(text: string): DocumentFormat | null {
  const questions = findQuestionHeadings(text.split('\n')).length;
  const questionnaireTitle = /\bFrageformular\b/i.test(text);
  if (questions >= 2 || (questionnaireTitle && questions >= 1)) return 'questionnaire';
  const labels = countStrongLabels(text);
  if (labels >= 2 || (/\b(?:Projekt)?steckbrief\b/i.test(text) && labels >= 1)) return 'factsheet';
  return null;
}
