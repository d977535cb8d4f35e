// The top-level switch between the app's views (Library, Products …), as a row of tabs.
import { useServices } from '../../app-context';
import { SECTIONS } from '../../store/nav-store';
import { useNav } from '../../store-hooks';

export function SectionNav() {
  const { stores } = useServices();
  const current = useNav((s) => s.section);
  return (
    <nav className="section-nav" aria-label="Views">
      {SECTIONS.map((section) => (
        <button
          key={section.id}
          type="button"
          className="section-tab"
          data-testid={`section-${section.id}`}
          aria-current={current === section.id ? 'page' : undefined}
          onClick={() => stores.nav.getState().show(section.id)}
        >
          {section.label}
        </button>
      ))}
    </nav>
  );
}
