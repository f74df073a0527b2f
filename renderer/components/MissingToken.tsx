export function MissingToken() {
  return (
    <main className="notice-page">
      <h1>Copydesk needs its access link</h1>
      <p>
        This page was opened without the token the host printed. Open the full address shown in the terminal,
        the one that ends in <code>#token=…</code>.
      </p>
    </main>
  );
}
