using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Summarizer.Core.Jobs;

/// <summary>Makes job ids: a UTC timestamp and a short hash, so they sort by time and never collide.</summary>
public static class JobIds
{
    /// <summary>Makes an id such as <c>20261123T041100Z-3fa9c2</c>.</summary>
    public static string New(DateTimeOffset now, IEnumerable<string> inputs)
    {
        var seed = string.Join('\n', inputs.Append(now.UtcTicks.ToString(CultureInfo.InvariantCulture)).Append(Guid.NewGuid().ToString()));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..6];
        return now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + hash;
    }
}
