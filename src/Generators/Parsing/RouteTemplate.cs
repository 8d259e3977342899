using System;
using System.Collections.Generic;

namespace Streaming.Generators.Parsing;

/// <summary>
/// Reads the parameter names out of a minimal-API route template (<c>/orders/{id:int}/{*rest}</c>), enough to
/// check them against the method at build time. ASP.NET parses the template again at start-up.
/// </summary>
internal static class RouteTemplate
{
    /// <summary>The route's parameter names, or an error saying why the template does not parse.</summary>
    public static (IReadOnlyList<string> Parameters, string? Error) Parse(string template)
    {
        var names = new List<string>();
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c == '}')
            {
                if (i + 1 < template.Length && template[i + 1] == '}')
                {
                    i += 2;
                    continue;
                }

                return (names, "a '}' has no matching '{' (write '}}' for a literal brace)");
            }

            if (c != '{')
            {
                i++;
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                i += 2;
                continue;
            }

            var end = template.IndexOf('}', i + 1);
            if (end < 0)
            {
                return (names, "a '{' is not closed");
            }

            // A constraint may hold a regex with braces of its own; the doubled '}}' inside it is literal.
            while (end + 1 < template.Length && template[end + 1] == '}')
            {
                var next = template.IndexOf('}', end + 2);
                if (next < 0)
                {
                    break;
                }

                end = next;
            }

            var name = ParameterName(template.Substring(i + 1, end - i - 1));
            if (name.Length == 0)
            {
                return (names, "a route parameter has no name");
            }

            foreach (var ch in name)
            {
                if (ch is '{' or '}' or '/' or '?' or '*' or '=' or ':')
                {
                    return (names, $"'{name}' is not a valid route parameter name");
                }
            }

            foreach (var existing in names)
            {
                if (string.Equals(existing, name, StringComparison.OrdinalIgnoreCase))
                {
                    return (names, $"the route parameter '{name}' appears more than once");
                }
            }

            names.Add(name);
            i = end + 1;
        }

        return (names, null);
    }

    /// <summary>The name in <c>*name:constraint=default?</c>.</summary>
    private static string ParameterName(string body)
    {
        var start = 0;
        while (start < body.Length && body[start] == '*')
        {
            start++;
        }

        var end = start;
        while (end < body.Length && body[end] is not (':' or '=' or '?'))
        {
            end++;
        }

        return body.Substring(start, end - start).Trim();
    }
}
