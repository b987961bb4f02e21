using Summarizer.Core.Outputs;

namespace Summarizer.Core.Rendering;

/// <summary>
/// What a side-by-side page gains when the review server serves it: an editor script admitted by its hash beside the
/// page's own, its styles, and the review controls drawn under each sentence's and each claim's English (which is then
/// wrapped in <c>&lt;span class="text"&gt;</c> so the script can replace it). The files a job writes never carry one:
/// without it the page is byte for byte the static page.
/// </summary>
/// <param name="Script">The editor's script, written as is and admitted by its SHA-256.</param>
/// <param name="Style">The editor's styles, appended to the page's.</param>
/// <param name="SentenceTools">The controls of a sentence, by id: HTML whose text the caller has encoded.</param>
/// <param name="ClaimTools">The controls of a claim: HTML whose text the caller has encoded.</param>
public sealed record PageEditing(string Script, string Style, Func<string, string> SentenceTools, Func<Claim, string> ClaimTools)
{
    /// <summary>Gets the SHA-256 of <see cref="Script"/>, base64, as a CSP source wants it.</summary>
    public string ScriptHash => HtmlPage.Sha256(Script);
}
