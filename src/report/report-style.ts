/** The report's stylesheet: readable on screen and in print, no external fonts or assets. */
export const REPORT_CSS = `
:root { --ink: #161616; --muted: #525252; --line: #e0e0e0; --quantum: #8a3ffc; --classical: #1192e8; --bg-soft: #f4f4f4; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 "Helvetica Neue", Helvetica, Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 32px 24px 64px; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 40px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 16px 0 6px; }
p { margin: 6px 0 10px; max-width: 80ch; }
.sub, .meta, figcaption, .note { color: var(--muted); }
.meta { font-size: 13px; }
nav { font-size: 13px; margin: 12px 0 0; }
nav a { color: var(--muted); margin-right: 14px; }
.verdict { font-size: 17px; background: var(--bg-soft); border-left: 4px solid var(--quantum); padding: 12px 16px; max-width: none; }
.warning { background: #fff8e1; border-left: 4px solid #f1c21b; padding: 10px 16px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 12px 0; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; background: var(--bg-soft); white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td .desc { display: block; color: var(--muted); font-size: 12px; max-width: 46ch; }
.family { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 12px; }
.family.quantum { background: var(--quantum); }
.family.classical { background: var(--classical); }
.grid { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; }
figure { margin: 0; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figure.circuit { margin: 12px 0 22px; }
figure.circuit img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); }
dl { display: grid; grid-template-columns: max-content auto; gap: 4px 16px; font-size: 14px; }
dt { color: var(--muted); }
dd { margin: 0; }
footer { margin-top: 48px; font-size: 12px; color: var(--muted); }
`;
