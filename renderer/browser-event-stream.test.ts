import { describe, expect, it } from 'vitest';
import { parseEventStream } from './browser-event-stream.ts';

describe("reading browser mode's event stream", () => {
  it('reads the events of complete blocks, skips comments and keeps the unfinished rest for the next chunk', () => {
    const first = parseEventStream(': connected\n\ndata: {"type":"accounts.changed"}\n\ndata: {"type":"tokens.ch');
    expect(first.events).toEqual([{ type: 'accounts.changed' }]);
    const second = parseEventStream(`${first.rest}anged","reason":"added","ids":["t1"]}\n\n: heartbeat\n\n`);
    expect(second).toEqual({ events: [{ type: 'tokens.changed', reason: 'added', ids: ['t1'] }], rest: '' });
  });

  it('drops what is not one of the contract events, or not JSON', () => {
    const text = 'data: {"type":"tokens.changed","reason":"added","ids":[],"value":"eyJ..."}\n\ndata: {"type":"other"}\n\ndata: nope\n\n';
    expect(parseEventStream(text).events).toEqual([]);
  });
});
