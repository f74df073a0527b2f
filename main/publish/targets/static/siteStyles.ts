/** The static site's one stylesheet: readable type, light and dark. */
export const SITE_CSS = `:root {
  color-scheme: light dark;
  --ink: #1d1d1f; --muted: #5f6368; --rule: #e3e3e6; --paper: #fdfcf9; --accent: #b3261e; --card: #ffffff;
}
@media (prefers-color-scheme: dark) {
  :root { --ink: #ececef; --muted: #a4a7ad; --rule: #34363b; --paper: #17181b; --accent: #ff8a80; --card: #1f2024; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 18px/1.65 Georgia, 'Iowan Old Style', 'Times New Roman', serif; }
a { color: inherit; text-decoration-color: var(--accent); text-underline-offset: 3px; }
a:hover { color: var(--accent); }
.site-header { border-bottom: 3px double var(--rule); padding: 18px 24px 10px; text-align: center; }
.site-name { font: 700 32px/1.1 Georgia, serif; text-decoration: none; letter-spacing: -0.5px; }
.site-nav { display: flex; flex-wrap: wrap; justify-content: center; gap: 4px 18px; margin-top: 10px;
  font: 600 13px/1.4 system-ui, sans-serif; text-transform: uppercase; letter-spacing: 0.6px; }
.site-nav a { text-decoration: none; color: var(--muted); }
main { max-width: 1080px; margin: 0 auto; padding: 28px 24px 48px; }
.story-layout { display: grid; grid-template-columns: minmax(0, 1fr) 280px; gap: 48px; }
@media (max-width: 860px) { .story-layout { grid-template-columns: 1fr; } }
article { max-width: 680px; }
.kicker { font: 700 13px/1.4 system-ui, sans-serif; text-transform: uppercase; letter-spacing: 0.8px;
  color: var(--accent); margin: 0 0 8px; }
.kicker a { text-decoration: none; }
h1 { font-size: clamp(26px, 7vw, 40px); line-height: 1.15; margin: 0 0 14px; letter-spacing: -0.5px; text-wrap: balance; overflow-wrap: break-word; }
.standfirst { font-size: 21px; line-height: 1.5; color: var(--muted); margin: 0 0 16px; }
.credit { font-style: italic; }
.meta { font: 14px/1.5 system-ui, sans-serif; color: var(--muted); border-top: 1px solid var(--rule);
  border-bottom: 1px solid var(--rule); padding: 8px 0; margin: 0 0 24px; display: flex; flex-wrap: wrap; gap: 4px 14px; }
.byline { font-weight: 600; color: var(--ink); }
.dateline { font-weight: 700; text-transform: uppercase; letter-spacing: 0.5px; }
.body p, .body li { margin: 0 0 1.1em; }
.body h2, .body h3 { line-height: 1.25; margin: 1.6em 0 0.6em; }
.body blockquote { margin: 1.4em 0; padding-left: 18px; border-left: 3px solid var(--accent); font-style: italic; }
.body .pull-quote, .body aside.pull-quote { font-size: 24px; line-height: 1.4; margin: 1.4em 0; padding: 12px 0;
  border-top: 2px solid var(--ink); border-bottom: 1px solid var(--rule); }
.also-read { font: 700 15px/1.5 system-ui, sans-serif; margin: 1.4em 0; padding: 10px 14px; background: var(--card);
  border-left: 4px solid var(--accent); text-transform: none; }
.also-read a { font-weight: 600; }
figure { margin: 1.6em 0; }
figure img { max-width: 100%; height: auto; display: block; border-radius: 2px; }
figcaption { font: 14px/1.5 system-ui, sans-serif; color: var(--muted); margin-top: 6px; }
figcaption .credit { margin-left: 4px; }
.tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 8px; font: 13px/1.4 system-ui, sans-serif; }
.tags a { display: inline-block; padding: 3px 10px; border: 1px solid var(--rule); border-radius: 999px; text-decoration: none; }
.prev-next { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; margin: 36px 0; padding-top: 16px;
  border-top: 1px solid var(--rule); font: 15px/1.45 system-ui, sans-serif; }
.prev-next a { text-decoration: none; display: block; }
.prev-next .label { display: block; font-size: 12px; text-transform: uppercase; letter-spacing: 0.6px; color: var(--muted); }
.prev-next .next { text-align: right; grid-column: 2; }
.rail h2, .latest h2, .listing h2 { font: 700 13px/1.4 system-ui, sans-serif; text-transform: uppercase;
  letter-spacing: 0.8px; border-bottom: 2px solid var(--ink); padding-bottom: 6px; margin: 0 0 12px; }
.rail ul, .listing ul { list-style: none; margin: 0 0 28px; padding: 0; }
.rail li, .listing li { padding: 10px 0; border-bottom: 1px solid var(--rule); }
.rail li a, .listing li a { font-weight: 700; text-decoration: none; line-height: 1.3; }
.rail li p, .listing li p { margin: 4px 0 0; font-size: 15px; line-height: 1.45; color: var(--muted); }
.listing li { padding: 16px 0; }
.listing li a { font-size: 22px; }
.listing .meta-line { font: 13px/1.4 system-ui, sans-serif; color: var(--muted); margin-top: 6px; }
.listing h1 { font-size: 32px; }
footer { text-align: center; font: 13px/1.5 system-ui, sans-serif; color: var(--muted); padding: 24px;
  border-top: 1px solid var(--rule); }
`;
