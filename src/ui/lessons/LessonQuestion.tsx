import { useState } from 'react';
import type { LessonQuestion as Question } from '../../model/lesson-types';
import { ANSWER_UNITS } from '../../analysis/lesson-answer';
import { useArchStore } from '../../store/store';
import { formatGroupedDecimal } from '../format';

/** The lesson's closing question: the person answers, then sees the run's own figure beside theirs. */
export function LessonQuestion({ question }: { readonly question: Question }) {
  const answer = useArchStore((s) => s.lessonAnswer);
  const answerLesson = useArchStore((s) => s.answerLesson);
  const [text, setText] = useState('');
  const unit = ANSWER_UNITS[question.answer];
  const given = Number(text.replace(',', '.'));
  return (
    <form
      className="lesson-question"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim() !== '' && Number.isFinite(given)) answerLesson(given);
      }}
    >
      <label className="lesson-question__label">
        <span className="lesson-question__text">{question.text}</span>
        <span className="lesson-question__input">
          <input
            inputMode="decimal"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-label="Your answer"
          />
          <span className="muted">{unit}</span>
        </span>
      </label>
      <button
        type="submit"
        className="btn btn--primary btn--small"
        disabled={text.trim() === '' || !Number.isFinite(given)}
      >
        Check answer
      </button>
      {answer && (
        <p className="lesson-question__result" role="status">
          {answer.actual === undefined
            ? 'The run has not produced this figure yet: let it run further, then check again.'
            : `${answer.close ? 'Right' : 'Not quite'}: this run's figure is ${formatGroupedDecimal(answer.actual)} ${unit} (you said ${formatGroupedDecimal(answer.given)}; within ${Math.round(question.tolerance * 100)}% counts).`}
        </p>
      )}
    </form>
  );
}
