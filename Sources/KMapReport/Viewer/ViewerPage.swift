import KMapExport

/// The viewer as one self-contained HTML file: no network, no CDN, works from `file://`.
///
/// The campaign's data sits in a `<script type="application/json">` (every `<` escaped) and the page's own
/// script inserts it as text or as SVG parsed by `DOMParser` (which never runs scripts); the Content Security
/// Policy forbids loading anything, so the file cannot reach the network even if a string slipped through.
///
/// A report is this page with more in it: `lead` (HTML, escaped by the caller) after the header's line,
/// `sections` after the map, `style` added to the page's CSS.
public enum ViewerPage {
    public static func html(
        _ data: ViewerData, pageTitle: String? = nil, lead: String = "", sections: String = "", style: String = ""
    ) -> String {
        let title = Escaping.xml(data.campaign.info.title)
        let first = data.days.first?.longDescription ?? ""
        let last = data.days.last?.longDescription ?? ""
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="kmap">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
            <title>\(pageTitle.map(Escaping.xml) ?? "\(title): day by day")</title>
            <style>
            \(css)
            \(line(style))</style>
            </head>
            <body>
            <header>
            <h1>\(title)</h1>
            <p class="span">\(Escaping.xml(first)) to \(Escaping.xml(last)). Every mark traces to a sourced sentence; hover a place for its state, click it for the chain of events.</p>
            \(line(lead))</header>
            <nav id="kv-controls" aria-label="Day">
            <button id="kv-prev" type="button" aria-label="Previous day">◀</button>
            <button id="kv-play" type="button" aria-label="Play">▶ Play</button>
            <button id="kv-next" type="button" aria-label="Next day">▶</button>
            <input id="kv-slider" type="range" min="0" max="\(max(0, data.days.count - 1))" value="0" step="1" aria-label="Day">
            </nav>
            <h2 id="kv-date" aria-live="polite"></h2>
            <main>
            <div id="kv-map" role="img" aria-label="Map of the day"></div>
            <aside>
            <section id="kv-place" hidden><h3 id="kv-place-name"></h3><p id="kv-place-state"></p><ol id="kv-place-chain"></ol></section>
            <section><h3>What changed since the day before</h3><ul id="kv-changes"></ul></section>
            <section><h3>Events of the day</h3><ol id="kv-events"></ol></section>
            </aside>
            </main>
            \(line(sections))<footer><p id="kv-attribution"></p><p class="timing">Day drawn in <span id="kv-timing">–</span> ms. Made with kmap.</p></footer>
            <script type="application/json" id="kmap-data">\(data.json())</script>
            <script>
            \(ViewerScript.source)
            </script>
            </body>
            </html>

            """
    }

    /// `s` on lines of its own, or nothing.
    static func line(_ s: String) -> String { s.isEmpty ? "" : s.hasSuffix("\n") ? s : s + "\n" }

    static let css = """
        body { font-family: "DejaVu Sans", "Noto Sans", "Noto Sans Arabic", sans-serif; margin: 0 auto; max-width: 1400px; padding: 0 12px; color: #1e1e1e; line-height: 1.4; }
        h1 { font-size: 1.4em; margin: 0.5em 0 0.2em; } h2 { font-size: 1.2em; margin: 0.3em 0; } h3 { font-size: 1em; margin: 0.8em 0 0.3em; }
        .span { margin: 0 0 0.5em; color: #444; font-size: 0.9em; }
        nav { display: flex; gap: 6px; align-items: center; position: sticky; top: 0; background: #fff; padding: 6px 0; z-index: 1; }
        nav button { font: inherit; padding: 6px 10px; min-width: 44px; min-height: 40px; }
        #kv-slider { flex: 1; min-width: 80px; height: 40px; }
        main { display: flex; gap: 16px; align-items: flex-start; }
        #kv-map { flex: 3; min-width: 0; } #kv-map svg { width: 100%; height: auto; display: block; border: 1px solid #ccc; }
        #kv-map [id^="place-"], #kv-map [id^="label-"] { cursor: pointer; }
        #kv-map #changes, #kv-map #road-cuts { pointer-events: none; }
        aside { flex: 1; min-width: 240px; font-size: 0.92em; }
        blockquote { margin: 0.2em 0 0.2em 0.8em; font-style: italic; }
        .cite { color: #555; font-size: 0.9em; }
        #kv-place { border: 2px solid #f28c28; padding: 0 8px 4px; }
        footer { margin: 1.5em 0; font-size: 0.85em; color: #555; border-top: 1px solid #ccc; }
        @media (max-width: 760px) { main { flex-direction: column; align-items: stretch; } #kv-map { width: 100%; } aside { min-width: 0; width: 100%; } #kv-play { min-width: 72px; } }
        @media print { nav, .timing { display: none; } main { display: block; } #kv-map svg { border: none; } body { max-width: none; } }
        """
}
