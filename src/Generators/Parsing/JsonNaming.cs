namespace Streaming.Generators.Parsing;

/// <summary>The names System.Text.Json writes, computed at build time.</summary>
internal static class JsonNaming
{
    /// <summary>
    /// <c>JsonNamingPolicy.CamelCase</c>: lower-cases the leading run of capitals, except the last one when a
    /// lower-case letter follows it (<c>URLValue</c> → <c>urlValue</c>, <c>ID</c> → <c>id</c>).
    /// </summary>
    public static string CamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            var hasNext = i + 1 < chars.Length;
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                // "ABC def": the capital before a space is still part of the leading run.
                if (chars[i + 1] == ' ')
                {
                    chars[i] = char.ToLowerInvariant(chars[i]);
                }

                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }
}
