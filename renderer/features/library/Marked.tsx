import type { LibraryRow } from '../../../shared/ipc/contract';

/** Text with the words a search matched in <mark>; always rendered as text, never as HTML. */
export function Marked({ segments }: { segments: NonNullable<LibraryRow['snippet']> }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}
