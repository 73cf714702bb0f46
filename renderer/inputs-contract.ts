import type { SessionPort } from './app/session-port';

/**
 * The mount point for the officer's text sections (概况, 情况说明 …), implemented in
 * renderer/inputs/InputsView.tsx. The outline renders that component for every non-table node.
 *
 * `session` is the open document's session: read `session.doc`, change it only through `session.execute(command)`,
 * and re-render on `session.subscribe(...)`. `sectionId` is the outline node's id from the template set.
 */
export interface InputsViewProps {
  session: SessionPort;
  sectionId: string;
}
