import { AlsoRead, type AlsoReadAttributes, type AlsoReadOptions } from '../../../shared/editor';
import { linkTitle, type LinkStatusStore } from './linkStatusStore';

export interface AlsoReadViewOptions extends AlsoReadOptions {
  store: LinkStatusStore | null;
}

/** The also-read block in the editor: "ALSO READ: <the linked story's current headline>", marked when broken. */
export const AlsoReadWithStatus = AlsoRead.extend<AlsoReadViewOptions>({
  addOptions() {
    return { ...this.parent!(), store: null };
  },

  addNodeView() {
    const { store } = this.options;
    return ({ node: initial }) => {
      let node = initial;
      const dom = document.createElement('aside');
      dom.className = 'also-read';
      const label = document.createElement('span');
      label.className = 'also-read-label';
      label.textContent = 'ALSO READ: ';
      const link = document.createElement('a');
      const badge = document.createElement('span');
      badge.className = 'link-broken-badge';
      badge.textContent = 'Broken link';
      dom.append(label, link);

      const render = () => {
        const { storyId, headline } = node.attrs as AlsoReadAttributes;
        const story = store?.get(storyId);
        dom.dataset.storyId = storyId;
        dom.dataset.linkState = story?.state ?? 'unknown';
        dom.classList.toggle('is-broken', Boolean(story?.broken));
        link.href = `#story-${storyId}`;
        link.textContent = story?.headline || headline || 'Untitled story';
        dom.title = linkTitle(story, headline);
        if (story?.broken) dom.append(badge);
        else badge.remove();
      };
      const off = store?.subscribe(render);
      render();

      return {
        dom,
        update: (updated) => {
          if (updated.type !== node.type) return false;
          node = updated;
          render();
          return true;
        },
        ignoreMutation: () => true,
        destroy: () => off?.(),
      };
    };
  },
});
