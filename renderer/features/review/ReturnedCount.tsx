import './returnedToYou.css';

/** The number beside "Returned to you" in the sidebar. */
export function ReturnedCount({ count }: { count: number }) {
  return (
    <span className="nav-count">
      <span className="visually-hidden">(</span>
      {count}
      <span className="visually-hidden">)</span>
    </span>
  );
}
