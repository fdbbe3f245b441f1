/// The viewer's script: the slider, play/pause, arrows, the URL fragment, the map of a day, hover and click.
///
/// Kept as plain ES2017 with no library, so the file works offline in any current browser. Campaign text only
/// ever goes through `textContent`; maps are SVG parsed by `DOMParser` as XML, which never runs scripts.
enum ViewerScript {
    static let source = #"""
        "use strict";
        (function () {
          const data = JSON.parse(document.getElementById("kmap-data").textContent);
          const $ = (id) => document.getElementById(id);
          const slider = $("kv-slider"), map = $("kv-map"), playButton = $("kv-play");
          const byDay = new Map(data.days.map((d, i) => [d, i]));
          let current = -1, timer = null, selected = null;
          $("kv-attribution").textContent = data.attribution;

          function svgOf(i) {
            const runs = data.maps[i], parts = [];
            for (let k = 0; k < runs.length; k += 2) {
              for (let n = runs[k]; n < runs[k] + runs[k + 1]; n++) parts.push(data.lines[n]);
            }
            return parts.join("\n");
          }

          function item(list, text, quote, cite) {
            const li = document.createElement("li");
            li.appendChild(document.createTextNode(text));
            if (quote) { const q = document.createElement("blockquote"); q.textContent = "\u201c" + quote + "\u201d"; li.appendChild(q); }
            if (cite) { const c = document.createElement("span"); c.className = "cite"; c.textContent = cite; li.appendChild(c); }
            list.appendChild(li);
          }

          function show(i, fromHash) {
            i = Math.max(0, Math.min(data.days.length - 1, i));
            const t0 = performance.now();
            const doc = new DOMParser().parseFromString(svgOf(i), "image/svg+xml");
            const svg = doc.documentElement;
            if (svg.nodeName !== "svg") return;
            svg.removeAttribute("width"); svg.removeAttribute("height");
            map.replaceChildren(document.importNode(svg, true));
            current = i;
            slider.value = String(i);
            $("kv-date").textContent = data.longDays[i];
            const day = data.days[i];
            const changes = $("kv-changes"); changes.replaceChildren();
            for (const c of data.changes[i]) item(changes, c);
            if (!data.changes[i].length) item(changes, "No place changed hands.");
            const events = $("kv-events"); events.replaceChildren();
            for (const e of data.events) {
              if (e.day !== day) continue;
              if (data.eventsBelow) {
                item(events, e.what);
                if (e.n) { const b = document.createElement("span"); b.className = "kr-badge"; b.textContent = String(e.n); events.lastChild.prepend(b, " "); }
              }
              else item(events, e.when + " \u00b7 " + e.what, e.quote, e.cite);
            }
            if (!events.children.length) item(events, "No event is dated this day.");
            else if (data.eventsBelow) {
              const a = document.createElement("a");
              a.href = "#events-" + day; a.textContent = "Quotes and sources below";
              const li = document.createElement("li"); li.className = "more"; li.appendChild(a); events.appendChild(li);
            }
            if (selected) explain(selected);
            const ms = performance.now() - t0;
            $("kv-timing").textContent = ms.toFixed(1);
            document.body.dataset.renderMs = ms.toFixed(2);
            document.body.dataset.day = day;
            if (!fromHash && location.hash !== "#" + day) history.replaceState(null, "", "#" + day);
          }

          function explain(id) {
            const p = data.places[id];
            if (!p) return;
            selected = id;
            const day = data.days[current];
            $("kv-place").hidden = false;
            $("kv-place-name").textContent = p.name;
            const title = map.querySelector("#" + CSS.escape(id) + " > title");
            $("kv-place-state").textContent = title ? title.textContent : "";
            const chain = $("kv-place-chain"); chain.replaceChildren();
            item(chain, p.initial, p.initialQuote);
            for (const k of p.events) {
              const e = data.events[k];
              if (e.day <= day) item(chain, e.when + " \u00b7 " + e.what, e.quote, e.cite + (e.note ? " \u00b7 reading: " + e.note : ""));
            }
          }

          function fromHash() {
            const i = byDay.get(decodeURIComponent(location.hash.slice(1)));
            if (i === undefined) return;
            if (i !== current) show(i, true);
            if (data.eventsBelow) $("kv-date").scrollIntoView();  // a report's "show on the map" link
          }

          function play() {
            if (timer) { clearInterval(timer); timer = null; playButton.textContent = "\u25b6 Play"; playButton.setAttribute("aria-label", "Play"); return; }
            if (current >= data.days.length - 1) show(0);
            playButton.textContent = "\u275a\u275a Pause"; playButton.setAttribute("aria-label", "Pause");
            timer = setInterval(() => { if (current >= data.days.length - 1) play(); else show(current + 1); }, 700);
          }

          slider.addEventListener("input", () => show(Number(slider.value)));
          $("kv-prev").addEventListener("click", () => show(current - 1));
          $("kv-next").addEventListener("click", () => show(current + 1));
          playButton.addEventListener("click", play);
          window.addEventListener("hashchange", fromHash);
          document.addEventListener("keydown", (e) => {
            if (e.target === slider || e.altKey || e.ctrlKey || e.metaKey) return;
            const step = { ArrowLeft: -1, ArrowRight: 1 }[e.key];
            if (step) { e.preventDefault(); show(current + step); }
            else if (e.key === "Home") { e.preventDefault(); show(0); }
            else if (e.key === "End") { e.preventDefault(); show(data.days.length - 1); }
          });
          map.addEventListener("click", (e) => {
            const g = e.target.closest && e.target.closest("[id^='place-'], [id^='label-']");
            const id = g ? g.id.replace(/^label-/, "place-") : "";
            if (data.places[id]) explain(id);
          });
          const start = byDay.get(decodeURIComponent(location.hash.slice(1)));
          show(start === undefined ? 0 : start, true);
        })();
        """#
}
