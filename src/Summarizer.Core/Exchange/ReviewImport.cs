using Summarizer.Core.Store;

namespace Summarizer.Core.Exchange;

/// <summary>What an imported file changed, before or after it was recorded.</summary>
/// <param name="Edits">The review records to write (edited English, changed states), in unit order.</param>
/// <param name="Approved">The approved segments, for the translation memory (every approved unit of the file).</param>
/// <param name="Units">Units read.</param>
/// <param name="Edited">Sentences whose English changed.</param>
/// <param name="States">Sentences per new state, counting only those whose state changed.</param>
/// <param name="Warnings">One line per unit whose inline tags were reduced to text.</param>
public sealed record ReviewImport(
    IReadOnlyList<ReviewEdit> Edits,
    IReadOnlyList<TmEntry> Approved,
    int Units,
    int Edited,
    IReadOnlyDictionary<string, int> States,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Gets the one-line report: <c>12 sentences edited, 30 approved, 2 reviewed, 0 rejected, 40 unchanged</c>.</summary>
    public string Summary =>
        $"{Edited} sentences edited, {States.GetValueOrDefault(ReviewStates.Approved)} approved, {States.GetValueOrDefault(ReviewStates.Reviewed)} reviewed, " +
        $"{States.GetValueOrDefault(ReviewStates.Rejected)} rejected, {States.GetValueOrDefault(ReviewStates.Translated)} back to translated, " +
        $"{Units - Edits.Select(e => e.Item + "\n" + e.Article).Distinct(StringComparer.Ordinal).Count()} unchanged, 0 units unknown";

    /// <summary>
    /// Compares an imported file's units with the job as reviewed so far and returns what changed. Refuses, naming them,
    /// units of another job, units that match no sentence of the job, and units given twice: all or nothing.
    /// </summary>
    /// <exception cref="ExchangeException">The file belongs to another job, or some units cannot be matched.</exception>
    public static ReviewImport Plan(ReviewJob job, IReadOnlyList<XliffUnit> units, string file, string reviewer, DateTimeOffset now)
    {
        var otherJobs = units.Select(u => u.JobId).Where(j => j != job.JobId).Distinct(StringComparer.Ordinal).ToList();
        if (otherJobs.Count > 0)
        {
            var named = otherJobs.Where(j => j is not null).ToList();
            throw new ExchangeException(named.Count > 0
                ? $"{file} is for job {string.Join(", ", named)}, not {job.JobId}: nothing imported. Import it into that job, or export {job.JobId} again"
                : $"{file} names no summarizer job in its <file original=…> (expected {UnitIds.Original(job.JobId, "<article>")}): nothing imported. Import a file exported by 'summarizer export {job.JobId}'");
        }

        var segments = job.Segments.ToDictionary(s => s.UnitId, StringComparer.Ordinal);
        var duplicates = units.GroupBy(u => u.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var unknown = units.Select(u => u.Id).Where(id => !segments.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0 || duplicates.Count > 0)
        {
            var parts = new List<string>();
            if (unknown.Count > 0)
            {
                parts.Add($"{unknown.Count} units unknown to job {job.JobId} ({First(unknown)})");
            }

            if (duplicates.Count > 0)
            {
                parts.Add($"{duplicates.Count} units given twice ({First(duplicates)})");
            }

            throw new ExchangeException($"{file}: {string.Join("; ", parts)}: nothing imported. Re-export the job and apply the edits to the new file");
        }

        var edits = new List<ReviewEdit>();
        var approved = new List<TmEntry>();
        var states = new Dictionary<string, int>(StringComparer.Ordinal);
        var warnings = new List<string>();
        var prompts = job.Articles.ToDictionary(a => a.Id, a => a.PromptVersion, StringComparer.Ordinal);
        var edited = 0;
        foreach (var unit in units)
        {
            var segment = segments[unit.Id];
            if (unit.ReducedTags.Count > 0)
            {
                warnings.Add($"{unit.Id}: inline tags reduced to text ({string.Join(", ", unit.ReducedTags.Distinct(StringComparer.Ordinal))})");
            }

            var english = unit.Target is { Length: > 0 } target ? target : segment.En;
            if (english is null)
            {
                continue;
            }

            var changed = segment.En is null || TmKey.CollapseWhitespace(segment.En) != english;

            // An English a reviewer wrote is at least reviewed, whatever state the tool left on it.
            var state = changed && unit.State == ReviewStates.Translated ? ReviewStates.Reviewed : unit.State;
            var comment = state == ReviewStates.Rejected ? unit.Comment ?? segment.Comment ?? "rejected in a CAT tool" : unit.Comment;
            if (changed)
            {
                edits.Add(new ReviewEdit(job.JobId, segment.Article, segment.Id, ReviewFields.English, segment.En, english, state, comment, now, reviewer));
                edited++;
            }

            if (state != segment.State)
            {
                edits.Add(new ReviewEdit(job.JobId, segment.Article, segment.Id, ReviewFields.State, segment.State, state, state, changed ? null : comment, now, reviewer));
                states[state] = states.GetValueOrDefault(state) + 1;
            }
            else if (!changed && unit.Comment is { } note && note != segment.Comment)
            {
                edits.Add(new ReviewEdit(job.JobId, segment.Article, segment.Id, ReviewFields.Comment, segment.Comment, note, state, note, now, reviewer));
            }

            if (state == ReviewStates.Approved)
            {
                approved.Add(new TmEntry(segment.Ar, english, job.JobId, segment.Article, segment.Id, prompts[segment.Article], reviewer, now));
            }
        }

        return new ReviewImport(edits, approved, units.Count, edited, states, warnings);
    }

    private static string First(List<string> ids) =>
        string.Join(", ", ids.Take(5)) + (ids.Count > 5 ? $" and {ids.Count - 5} more" : string.Empty);
}
