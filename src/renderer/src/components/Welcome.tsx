// First run: say what Packshot is for and make adding the first folder the obvious step.
import { AddFolderForm } from './AddFolderForm';

export function Welcome() {
  return (
    <section className="welcome" data-testid="welcome" aria-labelledby="welcome-title">
      <div className="welcome-card">
        <p className="welcome-kicker">Packshot</p>
        <h1 id="welcome-title">All your product media, ready for every channel.</h1>
        <p className="welcome-lead">
          Point Packshot at the folders where your photos live. It indexes them where they are, fast
          and offline, and shows every image in one place.
        </p>
        <ul className="welcome-points">
          <li>
            <strong>Cull and tag</strong> thousands of shots quickly; tags follow files when they
            move.
          </li>
          <li>
            <strong>Link media to products</strong> by SKU, with roles like main, gallery or swatch.
          </li>
          <li>
            <strong>Export channel packs</strong> sized and checked for Amazon, Shopify, bol.com and
            more.
          </li>
        </ul>
        <AddFolderForm variant="welcome" />
        <p className="welcome-note">Your originals are never moved or changed.</p>
      </div>
    </section>
  );
}
