using System.Text.Json.Serialization;

namespace Summarizer.Core.Review;

/// <summary>
/// One edit a reviewer makes on a served page, as its script posts it: change the English (<c>field</c> <c>en</c>,
/// plain text in <c>value</c>), set the state (<c>state</c>; <c>rejected</c> needs a <c>comment</c>), or comment
/// (<c>comment</c>, the text in <c>value</c>) on a sentence (<c>s4</c>) or a claim (<c>k3</c>).
/// </summary>
/// <param name="Article">The article id.</param>
/// <param name="Item">The sentence or claim id.</param>
/// <param name="Field">What changes: <c>en</c>, <c>state</c> or <c>comment</c> (<see cref="Store.ReviewFields"/>).</param>
/// <param name="Value">The new English, the new state, or the comment.</param>
/// <param name="Comment">With a state: why (required to reject).</param>
public sealed record ReviewRequest(string? Article, string? Item, string? Field, string? Value, string? Comment = null);

/// <summary>An item after a recorded edit: what the page shows for it.</summary>
/// <param name="Article">The article id.</param>
/// <param name="Item">The sentence or claim id.</param>
/// <param name="State">Its state now.</param>
/// <param name="English">Its English now (null for a sentence never translated).</param>
/// <param name="Comment">Its latest comment, if any.</param>
/// <param name="Reviewer">Who made the edit.</param>
public sealed record ReviewedItem(string Article, string Item, string State, [property: JsonPropertyName("en")] string? English, string? Comment, string Reviewer);

/// <summary>An edit that cannot be recorded as asked (unknown article or item, unknown field or state, empty text, a rejection without a reason); nothing was recorded.</summary>
public sealed class ReviewRequestException(string message) : Exception(message);
