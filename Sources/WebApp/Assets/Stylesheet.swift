/// The one stylesheet: system fonts (nothing is downloaded), a fluid single column that fits a phone,
/// light and dark schemes.
enum Stylesheet {
    static let css = #"""
    :root { color-scheme: light dark; --fg: #1d1d1f; --muted: #5f6368; --bg: #fff; --card: #f7f7f8; --line: #dedee3;
      --accent: #1a5fb4; --like: #1e7a3a; --dislike: #b3261e; --term: #e8eefb; }
    @media (prefers-color-scheme: dark) {
      :root { --fg: #e8e8ea; --muted: #a0a4ab; --bg: #151517; --card: #1f1f23; --line: #34343a; --accent: #8ab4f8;
        --like: #7bd88f; --dislike: #f28b82; --term: #263247; }
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
      color: var(--fg); background: var(--bg); overflow-wrap: anywhere; }
    a { color: var(--accent); }
    main, footer { max-width: 52rem; margin: 0 auto; padding: 0 1rem; }
    main { padding-top: .8rem; }
    footer { color: var(--muted); font-size: .85rem; padding-block: 2rem; }
    .bar { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .5rem 1rem;
      border-bottom: 1px solid var(--line); background: var(--bg); }
    .bar .brand { font-weight: 700; text-decoration: none; color: var(--fg); }
    .bar nav { display: flex; gap: .8rem; }
    .bar nav a { text-decoration: none; }
    .bar nav a[aria-current] { font-weight: 600; text-decoration: underline; }
    .bar form { display: flex; gap: .3rem; align-items: center; margin: 0; }
    .bar .search { flex: 1 1 14rem; }
    .bar .search input { flex: 1; min-width: 0; }
    .bar .switch { margin-left: auto; }
    input, select, button { font: inherit; padding: .35rem .6rem; border: 1px solid var(--line); border-radius: .4rem;
      background: var(--bg); color: var(--fg); }
    button { cursor: pointer; background: var(--card); }
    button:disabled { opacity: .45; cursor: default; }
    h1 { font-size: 1.5rem; margin: 1.2rem 0 .4rem; }
    h1 .day, h1 .name { color: var(--muted); font-weight: 500; }
    h2 { font-size: 1.1rem; }
    .summary, .note, .empty { color: var(--muted); }
    .days { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin: .5rem 0 1rem; }
    .days .later { order: 2; }
    .days form { display: flex; gap: .3rem; margin: 0; order: 1; }
    ol.papers, ul.papers { list-style: none; padding: 0; margin: 0; }
    .paper { background: var(--card); border: 1px solid var(--line); border-radius: .6rem; padding: .8rem 1rem; margin: 0 0 .8rem; }
    .paper.liked { border-left: .3rem solid var(--like); }
    .paper.disliked { border-left: .3rem solid var(--dislike); opacity: .8; }
    .paper .title { font-size: 1.08rem; margin: 0 0 .3rem; line-height: 1.35; }
    .paper .title a { color: var(--fg); text-decoration: none; }
    .paper .title a:hover { text-decoration: underline; }
    .rank { display: inline-block; min-width: 1.6rem; color: var(--muted); font-variant-numeric: tabular-nums; }
    .tag { font-size: .75rem; border: 1px solid var(--line); border-radius: .3rem; padding: 0 .3rem; color: var(--muted); }
    .meta, .translation { color: var(--muted); font-size: .88rem; margin: .1rem 0 .3rem; }
    .why { font-size: .9rem; margin: .3rem 0; }
    .term { background: var(--term); border-radius: .3rem; padding: 0 .3rem; white-space: nowrap; }
    .abstract summary { cursor: pointer; color: var(--muted); font-size: .88rem; }
    .abstract .preview { color: var(--fg); font-size: .95rem; }
    .abstract[open] .preview { display: none; }
    .abstract p { margin: .3rem 0; font-size: .95rem; }
    .actions { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between; margin-top: .4rem; }
    form.rate { display: flex; gap: .4rem; margin: 0; }
    form.rate button { min-width: 4.6rem; min-height: 2.4rem; }
    form.rate .like[aria-pressed="true"] { background: var(--like); border-color: var(--like); color: #fff; }
    form.rate .dislike[aria-pressed="true"] { background: var(--dislike); border-color: var(--dislike); color: #fff; }
    form.rate.busy { opacity: .5; }
    .links { display: flex; gap: .8rem; font-size: .9rem; }
    .undo span { flex: 1 1 12rem; }
    .undo { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; background: var(--term); border-radius: .5rem;
      padding: .5rem .8rem; margin: .5rem 0 1rem; }
    .rated h2 { margin-top: 2rem; }
    .ratings ul, .profiles ul { padding-left: 1.2rem; }
    .rated-paper { margin-bottom: .6rem; }
    .rated-paper form.rate { margin-top: .2rem; }
    .rated-paper form.rate button { min-width: 0; min-height: 0; padding: .1rem .6rem; font-size: .85rem; flex: none; }
    .rated-paper form.rate { width: auto; }
    .id, .counts { color: var(--muted); font-size: .85rem; }
    .danger form, .profiles form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
    .reset { border-color: var(--dislike); color: var(--dislike); }
    .error .message { font-size: 1.05rem; }
    .more { text-align: center; }
    @media (min-width: 48rem) { .bar { position: sticky; top: 0; z-index: 1; } }
    @media (max-width: 40rem) {
      .bar .search { order: 3; flex-basis: 100%; }
      .bar .wide { display: none; }
      .days { justify-content: space-between; }
      .days form { order: 3; flex-basis: 100%; }
      .days form input { flex: 1; }
    }
    @media (max-width: 30rem) {
      form.rate { width: 100%; }
      form.rate button { flex: 1; }
      .paper { padding: .7rem .8rem; }
    }
    """#
}
