import type { ServerResponse } from 'node:http';
import type { SubscribeToEvents } from '../../shared/events.ts';

/** A comment line this often keeps proxies and the browser from taking a quiet stream for a dead one. */
export const heartbeatMs = 15_000;
/** One tab needs one stream; a few tabs of one session, and a few sessions, are all a user has. */
export const maxStreamsPerSession = 4;
export const maxStreams = 16;

interface Stream {
  session: string;
  res: ServerResponse;
  stop: () => void;
}

/**
 * Browser mode's half of the core's event stream: Server-Sent Events on `GET /api/events`, after
 * the same session checks as every `/api/` call (the page reads it with `fetch`, since EventSource
 * cannot send the session header). Each event is what changed, never a value. A stream ends when
 * its session does: at sign-out, and at the first heartbeat after the session went idle too long.
 */
export class EventStreams {
  readonly #subscribe: SubscribeToEvents;
  readonly #sessionAlive: (session: string) => boolean;
  readonly #streams = new Set<Stream>();
  readonly #heartbeat: NodeJS.Timeout;

  /** `session` identifies a stream's session (its cookie); `sessionAlive` says whether it still lives, without counting as use. */
  constructor(subscribe: SubscribeToEvents, sessionAlive: (session: string) => boolean, heartbeatEveryMs = heartbeatMs) {
    this.#subscribe = subscribe;
    this.#sessionAlive = sessionAlive;
    this.#heartbeat = setInterval(() => this.#beat(), heartbeatEveryMs).unref();
  }

  /** Starts a stream on `res`, or answers 429 when the session or the host already holds as many as it may. */
  open(session: string, res: ServerResponse, headers: Record<string, string>): void {
    const ofSession = [...this.#streams].filter((stream) => stream.session === session).length;
    if (ofSession >= maxStreamsPerSession || this.#streams.size >= maxStreams) {
      res.writeHead(429, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '5' });
      res.end('Refused: too many event streams open; close a tab of this app.\n');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' });
    res.write(': connected\n\n');
    const stream: Stream = {
      session,
      res,
      stop: this.#subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`)),
    };
    this.#streams.add(stream);
    res.on('close', () => this.#drop(stream));
  }

  /** Ends every stream of one session (it signed out). */
  endSession(session: string): void {
    for (const stream of [...this.#streams]) if (stream.session === session) this.#end(stream);
  }

  /** Ends every stream and the heartbeat (the host is closing). */
  close(): void {
    clearInterval(this.#heartbeat);
    for (const stream of [...this.#streams]) this.#end(stream);
  }

  #beat(): void {
    for (const stream of [...this.#streams]) {
      if (this.#sessionAlive(stream.session)) stream.res.write(': heartbeat\n\n');
      else this.#end(stream);
    }
  }

  #end(stream: Stream): void {
    this.#drop(stream);
    stream.res.end();
  }

  #drop(stream: Stream): void {
    stream.stop();
    this.#streams.delete(stream);
  }
}
