import type { DocumentSession } from '../../core/session/session';

/** The renderer works on core's DocumentSession directly; this alias keeps one import point for the UI. */
export type SessionPort = DocumentSession;
