/**
 * Two repairs of antd 6's markup that no prop or theme token reaches, applied to the page as it renders:
 *
 * - Tabs: `role="tablist"` sits on `.ant-tabs-nav`, which also holds the "more" button shown when the tabs overflow
 *   (on a phone, or many tabs): a tablist may own only tabs (axe: aria-required-children, critical). The role moves
 *   to `.ant-tabs-nav-list`, which holds the tabs alone; React never writes these attributes again (they don't change).
 * - Tables: a table wider than the screen scrolls inside `.ant-table-content` / `.ant-table-body`, which a keyboard
 *   cannot reach when no cell holds a link or button (axe: scrollable-region-focusable, serious). A region that
 *   scrolls gets `tabindex="0"`, so Tab reaches it and the arrow keys scroll it.
 * - Selects: the open list of options (`role="listbox"`) has no name (axe: aria-input-field-name, serious); it
 *   takes its field's, from the field's label or aria-label. A TreeSelect's field points (aria-controls, aria-owns)
 *   at `<id>_list`, which its open tree does not carry (axe: aria-valid-attr-value, critical); the open tree gets it.
 */
const TABLE_SCROLLERS = '.ant-table-content, .ant-table-body';

function repair(root: ParentNode) {
  for (const nav of root.querySelectorAll<HTMLElement>('.ant-tabs-nav[role="tablist"]')) {
    const list = nav.querySelector<HTMLElement>(':scope > .ant-tabs-nav-wrap > .ant-tabs-nav-list');
    if (!list) continue;
    list.setAttribute('role', 'tablist');
    const orientation = nav.getAttribute('aria-orientation');
    if (orientation) list.setAttribute('aria-orientation', orientation);
    nav.removeAttribute('role');
    nav.removeAttribute('aria-orientation');
  }
  for (const box of root.querySelectorAll<HTMLInputElement>('input[role="combobox"][aria-controls]')) {
    const listId = box.getAttribute('aria-controls')!;
    if (!document.getElementById(listId) && box.getAttribute('aria-expanded') === 'true') {
      const trees = document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) [role="tree"]:not([id])');
      if (trees.length === 1) trees[0].id = listId;
    }
    const list = document.getElementById(listId);
    if (!list || !['listbox', 'tree'].includes(list.getAttribute('role') ?? '') || list.hasAttribute('aria-label') || list.hasAttribute('aria-labelledby')) continue;
    const name = box.getAttribute('aria-label') ?? box.labels?.[0]?.textContent?.trim();
    if (name) list.setAttribute('aria-label', name);
  }
  for (const el of root.querySelectorAll<HTMLElement>(TABLE_SCROLLERS)) {
    const scrolls = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    if (scrolls && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
    else if (!scrolls && el.getAttribute('tabindex') === '0') el.removeAttribute('tabindex');
  }
}

/** Watches the document and repairs what antd renders, at most once a frame. Call once, before the app renders. */
export function installA11yPatches(doc: Document = document) {
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      repair(doc);
    });
  };
  new MutationObserver(schedule).observe(doc.documentElement, { childList: true, subtree: true });
  window.addEventListener('resize', schedule);
  schedule();
}
