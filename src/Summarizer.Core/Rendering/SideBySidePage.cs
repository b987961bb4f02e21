using Summarizer.Core.Outputs;

namespace Summarizer.Core.Rendering;

/// <summary>
/// Renders <c>side-by-side.html</c>: one self-contained page (no network), Arabic and English aligned sentence by sentence
/// with ids, the summary and its claims linked to their source sentences, and QA flags. Every text is HTML-encoded.
/// </summary>
public static class SideBySidePage
{
    private const string Style = """
        header { padding: 12px 20px; background: #fff; border-bottom: 1px solid #ddd; }
        header h1 { font-size: 19px; margin: 0 0 4px; }
        main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(260px, 1fr); gap: 16px; padding: 16px 20px; }
        .grid { display: grid; grid-template-columns: 3.5em minmax(0, 1fr) minmax(0, 1fr); align-content: start; align-self: start; background: #fff; border: 1px solid #ddd; }
        .row { display: grid; grid-column: 1 / -1; grid-template-columns: subgrid; scroll-margin-top: 30vh; }
        .row > * { padding: 6px 10px; border-bottom: 1px solid #eee; }
        .row:target > *, .row.hl > * { background: #fff8d6; }
        .row:focus-within > .id { box-shadow: inset 3px 0 #174ea6; }
        .id { color: #777; font: 12px ui-monospace, monospace; }
        .id a { color: inherit; }
        .en { direction: ltr; }
        .flag { display: inline-block; margin: 2px 4px 0 0; padding: 0 6px; border-radius: 8px; font-size: 12px; }
        .flag.error { background: #fde2e1; color: #8a1c15; }
        .flag.warning { background: #fff1d6; color: #7a4d00; }
        .flag.note { background: #e6f0ff; color: #174ea6; }
        .missing { color: #8a1c15; font-style: italic; }
        aside { background: #fff; border: 1px solid #ddd; padding: 10px 14px; align-self: start; position: sticky; top: 10px; max-height: calc(100vh - 20px); overflow: auto; }
        aside h2 { font-size: 15px; margin: 8px 0; }
        aside ol { padding-left: 20px; }
        aside li { margin-bottom: 8px; cursor: pointer; }
        aside li.hl, aside li:target { background: #fff8d6; outline: 2px solid #e0c36a; }
        .ar[tabindex] { cursor: pointer; }
        .only-flagged .row:not(.flagged) { display: none; }
        .claim-ar { direction: rtl; text-align: right; font-family: var(--ar); color: #333; }
        @media print {
          body { background: #fff; }
          aside { position: static; max-height: none; overflow: visible; }
          main { grid-template-columns: 1fr; }
          .row > * { break-inside: avoid; }
          .only-flagged .row:not(.flagged) { display: grid; }
          .row.hl > *, .row:target > * { background: none; }
        }
        """;

    /// <summary>
    /// The page's only script: clicking (or Enter on) a claim highlights and scrolls to its source sentences; clicking a
    /// sentence highlights the claims that cite it; the checkbox shows only flagged rows; j/k (or the arrows, from a
    /// sentence) move between sentences and n/p between flagged ones, as in a CAT tool's editor. It reads data
    /// attributes only, never page text, and the CSP admits it by its hash alone.
    /// </summary>
    private const string Script = """
        (function () {
          function clear() { document.querySelectorAll('.hl').forEach(function (e) { e.classList.remove('hl'); }); }
          function activate(e, handler) {
            e.addEventListener('click', handler);
            e.addEventListener('keydown', function (k) { if (k.key === 'Enter' || k.key === ' ') { k.preventDefault(); handler(); } });
          }
          document.querySelectorAll('[data-sources]').forEach(function (claim) {
            activate(claim, function () {
              clear();
              claim.classList.add('hl');
              var rows = claim.getAttribute('data-sources').split(' ').map(function (id) { return document.getElementById(id); }).filter(Boolean);
              rows.forEach(function (r) { r.classList.add('hl'); });
              if (rows.length) { rows[0].querySelector('.id a').focus({ preventScroll: true }); rows[0].scrollIntoView({ block: 'center' }); }
            });
          });
          document.querySelectorAll('.row').forEach(function (row) {
            activate(row.querySelector('.ar'), function () {
              clear();
              row.classList.add('hl');
              var claims = Array.prototype.filter.call(document.querySelectorAll('[data-sources]'), function (c) { return c.getAttribute('data-sources').split(' ').indexOf(row.id) >= 0; });
              claims.forEach(function (c) { c.classList.add('hl'); });
              if (claims.length) { claims[0].scrollIntoView({ block: 'nearest' }); }
            });
          });
          var only = document.getElementById('only-flagged');
          if (only) { only.addEventListener('change', function () { document.body.classList.toggle('only-flagged', only.checked); }); }
          function go(row) { if (row) { row.querySelector('.ar').focus({ preventScroll: true }); row.scrollIntoView({ block: 'center' }); } }
          document.addEventListener('keydown', function (k) {
            if (k.altKey || k.ctrlKey || k.metaKey || k.shiftKey || k.isComposing || k.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(k.target.tagName)) { return; }
            var rows = Array.prototype.filter.call(document.querySelectorAll('.row'), function (r) { return r.querySelector('.ar').getClientRects().length > 0; });
            var at = rows.indexOf(k.target.closest ? k.target.closest('.row') : null);
            var step = k.key === 'j' || (k.key === 'ArrowDown' && at >= 0) ? 1 : k.key === 'k' || (k.key === 'ArrowUp' && at >= 0) ? -1 : 0;
            if (step) {
              go(rows[at < 0 ? 0 : Math.min(Math.max(at + step, 0), rows.length - 1)]);
            } else if (k.key === 'n' || k.key === 'p') {
              var flagged = rows.filter(function (r, i) { return r.classList.contains('flagged') && (k.key === 'n' ? i > at : at < 0 || i < at); });
              go(k.key === 'n' ? flagged[0] : flagged[flagged.length - 1]);
            } else {
              return;
            }
            k.preventDefault();
          });
        })();
        """;

    private static readonly string ScriptHash = HtmlPage.Sha256(Script);

    /// <summary>Gets the Content-Security-Policy of every page: nothing from the network, styles inline, one hashed script.</summary>
    public static string ContentSecurityPolicy => $"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{ScriptHash}'";

    /// <summary>
    /// Gets the policy of a page served with an editor: the same, plus the editor's script by its hash and requests to
    /// the server the page came from (<c>connect-src 'self'</c>); no other origin, no base URL, no form target.
    /// </summary>
    public static string EditingPolicy(PageEditing editing) =>
        $"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{ScriptHash}' 'sha256-{editing.ScriptHash}'; connect-src 'self'; base-uri 'none'; form-action 'none'";

    /// <summary>Renders the page.</summary>
    public static string Render(ArticleResult work, Provenance provenance) => Render(work, provenance, [], linkBriefing: false);

    /// <summary>Renders the page with the job-wide QA findings of this article.</summary>
    /// <param name="work">The article's work.</param>
    /// <param name="provenance">How the job was made.</param>
    /// <param name="findings">The article's QA findings.</param>
    /// <param name="linkBriefing">Whether the job has a briefing page to link to (a cancelled job has none).</param>
    /// <param name="editing">The review server's editor, or null for the page a job writes.</param>
    public static string Render(ArticleResult work, Provenance provenance, IReadOnlyList<QaFinding> findings, bool linkBriefing, PageEditing? editing = null)
    {
        // Flags raised while the job ran, plus QA findings that are not already among them.
        var flagsById = work.Sentences.ToDictionary(
            s => s.Id,
            s => (work.SentenceFlags.GetValueOrDefault(s.Id) ?? []).Concat(findings
                    .Where(f => f.Item == s.Id && !(work.SentenceFlags.GetValueOrDefault(s.Id) ?? []).Any(x => x.Code == f.Check))
                    .Select(f => new Validation.Flag(f.Check, f.Severity, f.Message)))
                .ToList(),
            StringComparer.Ordinal);
        var title = work.Summary?.HeadlineEn ?? (work.Article.Title.Length > 0 ? work.Article.Title : work.Article.Id);
        var html = HtmlPage.Begin(title, editing is null ? ContentSecurityPolicy : EditingPolicy(editing), editing is null ? Style : Style + editing.Style)
            .Append("<header>\n<nav class=\"meta no-print\">").AppendLink("../../" + JobLinks.Index, "all articles");
        if (linkBriefing)
        {
            html.Append(" · ").AppendLink("../../" + JobLinks.BriefingPage, "briefing");
        }

        html.Append("</nav>\n<h1>").Append(Html.Encode(title)).Append("</h1>\n");
        if (work.Article.Title.Length > 0)
        {
            html.Append("<div class=\"ar\" lang=\"ar\" dir=\"rtl\">").Append(Html.Encode(work.Article.Title)).Append("</div>\n");
        }

        html.Append("<div class=\"meta\">").Append(Html.Encode(work.Article.Id)).Append(" · ").Append(Html.Name(work.Article.Path));
        if (work.Article.Source is not null)
        {
            html.Append(" · source: ").Append(Html.Name(work.Article.Source));
        }

        html.Append("</div>\n")
            .AppendProvenance(provenance);
        var flagged = flagsById.Count(f => f.Value.Count > 0);
        html.Append("<label class=\"meta no-print\"><input type=\"checkbox\" id=\"only-flagged\"> show only the ").Append(flagged)
            .Append(" flagged row(s)</label>\n<div class=\"meta no-print\">Keys: j / k or ↓ / ↑ next or previous sentence · n / p next or previous flagged row · ")
            .Append("Enter on a claim shows its sources, on a sentence the claims citing it</div>\n</header>\n<main>\n<section class=\"grid\" aria-label=\"Sentences, English and Arabic\">\n");
        foreach (var sentence in work.Sentences)
        {
            var id = Html.Encode(sentence.Id);
            var rowClass = flagsById[sentence.Id].Count > 0 ? "row flagged" : "row";
            html.Append("<div class=\"").Append(rowClass).Append("\" id=\"").Append(id).Append("\"><div class=\"id\"><a href=\"#").Append(id).Append("\">").Append(id).Append("</a></div>")
                .Append("<div class=\"en\" lang=\"en\">");
            if (editing is not null)
            {
                html.Append("<span class=\"text\">").Append(Html.Encode(work.English.GetValueOrDefault(sentence.Id))).Append("</span>");
            }

            if (work.English.TryGetValue(sentence.Id, out var english))
            {
                if (editing is null)
                {
                    html.Append(Html.Encode(english));
                }

                if (work.Origins.GetValueOrDefault(sentence.Id) is { } origin)
                {
                    html.Append(OriginMarker(origin));
                }
            }
            else
            {
                html.Append("<span class=\"missing\">not translated</span>");
            }

            foreach (var flag in flagsById[sentence.Id])
            {
                html.Append("<br>").Append(Badge(flag));
            }

            html.Append(editing?.SentenceTools(sentence.Id));

            html.Append("</div><div class=\"ar\" lang=\"ar\" dir=\"rtl\" tabindex=\"0\" title=\"Show the claims that cite this sentence\">").Append(Html.Encode(sentence.Text)).Append("</div></div>\n");
        }

        html.Append("</section>\n<aside aria-label=\"Summary and claims\">\n");
        if (work.Summary is { } summary)
        {
            html.Append("<h2>Summary</h2>\n<p>").Append(LinkCitations(summary.SummaryEn)).Append("</p>\n")
                .Append("<p class=\"claim-ar\" lang=\"ar\" dir=\"rtl\">").Append(LinkCitations(summary.SummaryAr)).Append("</p>\n");
        }

        html.Append("<h2>Claims</h2>\n<ol>\n");
        foreach (var claim in work.Claims)
        {
            html.Append("<li id=\"").Append(Html.Encode(claim.Id)).Append("\" tabindex=\"0\" data-sources=\"").Append(Html.Encode(string.Join(' ', claim.Sources))).Append("\">")
                .Append(editing is null ? Html.Encode(claim.En) : "<span class=\"text\">" + Html.Encode(claim.En) + "</span>").Append(' ')
                .Append(string.Join(' ', claim.Sources.Select(s => $"<a href=\"#{Html.Encode(s)}\">[{Html.Encode(s)}]</a>")));
            foreach (var flag in claim.Flags)
            {
                html.Append("<br>").Append(Badge(flag)).Append(' ').Append(Html.Encode(flag.Message));
            }

            html.Append("<div class=\"claim-ar\" lang=\"ar\" dir=\"rtl\">").Append(Html.Encode(claim.Ar)).Append("</div>").Append(editing?.ClaimTools(claim)).Append("</li>\n");
        }

        html.Append("</ol>\n");
        if (work.Failures.Count > 0)
        {
            html.Append("<h2>Failed items</h2>\n<ul>\n");
            foreach (var failure in work.Failures)
            {
                html.Append("<li>").Append(Html.Encode($"{failure.Stage} {failure.Item}: {failure.Reason}")).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("</aside>\n</main>\n<script>").Append(Script).Append("</script>\n");
        if (editing is not null)
        {
            html.Append("<script>").Append(editing.Script).Append("</script>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>Marks English that did not come from the model: a reviewer's (human) or the translation memory's (TM).</summary>
    private static string OriginMarker(string origin)
    {
        var (label, title) = origin switch
        {
            SentenceOrigins.Human => ("human", "edited by a reviewer"),
            SentenceOrigins.Tm => ("TM", "from the translation memory of approved sentences"),
            _ => (origin, "not from the model"),
        };
        // Styled in place, not in the page's style sheet, so pages of jobs without human or TM English stay as they were.
        return $"<span class=\"origin\" style=\"margin-left: 6px; padding: 0 5px; border: 1px solid #9bb5e0; border-radius: 3px; color: #174ea6; font-size: 11px\" data-origin=\"{Html.Encode(origin)}\" title=\"{Html.Encode(title)}\">{Html.Encode(label)}</span>";
    }

    private static string Badge(Validation.Flag flag) =>
        $"<span class=\"flag {Html.Encode(flag.Severity)}\" title=\"{Html.Encode(flag.Message)}\">{Html.Encode($"{flag.Severity}: {flag.Code}")}</span>";

    private static string LinkCitations(string text) => Validation.Citations.Render(text, Html.Encode, sources =>
        "<bdi dir=\"ltr\">[" + string.Join(",", sources.Select(s => $"<a href=\"#{Html.Encode(s)}\">{Html.Encode(s)}</a>")) + "]</bdi>");
}
