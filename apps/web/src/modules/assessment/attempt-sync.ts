/**
 * Saving answers as they are given, through a dropped connection and a reload: every answer gets an
 * idempotency key and the next sequence number, waits in this browser's storage (localStorage, per
 * attempt) until the server acknowledges it, and is sent again with the same key when the connection
 * comes back. The server keeps one save per key and the highest sequence per item, so a retry never
 * duplicates and an older answer never replaces a newer one.
 */
import { ApiError, api, unwrap } from '../../app/api/client';
import type { AnswerValue } from './homework-api';

export interface PendingSave {
  key: string;
  seq: number;
  number: number;
  part: number;
  value: AnswerValue;
}

export type SyncStatus = 'saved' | 'saving' | 'offline' | 'refused';

export interface SyncState {
  status: SyncStatus;
  pending: number;
  /** The server's message of the last refused save (deadline passed, submitted). */
  refusal?: string;
  refusalReason?: string;
}

const storageKey = (attemptId: string) => `hanlin.attempt.${attemptId}`;

/** A key the server accepts ([A-Za-z0-9_-], 8–64), random enough never to repeat. */
export function newKey(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

interface Stored {
  seq: number;
  queue: PendingSave[];
}

export class AnswerSync {
  private seq: number;
  private queue: PendingSave[];
  private sending = false;
  private retry?: ReturnType<typeof setTimeout>;
  private state: SyncState;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly attemptId: string,
    serverSeq: number,
  ) {
    const stored = this.load();
    this.seq = Math.max(serverSeq, stored.seq);
    this.queue = stored.queue;
    this.state = { status: this.queue.length > 0 ? 'saving' : 'saved', pending: this.queue.length };
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    if (!navigator.onLine) this.set({ status: 'offline' });
  }

  dispose() {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    if (this.retry) clearTimeout(this.retry);
  }

  /** Answers given here and not yet acknowledged (shown over the server's answers after a reload). */
  pendingAnswers(): PendingSave[] {
    return [...this.queue];
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): SyncState => this.state;

  /** Records an answer and sends it (now, or when the connection is back). */
  answer(number: number, part: number, value: AnswerValue) {
    // An unsent earlier answer to the same item is replaced: only the latest needs to reach the
    // server (one being sent stays; its acknowledgement is awaited).
    const inFlight = this.sending ? this.queue[0] : undefined;
    this.queue = this.queue.filter((s) => s === inFlight || s.number !== number || s.part !== part);
    this.queue.push({ key: newKey(), seq: ++this.seq, number, part, value });
    this.store();
    this.set({ status: navigator.onLine ? 'saving' : 'offline', pending: this.queue.length });
    void this.flush();
  }

  /** Sends what waits, one save after another; stops at a dropped connection and tries again later. */
  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.queue.length > 0) {
        const next = this.queue[0]!;
        try {
          await unwrap(
            api.POST('/api/attempts/{id}/answers', { params: { path: { id: this.attemptId } }, body: next }),
          );
        } catch (e) {
          if (e instanceof ApiError && e.status !== 0 && e.status < 500) {
            // Refused (deadline passed, submitted): sending it again cannot succeed.
            const reason = (e.details as { reason?: string } | undefined)?.reason;
            this.queue.shift();
            this.store();
            this.set({
              status: 'refused',
              pending: this.queue.length,
              refusal: e.message,
              refusalReason: reason,
            });
            continue;
          }
          this.set({ status: navigator.onLine ? 'saving' : 'offline', pending: this.queue.length });
          this.later();
          return;
        }
        this.queue.shift();
        this.store();
        this.set({ pending: this.queue.length });
      }
      if (this.state.status !== 'refused') this.set({ status: 'saved', pending: 0 });
    } finally {
      this.sending = false;
    }
  }

  /** Resolves once every answer given so far is acknowledged (false when offline or refused). */
  async drain(): Promise<boolean> {
    await this.flush();
    return this.queue.length === 0;
  }

  private later() {
    if (this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (navigator.onLine) void this.flush();
    }, 3000);
  }

  private onOnline = () => {
    this.set({ status: this.queue.length > 0 ? 'saving' : 'saved' });
    void this.flush();
  };

  private onOffline = () => this.set({ status: 'offline' });

  private set(patch: Partial<SyncState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private load(): Stored {
    try {
      const raw = localStorage.getItem(storageKey(this.attemptId));
      if (raw) return JSON.parse(raw) as Stored;
    } catch {
      // Storage unavailable (private mode): answers are kept in memory only.
    }
    return { seq: 0, queue: [] };
  }

  private store() {
    try {
      localStorage.setItem(storageKey(this.attemptId), JSON.stringify({ seq: this.seq, queue: this.queue }));
    } catch {
      // As above.
    }
  }
}
