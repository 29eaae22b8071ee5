import { Dialog } from '../dialog/Dialog';
import { isMac, shortcutSections } from './shortcut-list';
import './shortcuts.css';

/**
 * The "Keyboard shortcuts" dialog (`?`): every shortcut with the keys this platform writes, made from
 * the bindings' descriptions. Shortcuts never act while typing in a field.
 */
export function ShortcutsDialog({ onClose }: { readonly onClose: () => void }) {
  const sections = shortcutSections(isMac(navigator.userAgent));
  return (
    <Dialog
      id="shortcuts"
      className="shortcuts"
      title="Keyboard shortcuts"
      intro="Keys act anywhere on the page except while you type in a field, where they are text."
      closeLabel="Close keyboard shortcuts"
      onClose={onClose}
    >
      {sections.map((section) => (
        <section key={section.title} className="shortcuts__section" aria-label={section.title}>
          <h3 className="shortcuts__title">{section.title}</h3>
          <dl className="shortcuts__list">
            {section.lines.map((line) => (
              <div key={line.description} className="shortcuts__line">
                <dt>
                  {line.keys.map((keys, i) => (
                    <span key={keys}>
                      {i > 0 && <span className="shortcuts__or"> or </span>}
                      <kbd>{keys}</kbd>
                    </span>
                  ))}
                </dt>
                <dd>{line.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}
