using System.Text;
using Summarizer.Core.Rendering;
using Summarizer.Core.Store;

namespace Summarizer.Core.Review;

/// <summary>
/// The editor a served side-by-side page gains: under each sentence and claim its state, last comment and buttons
/// (edit the English, reviewed, approve, reject with a reason, comment), and the script that posts each edit to the
/// server the moment it is saved. The script reads the session token from the page's own address (its first path
/// segment) and sends it in a header, never a cookie; it writes text with <c>textContent</c> and values only, so what a
/// reviewer types stays text.
/// </summary>
public static class ReviewEditor
{
    /// <summary>The header that carries the session token.</summary>
    public const string TokenHeader = "X-Review-Token";

    /// <summary>The address edits are posted to.</summary>
    public const string ReviewPath = "/api/review";

    /// <summary>The address the index's apply button posts to.</summary>
    public const string ApplyPath = "/api/apply";

    /// <summary>
    /// The script shared by the served pages: posting with the token, the editor of every <c>.review</c> box, and the
    /// index's apply button. Unsaved text in an open box makes the browser ask before the tab closes; a saved edit is
    /// sent with <c>keepalive</c>, so closing the tab right after saving does not lose it.
    /// </summary>
    public const string Script = """
        (function () {
          var token = location.pathname.split('/')[1];
          function post(path, body) {
            return fetch(path, {
              method: 'POST', credentials: 'omit', cache: 'no-store', keepalive: true,
              headers: { 'Content-Type': 'application/json', 'X-Review-Token': token },
              body: JSON.stringify(body)
            }).then(function (r) {
              return r.json().catch(function () { return {}; }).then(function (j) {
                if (!r.ok) { throw new Error(j.error || ('HTTP ' + r.status)); }
                return j;
              });
            });
          }
          function button(label, act) {
            var b = document.createElement('button');
            b.type = 'button';
            b.textContent = label;
            b.addEventListener('click', act);
            return b;
          }
          function say(box, text, failed) {
            var s = box.querySelector('.saved');
            s.textContent = text;
            box.classList.toggle('failed', !!failed);
          }
          function close(box) { var f = box.querySelector('.form'); if (f) { f.remove(); } }
          function show(box, item) {
            box.setAttribute('data-state', item.state);
            box.querySelector('.state').textContent = item.state;
            box.querySelector('.comment').textContent = item.comment || '';
            var text = box.parentNode.querySelector(':scope > .text');
            if (text && typeof item.en === 'string') { text.textContent = item.en; }
          }
          function send(box, edit) {
            say(box, 'saving…');
            edit.article = box.getAttribute('data-article');
            edit.item = box.getAttribute('data-item');
            return post('/api/review', edit).then(function (item) {
              show(box, item);
              close(box);
              say(box, 'saved');
            }, function (e) { say(box, 'not saved: ' + e.message, true); });
          }
          function form(box, label, initial, save) {
            close(box);
            var f = document.createElement('div');
            f.className = 'form';
            var area = document.createElement('textarea');
            area.value = initial;
            area.setAttribute('aria-label', label);
            area.setAttribute('data-initial', initial);
            f.append(area, button('Save', function () { save(area.value); }), button('Cancel', function () { f.remove(); }));
            box.appendChild(f);
            area.focus();
          }
          function act(box, what) {
            var text = box.parentNode.querySelector(':scope > .text');
            if (what === 'edit') {
              form(box, 'English', text ? text.textContent : '', function (v) { send(box, { field: 'en', value: v }); });
            } else if (what === 'rejected') {
              form(box, 'Why it is rejected', '', function (v) { send(box, { field: 'state', value: 'rejected', comment: v }); });
            } else if (what === 'comment') {
              form(box, 'Comment', '', function (v) { send(box, { field: 'comment', value: v }); });
            } else {
              send(box, { field: 'state', value: what });
            }
          }
          document.querySelectorAll('.review').forEach(function (box) {
            // Keys and clicks in the editor are the editor's: the page's own handlers (claim highlight, j/k) must not see them.
            box.addEventListener('keydown', function (e) { e.stopPropagation(); });
            box.addEventListener('click', function (e) {
              e.stopPropagation();
              var b = e.target.closest('button[data-do]');
              if (b) { act(box, b.getAttribute('data-do')); }
            });
          });
          window.addEventListener('beforeunload', function (e) {
            var unsaved = Array.prototype.some.call(document.querySelectorAll('.review textarea'), function (a) { return a.value !== a.getAttribute('data-initial'); });
            if (unsaved) { e.preventDefault(); e.returnValue = ''; }
          });
          var apply = document.getElementById('apply');
          if (apply) {
            apply.addEventListener('click', function () {
              var status = document.getElementById('apply-status');
              apply.disabled = true;
              status.textContent = 'applying…';
              post('/api/apply', {}).then(function (r) { status.textContent = 'applied: new job ' + r.job; },
                function (e) { status.textContent = 'not applied: ' + e.message; }).then(function () { apply.disabled = false; });
            });
          }
        })();
        """;

    /// <summary>The editor's styles.</summary>
    public const string Style = """
        .review { margin-top: 4px; font-size: 12.5px; color: #555; }
        .review .state { display: inline-block; padding: 0 6px; border-radius: 8px; background: #eee; }
        .review[data-state="reviewed"] .state { background: #e6f0ff; color: #174ea6; }
        .review[data-state="approved"] .state { background: #dff3e4; color: #1e6b34; }
        .review[data-state="rejected"] .state { background: #fde2e1; color: #8a1c15; }
        .review .comment { font-style: italic; margin: 0 6px; white-space: pre-wrap; }
        .review button { font-size: 12px; margin: 2px 2px 0 0; }
        .review.failed .saved { color: #8a1c15; }
        .review textarea { display: block; width: 100%; min-height: 4em; box-sizing: border-box; font: inherit; font-size: 14px; }
        """;

    /// <summary>Makes the editor of an article's served page from its items' latest reviews.</summary>
    public static PageEditing For(string article, IReadOnlyDictionary<(string Article, string Item), ItemReview> latest) =>
        new(Script, Style, id => Tools(article, id, latest.GetValueOrDefault((article, id))), claim => Tools(article, claim.Id, latest.GetValueOrDefault((article, claim.Id))));

    private static string Tools(string article, string item, ItemReview? review)
    {
        var state = review?.State ?? ReviewStates.Translated;
        var html = new StringBuilder()
            .Append("<div class=\"review\" data-article=\"").Append(Html.Encode(article)).Append("\" data-item=\"").Append(Html.Encode(item))
            .Append("\" data-state=\"").Append(Html.Encode(state)).Append("\"><span class=\"state\">").Append(Html.Encode(state)).Append("</span>")
            .Append("<span class=\"comment\">").Append(Html.Encode(review?.Comment)).Append("</span>");
        foreach (var (action, label) in Actions)
        {
            html.Append("<button type=\"button\" data-do=\"").Append(action).Append("\">").Append(label).Append("</button>");
        }

        return html.Append("<span class=\"saved\" role=\"status\"></span></div>").ToString();
    }

    private static readonly (string Action, string Label)[] Actions =
    [
        ("edit", "Edit"), (ReviewStates.Reviewed, "Reviewed"), (ReviewStates.Approved, "Approve"), (ReviewStates.Rejected, "Reject…"), ("comment", "Comment…"),
    ];
}
