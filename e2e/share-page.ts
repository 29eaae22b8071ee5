import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { AppPage } from './app-page';

/** A short document with its own names, seed and a scenario: what the share tests send around. */
export const SHORT_MERMAID = `flowchart LR
  C["Client"] --> LB["Front LB"]
  LB --> A["Web A"] & B["Web B"]
  A & B --> DB[("Store DB")]
%% @C kind=client rate=200/s
%% @sim seed=7 duration=40s
%% @at 10s fail A
`;

/** The share, export, undo and autosave controls of the top bar, driven by role and name. */
export class SharePage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  get shareDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Share/ });
  }

  get saveStatus(): Locator {
    return this.page.getByRole('status', { name: 'Save status' });
  }

  /** Opens a file through Export › Import file… (the file picker). */
  async importFile(name: string, text: string): Promise<void> {
    await this.menu('Export', 'Import file…', false);
    await this.page
      .getByLabel('Import a Mermaid, Markdown or JSON file')
      .setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  }

  /** Opens the short document and waits until it is the one shown (and saved). */
  async openShortDocument(): Promise<void> {
    await this.importFile('short-run.mmd', SHORT_MERMAID);
    await expect(this.node('Web A')).toBeVisible();
  }

  /** Opens the Share dialog and reads the link it offers. */
  async shareLink(): Promise<string> {
    await this.button('Share').click();
    const input = this.shareDialog.getByRole('textbox', { name: 'Share link' });
    await expect(input).toHaveValue(/#v1\./);
    return input.inputValue();
  }

  /** Picks an item of a top-bar menu (Export, Recent); `download` waits for the file it saves. */
  async menu(menu: string, item: string, download: true): Promise<Download>;
  async menu(menu: string, item: string, download: false): Promise<void>;
  async menu(menu: string, item: string, download: boolean): Promise<Download | void> {
    await this.page.getByRole('button', { name: menu, exact: true }).click();
    const entry = this.page
      .getByRole('menu', { name: menu })
      .getByRole('menuitem', { name: item, exact: true });
    if (!download) return entry.click();
    const [file] = await Promise.all([this.page.waitForEvent('download'), entry.click()]);
    return file;
  }
}

/** The text of a downloaded file. */
export async function downloadedText(download: Download): Promise<string> {
  return (await downloadedBytes(download)).toString('utf8');
}

export async function downloadedBytes(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}
