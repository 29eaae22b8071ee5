import { DialogHead } from '../dialog/DialogHead';
import { trapTab } from '../dialog/trap-tab';
import { useShownModal } from '../lazy/useShownModal';
import { isMac, shortcutSections } from './shortcut-list';
import './shortcuts.css';

/**
 * The "Keyboard shortcuts" dialog (`?`): every shortcut with the keys this platform writes, made from
 * the bindings' descriptions. Shortcuts never act while typing in a field.
 */
export function ShortcutsDialog({ onClose }: { readonly onClose: () => void }) {
  const dialog = useShownModal();
  const sections = shortcutSections(isMac(navigator.userAgent));
  return (
    <dialog
      ref={dialog}
      className="dialog shortcuts"
      onKeyDown={trapTab}
      onClose={onClose}
      aria-labelledby="shortcuts-title"
      aria-describedby="shortcuts-intro"
    >
      <DialogHead
        titleId="shortcuts-title"
        title="Keyboard shortcuts"
        introId="shortcuts-intro"
        intro="Keys act anywhere on the page except while you type in a field, where they are text."
        closeLabel="Close keyboard shortcuts"
        onClose={() => dialog.current?.close()}
      />
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
    </dialog>
  );
}
