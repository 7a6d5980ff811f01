/// The report's inline style sheet: system fonts only (no downloads), readable on screen,
/// sober on paper.
enum HTMLStyle {
    static let css = """
    :root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --bar: #3b75af; --bar-negative: #c0504d; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #fff;
      font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
    h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 1rem; }
    h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule); }
    p, ul, dl, table, figure { margin: 0 0 1rem; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.5rem; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
    caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: .35rem; }
    th, td { padding: .3rem .75rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
    th { border-bottom: 2px solid var(--ink); }
    .num { text-align: right; white-space: nowrap; }
    td.empty { color: var(--muted); font-style: italic; }
    figure { margin-left: 0; margin-right: 0; }
    figcaption { font-weight: 600; margin-bottom: .35rem; }
    svg { max-width: 100%; height: auto; }
    svg text { font: 15px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
    .facet svg text { font-size: 13px; }
    svg text.tick { fill: var(--muted); }
    svg .bar { fill: var(--bar); }
    svg .bar.negative { fill: var(--bar-negative); }
    svg .axis { stroke: var(--muted); stroke-width: 1; }
    svg line.grid { stroke: var(--rule); stroke-width: 1; }
    svg .line { fill: none; stroke-linejoin: round; stroke-linecap: round; }
    svg .leader { fill: none; stroke-width: 1; }
    svg .pt { fill-opacity: 0; }
    svg .pt:hover { fill-opacity: 1; }
    svg .area { stroke: #4a4f55; stroke-width: .5; stroke-linejoin: round; }
    svg .area:hover { stroke: var(--ink); stroke-width: 1.5; }
    svg .outline { fill: none; stroke: var(--ink); stroke-width: 1.4; stroke-linejoin: round; pointer-events: none; }
    svg .swatch { stroke: #4a4f55; stroke-width: .5; }
    svg .map-label { font-size: 14px; font-weight: 600; paint-order: stroke; stroke-width: 3px; stroke-linejoin: round; }
    svg .map-label .value { font-weight: 400; }
    svg .map-label.on-light { fill: var(--ink); stroke: #fff; }
    svg .map-label.on-dark { fill: #fff; stroke: #0b2f5c; }
    svg .labels { pointer-events: none; }
    .facets { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .5rem 1.25rem; }
    .facet { margin: 0; }
    .facet figcaption { font-weight: 600; font-size: .95rem; margin: 0; }
    .note { color: var(--muted); font-size: .9rem; }
    @page { size: A4; margin: 18mm 16mm 20mm;
      @bottom-right { content: counter(page) " / " counter(pages); font: 9pt system-ui, sans-serif; color: #59636e; } }
    @media print {
      body { font-size: 10.5pt; }
      main { max-width: none; padding: 0; }
      h2 { break-after: avoid; }
      h1, h2, h3, caption, figcaption { break-after: avoid; }
      tr, figure, dl, svg { break-inside: avoid; }
      thead { display: table-header-group; }
      * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    }
    """
}
