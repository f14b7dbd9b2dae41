/// The page's one stylesheet, inline: system fonts only (no web font to fetch), readable from
/// a 320 px phone up (fluid widths, tables that scroll on their own, charts that scale), a
/// print layout (no navigation, a chat per page, links' targets kept), and colours with at
/// least 4.5:1 contrast for text and 3:1 for marks.
enum ReportStyle {
    static let css = #"""
:root{--fg:#1b1f24;--muted:#4b5563;--bg:#ffffff;--panel:#f6f7f9;--line:#d0d5dd;--link:#0b57d0;--neg:#b42318;--neg-bg:#fdecea;--pos:#067647;--pos-bg:#e7f6ec;--warn-bg:#fff4e0;--warn:#7a4a00;--me-bg:#eef4ff}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
a{color:var(--link)}
a:focus-visible,summary:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--fg);color:#fff;padding:.5rem 1rem}
.skip:focus{left:0;z-index:10}
header.page,main,footer.page{max-width:72rem;margin:0 auto;padding:0 1rem}
header.page{padding-top:1.25rem;border-bottom:1px solid var(--line)}
h1{font-size:1.75rem;line-height:1.2;margin:.25rem 0 .5rem}
h2{font-size:1.4rem;margin:2rem 0 .5rem;line-height:1.25}
h3{font-size:1.15rem;margin:1.5rem 0 .5rem}
h4{font-size:1rem;margin:1rem 0 .25rem}
.meta,.note{color:var(--muted);font-size:.925rem}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.5rem;margin:1rem 0;padding:0}
.summary div{background:var(--panel);border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem}
.summary dt{font-size:.8rem;color:var(--muted)}
.summary dd{margin:0;font-size:1.35rem;font-weight:600}
.chats{padding-left:1.25rem}
.chats li{margin:.25rem 0}
section.chat{border-top:3px solid var(--fg);margin-top:2.5rem}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:.5rem;padding:.75rem;margin:.5rem 0}
.empty-state{background:var(--panel);border:1px dashed var(--line);border-radius:.5rem;padding:1.25rem;margin:1rem 0}
.chart{display:block;width:100%;height:auto;max-width:48rem;background:#fff;border:1px solid var(--line);border-radius:.5rem}
.chart .grid{stroke:#e4e7ec;stroke-width:1}
.chart .grid.zero{stroke:#98a2b3}
.chart .axis{fill:var(--muted);font-size:12px}
.chart .empty{fill:var(--muted);font-size:14px}
.chart .trend{fill:none;stroke:#0b57d0;stroke-width:2}
.chart .dot.neg{fill:var(--neg)}.chart .dot.pos{fill:var(--pos)}.chart .dot.neu{fill:#6b7280}
.chart .angry{fill:none;stroke:var(--neg);stroke-width:2.5}
.chart .rank{fill:var(--neg);font-size:11px;font-weight:700}
.chart .span.open{fill:#0072b2}.chart .span.closed{fill:#6b7280}
.chart .topic{fill:var(--fg);font-size:12px}
.legend{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.9rem}
.legend span{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.35rem;vertical-align:-.05rem}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.5rem 0}
table{border-collapse:collapse;width:100%;font-size:.925rem}
caption{text-align:left;color:var(--muted);font-size:.875rem;padding:.25rem 0}
th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:var(--panel);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;border-radius:999px;padding:0 .5rem;font-size:.8rem;border:1px solid var(--line);background:#fff;white-space:nowrap}
.badge.neg{background:var(--neg-bg);color:var(--neg);border-color:#f4b8b2}
.badge.pos{background:var(--pos-bg);color:var(--pos);border-color:#a6dcb8}
.badge.warn{background:var(--warn-bg);color:var(--warn);border-color:#f3cf8e}
.angriest li{margin:.35rem 0}
.gallery{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.75rem;padding:0;list-style:none}
.gallery figure{margin:0;background:var(--panel);border:1px solid var(--line);border-radius:.5rem;padding:.6rem;height:100%}
.gallery img{display:block;max-width:100%;height:auto;max-height:14rem;margin:0 auto .5rem;border-radius:.25rem}
.gallery .kind{font-weight:600}
.gallery blockquote{margin:.4rem 0 0;padding:.4rem .6rem;background:#fff;border-left:3px solid var(--line);white-space:pre-wrap;font-size:.875rem;max-height:12rem;overflow:auto}
ol.messages{list-style:none;padding:0;margin:0}
.msg{border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem;margin:.5rem 0;max-width:44rem}
.msg.out{background:var(--me-bg);margin-left:auto}
.msg.neg{border-left:4px solid var(--neg)}
.msg:target{outline:3px solid #f59e0b;outline-offset:2px}
.msg header{display:flex;flex-wrap:wrap;gap:.25rem .5rem;align-items:baseline;font-size:.85rem;color:var(--muted)}
.msg .who{font-weight:600;color:var(--fg)}
.msg p{margin:.25rem 0;white-space:pre-wrap;overflow-wrap:anywhere}
.msg blockquote.read{margin:.25rem 0;padding:.25rem .5rem;border-left:3px solid var(--line);white-space:pre-wrap;overflow-wrap:anywhere;font-size:.9rem}
.msg blockquote.read .label{color:var(--muted);font-size:.8rem}
.msg .entities{font-size:.8rem;color:var(--muted)}
.health-ok{color:var(--pos);font-weight:600}
footer.page{border-top:1px solid var(--line);margin-top:3rem;padding:1rem;color:var(--muted);font-size:.875rem}
@media (max-width:40rem){body{font-size:15px}.chart .axis,.chart .rank{font-size:20px}.chart .topic{font-size:16px}.chart .empty{font-size:22px}h1{font-size:1.4rem}h2{font-size:1.2rem}.msg{max-width:100%}.msg.out{margin-left:1.5rem}.summary dd{font-size:1.15rem}}
@media print{
  body{font-size:11pt;color:#000}
  .skip,nav.chats-nav{display:none}
  header.page,main,footer.page{max-width:none;padding:0}
  section.chat{break-before:page;border-top:none}
  section.chat:first-of-type{break-before:auto}
  .chart,figure,.msg,tr,.summary div{break-inside:avoid}
  .table-wrap{overflow:visible}
  .gallery blockquote{max-height:none;overflow:visible}
  a{color:inherit;text-decoration:none}
  details{display:block}
  details>summary{list-style:none}
  .msg.out{margin-left:2rem}
}
"""#
}
