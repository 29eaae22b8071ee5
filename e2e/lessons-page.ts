import { expect, type Locator, type Page } from '@playwright/test';
import { StatePage } from './state-page';

/** The app page with lessons, presenter mode and the first visit's welcome (issue "Teaching and demos"). */
export class LessonsPage extends StatePage {
  constructor(page: Page) {
    super(page);
  }

  get welcome(): Locator {
    return this.page.getByRole('region', { name: 'Welcome' });
  }

  get lessonSteps(): Locator {
    return this.page.getByRole('region', { name: 'Lesson steps' });
  }

  get lessonsDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Lessons' });
  }

  /**
   * A lesson's card in the gallery, by its title alone: a card's accessible name also holds its topic
   * and summary, and two lessons can share a topic whose label reads like another lesson's title.
   */
  lessonCard(title: string): Locator {
    return this.lessonsDialog
      .getByRole('button')
      .filter({ has: this.page.locator('.lesson-card__title').getByText(title, { exact: true }) });
  }

  get presenter(): Locator {
    return this.page.getByRole('region', { name: 'Presenter' });
  }

  get progress(): Locator {
    return this.lessonSteps.getByTestId('lesson-progress');
  }

  /** The current step, as the lesson panel marks it. */
  get currentStep(): Locator {
    return this.lessonSteps.locator('[aria-current="step"]');
  }

  /** Waits until the lesson shows step `n` (1-based) of its steps. */
  async expectStep(n: number, of: number): Promise<void> {
    await expect(this.progress).toHaveText(`Step ${n} of ${of}`);
  }

  async isPresenting(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.classList.contains('presenting'));
  }

  /** Answers the lesson's question and returns the run's own figure from the result. */
  async answer(value: string): Promise<number> {
    await this.lessonSteps.getByRole('textbox', { name: 'Your answer' }).fill(value);
    await this.lessonSteps.getByRole('button', { name: 'Check answer' }).click();
    const result = this.lessonSteps.getByRole('status').filter({ hasText: "this run's figure is" });
    await expect(result).toBeVisible();
    const match = /figure is ([\d,.]+)/.exec((await result.textContent()) ?? '');
    return Number((match?.[1] ?? 'NaN').replaceAll(',', ''));
  }
}
