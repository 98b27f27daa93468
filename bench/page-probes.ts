/**
 * Functions Playwright runs inside the page: each is sent as its source, so it may use nothing from
 * this module but types. This file is type-checked with Node's library, not the DOM's (as
 * e2e/support is), so the little of the page they use is spelled out here.
 */
interface PageElement {
  textContent: string | null;
  value?: string;
  id: string;
  setAttribute(name: string, value: string): void;
  addEventListener(type: string, listener: (event: { timeStamp: number }) => void, options?: { once?: boolean; capture?: boolean }): void;
  querySelector(selector: string): PageElement | null;
  append(...nodes: PageElement[]): void;
}
interface PageGlobals {
  document: { querySelector(selector: string): PageElement | null; createElement(tag: string): PageElement; body: PageElement };
  MutationObserver: new (callback: () => void) => {
    observe(target: PageElement, options: Record<string, boolean>): void;
    disconnect(): void;
  };
  requestAnimationFrame(callback: () => void): number;
}

/** performance.now() in the first frame in which the Accounts page shows `expected` accounts (0: its empty state), else false. */
export function accountsShownAt(expected: number): number | false {
  const { document } = globalThis as unknown as PageGlobals;
  const shown =
    expected === 0
      ? document.querySelector('section[aria-label="No accounts yet"]') !== null
      : document.querySelector('[data-testid="account-count"]')?.textContent === `${expected.toLocaleString('en')} accounts` &&
        document.querySelector('[role="listbox"][aria-label="Accounts"] [role="option"]') !== null;
  return shown ? performance.now() : false;
}

/**
 * Resolves after the next keydown on `selector`: at the first DOM change under `watched`, it waits
 * for the frame that paints it (requestAnimationFrame, then a task after that frame) and gives the
 * time from the key event to then.
 */
export function nextKeystrokeToPaint({ selector, watched }: { selector: string; watched: string }): Promise<number> {
  const { document, MutationObserver, requestAnimationFrame } = globalThis as unknown as PageGlobals;
  return new Promise<number>((resolve, reject) => {
    const input = document.querySelector(selector);
    const target = document.querySelector(watched);
    if (!input || !target) return reject(new Error(`No ${input ? watched : selector} in the page.`));
    const timeout = setTimeout(() => reject(new Error('Nothing changed within 10 s of the key.')), 10_000);
    input.addEventListener(
      'keydown',
      (event) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.addEventListener('message', () => {
              clearTimeout(timeout);
              channel.port1.close();
              resolve(performance.now() - event.timeStamp);
            });
            channel.port1.start();
            channel.port2.postMessage(null);
          });
        });
        observer.observe(target, { childList: true, subtree: true, characterData: true, attributes: true });
      },
      { once: true, capture: true },
    );
  });
}

/** Adds a plain input that echoes its value into an <output>: the floor of a keystroke changing the DOM. */
export function addPlainInput(): void {
  const { document } = globalThis as unknown as PageGlobals;
  const plain = document.createElement('input');
  plain.id = 'bench-plain-input';
  plain.setAttribute('aria-label', 'bench plain input');
  const echo = document.createElement('output');
  echo.id = 'bench-plain-echo';
  plain.addEventListener('input', () => (echo.textContent = plain.value ?? ''));
  document.body.append(plain, echo);
}

/**
 * Date.now() in the first frame in which the Tokens page counts `expected` tokens and lists a row,
 * else false: the wall clock, to set against the file time of the write that added the token.
 */
export function tokensShownAt(expected: number): number | false {
  const { document } = globalThis as unknown as PageGlobals;
  const shown =
    document.querySelector('[data-testid="token-count"]')?.textContent === `${expected} token${expected === 1 ? '' : 's'}` &&
    document.querySelector('[role="listbox"][aria-label="Tokens"] [role="option"]') !== null;
  return shown ? Date.now() : false;
}
